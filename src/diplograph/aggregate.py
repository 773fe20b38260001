"""Dyad time series: counts and score sums per period, ready for time-series work.

Why zero-filled: analysts difference, smooth and correlate these series; a missing month must
read as "no events", not be silently skipped. Every (dyad, type, quad class) series gets a row
for each period from the first to the last period with any event in the selection.
Input is merged events, so an event reported by ten articles counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

PERIODS = ("day", "week", "month", "year")
SYMMETRIC_ROLES = {"participant"}


@dataclass
class DyadRow:
    period: str
    source: str
    target: str
    type: str
    quad_class: int | None
    events: int
    goldstein_sum: float
    plover_score_sum: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def _next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _label(start: date, by: str) -> str:
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "year":
        return str(start.year)
    return start.isoformat()


def dyad_of(record: dict[str, Any]) -> tuple[str, str] | None:
    """(source, target) countries: the first source and target actors, or for a symmetric
    contact its first two participants in alphabetical order. None without two countries."""
    actors = [a for a in record["actors"] if a.get("country")]
    sources = [a["country"] for a in actors if a.get("role") == "source"]
    targets = [a["country"] for a in actors if a.get("role") == "target"]
    if sources and targets:
        return sources[0], targets[0]
    participants = sorted({a["country"] for a in actors})
    if len(participants) >= 2:
        return participants[0], participants[1]
    return None


def dyad_series(records: Iterable[dict[str, Any]], by: str = "month") -> list[DyadRow]:
    """Entry point: one row per period and (source, target, type, quad class) series."""
    cells: dict[tuple[date, str, str, str, int | None], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        dyad = dyad_of(record)
        if dyad is None or not record.get("date"):
            continue
        start = period_start(date.fromisoformat(record["date"]), by)
        cells[(start, *dyad, record["type"], record.get("quad_class"))].append(record)
    if not cells:
        return []
    first = min(key[0] for key in cells)
    last = max(key[0] for key in cells)
    periods = [first]
    while periods[-1] < last:
        periods.append(_next_period(periods[-1], by))
    series = sorted({key[1:] for key in cells}, key=lambda k: (k[0], k[1], k[2], k[3] or 0))
    rows = []
    for source, target, kind, quad in series:
        for start in periods:
            found = cells.get((start, source, target, kind, quad), [])
            scores = [r["plover_score"] for r in found if r.get("plover_score") is not None]
            rows.append(
                DyadRow(
                    period=_label(start, by),
                    source=source,
                    target=target,
                    type=kind,
                    quad_class=quad,
                    events=len(found),
                    goldstein_sum=round(sum(r.get("goldstein") or 0.0 for r in found), 3),
                    plover_score_sum=round(sum(scores), 3) if scores or not found else None,
                )
            )
    return rows
