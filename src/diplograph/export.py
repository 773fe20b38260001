"""Export merged events in the formats that event-data users already have loaders for.

Why this module exists: researchers come with code written for PLOVER/POLECAT JSON, the ICEWS
20-column files or the GDELT 2.0 61-column event table, and analysts want a typed columnar file.
Each writer maps our richer record onto the peer's *published* field list exactly (same names,
same order, same value conventions) and states here what the peer format cannot carry, so a
downstream loader works unchanged and nobody mistakes an empty column for missing data on our side.

Input: merged event records (the contract's ``$defs/event`` plus ``event_id``, ``reports``,
``sources``, ``urls``, ``published``, ``title``; evidence items carry ``doc_id``). Every field is
read null-safely; a missing key is treated as null.

Formats (``FORMATS``):

``plover-jsonl``
    One PLOVER record per event (manual, "Data Fields"). ``identifier_id`` stays null: we have
    knowledge-base ids, not Wikidata QIDs, and do not invent them (ours go to ``kb_id``).
    ``context`` holds our topics (free-text subjects, not PLOVER's 37 context labels).
    Diplograph extensions sit under their own keys: ``date_precision``, ``date_source``,
    ``date_text``, ``status``, ``reports``, ``sources``, ``urls``, ``published``, ``cameo``,
    ``goldstein``, ``confidence``; in entity objects ``kb_id``, ``country``, ``actor_code``,
    ``title``, ``role``; in ``text_info`` items ``doc_id`` (offsets mean nothing without the
    article). A null date stays null (PLOVER requires a date; we keep the event and say so).
``icews-csv``
    The 20 ICEWS columns with a header row. Event Text is the CAMEO label of the code; Intensity
    is Goldstein; Story ID is the first source doc_id; Sentence Number is the first evidence
    sentence (our 0-based index, the same number as in the evidence); Publisher is the host of
    the first URL. Country columns hold KB country (or organisation) names as ICEWS does;
    sectors are the CAMEO type labels (GDELT ``CAMEO.type.txt``) of the actor code's blocks.
    We do not geocode: City, District, Province, Country, Latitude and Longitude are empty.
``gdelt-tsv``
    GDELT 2.0's 61 columns, tab-separated, no header row unless ``header=True``.
    FractionDate follows GDELT's rows, not a day-of-year fraction (see ``gdelt_fraction_date``).
    GLOBALEVENTID is an integer in GDELT: we take the first 8 bytes of SHA-256 of the row key
    (the ``event_id``; ``event_id#k`` for the k-th extra dyad row), keep 63 bits, and never
    emit 0 — stable across runs and machines. DATEADDED is the event date at 000000 (not the
    export time) so that exports are reproducible. Actor names are upper-cased as in GDELT;
    CountryCode is set for state actors only; Type1-3Code are the CAMEO type blocks of the
    actor code (``USAGOVMIL`` -> GOV, MIL; ``IGOWSTNAT`` -> IGO); KnownGroup, Ethnic and
    Religion codes stay empty. A root-only CAMEO code (``04``) is written as its ``040``.
    NumMentions is the number of evidence items,
    NumSources and NumArticles the number of reports; AvgTone and every geography column are
    empty. GDELT cannot hold an undated event, so **events without a date are skipped**; their
    ids are in ``ExportReport.skipped`` and ``export_events`` logs a warning with the count.
``parquet``
    One row per event with typed columns (see ``PARQUET_COLUMNS``), written by an in-memory
    DuckDB connection (no pyarrow/pandas). Its source/target columns are the event's first dyad;
    every party is in the ``actors`` JSON column.

Dyads (ICEWS and GDELT rows, parquet source/target columns): the source is the first ``source``
actor, else the first ``participant``; targets are the ``target`` actors, then the remaining
participants. An event with more parties gives one row per additional target/participant
(a star around the source: a meeting of A, B, C gives A–B and A–C, not every pair), and one
row per additional source paired with the first target, so every party appears in some row.
Extra rows get ids ``event_id-k`` (ICEWS) and a GLOBALEVENTID derived from ``event_id#k``.
Dates of month or year precision are written as stored; only PLOVER and parquet carry
``date_precision``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from diplograph.actors.kb import load_kb

log = logging.getLogger(__name__)

Record = dict[str, Any]
Actor = dict[str, Any]

FORMATS: tuple[str, ...] = ("plover-jsonl", "icews-csv", "gdelt-tsv", "parquet")

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)  # fmt: skip

_GDELT_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GDELT_GEO = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _GDELT_ACTOR),
    *(f"Actor2{f}" for f in _GDELT_ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{p}_{f}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in _GDELT_GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

PARQUET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("date_source", "VARCHAR"),
    ("type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("plover_score", "DOUBLE"),
    ("quad_class", "INTEGER"),
    ("status", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_id", "VARCHAR"),
    ("source_code", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_id", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("actors", "VARCHAR"),
    ("topics", "VARCHAR[]"),
    ("reports", "INTEGER"),
    ("sources", "VARCHAR[]"),
    ("urls", "VARCHAR[]"),
    ("published", "DATE"),
    ("title", "VARCHAR"),
    ("evidence", "VARCHAR"),
    ("confidence", "DOUBLE"),
)

#: PLOVER's seven non-state "country" codes.
PLOVER_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

#: CAMEO actor type labels (GDELT lookup ``CAMEO.type.txt``; PTY from the Phoenix dictionaries).
SECTOR_LABELS: dict[str, str] = {
    "COP": "Police forces", "GOV": "Government", "INS": "Insurgents", "JUD": "Judiciary",
    "MIL": "Military", "OPP": "Political Opposition", "REB": "Rebels", "SEP": "Separatist Rebels",
    "SPY": "State Intelligence", "UAF": "Unaligned Armed Forces", "AGR": "Agriculture",
    "BUS": "Business", "CRM": "Criminal", "CVL": "Civilian", "DEV": "Development",
    "EDU": "Education", "ELI": "Elites", "ENV": "Environmental", "HLH": "Health",
    "HRI": "Human Rights", "LAB": "Labor", "LEG": "Legislature", "MED": "Media",
    "REF": "Refugees", "MOD": "Moderate", "RAD": "Radical", "AMN": "Amnesty International",
    "IRC": "Red Cross", "GRP": "Greenpeace", "UNO": "United Nations", "PKO": "Peacekeepers",
    "UIS": "Unidentified State Actor", "IGO": "Inter-Governmental Organization",
    "IMG": "International Militarized Group", "INT": "International/Transnational Generic",
    "MNC": "Multinational Corporation", "NGM": "Non-Governmental Movement",
    "NGO": "Non-Governmental Organization", "SET": "Settler", "PTY": "Political Party",
}  # fmt: skip


@dataclass
class ExportReport:
    """What one export did: rows written, events read, events the format could not hold."""

    format: str
    events: int = 0
    rows: int = 0
    skipped: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ entry points


def export_events(records: Iterable[Record], fmt: str, out: Path, *, header: bool = False) -> int:
    """Write ``records`` to ``out`` in ``fmt``; return the number of rows written.

    ``header`` adds GDELT's column names as a first line (GDELT files have none); the other
    formats ignore it (ICEWS CSV always has its header). Skipped events are logged; callers
    that want their ids use ``write_export``.
    """
    report = write_export(records, fmt, Path(out), header=header)
    if report.skipped:
        log.warning(
            "%s: skipped %d event(s) without a date (the format cannot hold them)",
            fmt,
            len(report.skipped),
        )
    return report.rows


def write_export(
    records: Iterable[Record], fmt: str, out: Path, *, header: bool = False
) -> ExportReport:
    """Like ``export_events`` but returns the full ``ExportReport``."""
    writers: dict[str, Callable[[Iterable[Record], Path, ExportReport, bool], None]] = {
        "plover-jsonl": _write_plover,
        "icews-csv": _write_icews,
        "gdelt-tsv": _write_gdelt,
        "parquet": _write_parquet,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    report = ExportReport(format=fmt)
    writers[fmt](records, Path(out), report, header)
    return report


# ------------------------------------------------------------------ shared helpers


def _text(value: Any) -> str:
    """A cell: null is empty, numbers as Python prints them."""
    return "" if value is None else str(value)


def _parse_date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _evidence(record: Record) -> list[dict[str, Any]]:
    return list(record.get("evidence") or [])


def _story_id(record: Record) -> str | None:
    sources = record.get("sources") or []
    if sources:
        return sources[0]
    evidence = _evidence(record)
    return evidence[0].get("doc_id") if evidence else None


def _first_url(record: Record) -> str | None:
    urls = record.get("urls") or []
    return urls[0] if urls else None


def split_parties(actors: Iterable[Actor] | None) -> tuple[list[Actor], list[Actor]]:
    """(actor side, recipient side): sources, else the first participant, against the rest."""
    actors = list(actors or [])
    sources = [a for a in actors if a.get("role") == "source"]
    targets = [a for a in actors if a.get("role") == "target"]
    participants = [a for a in actors if a.get("role") not in ("source", "target")]
    if sources:
        return sources, targets + participants
    return participants[:1], targets + participants[1:]


def dyads(actors: Iterable[Actor] | None) -> list[tuple[Actor | None, Actor | None]]:
    """Source-target rows of one event, as documented in the module docstring."""
    side, recipients = split_parties(actors)
    source = side[0] if side else None
    rows: list[tuple[Actor | None, Actor | None]] = [(source, r) for r in recipients]
    if not rows:
        rows.append((source, None))
    first_target = recipients[0] if recipients else None
    rows.extend((extra, first_target) for extra in side[1:])
    return rows


def _blocks(code: str) -> list[str]:
    """``USAGOVMIL`` -> ``[USA, GOV, MIL]``; codes that are not 3-char blocks give nothing."""
    if not code or len(code) % 3:
        return []
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _state(actor: Actor | None) -> str | None:
    """The actor's state (ISO alpha-3) when its code is country + sectors, else None."""
    if not actor:
        return None
    country = actor.get("country") or ""
    code = actor.get("code") or ""
    is_state = (
        len(country) == 3
        and country not in PLOVER_NON_STATE
        and (not code or code.startswith(country))
    )
    return country if is_state else None


