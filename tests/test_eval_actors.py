"""Actor resolution on 603 labelled mentions (White House readouts, test articles, snippets).

The gold file was written by an annotator who did not see the code. Floors sit just under the
measured figures, which meet issue #3's targets (names >= 95%, roles >= 90%, coreference >=
85%) after tuning on this set's failures: it is a development set now, and the next honest
measurement needs fresh mentions.
"""

from pathlib import Path

from diplograph.evaluate import evaluate_actors

GOLD = Path(__file__).resolve().parent / "data" / "actors" / "gold_mentions.jsonl"


def test_actor_resolution_accuracy(resources):
    report = evaluate_actors(GOLD, resources)
    assert report.errors == []
    scores = report.scores
    print({c: f"{s.correct}/{s.total} = {s.accuracy:.1%}" for c, s in scores.items()})
    assert (
        scores["name"].total >= 140
        and scores["role"].total >= 110
        and scores["coreference"].total >= 70
    )
    assert scores["name"].accuracy >= 0.96
    assert scores["role"].accuracy >= 0.95
    assert scores["coreference"].accuracy >= 0.89
    assert report.wrong_holders == []  # never a person who did not hold the office that day


HELDOUT = Path(__file__).resolve().parent / "data" / "actors_heldout" / "gold_mentions.jsonl"


def test_actor_resolution_on_the_second_gold_set(resources):
    """444 mentions by a second annotator. First, untouched run: names 88.2%, roles 93.1%,
    coreference 81.5%, 5 wrong holders (3 were "Iran's president" resolved to the Supreme
    Leader, 2 a missing alias). After the title fix and the alias: 89.1 / 94.4 / 82.6. After
    general coreference work (object pronouns, quotations, honorifics with given names, bare
    titles by context, plural roles of listed countries): 94.1 / 98.7 / 95.7. It is a
    development set now; the third set measures unseen text."""
    report = evaluate_actors(HELDOUT, resources)
    assert report.errors == []
    scores = report.scores
    print({c: f"{s.correct}/{s.total} = {s.accuracy:.1%}" for c, s in scores.items()})
    assert scores["name"].accuracy >= 0.93
    assert scores["role"].accuracy >= 0.97
    assert scores["coreference"].accuracy >= 0.94
    assert report.wrong_holders == []
