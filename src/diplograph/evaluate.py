"""Evaluation against labelled data: actor resolution (``diplograph eval actors``).

Why a module of its own: the same scoring runs in the CLI, in tests and in benchmarks, and it
must run the real resolver in context (the mention's own text and the event date) rather than a
simplified copy of it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from diplograph.actors.kb import KnowledgeBase
from diplograph.actors.mentions import find_mentions
from diplograph.actors.resolver import (
    DocContext,
    group_size,
    resolve_mention,
    resolve_named_group,
    resolve_pronoun,
    resolve_typed_group,
)
from diplograph.model import Actor, Article, Mention
from diplograph.nlp import split_sentences
from diplograph.pipeline import Resources, extract_articles
from diplograph.text import fold

CATEGORIES = ("name", "role", "coreference")


@dataclass
class CategoryScore:
    total: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class ActorReport:
    scores: dict[str, CategoryScore] = field(
        default_factory=lambda: {c: CategoryScore() for c in CATEGORIES}
    )
    wrong_holders: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _span(item: dict[str, Any]) -> tuple[int, int]:
    """The n-th occurrence of the mention as a substring, as the gold format defines it. An
    occurrence inside a longer word ("he" in "where") cannot be the mention an annotator meant:
    the next whole-word occurrence is taken instead."""
    text, mention, occurrence = item["text"], item["mention"], int(item.get("occurrence", 1))
    start = -1
    for _ in range(occurrence):
        start = text.find(mention, start + 1)
        if start < 0:
            raise ValueError(
                f"{item['id']}: mention {mention!r} does not occur {occurrence} time(s)"
            )
    while start >= 0 and not _whole_word(text, start, start + len(mention)):
        start = text.find(mention, start + 1)
    if start < 0:
        raise ValueError(f"{item['id']}: mention {mention!r} is never a whole word")
    return start, start + len(mention)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum()
    )


def _overlapping(mentions: list[Mention], span: tuple[int, int]) -> Mention | None:
    """The mention the gold span denotes: the most overlapping one, people before places
    ("Saudi King" overlaps "Saudi" more than "King Salman", and means the king)."""
    best, best_key = None, (False, 0)
    for mention in mentions:
        overlap = min(mention.end, span[1]) - max(mention.start, span[0])
        key = (mention.kind not in ("country", "org", "institution"), overlap)
        if overlap > 0 and key > best_key:
            best, best_key = mention, key
    return best


POSSESSIVES = {"his", "her", "their", "its"}


def _resolve_in_context(item: dict[str, Any], day: date, res: Resources) -> list[Actor]:
    text = item["text"]
    span = _span(item)
    mentions = find_mentions(text, res.kb)
    ctx = DocContext.from_mentions(res.kb, mentions, text)
    target = _overlapping(mentions, span)
    if target is None:
        return []
    named = [m for m in mentions if span[0] <= m.start and m.end <= span[1] and m.kind == "person"]
    if item["category"] == "name" and len(named) == 1:
        target = named[0]  # "India's Modi", "Jordanian Deputy Prime Minister ... Ayman Safadi"
    if (
        target.kind == "role"
        and target.start == span[0]
        and target.end > span[1]
        and text[span[0] : span[1]].lower() in POSSESSIVES
    ):
        # gold asks for "his" in "his Russian counterpart": the possessor, a pronoun of its own
        target = Mention("pronoun", text[span[0] : span[1]], span[0], span[1], via="pronoun")
    inside = [
        m
        for m in mentions
        if span[0] <= m.start and m.end <= span[1] and m.kind in ("person", "role")
    ]
    if len(item["gold"]) > 1 and len(inside) > 1:
        # "Prime Ministers Narendra Modi and Shehbaz Sharif": one span naming several people
        ctx_all: list[Actor] = []
        for mention in inside:
            ctx_all.extend(resolve_mention(mention, day, ctx, ctx_all))
        return ctx_all
    if target.kind == "collective":
        sentences = split_sentences(text, res.pipelines.splitter)
        current = next((s for s in sentences if s.start <= target.start < s.end), sentences[-1])
        group = resolve_named_group(target, ctx, day, current.start)
        if not group:
            group = resolve_typed_group(target, ctx, day)
        if not group and current.index:
            group = resolve_named_group(target, ctx, day, sentences[current.index - 1].start)
        return group or _collective_actors(text, span, day, res)
    others: list[Actor] = []
    for mention in mentions:
        if (
            mention is target
            or mention.start > target.start
            or mention.kind not in ("person", "role")
        ):
            continue
        if mention.counterpart:
            continue
        others.extend(resolve_mention(mention, day, ctx, others))
    if target.kind == "pronoun":
        sentences = split_sentences(text, res.pipelines.splitter)
        current = next((s for s in sentences if s.start <= target.start < s.end), sentences[-1])
        previous = sentences[current.index - 1].start if current.index else -1
        return resolve_pronoun(target, day, ctx, others, [], (current.start, previous))
    return resolve_mention(target, day, ctx, others)


def _collective_actors(text: str, span: tuple[int, int], day: date, res: Resources) -> list[Actor]:
    """ "the two leaders": whoever the extractor put in the contact reported in that sentence."""
    article = Article(doc_id="eval", text=text, published=day, published_source="metadata")
    result = next(extract_articles([article], res))
    for event in result.events:
        for evidence in event.evidence:
            if evidence.start <= span[0] < evidence.end:
                # "The Vice President and the two Prime Ministers met": only the two
                own = [a for a in event.actors if a.start is not None and a.start == span[0]]
                # "Parmelin welcomed the two leaders": the two taken up, not their host
                counted = group_size(text[span[0] : span[1]])
                taken_up = [a for a in event.actors if a.resolved_by == "coreference"]
                if not own and counted and len(taken_up) == counted:
                    own = taken_up
                return own or event.actors
    # no contact in the mention's own sentence ("The two leaders reaffirmed ..."): the
    # participants of the latest contact reported before it, as the extractor links them
    before = [
        e
        for e in result.events
        if e.type == "CONSULT" and e.status == "occurred" and e.evidence[0].start < span[0]
    ]
    return max(before, key=lambda e: e.evidence[0].start).actors if before else []


def _names(actors: list[Actor], kb: KnowledgeBase) -> list[set[str]]:
    """Every resolved person with all the names the KB knows for them (gold may use any)."""
    people = []
    for actor in actors:
        if not actor.id or actor.id == actor.country or not actor.name:
            continue
        person = kb.persons.get(actor.id)
        forms = (
            {fold(actor.name), *(fold(a) for a in person.aliases)} if person else {fold(actor.name)}
        )
        if forms not in people:
            people.append(forms)
    return people


GENERATIONAL = re.compile(r",?\s+(?:jr|sr)\.?$")
# regnal style: "Abdullah II of Jordan", "Salman of Saudi Arabia"
OF_REALM = re.compile(r"\s+of\s+[a-z][a-z ]+$")


def _gold_names(gold: list[dict[str, Any]]) -> set[str]:
    """Gold names, folded; "Surangel Whipps Jr." is the KB's "Surangel Whipps", "Abdullah II of
    Jordan" its "Abdullah II"."""
    return {OF_REALM.sub("", GENERATIONAL.sub("", fold(g["name"]))) for g in gold if g.get("name")}


