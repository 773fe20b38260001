"""Near-duplicate articles and cross-report event merging.

Why here and not in the store: what counts as "the same article" or "the same event" is a
judgement about news, not about SQL. The store asks these functions and records the answers.

Articles: MinHash over word 5-shingles of the folded text, banded for LSH (42 bands of 3 rows:
pairs above ~0.4 Jaccard nearly always meet in a band, unrelated pairs rarely do). Two articles
are copies when the estimate reaches ``NEAR_DUPLICATE``, they name the same people and places
(``NAMES_AGREE``), and they appeared within ``COPY_WINDOW`` of each other. Shingles alone are
not enough: a short syndicated copy with a new lead and a dropped paragraph can fall to ~0.45
(its names still agree at ≥ 0.67), while two White House readouts written from one template
("Readout of President Biden's Call with Amir Tamim" and "... with President Sisi", same day)
reach ~0.6 with names agreeing at most 0.44, and two calls with the same king weeks apart reach
~0.45 with the same names.

Events: reports merge when they are the same type and status, compatible modes, the same
participants (no person on one side contradicts the other) and compatible dates. A date from a
publication-date fallback is weak: it may be a day or two after the event it stands for, so it
yields to a date the text states, and the disagreement is kept on the merged event.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from datasketch import MinHash

from diplograph.text import fold, tokens

NUM_PERM = 128
BANDS = 42
ROWS = 3  # 126 of the 128 permutations make the bands
SHINGLE = 5
NEAR_DUPLICATE = 0.4
NAMES_AGREE = 0.6
COPY_WINDOW = timedelta(days=3)
# modes one real encounter can be reported under ("visited Ankara and met Erdoğan")
IN_PERSON = frozenset({"meeting", "meet", "visit", "summit"})
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
# a publication-date fallback may trail the event it reports by this much
FALLBACK_LAG = timedelta(days=2)
WEAK_PAIR_LAG = timedelta(days=1)
# an undated report can only be placed on an event of the week before it was published
UNDATED_REACH = timedelta(days=7)


# ------------------------------------------------------------------ articles
def article_signature(text: str) -> bytes:
    """MinHash of the article's word shingles, serialised for storage."""
    words = [tok for tok, _, _ in tokens(fold(text))]
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return struct.pack(f"<{NUM_PERM}Q", *(int(v) for v in minhash.hashvalues))


def band_keys(signature: bytes) -> list[str]:
    """One bucket key per LSH band: articles sharing any key are compared."""
    values = struct.unpack(f"<{NUM_PERM}Q", signature)
    keys = []
    for band in range(BANDS):
        chunk = struct.pack(f"<{ROWS}Q", *values[band * ROWS : (band + 1) * ROWS])
        keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def article_names(text: str) -> frozenset[str]:
    """The capitalised words inside sentences (people, places, institutions): what a copy of
    an article keeps and a templated text about someone else changes."""
    names: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
        names.update(fold(w) for w in words[1:] if w[0].isupper() and len(w) > 1)
    return frozenset(names)


def near_duplicate(
    estimate: float,
    names: tuple[frozenset[str], frozenset[str]],
    published: tuple[date | None, date | None],
) -> bool:
    """Are two articles copies of one story (see the module docstring for the three tests)?"""
    if estimate < NEAR_DUPLICATE:
        return False
    first, second = names
    union = first | second
    if union and len(first & second) / len(union) < NAMES_AGREE:
        return False
    a, b = published
    return a is None or b is None or abs(a - b) <= COPY_WINDOW


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    a = struct.unpack(f"<{NUM_PERM}Q", first)
    b = struct.unpack(f"<{NUM_PERM}Q", second)
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_PERM


