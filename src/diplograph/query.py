"""Python API for stored events: the same filters as ``diplograph events``.

Why a module of its own: analysts work in notebooks; they should get the CLI's results as
plain dicts without opening DuckDB themselves or knowing the schema.

    >>> from diplograph.query import events, dyads
    >>> calls = events("diplograph.duckdb", actors=["TUR", "USA"], types=["CONSULT"])
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from diplograph.aggregate import dyad_series
from diplograph.store import connect, query_events


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def events(
    db: str | Path,
    actors: list[str] | None = None,
    types: list[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    *,
    reports: bool = False,
) -> list[dict[str, Any]]:
    """Merged events (or each article's reports) as extraction-contract records."""
    path = Path(db)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path}: run `diplograph ingest` first")
    con = connect(path)
    try:
        return query_events(con, actors, _as_date(since), _as_date(until), types, reports=reports)
    finally:
        con.close()


def dyads(db: str | Path, by: str = "month", **filters: Any) -> list[dict[str, Any]]:
    """Zero-filled counts and score sums per dyad, type, quad class and period."""
    return [row.as_dict() for row in dyad_series(events(db, **filters), by)]