def _same(found: list[set[str]], wanted: set[str]) -> bool:
    """Names match when every wanted person is found by a full name or surname, and no one extra."""
    if len(found) != len(wanted):
        return False

    def hit(name: str) -> bool:
        return any(name == f or name.split()[-1] == f.split()[-1] for forms in found for f in forms)

    return all(hit(name) for name in wanted)


def evaluate_actors(path: Path, res: Resources) -> ActorReport:
    """Entry point: accuracy per category and every resolution to a wrong office holder."""
    report = ActorReport()
    kb: KnowledgeBase = res.kb
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            day = date.fromisoformat(item["date"])
            actors = _resolve_in_context(item, day, res)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            report.errors.append(f"{path}:{lineno}: {exc}")
            continue
        score = report.scores.setdefault(item["category"], CategoryScore())
        score.total += 1
        wanted = _gold_names(item["gold"])
        found = _names(actors, kb)
        if _same(found, wanted):
            score.correct += 1
            continue
        for actor in actors:
            spell = kb.office_on(actor.id, day) if actor.id in kb.persons else None
            person = kb.persons.get(actor.id or "")
            forms = {fold(actor.name or "")} | {fold(a) for a in (person.aliases if person else [])}
            if (
                spell is not None
                and not forms & wanted
                and any(
                    g.get("office") == spell.office and g.get("country") == spell.polity
                    for g in item["gold"]
                )
            ):
                report.wrong_holders.append(
                    f"{item['id']}: {item['mention']!r} -> {actor.name} (gold {sorted(wanted)})"
                )
    return report


