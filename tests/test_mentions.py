"""Mention composition on sentences written for the tests (not taken from the seeds)."""

from datetime import date

from diplograph.actors.kb import load_kb
from diplograph.actors.mentions import find_mentions
from diplograph.actors.resolver import DocContext, resolve_mention


def resolve_all(text, day):
    kb = load_kb()
    mentions = find_mentions(text, kb)
    ctx = DocContext.from_mentions(kb, mentions)
    out = []
    for mention in mentions:
        out.extend(resolve_mention(mention, day, ctx, out))
    return out


def test_role_phrases_resolve_by_date():
    early = resolve_all("India's top diplomat flew to Tokyo.", date(2018, 5, 1))
    late = resolve_all("India's top diplomat flew to Tokyo.", date(2023, 5, 1))
    assert early[0].name == "Sushma Swaraj" and early[0].resolved_by == "role+date"
    assert late[0].name == "Subrahmanyam Jaishankar"
    assert early[0].code == "INDGOV"


def test_coordinated_roles_give_one_actor_each():
    actors = resolve_all("The German and French foreign ministers met.", date(2025, 6, 2))
    assert [(a.country, a.office) for a in actors[:2]] == [
        ("DEU", "foreign_minister"),
        ("FRA", "foreign_minister"),
    ]
    assert all(a.id for a in actors[:2])


def test_unknown_holder_keeps_country_and_sector_without_id():
    actors = resolve_all("The South Sudanese foreign minister arrived.", date(2024, 1, 1))
    assert actors[0].id is None and actors[0].country == "SSD" and actors[0].code == "SSDGOV"


def test_title_before_unknown_name_is_kept_as_surface_text():
    actors = resolve_all("Maltese Foreign Minister Jane Doeson said.", date(2024, 1, 1))
    assert actors[0].id is None and actors[0].name == "Jane Doeson" and actors[0].country == "MLT"


def test_modifier_adjectives_are_not_actors():
    actors = resolve_all(
        "Pro-Russian fighters and Iranian-backed groups clashed.", date(2024, 1, 1)
    )
    # the fighters are an actor by sector (rebels), but neither Russia nor Iran is one
    assert [(a.text, a.country) for a in actors] == [("fighters", None)]


def test_names_written_with_a_lower_case_article():
    kinds = {
        m.text: m.candidates
        for m in find_mentions(
            "Officials said al-Qaeda and al-Shabaab had claimed the attacks.", load_kb()
        )
    }
    assert kinds == {"Officials": [], "al-Qaeda": ["ALQAEDA"], "al-Shabaab": ["ALSHABAAB"]}


def test_historical_leaders_by_full_name_and_title_but_not_by_bare_surname():
    kb = load_kb()
    saddam = resolve_all("Iraqi President Saddam Hussein rejected the plan.", date(1999, 5, 1))
    assert [(a.name, a.country, a.office) for a in saddam] == [
        ("Saddam Hussein", "IRQ", "national_leader")
    ]
    # out of office on the date, the name still fixes the person and their state
    barak = resolve_all("Ehud Barak spoke.", date(2000, 1, 1))
    assert [(a.name, a.country) for a in barak] == [("Ehud Barak", "ISR")]
    # a bare surname of a leader of decades ago is not taken: "Clinton" today is rarely Bill
    assert not any(m.kind == "person" for m in find_mentions("Clinton spoke.", kb))


def test_diacritics_and_short_forms():
    actors = resolve_all("Erdogan received Zelensky in Istanbul.", date(2024, 3, 8))
    names = {a.name for a in actors}
    assert {"Recep Tayyip Erdoğan", "Volodymyr Zelenskyy"} <= names


def test_palestinian_territories_by_their_names():
    found = {
        m.text: m.candidates
        for m in find_mentions("Jets struck Gaza and the West Bank.", load_kb())
    }
    assert found == {"Gaza": ["PSE"], "West Bank": ["PSE"]}


def test_a_monarch_of_several_realms_is_found_in_each():
    for text, country in (
        ("The British monarch spoke.", "GBR"),
        ("Canada's head of state spoke.", "CAN"),
    ):
        actors = resolve_all(text, date(2023, 11, 22))
        assert [(a.name, a.country) for a in actors] == [("Charles III", country)]


def test_regions_that_hold_a_country_name_are_not_that_country():
    found = find_mentions(
        "Latin American leaders met in South America and North America.", load_kb()
    )
    assert all(m.country != "USA" for m in found)


def test_a_singular_title_after_two_countries_belongs_to_the_last():
    actors = resolve_all(
        "King Felipe VI of Spain and Portugal's president arrived.", date(2023, 1, 1)
    )
    assert ("Marcelo Rebelo de Sousa", "PRT") in [(a.name, a.country) for a in actors]
    assert all(a.name != "Pedro Sánchez" for a in actors)


def test_first_ever_between_country_and_title():
    found = find_mentions("Kenya's first-ever national security adviser spoke.", load_kb())
    assert [(m.text, m.country) for m in found if m.kind == "role"] == [
        ("Kenya's first-ever national security adviser", "KEN")
    ]
