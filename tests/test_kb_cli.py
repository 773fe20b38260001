"""The knowledge-base commands and the Wikidata importer, run as a user would run them."""

from datetime import date
from pathlib import Path

from conftest import run_cli
from diplograph.actors.kb import load_kb_from

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "src" / "diplograph" / "data" / "kb"
EXPORT = ROOT / "tests" / "data" / "wikidata" / "position_held.json"


run = run_cli


def test_kb_who_answers_by_date():
    before = run("kb", "who", "Turkey's top diplomat", "--on", "2020-01-01")
    after = run("kb", "who", "Turkey's top diplomat", "--on", "2024-01-01")
    assert before.returncode == 0 and "Çavuşoğlu" in before.stdout and "role+date" in before.stdout
    assert "Hakan Fidan" in after.stdout


def test_kb_lookup_folds_diacritics():
    proc = run("kb", "lookup", "Cavusoglu")
    assert proc.returncode == 0
    assert "Mevlüt Çavuşoğlu" in proc.stdout and "2015-11-24" in proc.stdout


def test_import_wikidata_adds_new_spells_and_keeps_curated_ones(tmp_path):
    proc = run("kb", "import-wikidata", str(EXPORT), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "conflict" in proc.stdout and "Erroneous Example" in proc.stdout
    assert "No Start Date" in proc.stdout  # reported as skipped
    kb = load_kb_from(KB_DIR, [tmp_path])
    holder = kb.holder_on("ISL", "foreign_minister", date(1992, 1, 1))
    assert holder is not None and kb.persons[holder.person_id].name == "Jón Baldvin Hannibalsson"
    assert (
        kb.persons[kb.holder_on("TUR", "foreign_minister", date(2024, 6, 1)).person_id].name
        == "Hakan Fidan"
    )
    assert "erroneous_example" not in kb.persons


def test_import_rejects_a_file_that_is_not_a_query_result(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": []}', encoding="utf-8")
    proc = run("kb", "import-wikidata", str(bad), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1 and "results.bindings" in proc.stderr


def test_imported_successor_closes_an_open_curated_spell(tmp_path):
    export = tmp_path / "successor.json"
    export.write_text(
        '{"head": {"vars": ["person", "personLabel", "positionLabel", "countryIso", "start"]},'
        ' "results": {"bindings": [{"person": {"value": "http://www.wikidata.org/entity/Q9"},'
        ' "personLabel": {"value": "Imagined Successor"}, "positionLabel": {"value": "Minister of Foreign Affairs"},'
        ' "countryIso": {"value": "TUR"}, "start": {"value": "2026-02-01T00:00:00Z"}}]}}',
        encoding="utf-8",
    )
    out = tmp_path / "kb"
    assert run("kb", "import-wikidata", str(export), "--out", str(out)).returncode == 0
    kb = load_kb_from(KB_DIR, [out])
    assert (
        kb.persons[kb.holder_on("TUR", "foreign_minister", date(2026, 3, 1)).person_id].name
        == "Imagined Successor"
    )
    fidan = [s for s in kb.spells_for("hakan_fidan") if s.office == "foreign_minister"]
    assert fidan[-1].end == date(2026, 2, 1)