# ------------------------------------------------------------------ report merging
@dataclass
class PairScore:
    true_positive: int = 0
    system_pairs: int = 0
    gold_pairs: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.system_pairs if self.system_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold_pairs if self.gold_pairs else 1.0


@dataclass
class DedupReport:
    """Pairwise scores over the gold reports the extractor found with the right type (merging
    can only be judged on reports that exist); ``end_to_end_recall`` counts every gold pair."""

    events: PairScore = field(default_factory=PairScore)
    articles: PairScore = field(default_factory=PairScore)
    gold_reports: int = 0
    matched_reports: int = 0
    # gold pairs over every gold report, found or not: merging end to end
    gold_pairs_all: int = 0
    unmatched: list[str] = field(default_factory=list)
    false_merges: list[str] = field(default_factory=list)
    missed_merges: list[str] = field(default_factory=list)

    @property
    def end_to_end_recall(self) -> float:
        return self.events.true_positive / self.gold_pairs_all if self.gold_pairs_all else 1.0


def _pairs(groups: dict[str, set[str]]) -> set[frozenset[str]]:
    return {
        frozenset((a, b)) for members in groups.values() for a in members for b in members if a < b
    }


def _score(system: set[frozenset[str]], gold: set[frozenset[str]]) -> PairScore:
    return PairScore(len(system & gold), len(system), len(gold))


IN_PERSON_MODES = {"meet", "meeting", "visit", "summit"}


def _same_kind(con: Any, event_id: str, cluster: dict[str, Any]) -> bool:
    """The gold type, and a compatible mode when both name one (a phone call is no visit)."""
    kind, mode = con.execute(
        "SELECT type, mode FROM events WHERE event_id = ?", [event_id]
    ).fetchone()
    wanted = cluster.get("mode")
    if kind != cluster.get("type", "CONSULT"):
        return False
    if not mode or not wanted or mode == wanted:
        return True
    return mode in IN_PERSON_MODES and wanted in IN_PERSON_MODES


