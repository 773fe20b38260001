"""Command line: a thin layer over the pipeline and the store.

Why thin: every command parses its options, calls one library function, and prints. Bad input
files are reported on stderr with the file and reason while the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from diplograph.ingest import read_articles
from diplograph.model import Article, ArticleResult, InputError

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Turn news articles into political event data."
)
err = Console(stderr=True)
# Wide enough for one event per line when printing to a file or a pipe.
out = Console(width=None if sys.stdout.isatty() else 150)

PathsArg = Annotated[list[Path], typer.Argument(help=".txt / .jsonl files or directories")]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file")]


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option
        ) from None


def _articles(
    paths: list[Path], published: date | None, errors: list[InputError]
) -> Iterator[Article]:
    for item in read_articles(paths, published=published):
        if isinstance(item, InputError):
            errors.append(item)
            err.print(f"[yellow]skipped[/] {item}")
        else:
            yield item


def _results(
    paths: list[Path], published: date | None, errors: list[InputError]
) -> Iterator[ArticleResult]:
    from diplograph.pipeline import extract_articles, load_resources

    yield from extract_articles(_articles(paths, published, errors), load_resources())


@app.command()
def extract(
    paths: PathsArg,
    published: Annotated[
        str | None, typer.Option(help="publication date for articles without one")
    ] = None,
) -> None:
    """Extract events and write one JSON object per article to stdout."""
    from diplograph.events.lexicon import load_lexicon

    errors: list[InputError] = []
    table_version = load_lexicon().score_table
    for result in _results(paths, _parse_date(published, "--published"), errors):
        sys.stdout.write(json.dumps(result.to_record(table_version), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if errors:
        err.print(f"{len(errors)} input(s) could not be read")


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = Path("diplograph.duckdb"),
    published: Annotated[
        str | None, typer.Option(help="publication date for articles without one")
    ] = None,
) -> None:
    """Extract events and store articles and events in the database (idempotent)."""
    stats = _ingest(paths, db, _parse_date(published, "--published"))
    out.print(
        f"articles added {stats.added}, unchanged {stats.unchanged}, replaced {stats.replaced}; "
        f"events stored {stats.events}; unreadable inputs {len(stats.errors)}"
    )


def _ingest(paths: list[Path], db: Path, published: date | None):
    from diplograph.actors.kb import load_kb
    from diplograph.events.lexicon import load_lexicon
    from diplograph.store import connect, ingest_results

    errors: list[InputError] = []
    con = connect(db)
    try:
        stats = ingest_results(
            con, _results(paths, published, errors), load_lexicon().score_table, load_kb().version
        )
    finally:
        con.close()
    stats.errors = [str(e) for e in errors]
    return stats


def _actor_label(actor: dict) -> str:
    name = actor.get("name") or actor.get("text")
    return f"{name} ({actor['country']})" if actor.get("country") else name


def print_events_table(records: list[dict], title: str) -> None:
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("date", "event", "status", "participants", "topics", "reports"):
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(
            record["date"] or "?",
            f"{record['type']}/{record['mode'] or '-'} {record['cameo']}",
            record["status"],
            " – ".join(_actor_label(a) for a in record["actors"]),
            ", ".join(record["topics"][:3]),
            str(record.get("reports", 1)),
        )
    out.print(table)


CSV_COLUMNS = (
    "event_id",
    "date",
    "date_precision",
    "type",
    "mode",
    "cameo",
    "status",
    "goldstein",
    "quad_class",
    "participants",
    "countries",
    "topics",
    "reports",
    "sources",
)


def _csv_row(record: dict) -> list:
    return [
        record.get("event_id"),
        record.get("date"),
        record.get("date_precision"),
        record["type"],
        record.get("mode"),
        record.get("cameo"),
        record.get("status"),
        record.get("goldstein"),
        record.get("quad_class"),
        "; ".join(a.get("name") or a.get("text") or "" for a in record["actors"]),
        "; ".join(a.get("country") or "" for a in record["actors"]),
        "; ".join(record.get("topics", [])),
        record.get("reports", 1),
        "; ".join(record.get("sources", [record.get("doc_id", "")])),
    ]


def _write_rows(records: list[dict], format: str, title: str) -> None:
    if format == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_csv_row(r) for r in records)
    elif format == "table":
        print_events_table(records, title)
    else:
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")


def _stored_events(
    db: Path,
    actor: list[str] | None,
    type: list[str] | None,
    since: str | None,
    until: str | None,
    reports: bool = False,
) -> list[dict]:
    """The query every store-reading command shares, through the Python API."""
    from diplograph.query import events as query_events

    try:
        return query_events(
            db,
            actor,
            type,
            _parse_date(since, "--since"),
            _parse_date(until, "--until"),
            reports=reports,
        )
    except FileNotFoundError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(1) from None


ActorOpt = Annotated[
    list[str] | None,
    typer.Option("--actor", help="country, CAMEO code prefix or KB id; repeat for a dyad"),
]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="PLOVER event type")]
SinceOpt = Annotated[str | None, typer.Option(help="earliest event date")]
UntilOpt = Annotated[str | None, typer.Option(help="latest event date")]


@app.command()
def events(
    db: DbOpt = Path("diplograph.duckdb"),
    actor: ActorOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
    reports: Annotated[
        bool, typer.Option("--reports", help="each article's report, not merged events")
    ] = False,
) -> None:
    """Query stored events (merged across the articles that report them)."""
    records = _stored_events(db, actor, type, since, until, reports)
    _write_rows(records, format, f"{len(records)} events")


@app.command()
def dyads(
    db: DbOpt = Path("diplograph.duckdb"),
    by: Annotated[str, typer.Option(help="day, week, month or year")] = "month",
    actor: ActorOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
) -> None:
    """Counts and score sums per dyad, type and quad class, per period, zero-filled."""
    from diplograph.aggregate import PERIODS, dyad_series

    if by not in PERIODS:
        raise typer.BadParameter(f"use one of {', '.join(PERIODS)}", param_hint="--by")
    records = _stored_events(db, actor, type, since, until)
    rows = [row.as_dict() for row in dyad_series(records, by)]
    columns = list(rows[0]) if rows else []
    if format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row) + "\n")
    elif format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif format == "table":
        table = Table(title=f"dyads by {by}: {len(rows)} rows")
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        out.print(table)
    else:
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(help="file to write")],
    format: Annotated[
        str, typer.Option("--format", help="plover-jsonl, icews-csv, gdelt-tsv or parquet")
    ] = "plover-jsonl",
    db: DbOpt = Path("diplograph.duckdb"),
    actor: ActorOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    header: Annotated[bool, typer.Option(help="GDELT only: write a header row")] = False,
) -> None:
    """Write merged events in a peer's record shape (PLOVER, ICEWS, GDELT) or as Parquet."""
    from diplograph.export import FORMATS, write_export

    if format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    records = _stored_events(db, actor, type, since, until)
    report = write_export(records, format, out_path, header=header)
    out.print(f"wrote {report.rows} row(s) for {report.events} event(s) to {out_path}")
    if report.skipped:
        err.print(f"{len(report.skipped)} undated event(s) skipped: {format} needs a date")


