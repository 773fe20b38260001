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


def test_with_both_named_partners_is_one_call_each(code):
    events = code(
        "NAIROBI (Wire) — Kenyan President William Ruto spoke by phone on Wednesday with both "
        "Tanzanian President Samia Suluhu Hassan and Ugandan President Yoweri Museveni about "
        "the fuel pipeline."
    )
    calls = [e for e in events if e.type == "CONSULT"]
    assert sorted(tuple(people(e)) for e in calls) == [
        ("Samia Suluhu Hassan", "William Ruto"),
        ("William Ruto", "Yoweri Museveni"),
    ]
    assert all(e.date == date(2024, 6, 12) for e in calls)
    # the dateline's city and country are not a party
    assert all(len(e.actors) == 2 for e in calls)


def test_the_other_side_of_a_discussed_relation_is_not_a_party(code):
    events = code(
        "Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed on Tuesday "
        "and discussed Kenya's trade with Somalia."
    )
    contacts = [e for e in events if e.type == "CONSULT"]
    assert contacts and all("SOM" not in {a.country for a in e.actors} for e in contacts)


def test_a_visit_someone_made_is_their_visit_at_its_own_date(code):
    events = code(
        "Ruto is returning the visit Tanzanian President Samia Suluhu Hassan made to Nairobi in "
        "March, when the two leaders agreed to hold regular mutual visits."
    )
    visits = [e for e in events if e.type == "CONSULT"]
    assert len(visits) == 1  # "regular mutual visits" is a habit, not an event
    visit = visits[0]
    assert {a.country for a in visit.actors} == {"TZA", "KEN"}
    assert (visit.date, visit.date_precision, visit.status) == (
        date(2024, 3, 1),
        "month",
        "occurred",
    )


def test_the_principal_a_readout_headline_names_is_the_president_of_its_body(resources):
    article = Article(
        doc_id="t",
        title="Readout of President Biden's Call with Prime Minister Kishida of Japan",
        text="The President spoke today with Prime Minister Fumio Kishida of Japan. The President "
        "reaffirmed the alliance.",
        published=date(2023, 6, 1),
        published_source="metadata",
    )
    events = next(extract_articles([article], resources)).events
    call = next(e for e in events if e.type == "CONSULT")
    assert people(call) == ["Fumio Kishida", "Joe Biden"]


def test_an_attack_that_names_no_doer_keeps_its_source_empty(code):
    events = code("A roadside bomb killed two Nigerian soldiers near Maiduguri on Sunday.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert [a.role for a in assaults[0].actors] == ["target"]
    assert assaults[0].actors[0].country == "NGA"
    # an act whose subject is not an attack still needs its doer
    assert code("The report criticised Nigerian soldiers.") == []


def test_an_actor_known_only_by_sector_is_the_source(code):
    events = code("Militants attempted to assassinate Nigerian President Bola Tinubu on Sunday.")
    assert [(e.type, [(a.role, a.country, a.text) for a in e.actors]) for e in events] == [
        (
            "ASSAULT",
            [("source", None, "Militants"), ("target", "NGA", "Nigerian President Bola Tinubu")],
        )
    ]


def test_the_doer_of_a_gerund_is_the_subject_it_shares_even_in_a_passive(code):
    # "were wounded after shelling the town": the soldiers shelled, then were wounded
    events = code("Two Nigerian soldiers were wounded after shelling the town of Maiduguri.")
    assert any(
        a.role == "source" and a.country == "NGA"
        for e in events
        if e.type == "ASSAULT"
        for a in e.actors
    )
