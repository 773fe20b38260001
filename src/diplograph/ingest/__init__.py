"""Readers that turn files into :class:`~diplograph.model.Article` objects.

Why a generator of ``Article | InputError``: a batch of thousands of files must not stop at the
first bad one. Each reader reports what it could not read, naming the file and the reason, and
goes on with the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from diplograph.ingest.jsonl import read_jsonl
from diplograph.ingest.txt import read_txt
from diplograph.model import Article, InputError

READERS = {".txt": read_txt, ".jsonl": read_jsonl}


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand directories (sorted, so runs are reproducible) into readable files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READERS:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_articles(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Article | InputError]:
    """Read every article under ``paths``; ``published`` fills in a missing publication date."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        reader = READERS.get(item.suffix.lower())
        if reader is None:
            yield InputError(str(item), f"unsupported file type {item.suffix or '(none)'!r}")
            continue
        for result in reader(item):
            if isinstance(result, Article) and result.published is None and published:
                result.published = published
                result.published_source = "metadata"
            yield result