@app.command()
def demo(
    db: DbOpt = Path("diplograph.duckdb"),
    examples: Annotated[Path | None, typer.Option(help="folder of example articles")] = None,
) -> None:
    """Ingest the bundled example articles and show the events found."""
    from diplograph.store import connect, counts, query_events

    folder = examples or _bundled_examples()
    source = folder / "seeds.jsonl" if (folder / "seeds.jsonl").exists() else folder
    stats = _ingest([source], db, None)
    con = connect(db)
    try:
        records = query_events(con)
        totals = counts(con)
    finally:
        con.close()
    print_events_table(records, f"diplograph demo: events in {db}")
    out.print(
        f"ingested {source}: {stats.added} new article(s), {stats.unchanged} already stored; "
        f"database holds {totals['articles']} articles and {totals['events']} events"
    )


kb_app = typer.Typer(no_args_is_help=True, help="Inspect and extend the knowledge base.")
app.add_typer(kb_app, name="kb")


@kb_app.command("who")
def kb_who(
    phrase: Annotated[str, typer.Argument(help='a role or name, e.g. "Turkish foreign minister"')],
    on: Annotated[str, typer.Option("--on", help="the date (YYYY-MM-DD)")],
) -> None:
    """Show what the resolver makes of a phrase on a date."""
    from diplograph.actors.kb import load_kb
    from diplograph.actors.mentions import find_mentions
    from diplograph.actors.resolver import DocContext, resolve_mention

    day = _parse_date(on, "--on")
    kb = load_kb()
    mentions = find_mentions(phrase, kb)
    if not mentions:
        err.print(f"[yellow]no actor found in[/] {phrase!r}")
        raise typer.Exit(1)
    ctx = DocContext.from_mentions(kb, mentions, phrase)
    for mention in mentions:
        for actor in resolve_mention(mention, day, ctx, []):
            spell = (
                kb.office_on(actor.id, day, prefer=actor.office) if actor.id in kb.persons else None
            )
            until = spell.end or "today" if spell else ""
            term = f"{spell.start} – {until} ({spell.source})" if spell else ""
            who = actor.name or "(no person)"
            out.print(
                escape(
                    f"{mention.text!r} on {day}: {who} | country {actor.country} | "
                    f"office {actor.office} ({actor.title or '-'}) | code {actor.code} | "
                    f"resolved by {actor.resolved_by or 'unresolved'} {term}"
                )
            )


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="a person's name, alias or surname")],
) -> None:
    """List the people a name can mean and every office spell the KB has for them."""
    from diplograph.actors.kb import load_kb
    from diplograph.text import token_key

    kb = load_kb()
    entries = [e for e in kb.phrases.get(token_key(name), []) if e.kind == "person"]
    if not entries:
        err.print(f"[yellow]no person called[/] {name!r} in the KB ({kb.version})")
        raise typer.Exit(1)
    for person_id in sorted({e.target for e in entries}):
        person = kb.persons[person_id]
        via = ", ".join(sorted({e.via for e in entries if e.target == person_id}))
        out.print(f"[bold]{person.name}[/] ({person.id}; matched as {via})")
        for spell in sorted(kb.spells_for(person_id), key=lambda s: s.start):
            until = spell.end or "today"
            line = f"  {spell.polity} {spell.office} ({spell.title}): {spell.start} – {until}"
            out.print(escape(f"{line}  [{spell.source}]"))