# ------------------------------------------------------------------ events
@dataclass
class Report:
    """One article's event record, as stored, with what merging needs to compare."""

    event_id: str
    doc_id: str
    canonical_doc_id: str
    record: dict[str, Any]
    published: date | None = None
    url: str | None = None
    title: str | None = None

    @property
    def day(self) -> date | None:
        value = self.record.get("date")
        return date.fromisoformat(value) if value else None

    @property
    def precision(self) -> str | None:
        return self.record.get("date_precision")

    @property
    def weak_date(self) -> bool:
        return self.record.get("date_source") == "publication"


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)

    @property
    def lead(self) -> Report:
        return self.reports[0]


def block_key(record: dict[str, Any]) -> str | None:
    """Reports can only merge within a block: same type, same set of countries. An actor with
    no country cannot be compared, so such reports are never merged (None). Between two or more
    states, an international organisation's officer (the EU's mediator) does not split the
    block: "Vucic and Kurti met with Borrell" and "Vucic and Kurti met" report one meeting; the
    officers themselves must still agree where both reports name one."""
    countries = [a.get("country") for a in record["actors"]]
    if not countries or any(c is None for c in countries):
        return None
    states = {
        a["country"] for a in record["actors"] if not str(a.get("code") or "").startswith("IGO")
    }
    kept = states if len(states) >= 2 else set(countries)
    return f"{record['type']}|{','.join(sorted(kept))}"


def _people(record: dict[str, Any]) -> dict[str, set[str]]:
    """Resolved persons per country (ids that are not just the country itself)."""
    people: dict[str, set[str]] = {}
    for actor in record["actors"]:
        if actor.get("id") and actor["id"] != actor.get("country"):
            people.setdefault(actor["country"], set()).add(actor["id"])
    return people


def _people_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    first, second = _people(a), _people(b)
    return all(first[c] == second[c] for c in first.keys() & second.keys())


def _modes_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in IN_PERSON and b in IN_PERSON)


def _contains(day: date, precision: str | None, other: date) -> bool:
    if precision == "year":
        return day.year == other.year
    if precision == "month":
        return (day.year, day.month) == (other.year, other.month)
    return day == other


def _dates_agree(lead: Report, report: Report) -> bool:
    """Day against day must be equal, unless one is a publication fallback that trails the
    other by at most FALLBACK_LAG; coarser dates must contain the finer one."""
    first, second = lead.day, report.day
    if first is None or second is None:
        return False
    if lead.precision == "day" and report.precision == "day":
        if first == second:
            return True
        if report.weak_date and not lead.weak_date:
            return timedelta(0) < second - first <= FALLBACK_LAG
        if lead.weak_date and not report.weak_date:
            return timedelta(0) < first - second <= FALLBACK_LAG
        if lead.weak_date and report.weak_date:
            # two articles a day apart, each dated by its own publication: one report may
            # simply have appeared the next morning
            return abs(first - second) <= WEAK_PAIR_LAG
        return False
    coarse, fine = (
        (lead, report)
        if PRECISION_RANK[lead.precision] >= PRECISION_RANK[report.precision]
        else (report, lead)
    )
    return _contains(coarse.day, coarse.precision, fine.day)  # type: ignore[arg-type]


def _from_other_article(cluster: Cluster, report: Report) -> bool:
    # one article's distinct events were kept apart on purpose
    return all(r.doc_id != report.doc_id for r in cluster.reports)


