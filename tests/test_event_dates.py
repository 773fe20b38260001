"""Event dates in context, on sentences written for the tests (issue #5's cases)."""

from datetime import date

import pytest

from diplograph.model import Article
from diplograph.pipeline import extract_articles

PUBLISHED = date(2025, 6, 4)  # a Wednesday


def _events(resources, text: str) -> list:
    article = Article(doc_id="t", text=text, published=PUBLISHED, published_source="metadata")
    return next(extract_articles([article], resources)).events


def _dated(resources, text: str) -> dict[str, tuple]:
    events = _events(resources, text)
    return {e.trigger.lower(): (e.date, e.date_precision, e.date_source) for e in events}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a range is dated by its start
        (
            "Indian Prime Minister Narendra Modi will visit France from Monday to Wednesday.",
            "visit",
            date(2025, 6, 9),
        ),
        # a statement dates what it announces
        (
            "Prime Minister Keir Starmer said on Monday that Britain would expel 23 Russian "
            "diplomats.",
            "expel",
            date(2025, 6, 2),
        ),
        # "the following day" counts from the day its sentence names
        (
            "On May 23, Kenyan President William Ruto met Ghana's President John Mahama, and "
            "Ruto called Nigerian President Bola Tinubu the following day.",
            "called",
            date(2025, 5, 24),
        ),
        # a present-tense schedule looks ahead
        (
            "Turkish Foreign Minister Hakan Fidan travels on Friday to Athens to meet Greek "
            "Foreign Minister Giorgos Gerapetritis.",
            "meet",
            date(2025, 6, 6),
        ),
    ],
)
def test_clause_dates(resources, text, trigger, expected):
    dated = _dated(resources, text)
    assert dated[trigger][0] == expected, dated


def test_deadlines_and_since_never_date_an_event(resources):
    dated = _dated(
        resources,
        "U.S. Secretary of State Marco Rubio met Qatari Prime Minister Mohammed bin Abdulrahman "
        "Al Thani, the first such meeting since 2019, and demanded that Hamas release the "
        "hostages by Saturday.",
    )
    day, _, _ = dated["met"]
    assert day is None or day.year == 2025
    assert all(value[0] != date(2025, 6, 7) for value in dated.values())


def test_a_time_of_day_takes_the_day_named_before_and_a_last_call_stays_apart(resources):
    events = _events(
        resources,
        "Kenyan President William Ruto spent much of Sunday on the phone. Ruto then spoke with "
        "Nigerian President Bola Tinubu in the evening. Ruto and Tinubu had last held a call on "
        "Tuesday, when they discussed the Sudan talks.",
    )
    calls = sorted(
        (e.date, e.date_text) for e in events if e.type == "CONSULT" and e.date is not None
    )
    assert calls == [(date(2025, 6, 1), "in the evening"), (date(2025, 6, 3), "Tuesday")]


def test_a_when_clause_takes_the_date_it_hangs_on(resources):
    events = _events(
        resources,
        "It was Narendra Modi's first visit to Paris since July 2023, when he met French "
        "President Emmanuel Macron at the Elysee.",
    )
    met = next(e for e in events if e.trigger == "met")
    assert (met.date, met.date_precision) == (date(2023, 7, 1), "month")
    assert met.date_source == "explicit"


def test_the_call_a_request_was_made_in_has_the_request_status_and_day(resources):
    events = _events(
        resources,
        "German Chancellor Friedrich Merz urged Chinese President Xi Jinping on Monday to use "
        "his influence on Moscow to end the war, in a phone call that lasted an hour.",
    )
    call = next(e for e in events if e.type == "CONSULT")
    assert call.status == "occurred"
    assert call.date == date(2025, 6, 2)
    assert {a.name for a in call.actors} == {"Friedrich Merz", "Xi Jinping"}


def test_a_named_person_stands_for_their_country_in_a_contact(resources):
    events = _events(
        resources,
        "Dominican President Luis Abinader urged the United States to speed up aid to Haiti "
        "during a meeting with President Donald Trump at the White House.",
    )
    meeting = next(e for e in events if e.type == "CONSULT")
    assert sorted(a.id == a.country for a in meeting.actors) == [False, False]
    assert {a.country for a in meeting.actors} == {"DOM", "USA"}


def test_a_day_later_than_planned_is_not_the_following_day(resources):
    events = _events(
        resources,
        "President Donald Trump met Israeli Prime Minister Benjamin Netanyahu at the White House "
        "on Monday, a day later than planned after a storm delayed his flight.",
    )
    met = next(e for e in events if e.type == "CONSULT")
    assert met.date == date(2025, 6, 2)


def test_a_visit_to_a_country_under_a_city_country_dateline(resources):
    events = _events(
        resources,
        "NAIROBI, Kenya — Somali President Hassan Sheikh Mohamud began his first visit to Kenya "
        "in two years on Tuesday, arriving for talks on border security.",
    )
    visit = next(e for e in events if e.type == "CONSULT")
    assert {a.country for a in visit.actors} == {"SOM", "KEN"}
    assert visit.date == date(2025, 6, 3)
    assert all(not (e.evidence[0].text.startswith("NAIROBI")) for e in events)


def test_a_where_clause_is_set_in_the_dated_visit(resources):
    events = _events(
        resources,
        "The trip was Ruto's second abroad after his Sunday visit to Ethiopia, where he met "
        "Prime Minister Abiy Ahmed.",
    )
    met = next(e for e in events if e.trigger == "met")
    assert met.date == date(2025, 6, 1)


def test_a_clause_joined_to_a_dated_clause_without_an_event_takes_its_day(resources):
    dated = _dated(
        resources,
        "More than a million people marched across France on Tuesday, and French police "
        "arrested 457 protesters in Paris.",
    )
    assert dated["arrested"][:2] == (date(2025, 6, 3), "day")


def test_until_a_clock_time_on_a_day_is_the_end_not_the_date(resources):
    dated = _dated(
        resources,
        "Kenyan police arrested 20 protesters in Nairobi, and the Kenyan government imposed a "
        "curfew on the city until 5 a.m. on Thursday.",
    )
    assert dated.get("imposed", (None,))[0] != date(2025, 5, 29)


def test_a_later_sentence_with_a_time_of_its_own_is_not_set_in_the_contact(resources):
    events = _events(
        resources,
        "Philippine President Rodrigo Duterte arrived in Beijing on Monday for a four-day visit. "
        "In July, an international court ruled that China's claims had no legal basis, a "
        "decision Beijing refused to recognise.",
    )
    refused = [e for e in events if e.trigger.lower() == "refused"]
    assert [e.date for e in refused] == [None]


def test_days_after_a_dated_clause(resources):
    dated = _dated(
        resources,
        "Two days after Kenyan police arrested the activists, the Kenyan government released "
        "them on Friday.",
    )
    assert dated["released"][:2] == (date(2025, 5, 30), "day")
    assert dated["arrested"][:2] == (date(2025, 5, 28), "day")
