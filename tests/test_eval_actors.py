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


THIRD = Path(__file__).resolve().parent / "data" / "actors_third" / "gold_mentions.jsonl"


def test_actor_resolution_on_the_third_gold_set(resources):
    """508 mentions by a third annotator (119 White House documents the earlier sets did not
    use, 41 written articles). First, untouched run: names 91.8%, roles 84.3%, coreference
    65.6%, 4 flagged holders (2 scorer artefacts: "Jr." and an alias spelling; 1 real: China's
    spokesperson, an office several people share, which is no longer resolved from the role).
    After general fixes (shared offices, "top U.S. diplomat", "Petro's foreign minister",
    organisation titles, typed collectives, "the Russian minister", subject-aware object
    pronouns) the floors below hold; it is a development set now."""
    report = evaluate_actors(THIRD, resources)
    assert report.errors == []
    scores = report.scores
    print({c: f"{s.correct}/{s.total} = {s.accuracy:.1%}" for c, s in scores.items()})
    assert scores["name"].accuracy >= 0.95
    assert scores["role"].accuracy >= 0.92
    assert scores["coreference"].accuracy >= 0.74
    assert report.wrong_holders == []


FOURTH = Path(__file__).resolve().parent / "data" / "actors_fourth" / "gold_mentions.jsonl"


def test_actor_resolution_on_the_fourth_gold_set(resources):
    """571 mentions by a fourth annotator (61 White House documents no earlier set used, 40
    written articles), measured before any tuning on it: names 96.0%, roles 89.95% (197/219),
    coreference 70.4%, zero wrong holders. Names and roles meet issue #3's targets on unseen
    text; coreference does not. After general fixes prompted by its failures (readouts'
    capitalised titles, "his host", organisation leaders, repeated possessives, "X and his
    team", "briefed X on his") the floors below hold; it is a development set now."""
    report = evaluate_actors(FOURTH, resources)
    assert report.errors == []
    scores = report.scores
    print({c: f"{s.correct}/{s.total} = {s.accuracy:.1%}" for c, s in scores.items()})
    assert scores["name"].accuracy >= 0.95
    assert scores["role"].accuracy >= 0.93
    assert scores["coreference"].accuracy >= 0.77
    assert report.wrong_holders == []