def _sectors(actor: Actor | None) -> list[str]:
    """Sector blocks of the actor code: after the country for states, type codes for others."""
    if not actor:
        return []
    code = actor.get("code") or ""
    if _state(actor):
        return _blocks(code[3:])
    return [b for b in _blocks(code) if b in SECTOR_LABELS]


def _display_name(actor: Actor | None) -> str | None:
    if not actor:
        return None
    return actor.get("name") or actor.get("text")


def _goldstein(record: Record) -> float | None:
    value = record.get("goldstein")
    return None if value is None else float(value)


# ------------------------------------------------------------------ PLOVER JSONL


@lru_cache(maxsize=1)
def _version() -> str:
    try:
        return metadata.version("diplograph")
    except metadata.PackageNotFoundError:
        return "unknown"


def _plover_code(actor: Actor) -> str | None:
    """PLOVER's 3-char entity code: the state, or one of the seven non-state codes."""
    state = _state(actor)
    if state:
        return state
    polity = actor.get("country")
    if polity in PLOVER_NON_STATE:
        return polity
    code = actor.get("code") or ""
    if code.startswith("IGOUNO"):
        return "UNO"
    return code[:3] if code[:3] in PLOVER_NON_STATE else None


def plover_entity(actor: Actor) -> dict[str, Any]:
    """A PLOVER entity object; organisations get no sector (their code blocks are not sectors)."""
    sector = "".join(_sectors(actor))[:6] if _state(actor) else ""
    return {
        "code": _plover_code(actor),
        "sector": sector or None,
        "entity_text": actor.get("text"),
        "identifier_id": None,
        "identifier_text": actor.get("name"),
        "office": actor.get("office"),
        "kb_id": actor.get("id"),
        "country": actor.get("country"),
        "actor_code": actor.get("code"),
        "title": actor.get("title"),
        "role": actor.get("role"),
    }