@kb_app.command("import-wikidata")
def kb_import_wikidata(
    file: Annotated[
        Path, typer.Argument(help="JSON result of a Wikidata query-service 'position held' query")
    ],
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="folder for the people files")
    ] = None,
) -> None:
    """Add office spells from a Wikidata export; curated rows win over conflicting imports."""
    from diplograph.actors.kb import load_kb, user_kb_dir
    from diplograph.actors.wikidata import WikidataFormatError, import_wikidata

    target = out_dir or user_kb_dir()
    try:
        report = import_wikidata(file, load_kb(), target)
    except (OSError, WikidataFormatError) as exc:
        err.print(f"[red]cannot import[/] {file}: {exc}")
        raise typer.Exit(1) from None
    out.print(f"wrote {target}: {report.persons_added} people, {report.spells_added} office spells")
    for line in report.conflicts:
        out.print(f"[yellow]conflict, kept the curated spell:[/] {escape(line)}")
    for line in report.skipped:
        out.print(f"skipped: {escape(line)}")


eval_app = typer.Typer(no_args_is_help=True, help="Score the extractor against labelled data.")
app.add_typer(eval_app, name="eval")


@eval_app.command("actors")
def eval_actors(
    gold: Annotated[Path, typer.Argument(help="JSONL of labelled mentions")] = Path(
        "tests/data/actors/gold_mentions.jsonl"
    ),
    show_errors: Annotated[bool, typer.Option(help="list every wrong office holder")] = False,
) -> None:
    """Accuracy of actor resolution for names, role phrases and coreference."""
    from diplograph.evaluate import evaluate_actors
    from diplograph.pipeline import load_resources

    report = evaluate_actors(gold, load_resources())
    table = Table(title=f"actor resolution on {gold}")
    for column in ("category", "mentions", "correct", "accuracy"):
        table.add_column(column)
    for category, score in report.scores.items():
        table.add_row(category, str(score.total), str(score.correct), f"{score.accuracy:.1%}")
    out.print(table)
    wrong = len(report.wrong_holders)
    out.print(f"resolutions to a person who did not hold the office on the date: {wrong}")
    for line in report.wrong_holders if show_errors else []:
        out.print(escape(line))
    for line in report.errors:
        err.print(escape(line))


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(help="gold JSONL (sentence text, date, expected codes)")],
    split: Annotated[str, typer.Option(help="all, dev or test (sha1(id) mod 3 == 0)")] = "all",
    confusion: Annotated[bool, typer.Option(help="print the type confusion table")] = False,
) -> None:
    """Precision, recall and F1 for event type, CAMEO root and (source, target, code)."""
    from diplograph.evaluate_events import evaluate_events
    from diplograph.pipeline import load_resources

    if split not in ("all", "dev", "test"):
        raise typer.BadParameter("use all, dev or test", param_hint="--split")
    report = evaluate_events(gold, load_resources(), split)
    table = Table(title=f"events on {gold} ({split}: {report.records} records)")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column)
    rows = [("event type", report.types), ("(source, target, code)", report.triples)]
    if report.roots is not None:
        rows.insert(1, ("CAMEO root", report.roots))
    for name, score in rows:
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    out.print(table)
    out.print(
        f"type sets exactly right: {report.type_exact}/{report.records} "
        f"({report.type_accuracy:.1%})"
    )
    if confusion:
        matrix = Table(title="gold type -> predicted type")
        for column in ("gold", "predicted", "count"):
            matrix.add_column(column)
        for (gold_type, predicted_type), count in report.confusion.most_common():
            matrix.add_row(gold_type, predicted_type, str(count))
        out.print(matrix)


