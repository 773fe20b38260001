#!/usr/bin/env python3
"""Build ``people/archigos.persons.csv`` and ``archigos.offices.csv`` from Archigos 4.1.

Why this script exists
----------------------
The curated people files start in 2015. News archives, the CAMEO manual's examples and peer gold
sets are full of earlier leaders ("Iraqi President Saddam Hussein", "Prime Minister Ehud Barak"),
and an event whose source is such a leader was lost: the name matched nobody. Archigos 4.1
(Goemans, Gleditsch and Chiozza 2009) lists every effective national leader 1875-2015 with exact
dates, which is what the resolver needs: who led which state on a given day.

What is taken, and what is not
------------------------------
* Spells that ended after 1945-01-01 and before 2015-01-01 (the curated files cover every spell
  running on or after 2015-01-01, with titles; they win).
* Archigos says who *led*, not which office they held, so the office is ``national_leader``
  (title "Leader"): a head of state in one country, a prime minister in another. Role phrases
  ("the Israeli president") are therefore not answered from these rows; names are.
* The person's full name comes from the row's DBpedia resource ("Saddam_Hussein"), or from the
  ``leader`` column when it is already a full name ("Levy Mwanawasa"). Rows with a surname only
  ("Mubarak") are left out: a bare surname would match namesakes in current news. Names with
  "of" ("Hussein of Jordan") or a comma are left out for the same reason.
* A person already in the curated files (same name or alias, or, for a surname-only row, the one
  curated person of that state with that surname, and a spell in the same state) gets the
  Archigos spells under the curated id; no second person is made. A second state's spell of an
  imported person (Saddam Hussein over occupied Kuwait) is left out.
* States are mapped from the Gleditsch-Ward code (``country_converter``'s table, read at build
  time only, not copied) with successor codes for the USSR (RUS), Yugoslavia (SRB),
  Czechoslovakia (CZE), unified Germany (DEU), North Vietnam (VNM) and North Yemen (YEM);
  the GDR, Zanzibar and Tibet have no current code and are dropped.

The loader gives people from this file no bare-surname phrase (``HISTORICAL_SOURCE`` in
``actors/kb.py``): "Clinton" or "Gandhi" in current news is rarely the former leader.

Usage::

    python scripts/build_archigos.py [--shared DIR] [--check]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ROOT / "src" / "diplograph" / "data" / "kb" / "people"
FIRST_DAY = "1945-01-01"
CURATED_FROM = "2015-01-01"
SOURCE = "archigos 4.1 (Goemans, Gleditsch & Chiozza 2009; JPR 46(2))"
SUCCESSORS = {"255": "DEU", "316": "CZE", "345": "SRB", "678": "YEM", "816": "VNM"}
KB_CODES = {"XKX": "KOS"}  # the KB's code for Kosovo (countries.csv)
PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def fold(name: str) -> str:
    return " ".join(slug(name).split("_"))


def full_name(row: dict[str, str]) -> str | None:
    resource = row.get("dbpedia_resource") or ""
    if resource:
        name = PARENTHESIS.sub("", unquote(resource.rsplit("/", 1)[-1]).replace("_", " ")).strip()
    else:
        name = row["leader"].strip()
        if " " not in name or "." in name:
            return None  # a surname only, or initials
    if "," in name or " of " in f" {name} " or not name[:1].isupper():
        return None
    return name


def gleditsch_ward(shared: Path) -> dict[str, str]:
    table = shared / "country_names" / "country_converter_country_data.tsv"
    codes: dict[str, str] = {}
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("GWcode") and row["GWcode"] != "nan":
                iso3 = KB_CODES.get(row["ISO3"], row["ISO3"])
                codes.setdefault(str(int(float(row["GWcode"]))), iso3)
    codes.update(SUCCESSORS)
    return codes


def curated_people() -> tuple[dict[str, str], dict[str, set[str]]]:
    """Folded name or alias -> curated person id; person id -> the states of their spells."""
    names: dict[str, str] = {}
    polities: dict[str, set[str]] = {}
    for path in sorted(PEOPLE.glob("*.persons.csv")):
        if path.name.startswith("archigos."):
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
                    names.setdefault(fold(name), row["id"])
    for path in sorted(PEOPLE.glob("*.offices.csv")):
        if path.name.startswith("archigos."):
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                polities.setdefault(row["person_id"], set()).add(row["polity"])
    return names, polities


def curated_by_surname(
    leader: str, polity: str, names: dict[str, str], polities: dict[str, set[str]]
) -> str | None:
    """ "Netanyahu" (ISR): the one curated person of that state whose name ends so."""
    surname = fold(leader)
    found = {
        person_id
        for name, person_id in names.items()
        if surname and name.endswith(f" {surname}") and polity in polities.get(person_id, set())
    }
    return found.pop() if len(found) == 1 else None


def build(shared: Path) -> tuple[str, str, dict[str, int]]:
    codes = gleditsch_ward(shared)
    names, curated_polities = curated_people()
    persons: dict[str, tuple[str, str]] = {}  # id -> (name, polity)
    offices: list[tuple[str, str, str, str]] = []
    counts = {"rows": 0, "no_state": 0, "no_name": 0, "second_state": 0, "kept": 0}
    counts["curated_ids"] = 0
    last_end: dict[str, str] = {}
    source = shared / "archigos_4.1_leaders_1875_2015.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: (r["ccode"], r["startdate"]))
    for row in rows:
        if not (FIRST_DAY < row["enddate"] < CURATED_FROM):
            continue
        counts["rows"] += 1
        polity = codes.get(row["ccode"])
        if polity is None:
            counts["no_state"] += 1
            continue
        name = full_name(row)
        person_id = names.get(fold(name)) if name else None
        if person_id is None:
            person_id = curated_by_surname(row["leader"], polity, names, curated_polities)
        if person_id is not None and polity in curated_polities.get(person_id, set()):
            counts["curated_ids"] += 1
        elif name is None:
            counts["no_name"] += 1
            continue
        else:
            person_id = slug(name)
            if person_id in curated_polities:
                person_id = f"{person_id}_{polity.lower()}"
            taken = persons.get(person_id)
            if taken and taken[1] != polity:
                counts["second_state"] += 1  # Saddam Hussein over occupied Kuwait
                continue
            persons.setdefault(person_id, (name, polity))
        start = max(row["startdate"], last_end.get(polity, ""))  # spells never overlap
        if start >= row["enddate"]:
            continue
        last_end[polity] = row["enddate"]
        offices.append((person_id, polity, start, row["enddate"]))
        counts["kept"] += 1
    persons_out = io.StringIO()
    writer = csv.writer(persons_out, lineterminator="\n")
    writer.writerow(["id", "name", "aliases", "source"])
    for person_id, (name, _) in sorted(persons.items()):
        writer.writerow([person_id, name, "", SOURCE])
    offices_out = io.StringIO()
    writer = csv.writer(offices_out, lineterminator="\n")
    writer.writerow(["person_id", "polity", "office", "title", "start", "end", "source"])
    for person_id, polity, start, end in sorted(offices, key=lambda o: (o[1], o[2])):
        writer.writerow([person_id, polity, "national_leader", "Leader", start, end, SOURCE])
    counts["persons"] = len(persons)
    return persons_out.getvalue(), offices_out.getvalue(), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="fail if the files are stale")
    args = parser.parse_args()
    persons, offices, counts = build(args.shared)
    targets = {PEOPLE / "archigos.persons.csv": persons, PEOPLE / "archigos.offices.csv": offices}
    if args.check:
        stale = [p.name for p, text in targets.items() if p.read_text(encoding="utf-8") != text]
        if stale:
            sys.exit(f"stale: {', '.join(stale)}; run scripts/build_archigos.py")
        return
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    print(", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
