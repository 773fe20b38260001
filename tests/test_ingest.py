"""Bad input is reported with file and reason, and the rest of the batch is read."""

import json

from diplograph.ingest import read_articles
from diplograph.model import Article, InputError


def test_bad_files_are_reported_and_batch_continues(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Officials met in Paris on Monday to discuss trade.\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    lines = [
        json.dumps({"id": "a1", "text": "The president spoke.", "published": "2024-05-01"}),
        "{not json",
        json.dumps({"id": "a2", "text": ""}),
        json.dumps({"id": "a3", "text": "Fine text.", "published": "yesterday"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "No id given."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")

    items = list(read_articles([tmp_path, tmp_path / "missing.txt"]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = {(e.path.split("/")[-1], e.line): e.reason for e in items if isinstance(e, InputError)}

    assert sorted(a.doc_id for a in articles) == ["a1", "feed-6", "good"]
    assert errors[("empty.txt", None)] == "file is empty"
    assert "binary" in errors[("binary.txt", None)]
    assert "UTF-8" in errors[("latin1.txt", None)]
    assert "malformed JSON" in errors[("feed.jsonl", 2)]
    assert "empty" in errors[("feed.jsonl", 3)]
    assert "ISO date" in errors[("feed.jsonl", 4)]
    assert "JSON object" in errors[("feed.jsonl", 5)]
    assert "no such file" in errors[("missing.txt", None)]


def test_published_option_fills_only_missing_dates(tmp_path):
    from datetime import date

    (tmp_path / "f.jsonl").write_text(
        json.dumps({"id": "x", "text": "t", "published": "2020-01-02"})
        + "\n"
        + json.dumps({"id": "y", "text": "t"}),
        encoding="utf-8",
    )
    got = {
        a.doc_id: a.published
        for a in read_articles([tmp_path / "f.jsonl"], published=date(2021, 3, 4))
    }
    assert got == {"x": date(2020, 1, 2), "y": date(2021, 3, 4)}