def _system_report(con: Any, doc_id: str, evidence: str, cluster: dict[str, Any]) -> str | None:
    """The stored report of ``doc_id`` whose evidence holds the gold evidence words; where one
    sentence reports several events, the one whose countries best match the gold event."""
    row = con.execute("SELECT clean_text FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None or evidence not in (row[0] or ""):
        return None
    start = row[0].index(evidence)
    end = start + len(evidence)
    hits = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT event_id, start_char FROM evidence WHERE doc_id = ? "
            "AND start_char < ? AND end_char > ? ORDER BY start_char, event_id",
            [doc_id, end, start],
        ).fetchall()
    ]
    if not hits:
        return None
    words = evidence.lower()
    triggered = [
        h
        for h in hits
        if (
            (
                t := con.execute(
                    "SELECT record->>'trigger' FROM events WHERE event_id = ?", [h]
                ).fetchone()[0]
            )
            and t.lower() in words
        )
    ]
    # the event the evidence words report: its trigger among them, its type the gold type
    hits = [h for h in triggered if _same_kind(con, h, cluster)]
    if not hits:
        return None
    wanted = set(cluster.get("countries", []))

    def fit(event_id: str) -> tuple[int, int]:
        countries = {
            r[0]
            for r in con.execute(
                "SELECT country FROM event_actors WHERE event_id = ?", [event_id]
            ).fetchall()
        }
        return (-len(countries & wanted), len(countries ^ wanted))

    return min(hits, key=fit)


