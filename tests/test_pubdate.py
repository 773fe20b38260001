"""Publication dates from the text alone, on articles written for the tests."""

from datetime import date

from diplograph.model import Article
from diplograph.pipeline import extract_articles


def _published(resources, text: str) -> Article:
    article = Article(doc_id="t", text=text)
    return next(extract_articles([article], resources)).clean.article


def test_dateline_year_from_office_terms_and_lead_weekday(resources):
    article = _published(
        resources,
        "ANKARA, March 7 (Wire) - Turkish Foreign Minister Hakan Fidan met U.S. Secretary of "
        "State Marco Rubio in Washington on Friday to discuss Syria and the war in Ukraine.",
    )
    # Fidan and Rubio were both in office only from 2025; March 7, 2025 was a Friday
    assert article.published == date(2025, 3, 7)
    assert article.published_source == "inferred"
    assert "March 7" in (article.published_evidence or "")


def test_several_fitting_years_leave_the_date_unknown(resources):
    article = _published(
        resources,
        "MOSCOW, Aug 9 (Wire) - Russian President Vladimir Putin met Turkish President Tayyip "
        "Erdogan on Tuesday and both pledged to deepen trade.",
    )
    assert article.published is None
    assert "years" in (article.published_reason or "")


def test_no_dateline_no_guess(resources):
    article = _published(
        resources, "Protesters marched through the capital on Saturday against new taxes."
    )
    assert article.published is None and article.published_reason


def test_weekday_with_day_and_month_in_the_lead(resources):
    article = _published(
        resources,
        "Prime Minister Keir Starmer on Thursday, January 16, signed a 100-year partnership "
        "with President Volodymyr Zelenskyy in Kyiv.",
    )
    assert article.published == date(2025, 1, 16)


def test_background_events_keep_their_own_date_and_are_flagged(resources):
    text = (
        "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Tehran on "
        "Tuesday. The two presidents last met in Sochi in September 2021."
    )
    article = Article(doc_id="t", text=text, published=date(2022, 7, 20))
    events = next(extract_articles([article], resources)).events
    by_date = {(e.date, e.date_precision): e.historical for e in events if e.type == "CONSULT"}
    assert by_date[(date(2022, 7, 19), "day")] is False
    assert by_date[(date(2021, 9, 1), "month")] is True


def test_reported_speech_names_who_reported_it(resources):
    text = (
        "Kenyan President William Ruto spoke with Ghana's President John Mahama on Monday, "
        "Kenya's foreign ministry said."
    )
    article = Article(doc_id="t", text=text, published=date(2025, 6, 3))
    (event,) = [e for e in next(extract_articles([article], resources)).events]
    assert event.reported_by is not None
    assert event.reported_by.country == "KEN" and event.reported_by.role == "reporter"
    assert {a.country for a in event.actors} == {"KEN", "GHA"}


def test_an_evening_event_reported_under_the_next_days_dateline(resources):
    article = _published(
        resources,
        "WASHINGTON, March 9 (Wire) - U.S. President Joe Biden and Japanese Prime Minister "
        "Yoshihide Suga spoke by phone on Monday evening Washington time about China.",
    )
    # no March 9 of Biden's term was a Monday; March 9, 2021 was the Tuesday after one
    assert article.published == date(2021, 3, 9)


def test_the_pages_own_publication_line(resources):
    article = _published(
        resources,
        "Published March 18, 2025 KYIV - Ukrainian President Volodymyr Zelensky said on Tuesday "
        "he was ready to discuss a ceasefire on energy infrastructure.",
    )
    assert article.published == date(2025, 3, 18)
    assert article.published_reason == "publication line at the top of the page"


def test_update_line_counts_only_when_the_lead_names_that_day(resources):
    # May 28, 2024 was a Tuesday: the update line and the story agree
    confirmed = _published(
        resources,
        "TBILISI, Georgia (Wire) — Updated 6:40 PM GMT+4, May 28, 2024\n\n"
        "Georgia's parliament on Tuesday overrode a presidential veto of a contested bill.",
    )
    assert confirmed.published == date(2024, 5, 28)
    # an update two days after the Sunday the story reports says nothing certain
    unconfirmed = _published(
        resources,
        "TBILISI, Georgia (Wire) — Updated 6:40 PM GMT+4, May 28, 2024\n\n"
        "Georgia's parliament on Sunday overrode a presidential veto of a contested bill.",
    )
    assert unconfirmed.published is None


def test_time_before_the_date_in_a_published_line(resources):
    article = _published(
        resources,
        "LIMA, Peru (Wire) — Published 9:14 PM EST, December 7, 2022\n\n"
        "Peru's Congress voted to remove the president on Wednesday.",
    )
    assert article.published == date(2022, 12, 7)


def test_a_planned_weekday_does_not_date_the_dateline(resources):
    # "will release ... on Friday" names a day to come; the report is Thursday's
    article = _published(
        resources,
        "ISLAMABAD, Feb 28 (Wire) - Pakistan will release a captured Indian pilot on Friday, "
        "Prime Minister Imran Khan told parliament on Thursday.",
    )
    assert article.published == date(2019, 2, 28)
