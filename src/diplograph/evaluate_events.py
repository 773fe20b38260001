"""Event-coding quality against public gold files (``diplograph eval events``).

Why a module of its own: the same scoring runs in the CLI, in the benchmark script and in
tests, and it must run the real extraction line (cleaning, pre-pass, parse, coder, resolver) on
each gold sentence, not a shortcut around it.

Gold layout (``../shared/data``): one JSON object per line with ``id``, ``text``, ``date``
(``YYYY-MM-DD`` or ``YYYYMMDD``) and ``expected``, a list of ``{source, target, code}`` rows.
``code`` is either a PLOVER type (plover_gsr_cameo, coded against PLOVER 0.5, whose old type
names are mapped to the 16 current types) or a CAMEO code (petrarch2_gsr_validation, mapped to
a PLOVER type through its root). Actor codes are compared at country level: the first
three-character block of a CAMEO-style code (``HUNGOV`` -> ``HUN``, ``IGOUNO`` -> ``IGO``).

The split is fixed by the record id alone (``sha1(id) mod 3 == 0`` is test), so nothing one
tunes on can move a record between dev and test.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import permutations, product
from pathlib import Path
from typing import Any

from diplograph.events.lexicon import Lexicon
from diplograph.model import Article, Event
from diplograph.pipeline import Resources, extract_articles

SPLITS = ("all", "dev", "test")
NONE = "-"  # the confusion table's "no event" row and column
# Statuses that assert the event (or its plan) as reported; denials and conditionals do not.
SCORED_STATUSES = frozenset({"occurred", "planned"})

# PLOVER 0.5 types used by the CAMEO-manual gold records -> the 16 types of the current manual.
PLOVER_05_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO root -> PLOVER type (reference table 2.2); 01 and 02 have no PLOVER type and root 08
# splits at 084 (see ``cameo_to_plover``).
CAMEO_ROOT_TYPES = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
# Types whose compound actors with no target are reciprocal in CAMEO dyads ("A and B signed").
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})
# Legacy CAMEO country codes some gold records use, with the ISO alpha-3 code we emit.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "KSV": "XKX", "KOS": "XKX"}


# ------------------------------------------------------------------ code systems
def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO code; None for statements and appeals, which PLOVER dropped."""
    if not code[:2].isdigit():
        return None
    if code[:2] == "08":
        return "CONCEDE" if code[:3] < "084" else "RETREAT"
    return CAMEO_ROOT_TYPES.get(code[:2])


def plover_type(code: str) -> str | None:
    """A gold ``code`` (PLOVER type, old or new, or CAMEO code) as one of the 16 types."""
    if code[:1].isdigit():
        return cameo_to_plover(code)
    return PLOVER_05_TYPES.get(code, code)


def gold_country(code: str | None) -> str | None:
    """``HUNGOV`` -> ``HUN``, ``IGOUNOMIL`` -> ``IGO``; ``---REB`` (no actor found) -> None."""
    if not code or code.startswith("---") or code.startswith('"'):
        return None
    head = code[:3].upper()
    return LEGACY_COUNTRY_CODES.get(head, head)


def actor_country(code: str | None, country: str | None) -> str | None:
    """Our actor at the gold files' level: its CAMEO code's first block, else its country."""
    if code:
        return gold_country(code)
    return LEGACY_COUNTRY_CODES.get(country or "", country) if country else None