def plover_record(record: Record) -> dict[str, Any]:
    """One event as a PLOVER record (manual field names plus diplograph extensions)."""
    side, recipients = split_parties(record.get("actors"))
    evidence = _evidence(record)
    mode = record.get("mode")
    return {
        "id": record.get("event_id"),
        "date": record.get("date"),
        "actor": [plover_entity(a) for a in side],
        "recipient": [plover_entity(a) for a in recipients],
        "event": [record["type"]] if record.get("type") else [],
        "mode": [mode] if mode else [],
        "context": list(record.get("topics") or []),
        "quad_code": record.get("quad_class"),
        "event_scale": record.get("plover_score"),
        "event_text": [e.get("text") for e in evidence],
        "text_info": [
            {
                "sequence": e.get("sentence"),
                "start": e.get("start"),
                "end": e.get("end"),
                "doc_id": e.get("doc_id"),
            }
            for e in evidence
        ],
        "cite_info": {
            "corpus": "diplograph",
            "citation": list(record.get("sources") or []),
            "url": _first_url(record),
            "title": record.get("title"),
            "codebook": record.get("score_table"),
            "version": _version(),
        },
        "date_precision": record.get("date_precision"),
        "date_source": record.get("date_source"),
        "date_text": record.get("date_text"),
        "status": record.get("status"),
        "reports": record.get("reports"),
        "sources": list(record.get("sources") or []),
        "urls": list(record.get("urls") or []),
        "published": record.get("published"),
        "cameo": record.get("cameo"),
        "goldstein": record.get("goldstein"),
        "confidence": record.get("confidence"),
    }


