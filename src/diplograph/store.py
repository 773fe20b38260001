"""DuckDB storage: schema migrations, idempotent ingest, and event queries.

Why all SQL lives here: one module is the only place that knows the database, so a PostgreSQL
backend can follow behind the same functions. Writes of one article happen in one transaction,
so an interrupted ingest never leaves half an article behind and can simply be re-run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from diplograph.dedup import (
    Report,
    article_names,
    article_signature,
    band_keys,
    block_key,
    cluster_reports,
    merged_record,
    near_duplicate,
    similarity,
)
from diplograph.model import ArticleResult

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE articles (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            title VARCHAR,
            published DATE,
            published_source VARCHAR,
            language VARCHAR,
            source VARCHAR,
            url VARCHAR,
            clean_text VARCHAR,
            removed JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR,
            status VARCHAR,
            date DATE,
            date_precision VARCHAR,
            date_text VARCHAR,
            date_source VARCHAR,
            goldstein DOUBLE,
            quad_class INTEGER,
            confidence DOUBLE,
            topics VARCHAR[],
            record JSON NOT NULL
        );
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            role VARCHAR,
            text VARCHAR,
            name VARCHAR,
            actor_id VARCHAR,
            country VARCHAR,
            office VARCHAR,
            code VARCHAR,
            resolved_by VARCHAR
        );
        CREATE TABLE evidence (
            event_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            sentence INTEGER,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR
        );
        CREATE TABLE kb_versions (
            version VARCHAR PRIMARY KEY,
            first_used TIMESTAMP DEFAULT current_timestamp
        );
        """,
    ),
    (
        2,
        # near-duplicate articles (MinHash + LSH buckets) and events merged across reports
        """
        ALTER TABLE articles ADD COLUMN minhash BLOB;
        ALTER TABLE articles ADD COLUMN canonical_doc_id VARCHAR;
        ALTER TABLE events ADD COLUMN block VARCHAR;
        CREATE TABLE article_bands (bucket VARCHAR NOT NULL, doc_id VARCHAR NOT NULL);
        CREATE INDEX article_bands_bucket ON article_bands(bucket);
        CREATE TABLE merged_events (
            merged_id VARCHAR PRIMARY KEY,
            block VARCHAR,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            status VARCHAR,
            date DATE,
            date_precision VARCHAR,
            goldstein DOUBLE,
            quad_class INTEGER,
            reports INTEGER NOT NULL,
            record JSON NOT NULL
        );
        CREATE TABLE event_reports (
            merged_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL
        );
        CREATE INDEX event_reports_event ON event_reports(event_id);
        CREATE INDEX events_block ON events(block);
        """,
    ),
    (
        3,
        # copies also need the same names and dates close together; LSH bands of 3 rows
        """
        DELETE FROM article_bands;
        UPDATE articles SET canonical_doc_id = NULL;
        """,
    ),
    (
        4,
        # an international organisation's officer no longer splits a block between states
        """
        DELETE FROM article_bands;
        UPDATE articles SET canonical_doc_id = NULL;
        """,
    ),
]


# the last migration that changes how copies are found: stored articles are signed and their
# events merged again after it (once, however many migrations a database is behind)
RESIGN_AFTER = 4