@eval_app.command("dates")
def eval_dates(
    folder: Annotated[
        Path, typer.Argument(help="folder with articles.jsonl and gold.jsonl")
    ] = Path("tests/data/dates"),
    show_errors: Annotated[bool, typer.Option(help="list every wrong day")] = False,
) -> None:
    """Event-date accuracy: exact day, at the stated precision, and wrong days."""
    from diplograph.evaluate import evaluate_dates
    from diplograph.pipeline import load_resources

    report = evaluate_dates(folder, load_resources())
    table = Table(title=f"event dates on {folder}")
    table.add_column("measure")
    table.add_column("count", justify="right")
    table.add_column("rate", justify="right")
    rows = [
        ("gold events / found by the extractor", f"{report.matched}/{report.gold_events}", ""),
        (
            "exact day, day stated in the text",
            f"{report.day_stated_right}/{report.day_stated}",
            f"{report.exact_day_stated:.1%}",
        ),
        (
            "exact day, all day-precision gold",
            f"{report.day_right}/{report.day_gold}",
            f"{report.exact_day:.1%}",
        ),
        (
            "right at the stated precision",
            f"{report.at_precision_right}/{report.matched}",
            f"{report.at_precision:.1%}",
        ),
        (
            "wrong days (of day-precision dates given)",
            f"{len(report.wrong_days)}/{report.system_days}",
            f"{report.wrong_rate:.1%}",
        ),
        (
            "publication dates inferred right",
            f"{report.published_right}/{report.published_inferred}",
            "",
        ),
    ]
    for row in rows:
        table.add_row(*row)
    out.print(table)
    if show_errors:
        for line in report.wrong_days + report.published_wrong:
            out.print(escape(line))


@eval_app.command("dedup")
def eval_dedup(
    folder: Annotated[
        Path,
        typer.Argument(help="folder with articles.jsonl, clusters.jsonl, article_duplicates.jsonl"),
    ] = Path("tests/data/dedup"),
    db: Annotated[
        Path | None,
        typer.Option("--db", help="keep the evaluation database here (default: a temporary one)"),
    ] = None,
) -> None:
    """Pairwise precision and recall of merging event reports and near-duplicate articles."""
    import tempfile

    from diplograph.evaluate import evaluate_dedup
    from diplograph.pipeline import load_resources

    if db is not None and db.exists():
        err.print(f"[red]{db} exists[/]: the evaluation needs a fresh database file")
        raise typer.Exit(1)
    with tempfile.TemporaryDirectory() as scratch:
        target = db or Path(scratch) / "eval-dedup.duckdb"
        report = evaluate_dedup(folder, target, load_resources())
    table = Table(title=f"report merging on {folder}")
    for column in ("pairs", "precision", "recall", "system pairs", "gold pairs"):
        table.add_column(column)
    for name, score in (("event reports", report.events), ("articles", report.articles)):
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            str(score.system_pairs),
            str(score.gold_pairs),
        )
    out.print(table)
    out.print(
        f"gold reports found by the extractor: {report.matched_reports}/{report.gold_reports}; "
        f"end-to-end recall over all gold pairs: {report.events.true_positive}/"
        f"{report.gold_pairs_all} = {report.end_to_end_recall:.3f}"
    )


def _bundled_examples() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "examples").is_dir():
            return parent / "examples"
    return Path(str(resources.files("diplograph").joinpath("data/examples")))


if __name__ == "__main__":
    app()