def evaluate_dedup(folder: Path, db: Path, res: Resources) -> DedupReport:
    """Entry point: ingest ``folder/articles.jsonl`` into a fresh store at ``db`` and score
    pairwise merging of event reports (``clusters.jsonl``) and of near-duplicate articles
    (``article_duplicates.jsonl``). Gold reports the extractor did not find at all are counted
    apart: merging can only be judged on reports that exist."""
    from diplograph.events.lexicon import load_lexicon
    from diplograph.ingest import read_articles
    from diplograph.store import article_copies, connect, ingest_results

    con = connect(db)
    articles = [a for a in read_articles([folder / "articles.jsonl"]) if isinstance(a, Article)]
    ingest_results(con, extract_articles(articles, res), load_lexicon().score_table, res.kb.version)
    report = DedupReport()
    gold_groups: dict[str, set[str]] = {}
    for line in (folder / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        size = len(cluster["reports"])
        report.gold_pairs_all += size * (size - 1) // 2
        for item in cluster["reports"]:
            report.gold_reports += 1
            found = _system_report(con, item["doc_id"], item["evidence"], cluster)
            if found is None:
                report.unmatched.append(f"{cluster['cluster']}: {item['doc_id']}")
                continue
            report.matched_reports += 1
            gold_groups.setdefault(cluster["cluster"], set()).add(found)
    matched = set().union(*gold_groups.values()) if gold_groups else set()
    system_groups: dict[str, set[str]] = {}
    for merged_id, event_id in con.execute(
        "SELECT merged_id, event_id FROM event_reports"
    ).fetchall():
        if event_id in matched:
            system_groups.setdefault(merged_id, set()).add(event_id)
    system, gold = _pairs(system_groups), _pairs(gold_groups)
    report.events = _score(system, gold)
    report.false_merges = sorted(" + ".join(sorted(p)) for p in system - gold)
    report.missed_merges = sorted(" + ".join(sorted(p)) for p in gold - system)
    copies = {canonical: {canonical, *docs} for canonical, docs in article_copies(con).items()}
    gold_copies = {
        json.loads(line)["group"]: set(json.loads(line)["articles"])
        for line in (folder / "article_duplicates.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    report.articles = _score(_pairs(copies), _pairs(gold_copies))
    con.close()
    return report


# ------------------------------------------------------------------ event dates
@dataclass
class DateReport:
    gold_events: int = 0
    matched: int = 0
    day_gold: int = 0  # matched events whose true date is known to the day
    day_right: int = 0
    # of those, the ones whose own words state the day ("on Tuesday", "yesterday"): the
    # text allows the day; the rest carry no time words and rely on the publication date
    day_stated: int = 0
    day_stated_right: int = 0
    at_precision_right: int = 0
    system_days: int = 0  # matched events the system dates to a day
    wrong_days: list[str] = field(default_factory=list)
    published_inferred: int = 0
    published_right: int = 0
    published_wrong: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def exact_day(self) -> float:
        return self.day_right / self.day_gold if self.day_gold else 0.0

    @property
    def exact_day_stated(self) -> float:
        return self.day_stated_right / self.day_stated if self.day_stated else 0.0

    @property
    def at_precision(self) -> float:
        return self.at_precision_right / self.matched if self.matched else 0.0

    @property
    def wrong_rate(self) -> float:
        return len(self.wrong_days) / self.system_days if self.system_days else 0.0


def _within(system: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Is the system's date right at the precision it states (null right only for null)?"""
    if system.get("date") is None or gold.get("date") is None:
        return system.get("date") is None and gold.get("date") is None
    mine, true = date.fromisoformat(system["date"]), date.fromisoformat(gold["date"])
    precision = system.get("date_precision")
    if precision == "year":
        return mine.year == true.year
    if precision == "month":
        return (mine.year, mine.month) == (true.year, true.month)
    return mine == true and gold.get("date_precision") == "day"


def _match_event(record: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any] | None:
    """The extracted event reported by the gold evidence words, preferring the same type and
    the most shared countries when one clause holds several events."""
    text = record["clean_text"]
    if gold["evidence"] not in text:
        return None
    start = text.index(gold["evidence"])
    end = start + len(gold["evidence"])
    hits = [
        e
        for e in record["events"]
        if any(ev["start"] < end and ev["end"] > start for ev in e["evidence"])
    ]
    # the event must be the one the evidence words report: its trigger is among them
    words = gold["evidence"].lower()
    hits = [e for e in hits if e.get("trigger") and e["trigger"].lower() in words]
    if not hits:
        return None
    wanted = set(gold.get("countries", []))

    def fit(event: dict[str, Any]) -> tuple[int, int]:
        countries = {a.get("country") for a in event["actors"]}
        return (event["type"] != gold["type"], -len(countries & wanted))

    return min(hits, key=fit)


def evaluate_dates(folder: Path, res: Resources) -> DateReport:
    """Entry point: dates of the extracted events against ``folder/gold.jsonl``.

    Exact-day accuracy counts gold events whose text fixes the day; "at stated precision"
    counts every matched event (a month-precision date in the right month is right, a null date
    is right only where the gold date is null too); a wrong date is a day-precision date that
    is not the true day. Gold events the extractor did not find are counted apart."""
    from diplograph.events.lexicon import load_lexicon
    from diplograph.ingest import read_articles

    table = load_lexicon().score_table
    gold = {
        json.loads(line)["id"]: json.loads(line)
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    articles = [a for a in read_articles([folder / "articles.jsonl"]) if isinstance(a, Article)]
    report = DateReport()
    for result in extract_articles(articles, res):
        record = result.to_record(table)
        truth = gold.get(record["doc_id"])
        if truth is None:
            continue
        if record["published_source"] == "inferred":
            report.published_inferred += 1
            if record["published"] == truth["published_true"]:
                report.published_right += 1
            else:
                report.published_wrong.append(
                    f"{record['doc_id']}: {record['published']} (true {truth['published_true']})"
                )
        for item in truth["events"]:
            report.gold_events += 1
            event = _match_event(record, item)
            if event is None:
                report.misses.append(f"{record['doc_id']}: {item['evidence']!r}")
                continue
            report.matched += 1
            report.at_precision_right += _within(event, item)
            if item.get("date_precision") == "day":
                right = event.get("date") == item["date"] and event.get("date_precision") == "day"
                report.day_gold += 1
                report.day_right += right
                if item.get("date_text"):
                    report.day_stated += 1
                    report.day_stated_right += right
            if event.get("date") and event.get("date_precision") == "day":
                report.system_days += 1
                if not (item.get("date_precision") == "day" and event["date"] == item["date"]):
                    report.wrong_days.append(
                        f"{record['doc_id']}: {item['evidence'][:60]!r} -> {event['date']} "
                        f"({event.get('date_source')}, {event.get('date_text')!r}); "
                        f"gold {item['date']} {item.get('date_text')!r}"
                    )
    return report