@dataclass
class IngestStats:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def content_hash(text: str) -> str:
    """Same article text, same hash: whitespace differences from scraping do not count."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def event_id(doc_id: str, record: dict[str, Any]) -> str:
    actors = sorted((a.get("id") or a.get("text") or "") for a in record["actors"])
    first = record["evidence"][0]["start"] if record["evidence"] else -1
    key = json.dumps([doc_id, record["type"], record["mode"], actors, record["date"], first])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (or create) the database and bring its schema up to date."""
    con = duckdb.connect(str(path))
    migrate(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for version, sql in MIGRATIONS:
        if version in applied:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in filter(str.strip, sql.split(";")):
                con.execute(statement)
            con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            if version == RESIGN_AFTER:
                _backfill_dedup(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


def _backfill_dedup(con: duckdb.DuckDBPyConnection) -> None:
    """Databases made before the last migration that changes copies or blocks: sign their
    articles again, recompute every report's block and merge their events."""
    rows = con.execute("SELECT doc_id, clean_text FROM articles ORDER BY doc_id").fetchall()
    for doc_id, clean_text in rows:
        _sign_article(con, doc_id, clean_text or "")
    for event_id, record in con.execute("SELECT event_id, record FROM events").fetchall():
        con.execute(
            "UPDATE events SET block = ? WHERE event_id = ?",
            [_block(event_id, json.loads(record)), event_id],
        )
    blocks = [r[0] for r in con.execute("SELECT DISTINCT block FROM events").fetchall()]
    _remerge(con, set(blocks))


def _block(event_id: str, record: dict[str, Any]) -> str:
    """The merge block of a report; a report that cannot be compared is a block of its own."""
    return block_key(record) or f"solo|{event_id}"


def _sign_article(con: duckdb.DuckDBPyConnection, doc_id: str, clean_text: str) -> str:
    """Store the article's MinHash and LSH buckets; return its canonical article: the closest
    stored copy's canonical, or itself."""
    signature = article_signature(clean_text)
    keys = band_keys(signature)
    published = con.execute("SELECT published FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
    own = (article_names(clean_text), published[0] if published else None)
    candidates = con.execute(
        "SELECT DISTINCT a.doc_id, a.minhash, coalesce(a.canonical_doc_id, a.doc_id), "
        "a.clean_text, a.published "
        "FROM article_bands b JOIN articles a ON a.doc_id = b.doc_id "
        f"WHERE b.bucket IN ({', '.join('?' for _ in keys)}) AND a.doc_id <> ? "
        "AND a.minhash IS NOT NULL ORDER BY a.doc_id",
        [*keys, doc_id],
    ).fetchall()
    near = [
        (estimate, canonical)
        for _, other, canonical, text, day in candidates
        if near_duplicate(
            estimate := similarity(signature, other),
            (own[0], article_names(text or "")),
            (own[1], day),
        )
    ]
    canonical = max(near, key=lambda pair: pair[0])[1] if near else doc_id
    con.execute(
        "UPDATE articles SET minhash = ?, canonical_doc_id = ? WHERE doc_id = ?",
        [signature, canonical, doc_id],
    )
    con.executemany("INSERT INTO article_bands VALUES (?, ?)", [[key, doc_id] for key in keys])
    return canonical


def _remerge(con: duckdb.DuckDBPyConnection, blocks: set[str]) -> None:
    """Rebuild the merged events of the given blocks from all their stored reports."""
    for block in sorted(blocks):
        con.execute(
            "DELETE FROM event_reports WHERE merged_id IN "
            "(SELECT merged_id FROM merged_events WHERE block = ?)",
            [block],
        )
        con.execute("DELETE FROM merged_events WHERE block = ?", [block])
        rows = con.execute(
            "SELECT e.event_id, e.doc_id, coalesce(a.canonical_doc_id, a.doc_id), e.record, "
            "a.published, a.url, a.title FROM events e JOIN articles a ON a.doc_id = e.doc_id "
            "WHERE e.block = ?",
            [block],
        ).fetchall()
        reports = [
            Report(eid, doc, canonical, json.loads(record), published, url, title)
            for eid, doc, canonical, record, published, url, title in rows
        ]
        for cluster in cluster_reports(reports):
            merged = merged_record(cluster)
            con.execute(
                "INSERT INTO merged_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    merged["event_id"],
                    block,
                    merged["type"],
                    merged["mode"],
                    merged["status"],
                    merged["date"],
                    merged["date_precision"],
                    merged.get("goldstein"),
                    merged.get("quad_class"),
                    merged["reports"],
                    json.dumps(merged, ensure_ascii=False),
                ],
            )
            con.executemany(
                "INSERT INTO event_reports VALUES (?, ?, ?)",
                [[merged["event_id"], r.event_id, r.doc_id] for r in cluster.reports],
            )


def _delete_article(con: duckdb.DuckDBPyConnection, doc_id: str) -> set[str]:
    """Remove an article and its reports; return the merge blocks that need rebuilding."""
    rows = con.execute("SELECT event_id, block FROM events WHERE doc_id = ?", [doc_id]).fetchall()
    ids = [r[0] for r in rows]
    for table in ("event_actors", "evidence", "event_reports"):
        con.executemany(f"DELETE FROM {table} WHERE event_id = ?", [[i] for i in ids])
    con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM article_bands WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM articles WHERE doc_id = ?", [doc_id])
    return {r[1] for r in rows if r[1]}


def store_result(
    con: duckdb.DuckDBPyConnection, result: ArticleResult, table_version: str, stats: IngestStats
) -> None:
    """Write one article and its events; the same text again adds nothing."""
    record = result.to_record(table_version)
    digest = content_hash(result.clean.article.text)
    doc_id = record["doc_id"]
    same = con.execute(
        "SELECT doc_id FROM articles WHERE content_hash = ? OR doc_id = ?", [digest, doc_id]
    ).fetchall()
    existing = con.execute(
        "SELECT content_hash FROM articles WHERE doc_id = ?", [doc_id]
    ).fetchone()
    if (existing and existing[0] == digest) or (same and not existing):
        stats.unchanged += 1
        return
    con.execute("BEGIN TRANSACTION")
    try:
        blocks: set[str] = set()
        if existing:
            blocks |= _delete_article(con, doc_id)
            stats.replaced += 1
        else:
            stats.added += 1
        con.execute(
            "INSERT INTO articles (doc_id, content_hash, title, published, published_source, "
            "language, "
            "source, url, clean_text, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc_id,
                digest,
                record["title"],
                record["published"],
                record["published_source"],
                record["language"],
                record["source"],
                record["url"],
                record["clean_text"],
                json.dumps(record["removed"], ensure_ascii=False),
            ],
        )
        _sign_article(con, doc_id, record["clean_text"])
        for event in record["events"]:
            blocks.add(_insert_event(con, doc_id, event))
            stats.events += 1
        _remerge(
            con, blocks
        )  # in the same transaction: an interrupted ingest leaves no stale merge
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _insert_event(con: duckdb.DuckDBPyConnection, doc_id: str, event: dict[str, Any]) -> str:
    eid = event_id(doc_id, event)
    event = {**event, "event_id": eid, "doc_id": doc_id}
    block = _block(eid, event)
    con.execute(
        "INSERT OR REPLACE INTO events (event_id, doc_id, type, mode, cameo, status, date, "
        "date_precision, "
        "date_text, date_source, goldstein, quad_class, confidence, topics, record, block) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            eid,
            doc_id,
            event["type"],
            event["mode"],
            event["cameo"],
            event["status"],
            event["date"],
            event["date_precision"],
            event["date_text"],
            event["date_source"],
            event["goldstein"],
            event["quad_class"],
            event["confidence"],
            event["topics"],
            json.dumps(event, ensure_ascii=False),
            block,
        ],
    )
    con.executemany(
        "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                eid,
                i,
                a["role"],
                a["text"],
                a["name"],
                a["id"],
                a["country"],
                a["office"],
                a["code"],
                a["resolved_by"],
            ]
            for i, a in enumerate(event["actors"])
        ],
    )
    con.executemany(
        "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
        [[eid, doc_id, e["sentence"], e["start"], e["end"], e["text"]] for e in event["evidence"]],
    )
    return block


