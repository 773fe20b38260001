"""JSON Lines feeds: one article object per line (``text`` plus optional metadata)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from diplograph.ingest.common import BadInput, check_article_text, parse_iso_date, read_text_file
from diplograph.model import Article, InputError


def _optional_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(f"{key!r} must be a string, got {type(value).__name__}")
    return value.strip() or None


def parse_line(obj: object, path: Path, lineno: int) -> Article:
    if not isinstance(obj, dict):
        raise BadInput("each line must be a JSON object")
    text = check_article_text(obj.get("text"))
    published = parse_iso_date(obj.get("published"))
    doc_id = obj.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{lineno}"
    return Article(
        doc_id=doc_id,
        text=text,
        title=_optional_str(obj, "title"),
        published=published,
        published_source="metadata" if published else None,
        source=_optional_str(obj, "source"),
        url=_optional_str(obj, "url"),
        path=str(path),
    )


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    try:
        content = read_text_file(path)
    except BadInput as exc:
        yield InputError(str(path), str(exc))
        return
    seen_any = False
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(str(path), f"malformed JSON: {exc.msg} (column {exc.colno})", lineno)
            continue
        try:
            yield parse_line(obj, path, lineno)
        except BadInput as exc:
            yield InputError(str(path), str(exc), lineno)
    if not seen_any:
        yield InputError(str(path), "file has no JSON lines")
