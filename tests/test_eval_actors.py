"""Actor resolution on labelled sets, each written by an annotator who did not see the code.

History (names / roles / coreference, wrong office holders):

- ``actors`` (603 mentions): the development set from the start; meets issue #3's targets.
- ``actors_heldout`` (444): first, untouched run 88.2 / 93.1 / 81.5%, 5 wrong holders (3 were
  "Iran's president" resolved to the Supreme Leader, 2 a missing alias); tuned on since.
- ``actors_third`` (508; 119 White House documents no earlier set used, 41 written articles):
  first run 91.8 / 84.3 / 65.6%, 4 flagged holders (2 scorer artefacts, "Jr." and an alias
  spelling; 1 real: China's spokesperson, an office several people share, which is no longer
  resolved from the role alone); tuned on since.
- ``actors_fourth`` (571; 61 unused White House documents, 40 written articles): first run
  96.0 / 89.95 (197/219) / 70.4%, zero wrong holders. Names and roles meet the targets on
  unseen text; coreference does not. Tuned on since.

- ``actors_fifth`` (651; 34 unused White House documents, 34 written articles): held out
  until 2026-11-22, first run 93.8 / 90.7 / 69.8%, zero wrong holders (after two scorer fixes
  that do not touch the resolver: regnal gold names such as "Abdullah II of Jordan", and a gold
  occurrence counted inside a longer word). Tuned on since.
- ``actors_sixth`` (444; 34 unused White House documents, 29 written articles): held out until
  2026-11-22, first run 98.5 / 90.2 / 77.6%, zero wrong holders. Tuned on since.
- ``actors_seventh`` (549; 35 unused White House documents, 29 written articles; its annotator
  was told to skip collective mentions whose members the text never names): first run, after
  the fifth and sixth sets' fixes and before any change made for it, names 98.5%, roles 88.5%,
  coreference 86.6%, zero wrong holders. Tuned on since.
- ``actors_eighth`` (546; 35 unused White House documents, 30 written articles): first run
  98.4 / 87.8 / 83.3%, zero wrong holders. Tuned on since.
- ``actors_ninth`` (545; 35 unused White House documents, 30 written articles): first run
  99.0 / 88.0 / 80.5%, zero wrong holders. Tuned on since.
- ``actors_tenth`` (452; 37 unused White House documents, 18 written articles): first run
  97.9 / 84.5 / 86.1%, zero wrong holders. Tuned on since (one change: "head of state" and
  "head of government" as titles).

Floors sit just under the current figures; every set must keep zero wrong holders.
"""

from pathlib import Path

import pytest

from diplograph.evaluate import evaluate_actors

DATA = Path(__file__).resolve().parent / "data"
FLOORS = {
    # set: (names, roles, coreference)
    "actors": (0.96, 0.95, 0.91),
    "actors_heldout": (0.93, 0.97, 0.94),
    "actors_third": (0.97, 0.95, 0.81),
    "actors_fourth": (0.96, 0.94, 0.86),
    "actors_fifth": (0.97, 0.94, 0.83),
    "actors_sixth": (0.98, 0.92, 0.86),
    "actors_seventh": (0.97, 0.92, 0.91),
    "actors_eighth": (0.97, 0.91, 0.86),
    "actors_ninth": (0.98, 0.90, 0.82),
    "actors_tenth": (0.97, 0.90, 0.86),
    # first run 96.3 / 86.6 / 66.2 (coreference includes epithets: "the veteran leftist"),
    # now 96.3 / 90.4 / 69.7
    "actors_eleventh": (0.96, 0.90, 0.69),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_actor_resolution(resources, name):
    report = evaluate_actors(DATA / name / "gold_mentions.jsonl", resources)
    assert report.errors == []
    scores = report.scores
    print(name, {c: f"{s.correct}/{s.total} = {s.accuracy:.1%}" for c, s in scores.items()})
    assert all(scores[c].total >= 80 for c in ("name", "role", "coreference"))
    names, roles, coreference = FLOORS[name]
    assert scores["name"].accuracy >= names
    assert scores["role"].accuracy >= roles
    assert scores["coreference"].accuracy >= coreference
    assert report.wrong_holders == []  # never a person who did not hold the office that day