def _write_plover(records: Iterable[Record], out: Path, report: ExportReport, _: bool) -> None:
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            report.events += 1
            handle.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
            report.rows += 1


# ------------------------------------------------------------------ ICEWS CSV


@lru_cache(maxsize=1)
def cameo_labels() -> dict[str, str]:
    """CAMEO code -> label, from the bundled ``data/events/cameo_codes.csv``."""
    path = resources.files("diplograph").joinpath("data/events/cameo_codes.csv")
    with path.open("r", encoding="utf-8") as handle:
        return {row["code"]: row["label"] for row in csv.DictReader(handle)}


def cameo_label(code: str | None) -> str | None:
    """The label of a code; a 4-digit code not in the table takes its 3- then 2-digit parent's."""
    if not code:
        return None
    labels = cameo_labels()
    return labels.get(code) or labels.get(code[:3]) or labels.get(code[:2])


def _country_name(actor: Actor | None) -> str | None:
    """KB name of the actor's country or organisation; the code itself if the KB lacks it."""
    code = (actor or {}).get("country")
    return load_kb().polity_name(code) or code


def _publisher(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _icews_actor(actor: Actor | None, side: str) -> dict[str, Any]:
    return {
        f"{side} Name": _display_name(actor),
        f"{side} Sectors": ",".join(SECTOR_LABELS.get(s, s) for s in _sectors(actor)),
        f"{side} Country": _country_name(actor),
    }


def icews_rows(record: Record) -> Iterator[list[str]]:
    """The ICEWS rows of one event, cells in ``ICEWS_COLUMNS`` order."""
    evidence = _evidence(record)
    event_id = record.get("event_id") or ""
    url = _first_url(record)
    for k, (source, target) in enumerate(dyads(record.get("actors"))):
        row = {
            "Event ID": event_id if k == 0 else f"{event_id}-{k}",
            "Event Date": record.get("date"),
            **_icews_actor(source, "Source"),
            "Event Text": cameo_label(record.get("cameo")),
            "CAMEO Code": record.get("cameo"),
            "Intensity": _goldstein(record),
            **_icews_actor(target, "Target"),
            "Story ID": _story_id(record),
            "Sentence Number": evidence[0].get("sentence") if evidence else None,
            "Publisher": _publisher(url),
        }
        yield [_text(row.get(column)) for column in ICEWS_COLUMNS]


def _write_icews(records: Iterable[Record], out: Path, report: ExportReport, _: bool) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ICEWS_COLUMNS)
        for record in records:
            report.events += 1
            for row in icews_rows(record):
                writer.writerow(row)
                report.rows += 1


# ------------------------------------------------------------------ GDELT TSV


def gdelt_event_id(key: str) -> int:
    """A stable positive 63-bit integer for a row key (first 8 bytes of SHA-256, top bit off)."""
    value = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> 1
    return value or 1


def gdelt_fraction_date(day: date) -> str:
    """GDELT's YYYY.FFFF: FFFF = ((month - 1) * 30 + day) / 365, to four decimals.

    The codebook writes ``(MONTH * 30 + DAY) / 365``; GDELT's own rows use a zero-based month
    (2021-03-23 is 2021.2274), which is what we reproduce. It is close to, but not exactly,
    day-of-year / 365 (2022-07-19: 2022.5452 here, 2022.5479 by day of year).
    """
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def _gdelt_codes(cameo: str | None) -> tuple[str, str, str]:
    """EventCode, EventBaseCode, EventRootCode; a root-only code becomes its ``X0`` code."""
    if not cameo:
        return "", "", ""
    code = cameo + "0" if len(cameo) == 2 else cameo
    return code, code[:3], code[:2]


def _gdelt_actor(actor: Actor | None, prefix: str) -> dict[str, Any]:
    if not actor:
        return {}
    types = [s for s in _sectors(actor) if s in SECTOR_LABELS][:3]
    name = _display_name(actor)
    row = {
        f"{prefix}Code": actor.get("code"),
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": _state(actor),
    }
    row.update({f"{prefix}Type{i}Code": t for i, t in enumerate(types, start=1)})
    return row


