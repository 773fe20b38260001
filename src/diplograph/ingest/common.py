"""Checks every reader applies before trusting bytes as article text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ARTICLE_CHARS = 1_000_000


class BadInput(ValueError):
    """Raised with a reason a person can act on; the caller adds the file name."""


def read_text_file(path: Path) -> str:
    size = path.stat().st_size
    if size == 0:
        raise BadInput("file is empty")
    if size > MAX_FILE_BYTES:
        raise BadInput(f"file is too large ({size} bytes; limit {MAX_FILE_BYTES})")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise BadInput("file looks binary (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode the file as UTF-8"
        ) from exc


def check_article_text(text: object) -> str:
    if not isinstance(text, str):
        raise BadInput("'text' must be a string")
    if not text.strip():
        raise BadInput("article text is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise BadInput(
            f"article text is too long ({len(text)} characters; limit {MAX_ARTICLE_CHARS})"
        )
    return text


def parse_iso_date(value: object) -> date | None:
    """Accept ``YYYY-MM-DD`` or a full ISO timestamp; anything else is bad metadata."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise BadInput(f"'published' must be an ISO date string, got {value!r}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise BadInput(f"'published' is not an ISO date: {value!r}") from exc
