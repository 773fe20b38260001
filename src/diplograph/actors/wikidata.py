"""Import "position held" results from the Wikidata query service into KB people files.

Why an importer: office holders change every week somewhere; users must be able to refresh the
knowledge base from Wikidata without waiting for a release. The input is the query service's
standard JSON result (``{"head": {"vars": [...]}, "results": {"bindings": [...]}}``) of a query
like the one in ``WIKIDATA_QUERY`` below. Curated rows win over imported ones: an imported spell
that contradicts a curated one is reported, never written.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from diplograph.actors.kb import KnowledgeBase, Spell
from diplograph.text import fold

WIKIDATA_QUERY = """
SELECT ?person ?personLabel ?position ?positionLabel ?countryIso ?start ?end WHERE {
  VALUES ?position { wd:Q... }            # e.g. foreign-minister positions of several states
  ?person p:P39 ?held . ?held ps:P39 ?position ; pq:P580 ?start .
  OPTIONAL { ?held pq:P582 ?end }
  ?position wdt:P1001 ?country . ?country wdt:P298 ?countryIso .
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""

# Position labels -> office keys (English labels as Wikidata writes them).
FOREIGN = (
    r"\b(foreign (affairs )?minister|minister (of|for) (foreign|external) affairs"
    r"|secretary of state|foreign secretary)\b"
)
DEFENCE = r"\b(defen[cs]e minister|minister (of|for) (national )?defen[cs]e|secretary of defense)\b"
OFFICE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("foreign_minister", re.compile(FOREIGN, re.I)),
    ("defence_minister", re.compile(DEFENCE, re.I)),
    ("head_of_government", re.compile(r"\b(prime minister|premier|chancellor|taoiseach)\b", re.I)),
    ("head_of_state", re.compile(r"\b(president|king|queen|emir|sultan|monarch)\b", re.I)),
]


class WikidataFormatError(ValueError):
    pass


@dataclass
class ImportReport:
    persons_added: int = 0
    spells_added: int = 0
    skipped: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _value(binding: dict[str, Any], name: str) -> str | None:
    cell = binding.get(name)
    return cell.get("value") if isinstance(cell, dict) else None


def _day(value: str | None) -> date | None:
    if not value:
        return None
    match = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return date(year, max(month, 1), max(day, 1))


def office_for(label: str) -> str | None:
    return next((office for office, pattern in OFFICE_PATTERNS if pattern.search(label)), None)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")


def parse_results(payload: Any) -> list[dict[str, Any]]:
    """Validate the query-service JSON and return one dict per binding."""
    if (
        not isinstance(payload, dict)
        or "results" not in payload
        or "bindings" not in payload["results"]
    ):
        raise WikidataFormatError("not a Wikidata query-service result: expected results.bindings")
    variables = set(payload.get("head", {}).get("vars", []))
    missing = {"person", "personLabel", "positionLabel", "countryIso", "start"} - variables
    if missing:
        raise WikidataFormatError(f"the query must select {', '.join(sorted(missing))}")
    return payload["results"]["bindings"]


def import_wikidata(
    path: Path, kb: KnowledgeBase, out_dir: Path, prefix: str = "wikidata"
) -> ImportReport:
    """Entry point: write ``<prefix>.persons.csv`` and ``<prefix>.offices.csv`` into ``out_dir``."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise WikidataFormatError(f"{path}: malformed JSON ({exc.msg}, line {exc.lineno})") from exc
    report = ImportReport()
    by_name = {fold(p.name): p.id for p in kb.persons.values()}
    new_persons: dict[str, dict[str, str]] = {}
    new_spells: list[Spell] = []
    for binding in parse_results(payload):
        label, position = (
            _value(binding, "personLabel") or "",
            _value(binding, "positionLabel") or "",
        )
        polity, start = (
            (_value(binding, "countryIso") or "").upper(),
            _day(_value(binding, "start")),
        )
        office = office_for(position)
        if not label or not start or office is None or polity not in kb.countries:
            report.skipped.append(
                f"{label or '?'} / {position or '?'}: no usable name, date, office or country"
            )
            continue
        qid = (_value(binding, "person") or "").rsplit("/", 1)[-1]
        person_id = (
            by_name.get(fold(label)) or new_persons.get(fold(label), {}).get("id") or _slug(label)
        )
        if person_id not in kb.persons and fold(label) not in new_persons:
            new_persons[fold(label)] = {
                "id": person_id,
                "name": label,
                "aliases": "",
                "source": f"wikidata {qid}",
            }
        spell = Spell(
            person_id,
            polity,
            office,
            position,
            start,
            _day(_value(binding, "end")),
            f"wikidata {qid}",
        )
        clash = _clash(spell, kb.holders(polity, office) + new_spells)
        if clash is not None:
            if clash.person_id != spell.person_id:
                who = f"{label} as {office} of {polity} from {start}"
                report.conflicts.append(f"{who}: overlaps {clash.person_id} ({clash.source})")
            continue
        new_spells.append(spell)
    used = {spell.person_id for spell in new_spells}
    persons = [p for p in new_persons.values() if p["id"] in used]
    _write(out_dir, prefix, persons, new_spells)
    report.persons_added, report.spells_added = len(persons), len(new_spells)
    return report


def _clash(spell: Spell, existing: list[Spell]) -> Spell | None:
    """An overlapping spell contradicts the import, except an open one that it succeeds."""
    for other in existing:
        # the curated files vouch for an open spell only up to their review date
        vouched = other.trusted_until or other.start
        succeeds_open = other.end is None and spell.start > vouched
        if other.overlaps(spell.start, spell.end) and not succeeds_open:
            return other
    return None


def _write(out_dir: Path, prefix: str, persons: list[dict[str, str]], spells: list[Spell]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"{prefix}.persons.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "name", "aliases", "source"])
        writer.writeheader()
        writer.writerows(persons)
    with (out_dir / f"{prefix}.offices.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person_id", "polity", "office", "title", "start", "end", "source"])
        for s in spells:
            writer.writerow(
                [
                    s.person_id,
                    s.polity,
                    s.office,
                    s.title,
                    s.start.isoformat(),
                    s.end.isoformat() if s.end else "",
                    s.source,
                ]
            )
