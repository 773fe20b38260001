"""The one data model that flows through every stage.

Why dataclasses and not dicts: each stage adds facts to the same objects, and typed fields make
it obvious which stage owns which fact. ``to_record`` functions at the end produce the JSON shape
of the extraction contract (``schema/article_record.schema.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class Article:
    """An article as read from disk, before any cleaning."""

    doc_id: str
    text: str
    title: str | None = None
    published: date | None = None
    published_source: str | None = None  # "metadata" | "inferred" | None
    # for an inferred date: the words it came from, or why no date could be fixed
    published_evidence: str | None = None
    published_reason: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass
class Removed:
    """A segment dropped by the cleaner, with the reason, so a reviewer can audit the cleaner."""

    text: str
    reason: str


@dataclass
class Sentence:
    """A sentence of the clean text; offsets index ``CleanArticle.clean_text``."""

    index: int
    text: str
    start: int
    end: int


@dataclass
class CleanArticle:
    article: Article
    clean_text: str
    removed: list[Removed]
    language: str | None
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Mention:
    """A stretch of clean text that names or describes an actor.

    ``kind`` is one of person, country, org, role, institution, collective, unknown_person.
    Candidates are KB ids; resolution to one entity happens later, once the event date is known.
    """

    kind: str
    text: str
    start: int
    end: int
    candidates: list[str] = field(default_factory=list)
    country: str | None = None
    office: str | None = None  # office key for role mentions, e.g. "foreign_minister"
    counterpart: bool = False
    plural: bool = False
    countries: list[str] = field(
        default_factory=list
    )  # coordinated roles: "Turkish and US ministers"
    via: str = ""  # how the text named it: name, alias, surname, adjective, metonym, title
    sector: str | None = None
    title_text: str | None = None  # a title written before a name ("Foreign Minister")
    is_place: bool = False  # "in Moscow", "to Tokyo": a location, not an actor


@dataclass
class Actor:
    role: str  # source | target | participant
    text: str
    name: str | None = None
    id: str | None = None
    country: str | None = None
    office: str | None = None
    title: str | None = None
    code: str | None = None
    resolved_by: str | None = (
        None  # name, alias, surname, role+date, role+context, coreference, country, org
    )
    start: int | None = None
    end: int | None = None

    def key(self) -> str:
        """What makes two actor records the same participant for merging."""
        if self.id:
            return self.id
        if self.country and self.office:
            return f"{self.country}:{self.office}"
        return (self.name or self.text).lower()

    def to_record(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "text": self.text,
            "name": self.name,
            "id": self.id,
            "country": self.country,
            "office": self.office,
            "title": self.title,
            "code": self.code,
            "resolved_by": self.resolved_by,
        }


@dataclass
class Evidence:
    sentence: int
    start: int
    end: int
    text: str = ""

    def to_record(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "text": self.text}


PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass
class Event:
    type: str
    mode: str | None
    cameo: str
    status: str
    actors: list[Actor]
    evidence: list[Evidence]
    trigger: str = ""
    date: date | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_source: str | None = None
    date_reason: str | None = None
    time: str | None = None  # a clock time the clause gives, with its zone ("04:00 local")
    reported_by: Actor | None = None  # "X said ...": who the text says reported it
    topics: list[str] = field(default_factory=list)
    confidence: float = 0.5
    goldstein: float | None = None
    plover_score: float | None = None
    plover_score_table: str | None = None
    quad_class: int | None = None
    symmetric: bool = False
    historical: bool = False
    backgrounded: bool = False  # reported only inside a prepositional phrase ("the summit")
    sources: list[Any] = field(default_factory=list, repr=False)  # the frames it was coded from

    def set_date(
        self,
        day: date | None,
        precision: str | None,
        text: str | None,
        source: str | None,
        reason: str | None,
    ) -> None:
        self.date, self.date_precision, self.date_text = day, precision, text
        self.date_source, self.date_reason = source, reason

    def take_date(self, other: Event) -> None:
        self.set_date(
            other.date, other.date_precision, other.date_text, other.date_source, other.date_reason
        )

    def absorb(self, other: Event) -> None:
        """Take another report's evidence, and its date when that is more precise (with the
        word that reports it: the dated report is the one that says what happened)."""
        for evidence in other.evidence:
            if all(evidence.sentence != e.sentence for e in self.evidence):
                self.evidence.append(evidence)
        self.evidence.sort(key=lambda e: e.sentence)
        if PRECISION_RANK[other.date_precision] > PRECISION_RANK[self.date_precision]:
            self.take_date(other)
            self.trigger = other.trigger

    def participant_keys(self) -> frozenset[str]:
        return frozenset(actor.key() for actor in self.actors)

    def to_record(self, table_version: str) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "score_table": table_version,
            "plover_score": self.plover_score,
            "plover_score_table": self.plover_score_table,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "date_reason": self.date_reason,
            "time": self.time,
            "historical": self.historical,
            "reported_by": self.reported_by.to_record() if self.reported_by else None,
            "actors": [actor.to_record() for actor in self.actors],
            "topics": self.topics,
            "evidence": [ev.to_record() for ev in self.evidence],
            "trigger": self.trigger,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class ArticleResult:
    """Everything extraction learned about one article: the unit written to JSONL and the store."""

    clean: CleanArticle
    events: list[Event]

    def to_record(self, table_version: str) -> dict[str, Any]:
        article = self.clean.article
        return {
            "doc_id": article.doc_id,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "published_source": article.published_source,
            "published_evidence": article.published_evidence,
            "published_reason": article.published_reason,
            "language": self.clean.language,
            "source": article.source,
            "url": article.url,
            "clean_text": self.clean.clean_text,
            "removed": [{"text": r.text, "reason": r.reason} for r in self.clean.removed],
            "events": [event.to_record(table_version) for event in self.events],
        }


@dataclass
class InputError:
    """Bad input is reported, never fatal for the rest of a batch."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"
