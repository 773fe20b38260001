"""The real thing: the installed console script, a real DuckDB file, real JSON output."""

import json
from pathlib import Path

import jsonschema
import yaml

from conftest import run_cli
from diplograph.store import connect, counts, query_events

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = yaml.safe_load(
    (ROOT / "src" / "diplograph" / "schema" / "article_record.schema.json").read_text()
)


run = run_cli


def test_extract_writes_valid_jsonl_and_reports_bad_files(tmp_path):
    bad = tmp_path / "broken.jsonl"
    bad.write_text(
        '{"id": "ok1", "text": "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in New Delhi on Monday.", "published": "2023-03-22"}\n{oops\n',
        encoding="utf-8",
    )
    proc = run(
        "extract",
        str(ROOT / "examples" / "002_7c3cb338071413ad.txt"),
        str(bad),
        "--published",
        "2022-01-04",
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["doc_id"] for r in lines] == ["002_7c3cb338071413ad", "ok1"]
    for record in lines:
        jsonschema.validate(record, SCHEMA)
    assert "broken.jsonl:2" in proc.stderr and "malformed JSON" in proc.stderr
    modi = lines[1]["events"][0]
    assert {a["country"] for a in modi["actors"]} == {"JPN", "IND"}
    assert modi["date"] == "2023-03-20" and modi["mode"] == "visit"


def test_ingest_is_idempotent_and_queryable(tmp_path):
    db = tmp_path / "t.duckdb"
    first = run("ingest", str(ROOT / "examples" / "seeds.jsonl"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    con = connect(db)
    before = counts(con)
    con.close()
    second = run(
        "ingest", str(ROOT / "examples"), "--db", str(db)
    )  # .txt copies of the same articles too
    assert second.returncode == 0, second.stderr
    con = connect(db)
    after = counts(con)
    assert before == after and before["articles"] == 5 and before["events"] > 10
    from datetime import date

    turkish = query_events(con, actors=["TUR"], since=date(2024, 1, 1))
    assert turkish and all(e["date"] >= "2024-01-01" for e in turkish)
    assert all(any(a["country"] == "TUR" for a in e["actors"]) for e in turkish)
    dyad = query_events(con, actors=["TUR", "USA"], types=["CONSULT"])
    assert len(dyad) >= 5
    con.close()
    table = run(
        "events", "--db", str(db), "--actor", "TUR", "--since", "2025-01-01", "--format", "jsonl"
    )
    assert table.returncode == 0
    assert all(json.loads(line)["date"] >= "2025-01-01" for line in table.stdout.splitlines())


def test_bad_date_option_is_a_clear_error(tmp_path):
    proc = run("events", "--db", str(tmp_path / "none.duckdb"), "--since", "yesterday")
    assert proc.returncode != 0


def test_eval_dedup_leaves_nothing_behind_and_can_run_again(tmp_path):
    folder = ROOT / "tests" / "data" / "dedup_sixth"
    for _ in range(2):
        proc = run("eval", "dedup", str(folder), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "event reports" in proc.stdout
    assert list(tmp_path.iterdir()) == []