def _gdelt_cell(value: Any) -> str:
    """GDELT files are unquoted: tabs and line breaks inside a value become spaces."""
    return " ".join(_text(value).replace("\t", " ").splitlines())


def gdelt_rows(record: Record) -> Iterator[list[str]]:
    """The GDELT rows of one dated event, cells in ``GDELT_COLUMNS`` order (undated: none)."""
    day = _parse_date(record.get("date"))
    if day is None:
        return
    event_id = record.get("event_id") or ""
    code, base, root = _gdelt_codes(record.get("cameo"))
    common = {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": day.year,
        "FractionDate": gdelt_fraction_date(day),
        "IsRootEvent": 1,
        "EventCode": code,
        "EventBaseCode": base,
        "EventRootCode": root,
        "QuadClass": record.get("quad_class"),
        "GoldsteinScale": _goldstein(record),
        "NumMentions": len(_evidence(record)),
        "NumSources": record.get("reports"),
        "NumArticles": record.get("reports"),
        "DATEADDED": day.strftime("%Y%m%d") + "000000",
        "SOURCEURL": _first_url(record),
    }
    for k, (source, target) in enumerate(dyads(record.get("actors"))):
        key = event_id if k == 0 else f"{event_id}#{k}"
        row = {
            "GLOBALEVENTID": gdelt_event_id(key),
            **common,
            **_gdelt_actor(source, "Actor1"),
            **_gdelt_actor(target, "Actor2"),
        }
        yield [_gdelt_cell(row.get(column)) for column in GDELT_COLUMNS]


def _write_gdelt(records: Iterable[Record], out: Path, report: ExportReport, header: bool) -> None:
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        if header:
            handle.write("\t".join(GDELT_COLUMNS) + "\n")
        for record in records:
            report.events += 1
            if _parse_date(record.get("date")) is None:
                report.skipped.append(record.get("event_id") or "")
                continue
            for row in gdelt_rows(record):
                handle.write("\t".join(row) + "\n")
                report.rows += 1


# ------------------------------------------------------------------ Parquet


def _parquet_actor(actor: Actor | None, side: str) -> dict[str, Any]:
    actor = actor or {}
    return {
        f"{side}_name": _display_name(actor),
        f"{side}_id": actor.get("id"),
        f"{side}_code": actor.get("code"),
        f"{side}_country": actor.get("country"),
    }


def parquet_row(record: Record) -> list[Any]:
    """One event as a row of ``PARQUET_COLUMNS`` values."""
    source, target = dyads(record.get("actors"))[0]
    score = record.get("plover_score")
    reports = record.get("reports")
    quad = record.get("quad_class")
    confidence = record.get("confidence")
    values = {
        "event_id": record.get("event_id"),
        "date": _parse_date(record.get("date")),
        "date_precision": record.get("date_precision"),
        "date_source": record.get("date_source"),
        "type": record.get("type"),
        "mode": record.get("mode"),
        "cameo": record.get("cameo"),
        "goldstein": _goldstein(record),
        "plover_score": None if score is None else float(score),
        "quad_class": None if quad is None else int(quad),
        "status": record.get("status"),
        **_parquet_actor(source, "source"),
        **_parquet_actor(target, "target"),
        "actors": json.dumps(record.get("actors") or [], ensure_ascii=False),
        "topics": list(record.get("topics") or []),
        "reports": None if reports is None else int(reports),
        "sources": list(record.get("sources") or []),
        "urls": list(record.get("urls") or []),
        "published": _parse_date(record.get("published")),
        "title": record.get("title"),
        "evidence": json.dumps(_evidence(record), ensure_ascii=False),
        "confidence": None if confidence is None else float(confidence),
    }
    return [values[name] for name, _ in PARQUET_COLUMNS]


def _write_parquet(records: Iterable[Record], out: Path, report: ExportReport, _: bool) -> None:
    rows = []
    for record in records:
        report.events += 1
        rows.append(parquet_row(record))
    columns = ", ".join(f'"{name}" {kind}' for name, kind in PARQUET_COLUMNS)
    placeholders = ", ".join("?" for _ in PARQUET_COLUMNS)
    target = str(out).replace("'", "''")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"CREATE TABLE events ({columns})")
        if rows:
            con.executemany(f"INSERT INTO events VALUES ({placeholders})", rows)
        con.execute(f"COPY (SELECT * FROM events ORDER BY rowid) TO '{target}' (FORMAT PARQUET)")
    finally:
        con.close()
    report.rows = len(rows)
