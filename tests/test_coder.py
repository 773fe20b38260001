"""Event coding on sentences written for these tests (not taken from any test article)."""

from datetime import date

import pytest

from diplograph.model import Article
from diplograph.pipeline import extract_articles


@pytest.fixture(scope="module")
def code(resources):
    def run(text: str, published: date | None = date(2024, 6, 14)):
        article = Article(
            doc_id="t",
            text=text,
            published=published,
            published_source="metadata" if published else None,
        )
        return [e for e in next(extract_articles([article], resources)).events]

    return run


def people(event):
    return sorted(a.name for a in event.actors)


def test_separate_calls_with_coordinated_counterparts(code):
    # 2024-06-13 is a Thursday; the Polish and French foreign ministers then were Sikorski and Séjourné.
    events = code(
        "Ukrainian Foreign Minister Dmytro Kuleba held separate calls on Thursday with his Polish and French counterparts."
    )
    calls = [e for e in events if e.mode == "phone"]
    assert len(calls) == 2
    assert {tuple(people(e)) for e in calls} == {
        ("Dmytro Kuleba", "Radosław Sikorski"),
        ("Dmytro Kuleba", "Stéphane Séjourné"),
    }
    assert all(e.date == date(2024, 6, 13) for e in calls)


def test_pronoun_in_same_sentence(code):
    events = code(
        "Greek Prime Minister Kyriakos Mitsotakis is set to visit Ankara next week, where he will meet President Recep Tayyip Erdoğan."
    )
    meeting = [
        e
        for e in events
        if {a.country for a in e.actors} == {"GRC", "TUR"}
        and any(a.id == "recep_tayyip_erdogan" for a in e.actors)
    ]
    assert meeting and all(e.status == "planned" for e in meeting)
    assert (
        any(a.resolved_by == "coreference" for e in meeting for a in e.actors)
        or len(meeting[0].evidence) >= 1
    )


def test_former_office_holder_is_not_the_incumbent(code):
    events = code(
        "The former British foreign secretary met Chinese Foreign Minister Wang Yi in Beijing on Monday."
    )
    for event in events:
        for actor in event.actors:
            assert (
                actor.id != "david_cameron"
            )  # foreign secretary on 2024-06-10, but "former" says otherwise


def test_country_officials_are_a_party(code):
    events = code(
        "UN Secretary-General Antonio Guterres spoke with Qatari officials on Wednesday about the hostages."
    )
    assert any(
        {a.country for a in e.actors} == {"UNO", "QAT"} and e.date == date(2024, 6, 12)
        for e in events
    )


def test_negated_and_planned_statuses(code):
    denied = code(
        "Spanish Prime Minister Pedro Sánchez did not meet Argentine President Javier Milei in Madrid on Sunday."
    )
    assert [e.status for e in denied if e.type == "CONSULT"] == ["denied"]
    planned = code(
        "Japanese Prime Minister Fumio Kishida will travel to Washington next week to meet US President Joe Biden."
    )
    assert planned and all(e.status == "planned" for e in planned if e.type == "CONSULT")


def test_background_year_is_not_the_publication_date(code):
    events = code(
        "In 2014, Russian President Vladimir Putin met German Chancellor Angela Merkel in Minsk."
    )
    meeting = [e for e in events if e.type == "CONSULT"]
    assert meeting and meeting[0].date == date(2014, 1, 1) and meeting[0].date_precision == "year"


def test_no_date_words_no_metadata_means_null(code):
    events = code(
        "Indian Prime Minister Narendra Modi spoke with Australian Prime Minister Anthony Albanese by phone.",
        published=None,
    )
    assert events and all(e.date is None and e.date_reason for e in events)
