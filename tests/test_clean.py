"""Boilerplate removal on the seeds and on hand-written pages the rules were not tuned on."""

from diplograph.clean import clean_article
from diplograph.model import Article

BOILERPLATE_SEED_LINES = {
    "001_4c04747d527bc3eb": ["Sitelerimizde reklam", "Bu çerezler", "X"],
    "002_7c3cb338071413ad": [
        "Advertising",
        "MORE ABOUT",
        "LATEST",
        "16:01, 07.03.2025",
        "Rutte after meeting with Trump",
    ],
    "004_b6bff47565225a41": [
        "JOIN US ON TELEGRAM",
        "Follow our coverage",
        "Other Topics of Interest",
        "Joe Biden Issues Pardon",
    ],
}


def test_seed_boilerplate_is_removed_with_reasons(seed_results):
    for doc_id, starts in BOILERPLATE_SEED_LINES.items():
        clean = seed_results[doc_id].clean
        removed = [r.text for r in clean.removed]
        for start in starts:
            assert any(r.startswith(start) for r in removed), (doc_id, start)
            assert not any(line.startswith(start) for line in clean.clean_text.splitlines()), (
                doc_id,
                start,
            )
        assert all(r.reason for r in clean.removed)


def test_story_text_is_kept(seed_results):
    for result in seed_results.values():
        body = result.clean.clean_text
        assert len(body) > 600
        assert result.clean.language == "en"
    assert (
        "More than 400 people have so far been killed"
        in seed_results["004_b6bff47565225a41"].clean.clean_text
    )


def test_unseen_page_chrome():
    text = "\n".join(
        [
            "Brazil and Argentina pledge closer trade ties",
            "",
            "We use cookies to personalise content and ads. By clicking Accept you agree to our privacy policy.",
            "Accept all",
            "Brazilian President Luiz Inácio Lula da Silva met Argentine President Javier Milei in Brasília on Monday.",
            "ADVERTISEMENT",
            "Photo: AFP",
            "The two leaders discussed a new customs agreement and energy exports across the border.",
            "Officials from both governments said the agreement would be signed before the end of the year.",
            "Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die Zugriffe zu analysieren.",
            "Der Präsident der Republik hat am Montag ein neues Gesetz unterzeichnet und veröffentlicht.",
            "Read more: Milei calls Lula ahead of Mercosur summit",
            "Subscribe to our newsletter for the latest updates",
            "Related articles",
            "Chile's president meets Peru's foreign minister",
            "2 hours ago",
            "Mexico hosts regional leaders",
        ]
    )
    clean = clean_article(Article(doc_id="t", text=text))
    reasons = {r.text[:20]: r.reason for r in clean.removed}
    assert clean.article.title == "Brazil and Argentina pledge closer trade ties"
    assert clean.clean_text.splitlines() == [
        "Brazilian President Luiz Inácio Lula da Silva met Argentine President Javier Milei in Brasília on Monday.",
        "The two leaders discussed a new customs agreement and energy exports across the border.",
        "Officials from both governments said the agreement would be signed before the end of the year.",
    ]
    assert reasons["We use cookies to pe"] == "cookie_banner"
    assert reasons["ADVERTISEMENT"] == "advertising"
    assert reasons["Der Präsident der Re"] == "foreign_language"
    assert reasons["Read more: Milei cal"] == "related_link"
    assert reasons["Subscribe to our new"] == "social_cta"
    assert reasons["Chile's president me"] == "related_list"
    assert reasons["Photo: AFP"] == "photo_credit"


def test_agency_datelines_with_a_colon_are_removed():
    clean = clean_article(
        Article(
            doc_id="t",
            text="GAZA CITY, Palestinian Territories: Four people were wounded in an air strike "
            "in the north of the territory on Friday, medics said.",
        )
    )
    assert clean.clean_text.startswith("Four people were wounded")
    assert [r.text for r in clean.removed if r.reason == "dateline"] == [
        "GAZA CITY, Palestinian Territories:"
    ]
    # a speaker's colon is not a dateline
    kept = clean_article(
        Article(doc_id="u", text="Mr. Lammy: the talks were constructive, he said.")
    )
    assert not [r for r in kept.removed if r.reason == "dateline"]