def _details_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same status, compatible modes, no person on one side contradicting the other."""
    return (
        a["status"] == b["status"]
        and _modes_agree(a.get("mode"), b.get("mode"))
        and _people_agree(a, b)
    )


def compatible(cluster: Cluster, report: Report) -> bool:
    """May ``report`` describe the same real-world event as every report in ``cluster``?"""
    return _from_other_article(cluster, report) and all(
        _details_agree(member.record, report.record) and _dates_agree(member, report)
        for member in cluster.reports
    )


def _order(report: Report) -> tuple:
    """Strong dates lead: day precision from the text first, then fallbacks, then coarser."""
    return (
        PRECISION_RANK[report.precision],
        report.weak_date,
        report.day or date.max,
        report.doc_id,
        report.event_id,
    )


def _best_home(candidates: list[Cluster], report: Report) -> Cluster | None:
    """Several compatible events: the one dated exactly as the report beats one it only fits
    through a fallback lag; then the earliest formed (deterministic)."""
    exact = [c for c in candidates if c.lead.day == report.day]
    return (exact or candidates or [None])[0]


def cluster_reports(reports: Iterable[Report]) -> list[Cluster]:
    """Entry point: group one block's reports into events. The result depends only on the set
    of reports, not on the order they were ingested in, so re-runs end in the same state."""
    clusters: list[Cluster] = []
    undated: list[Report] = []
    for report in sorted(reports, key=_order):
        if block_key(report.record) is None:
            clusters.append(Cluster([report]))
            continue
        if report.day is None:
            undated.append(report)
            continue
        home = _best_home([c for c in clusters if compatible(c, report)], report)
        if home is None:
            clusters.append(Cluster([report]))
        else:
            home.reports.append(report)
    for report in undated:
        home = _undated_home(clusters, report)
        if home is None:
            clusters.append(Cluster([report]))
        else:
            home.reports.append(report)
    return clusters


def _undated_home(clusters: list[Cluster], report: Report) -> Cluster | None:
    """ "Trump also spoke with King Abdullah last weekend" (no date we can fix): the one dated
    event it fits that happened in the week before the article appeared (for a planned event,
    in the week after). Two such events (two calls a few days apart) leave it on its own."""
    if report.published is None:
        return None
    ahead = report.record.get("status") == "planned"  # a plan points forward, a report back
    fits = [
        c
        for c in clusters
        if c.lead.day is not None
        and timedelta(0)
        <= ((c.lead.day - report.published) if ahead else (report.published - c.lead.day))
        <= UNDATED_REACH
        and _compatible_undated(c, report)
    ]
    if fits:
        return fits[0] if len(fits) == 1 else None
    return next((c for c in clusters if _same_undated(c, report)), None)


def _same_undated(cluster: Cluster, report: Report) -> bool:
    """An undated event with no dated home: another undated report of it is the same event
    when it comes from a copy of the same article, or when both are the same plan reported
    within a week ("agreed to hold a meeting soon")."""
    lead = cluster.lead
    if lead.day is not None or not _compatible_undated(cluster, report):
        return False
    if lead.canonical_doc_id == report.canonical_doc_id:
        return True
    planned = report.record.get("status") == "planned"
    return (
        planned
        and lead.published is not None
        and report.published is not None
        and abs(lead.published - report.published) <= UNDATED_REACH
    )


def _compatible_undated(cluster: Cluster, report: Report) -> bool:
    return _from_other_article(cluster, report) and _details_agree(
        cluster.lead.record, report.record
    )


def merged_record(cluster: Cluster) -> dict[str, Any]:
    """The event as analysts see it: the lead report's fields, every report as evidence."""
    lead = cluster.lead
    record = dict(lead.record)
    record["event_id"] = lead.event_id
    record["doc_id"] = lead.doc_id
    record["reports"] = len({r.canonical_doc_id for r in cluster.reports})
    record["sources"] = sorted({r.doc_id for r in cluster.reports})
    record["urls"] = sorted({r.url for r in cluster.reports if r.url})
    record["title"] = lead.title
    published = [r.published for r in cluster.reports if r.published]
    record["published"] = min(published).isoformat() if published else None
    record["evidence"] = [
        {**evidence, "doc_id": r.doc_id}
        for r in cluster.reports
        for evidence in r.record["evidence"]
    ]
    topics = Counter(t for r in cluster.reports for t in r.record.get("topics", []))
    record["topics"] = [t for t, _ in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))]
    record["confidence"] = max(r.record.get("confidence") or 0.0 for r in cluster.reports)
    record["date_conflicts"] = [
        {"doc_id": r.doc_id, "date": r.record["date"], "date_source": r.record.get("date_source")}
        for r in cluster.reports[1:]
        if r.record.get("date") != lead.record.get("date") and r.precision == lead.precision
    ]
    return record