def ingest_results(
    con: duckdb.DuckDBPyConnection,
    results: Iterable[ArticleResult],
    table_version: str,
    kb_version: str,
) -> IngestStats:
    stats = IngestStats()
    con.execute("INSERT OR IGNORE INTO kb_versions (version) VALUES (?)", [kb_version])
    for result in results:
        store_result(con, result, table_version, stats)
    return stats


def query_events(
    con: duckdb.DuckDBPyConnection,
    actors: list[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    types: list[str] | None = None,
    limit: int | None = None,
    *,
    reports: bool = False,
) -> list[dict[str, Any]]:
    """Entry point for queries: events as extraction-contract records plus ``event_id``,
    ``reports`` (distinct articles) and ``sources`` (their doc ids).

    ``actors`` match a participant's country, CAMEO code prefix or KB id; with several, every
    one must be among the participants (a dyad filter). ``reports=True`` returns each article's
    own report instead of the merged events.
    """
    table, key = ("events", "event_id") if reports else ("merged_events", "merged_id")
    sql = [f"SELECT e.record FROM {table} e WHERE 1=1"]
    params: list[Any] = []
    for actor in actors or []:
        sql.append(
            f"AND EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.{key} AND "
            "(upper(a.country) = upper(?) OR starts_with(upper(a.code), upper(?)) "
            "OR a.actor_id = ?))"
        )
        params += [actor, actor, actor]
    if since:
        sql.append("AND e.date >= ?")
        params.append(since)
    if until:
        sql.append("AND e.date <= ?")
        params.append(until)
    if types:
        sql.append(f"AND e.type IN ({', '.join('?' for _ in types)})")
        params += [t.upper() for t in types]
    sql.append(f"ORDER BY e.date NULLS LAST, e.{key}")
    if limit:
        sql.append(f"LIMIT {int(limit)}")
    return [json.loads(row[0]) for row in con.execute(" ".join(sql), params).fetchall()]


def article_copies(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Canonical article -> its stored near-duplicates (wire copies, syndicated versions)."""
    groups: dict[str, list[str]] = {}
    for doc_id, canonical in con.execute(
        "SELECT doc_id, canonical_doc_id FROM articles WHERE canonical_doc_id <> doc_id "
        "ORDER BY doc_id"
    ).fetchall():
        groups.setdefault(canonical, []).append(doc_id)
    return groups


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "events", "merged_events", "event_actors", "evidence")
    }
