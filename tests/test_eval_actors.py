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
    assert scores["name"].accuracy >= 0.95
    assert scores["role"].accuracy >= 0.90
    assert scores["coreference"].accuracy >= 0.86
    assert report.wrong_holders == []  # never a person who did not hold the office that day
