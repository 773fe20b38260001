"""Plain-text articles: raw scraped text, no metadata."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from diplograph.ingest.common import BadInput, check_article_text, read_text_file
from diplograph.model import Article, InputError


def read_txt(path: Path) -> Iterator[Article | InputError]:
    try:
        text = check_article_text(read_text_file(path))
    except BadInput as exc:
        yield InputError(str(path), str(exc))
        return
    yield Article(doc_id=path.stem, text=text, path=str(path))
