"""Event dates in context, on sentences written for the tests (issue #5's cases)."""

from datetime import date

import pytest

from diplograph.model import Article
from diplograph.pipeline import extract_articles

PUBLISHED = date(2025, 6, 4)  # a Wednesday


def _dated(resources, text: str) -> dict[str, tuple]:
    article = Article(doc_id="t", text=text, published=PUBLISHED, published_source="metadata")
    events = next(extract_articles([article], resources)).events
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