# ------------------------------------------------------------------ scores
@dataclass
class PRF:
    """Micro-averaged counts; precision/recall/F1 are derived so reports can be summed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], predicted: set[Any]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Triple = tuple[str | None, str | None, str]


@dataclass
class RecordResult:
    """What one gold sentence expected and what the pipeline coded, for error analysis."""

    id: str
    text: str
    gold_types: set[str]
    predicted_types: set[str]
    gold_triples: set[Triple]
    predicted_triples: set[Triple]
    gold_roots: set[str] | None  # None when the gold has no CAMEO codes
    predicted_roots: set[str]
    events: list[Event] = field(default_factory=list, repr=False)

    @property
    def type_correct(self) -> bool:
        return self.gold_types == self.predicted_types


@dataclass
class EventReport:
    path: Path
    split: str
    records: int = 0
    types: PRF = field(default_factory=PRF)
    roots: PRF | None = None  # only for gold files that carry CAMEO codes
    triples: PRF = field(default_factory=PRF)  # code as the gold states it (type or CAMEO)
    root_triples: PRF | None = None  # (source, target, CAMEO root)
    type_exact: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    results: list[RecordResult] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        """Records whose predicted type set equals the gold set exactly (no event = empty)."""
        return self.type_exact / self.records if self.records else 0.0


# ------------------------------------------------------------------ gold records
def in_split(record_id: str, split: str) -> bool:
    """Deterministic split by id: a third is test, the rest dev."""
    if split == "all":
        return True
    bucket = int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 3
    return (bucket == 0) == (split == "test")


def load_gold(path: Path, split: str = "all") -> list[dict[str, Any]]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if in_split(str(record["id"]), split):
                    records.append(record)
    return records


def parse_gold_date(value: str | None) -> date | None:
    if not value:
        return None
    digits = value.replace("-", "")[:8]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def gold_triples(record: dict[str, Any]) -> set[Triple]:
    return {
        (gold_country(row.get("source")), gold_country(row.get("target")), row["code"])
        for row in record.get("expected", [])
    }


# ------------------------------------------------------------------ predictions
def plover_view(event: Event, lexicon: Lexicon) -> tuple[str, str]:
    """(type, CAMEO code) as PLOVER and CAMEO code the report: a planned cooperative act is an
    intent (AGREE, 03x), a planned hostile one a threat (THREATEN, 13x); see ``planned_as``."""
    if event.status == "planned" and event.type in lexicon.planned_as:
        view = lexicon.planned_as[event.type]
        return view["type"], view["cameo"]
    return event.type, event.cameo


def _level(event: Event, role: str) -> list[str | None]:
    return _unique(actor_country(a.code, a.country) for a in event.actors if a.role == role)


def _unique(codes: Iterable[str | None]) -> list[str | None]:
    out: list[str | None] = []
    for code in codes:
        if code not in out:
            out.append(code)
    return out


def event_pairs(event: Event, plover_type: str) -> set[tuple[str | None, str | None]]:
    """(source, target) pairs as a CAMEO coder would emit them, one per direction if reciprocal."""
    participants = _level(event, "participant")
    if participants:
        if len(participants) == 1:
            return {(participants[0], None)}
        return set(permutations(participants, 2))
    sources, targets = _level(event, "source"), _level(event, "target")
    if not targets and len(sources) >= 2 and plover_type in MUTUAL_TYPES:
        return set(permutations(sources, 2))
    return set(product(sources or [None], targets or [None]))


def predicted(
    events: list[Event], lexicon: Lexicon, cameo_gold: bool
) -> tuple[set[str], set[str], set[Triple]]:
    """Our types, CAMEO roots and triples (code in the gold's system) for one sentence."""
    types: set[str] = set()
    roots: set[str] = set()
    triples: set[Triple] = set()
    for event in events:
        kind, cameo = plover_view(event, lexicon)
        types.add(kind)
        roots |= _roots([cameo])
        code = cameo if cameo_gold else kind
        triples |= {(s, t, code) for s, t in event_pairs(event, kind)}
    return types, roots, triples


def _roots(codes: Iterable[str]) -> set[str]:
    return {code[:2] for code in codes if code[:2].isdigit()}


def _root_triples(triples: set[Triple]) -> set[Triple]:
    return {(s, t, code[:2]) for s, t, code in triples}


def _confusion_pairs(gold: set[str], predicted: set[str]) -> list[tuple[str, str]]:
    """Pair gold with predicted types: matches first, then leftovers in name order, else NONE."""
    pairs = [(t, t) for t in sorted(gold & predicted)]
    missed = sorted(gold - predicted)
    extra = sorted(predicted - gold)
    for index in range(max(len(missed), len(extra))):
        g = missed[index] if index < len(missed) else NONE
        p = extra[index] if index < len(extra) else NONE
        pairs.append((g, p))
    if not gold and not predicted:
        pairs.append((NONE, NONE))
    return pairs


def uses_cameo(records: list[dict[str, Any]]) -> bool:
    """Does the gold file state CAMEO codes (else PLOVER types)? Decided per file, not record."""
    return any(row["code"][:1].isdigit() for r in records for row in r.get("expected", []))


def score_record(
    record: dict[str, Any], events: list[Event], lexicon: Lexicon, cameo_gold: bool
) -> RecordResult:
    scored = [e for e in events if e.status in SCORED_STATUSES]
    gold_rows = record.get("expected", [])
    types, roots, triples = predicted(scored, lexicon, cameo_gold)
    return RecordResult(
        id=str(record["id"]),
        text=record.get("text", ""),
        gold_types={t for row in gold_rows if (t := plover_type(row["code"]))},
        predicted_types=types,
        gold_triples=gold_triples(record),
        predicted_triples=triples,
        gold_roots=_roots(row["code"] for row in gold_rows) if cameo_gold else None,
        predicted_roots=roots,
        events=events,
    )


def _add(report: EventReport, result: RecordResult) -> None:
    report.records += 1
    report.results.append(result)
    report.types.add(result.gold_types, result.predicted_types)
    report.triples.add(result.gold_triples, result.predicted_triples)
    report.type_exact += result.type_correct
    report.confusion.update(_confusion_pairs(result.gold_types, result.predicted_types))
    if result.gold_roots is not None:
        report.roots = report.roots or PRF()
        report.root_triples = report.root_triples or PRF()
        report.roots.add(result.gold_roots, result.predicted_roots)
        report.root_triples.add(
            _root_triples(result.gold_triples), _root_triples(result.predicted_triples)
        )


def sentence_text(text: str) -> str:
    """The record's sentence as article text, with a full stop if it has no final punctuation.

    Why: several gold sentences are stored without one, and the cleaner rightly drops a lone
    unpunctuated line as page chrome (a headline-like link); the gold is a sentence, not a page.
    """
    text = " ".join(text.split())
    if text and text[-1] not in ".!?\"'”’)":
        text += "."
    return text


def _article(record: dict[str, Any]) -> Article:
    published = parse_gold_date(record.get("date"))
    return Article(
        doc_id=str(record["id"]),
        text=sentence_text(record.get("text") or ""),
        published=published,
        published_source="metadata" if published else None,
    )


def evaluate_events(
    path: Path,
    resources: Resources,
    split: str = "all",
    only: Callable[[dict[str, Any]], bool] | None = None,
) -> EventReport:
    """Entry point: run the pipeline on each gold sentence of ``split`` and score it.

    ``only`` narrows the records further, e.g. to the petrarch2 records that carry a parse,
    the subset PETRARCH-2's own score was measured on.
    """
    records = [r for r in load_gold(Path(path), split) if only is None or only(r)]
    cameo_gold = uses_cameo(load_gold(Path(path)))
    report = EventReport(path=Path(path), split=split)
    results = extract_articles((_article(r) for r in records), resources)
    for record, result in zip(records, results, strict=True):
        _add(report, score_record(record, result.events, resources.lexicon, cameo_gold))
    return report
