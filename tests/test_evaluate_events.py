"""The event scorer (``diplograph.evaluate_events``) on a gold file written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from diplograph.evaluate_events import (
    cameo_to_plover,
    evaluate_events,
    gold_country,
    in_split,
    plover_type,
    sentence_text,
)


def test_code_systems_map_to_plover():
    assert cameo_to_plover("0841") == "RETREAT"
    assert cameo_to_plover("081") == "CONCEDE"
    assert cameo_to_plover("195") == "ASSAULT"
    assert cameo_to_plover("015") is None  # statements have no PLOVER type
    assert plover_type("DEMAND") == "REQUEST"  # PLOVER 0.5 names
    assert plover_type("FIGHT") == "ASSAULT"
    assert plover_type("112") == "ACCUSE"


def test_actor_codes_compare_at_country_level():
    assert gold_country("HUNGOV") == "HUN"
    assert gold_country("IGOUNOMIL") == "IGO"
    assert gold_country("JAP") == "JPN"
    assert gold_country("---REB") is None
    assert gold_country(None) is None


def test_split_depends_on_the_id_only():
    ids = [f"record-{i}" for i in range(300)]
    test = [i for i in ids if in_split(i, "test")]
    assert test == [i for i in ids if in_split(i, "test")]
    assert all(in_split(i, "dev") != in_split(i, "test") for i in ids)
    assert 70 < len(test) < 130


def test_sentence_gets_a_full_stop_only_when_it_has_none():
    assert sentence_text("Russia attacked Ukraine") == "Russia attacked Ukraine."
    assert sentence_text("Russia attacked Ukraine.") == "Russia attacked Ukraine."


def test_scores_a_small_gold_file(resources, tmp_path: Path):
    rows = [
        {
            "id": "a",
            "text": "Poland condemned Belarus over the border crisis.",
            "date": "20240614",
            "expected": [{"source": "POLGOV", "target": "BLR", "code": "111"}],
        },
        {
            "id": "b",
            "text": "Lithuania expelled two Russian diplomats.",
            "date": "20240614",
            "expected": [{"source": "LTU", "target": "RUS", "code": "166"}],
        },
        {"id": "c", "text": "The weather was fine in Vilnius.", "date": "20240614", "expected": []},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = evaluate_events(gold, resources)
    assert report.records == 3
    assert report.types.f1 == 1.0 and report.type_accuracy == 1.0
    assert report.roots is not None and report.roots.f1 == 1.0
    assert report.triples.tp == 2 and report.triples.fp == 0
    assert report.confusion[("ACCUSE", "ACCUSE")] == 1
    assert report.confusion[("-", "-")] == 1
