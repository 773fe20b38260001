"""Scoring extracted contacts against a hand-written gold file (shared by two test modules)."""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.text import fold

ORG_CODES = {"UN": "UNO"}


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    right_dates: int = 0
    wrong_dates: int = 0

    @property
    def recall(self) -> float:
        return self.matched / max(1, self.gold)

    @property
    def precision(self) -> float:
        return self.matched / max(1, self.found)

    def __str__(self) -> str:
        return (
            f"gold {self.gold}, found {self.found}, matched {self.matched}, recall {self.recall:.2f}, "
            f"precision {self.precision:.2f}, right dates {self.right_dates}, wrong dates {self.wrong_dates}"
        )


def _countries(gold_event: dict) -> frozenset[str]:
    return frozenset(ORG_CODES.get(c, c) for c in gold_event["countries"])


def _same_people(gold_event: dict, event) -> bool:
    names = {fold(a.name or a.text) for a in event.actors}
    wanted = [
        fold(name)
        for name, code in zip(gold_event["participants"], gold_event["countries"], strict=True)
        if len(code) == 3 and code not in ORG_CODES
    ]
    return all(any(w.split()[-1] in n or n.split()[-1] in w for n in names) for w in wanted)


def _matches(gold_event: dict, event) -> bool:
    found_countries = frozenset(a.country for a in event.actors if a.country)
    return (
        event.type == "CONSULT"
        and found_countries == _countries(gold_event)
        and _same_people(gold_event, event)
        and event.status == gold_event["status"]
    )


def score(results: dict, gold: dict[str, dict]) -> Score:
    """Count each gold contact matched once; a day-precision date that is not the gold day is wrong."""
    total = Score()
    for doc_id, annotation in gold.items():
        events = [e for e in results[doc_id].events if e.type == "CONSULT"]
        total.gold += len(annotation["events"])
        total.found += len(events)
        used: set[int] = set()
        for gold_event in annotation["events"]:
            index = next(
                (i for i, e in enumerate(events) if i not in used and _matches(gold_event, e)), None
            )
            if index is None:
                continue
            used.add(index)
            total.matched += 1
            event = events[index]
            if gold_event["date"] and event.date and event.date.isoformat() == gold_event["date"]:
                total.right_dates += 1
            elif event.date_precision == "day" and event.date is not None:
                total.wrong_dates += 1
    return total
