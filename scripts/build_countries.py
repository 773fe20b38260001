#!/usr/bin/env python3
"""Build ``src/diplograph/data/kb/countries.csv`` from mledoze/countries plus curated overrides.

Why this script exists
----------------------
diplograph has to recognise countries in English news text -- by name ("Turkey",
"Türkiye"), adjective ("Turkish"), demonym ("Turks") or metonym ("Ankara", "the
Kremlin") -- and map them to ISO 3166-1 alpha-3 codes, which CAMEO uses for states.
The mledoze/countries database (ODbL-1.0) provides reliable codes, English names,
capitals, demonyms and UN membership for ~250 countries and territories, but it also
carries native-language spellings, a few outdated or odd demonyms and strings that are
dangerously ambiguous in English news ("Jordan", "Chad", "Guinea", "Congo").

The hand-curated ``countries_curated.yaml`` adds the forms news writers actually use
(short names, older names, demonyms, seats of power) and lists what must never be
matched.  Regenerating the CSV with this script, instead of editing it by hand, keeps
every row traceable to either the pinned source file or a reviewed curated entry, and
makes the build reproducible.  The ODbL share-alike terms apply to the generated CSV.

Rules applied to every row (see also ``COUNTRIES_README.md``):

* names: mledoze common + official name, plus those ``altSpellings`` that look like
  English (plain ASCII, and every word also occurs in some English country name or
  capital, or the string is an all-caps abbreviation other than the ISO alpha-2
  code); inverted
  ("Korea, Republic of") and parenthesised forms are dropped;
* adjectives/demonyms: from mledoze's English demonym (ignored where it is just the
  place name); forms ending in "-er" ("Icelander") are nouns and go to demonyms;
  regular plurals are generated;
* metonyms: the capital(s), plus curated seats of power;
* ``Saint``/``St``/``St.`` and accent-free spelling variants are added;
* curated ``remove`` entries drop generated strings, the global ``exclude`` list drops
  strings everywhere, and each string appears at most once per row (names, then
  metonyms, adjectives, demonyms);
* a string claimed by several rows is kept only where it was curated or, failing
  that, by the only sovereign state among the claimants; otherwise it is dropped.

Usage::

    python scripts/build_countries.py [--source-dir DIR] [--curated FILE]
                                      [--output FILE] [--check]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE_DIR = REPO_ROOT / ".." / "shared" / "data" / "country_names"
KB_DIR = REPO_ROOT / "src" / "diplograph" / "data" / "kb"
DEFAULT_CURATED = KB_DIR / "countries_curated.yaml"
DEFAULT_OUTPUT = KB_DIR / "countries.csv"
SOURCE_FILE = "mledoze_countries.json"

COLUMNS = (
    "code",
    "iso2",
    "name",
    "names",
    "adjectives",
    "demonyms",
    "capital",
    "metonyms",
    "un_member",
    "source",
)
LIST_COLUMNS = ("names", "metonyms", "adjectives", "demonyms")
SOURCE_LABEL = "mledoze/countries (ODbL-1.0) + curated"
SEPARATOR = "|"

CURATED_COUNTRY_KEYS = frozenset(
    {"name", "capital", "un_member", "names", "adjectives", "demonyms", "metonyms", "remove"}
)
CURATED_TOP_KEYS = frozenset({"code_overrides", "exclude", "countries"})

# Adjectives whose plural is not formed by adding "s" (Swiss, Chinese, Dutch, Manx, Kyrgyz).
NO_PLURAL_SUFFIXES = ("ese", "ss", "sh", "ch", "x", "z", "y", "ic", "s")
NO_PLURAL_PREFIXES = ("Ni-", "I-")
ABBREVIATION = re.compile(r"[A-Z]{2,5}")
TOKEN_SPLIT = re.compile(r"[\s\-]+")
TOKEN_STRIP = ".,;:()\"'’"


class BuildError(Exception):
    """Raised when the inputs are inconsistent or the output fails validation."""


def strip_accents(text: str) -> str:
    """Return ``text`` without combining diacritics ("Élysée" -> "Elysee")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def match_key(text: str) -> str:
    """Key under which two strings count as the same alias.

    Case, accents, full stops and repeated whitespace are ignored, so "U.S." and "US"
    or "Reunion" and "Réunion" share a key.  Exclusions and collisions use this key.
    """
    folded = strip_accents(text).casefold().replace(".", "")
    return " ".join(folded.split())


def row_key(text: str) -> str:
    """Key for de-duplicating within one row.

    Case-insensitive but accent-sensitive, so that both "Türkiye" and "Turkiye" are kept.
    """
    return " ".join(text.casefold().split())


def tokens(text: str) -> list[str]:
    """Lower-cased, accent-free words of ``text`` (hyphens split words)."""
    words = (w.strip(TOKEN_STRIP) for w in TOKEN_SPLIT.split(strip_accents(text).casefold()))
    return [w for w in words if w]


def unique(items: Iterable[str], key: Callable[[str], str] = row_key) -> list[str]:
    """De-duplicate while keeping the first spelling and the original order."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(item.split())
        k = key(item)
        if item and k not in seen:
            seen.add(k)
            out.append(item)
    return out


def spelling_variants(text: str) -> Iterator[str]:
    """Yield ``text`` and the variants English news commonly uses for it."""
    yield text
    plain = strip_accents(text)
    if plain != text and plain.isascii():
        yield plain
    for form in (text, plain):
        if form.startswith("Saint "):
            rest = form[len("Saint ") :]
            yield f"St {rest}"
            yield f"St. {rest}"


def plural(demonym: str) -> str | None:
    """Regular English plural of a demonym, or None when it is invariable."""
    if demonym.startswith(NO_PLURAL_PREFIXES) or demonym.endswith(NO_PLURAL_SUFFIXES):
        return None
    return f"{demonym}s"


def split_demonym(value: str) -> list[str]:
    """Split mledoze values such as "Antiguan, Barbudan" or "Kittitian or Nevisian"."""
    parts = re.split(r",\s*|\s+or\s+", value)
    return [p.strip() for p in parts if p.strip()]


@dataclass
class Row:
    """One output row while it is being assembled."""

    code: str
    iso2: str
    name: str
    capital: str
    un_member: bool
    sovereign: bool
    lists: dict[str, list[str]] = field(default_factory=dict)
    curated: dict[str, set[str]] = field(default_factory=dict)

    def as_csv(self) -> dict[str, str]:
        """Serialise to the CSV column layout."""
        return {
            "code": self.code,
            "iso2": self.iso2,
            "name": self.name,
            "names": SEPARATOR.join(self.lists["names"]),
            "adjectives": SEPARATOR.join(self.lists["adjectives"]),
            "demonyms": SEPARATOR.join(self.lists["demonyms"]),
            "capital": self.capital,
            "metonyms": SEPARATOR.join(self.lists["metonyms"]),
            "un_member": "true" if self.un_member else "false",
            "source": SOURCE_LABEL,
        }


def english_vocabulary(records: list[dict[str, Any]]) -> set[str]:
    """Words that occur in some English common/official country name or capital."""
    vocab: set[str] = set()
    for rec in records:
        for text in (rec["name"]["common"], rec["name"]["official"], *rec.get("capital", [])):
            vocab.update(tokens(text))
    return vocab


def english_alt_spellings(rec: dict[str, Any], vocab: set[str]) -> list[str]:
    """Keep the ``altSpellings`` that English news could plausibly use.

    Only plain-ASCII spellings qualify (this drops transliterations such as
    "Pākistān"; accented English forms come from the common/official names or the
    curated file).
    """
    kept: list[str] = []
    for alt in rec.get("altSpellings", []):
        if alt == rec["cca2"] or not alt.isascii() or "(" in alt or "," in alt:
            continue
        if ABBREVIATION.fullmatch(alt) or all(t in vocab for t in tokens(alt)):
            kept.append(alt)
    return kept


def load_curated(path: Path) -> dict[str, Any]:
    """Read and sanity-check the curated overrides file."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    unknown = set(data) - CURATED_TOP_KEYS
    if unknown:
        raise BuildError(f"{path}: unknown top-level keys {sorted(unknown)}")
    for code, entry in (data.get("countries") or {}).items():
        bad = set(entry or {}) - CURATED_COUNTRY_KEYS
        if bad:
            raise BuildError(f"{path}: {code}: unknown keys {sorted(bad)}")
        for key in (*LIST_COLUMNS, "remove"):
            values = (entry or {}).get(key, [])
            if not isinstance(values, list) or not all(
                isinstance(v, str) and v.strip() for v in values
            ):
                raise BuildError(f"{path}: {code}.{key} must be a list of non-empty strings")
    return data


def build_rows(records: list[dict[str, Any]], curated: dict[str, Any], log: list[str]) -> list[Row]:
    """Merge source records and curated overrides into validated rows."""
    overrides: dict[str, str] = curated.get("code_overrides") or {}
    countries: dict[str, dict[str, Any]] = curated.get("countries") or {}
    exclude: dict[str, str] = curated.get("exclude") or {}
    excluded = {match_key(s) for s in exclude}
    vocab = english_vocabulary(records)

    known = {overrides.get(r["cca3"], r["cca3"]) for r in records}
    missing = set(countries) - known
    if missing:
        raise BuildError(f"curated entries for unknown codes: {sorted(missing)}")

    rows: list[Row] = []
    for rec in records:
        code = overrides.get(rec["cca3"], rec["cca3"])
        cur = countries.get(code) or {}
        capitals: list[str] = list(rec.get("capital", []))
        row = Row(
            code=code,
            iso2=rec["cca2"],
            name=cur.get("name", rec["name"]["common"]),
            capital=cur.get("capital", capitals[0] if capitals else ""),
            un_member=bool(cur.get("un_member", rec.get("unMember", False))),
            sovereign=bool(rec.get("unMember") or rec.get("independent")),
        )

        # Generated values, before curation.
        adjectives: list[str] = []
        demonyms: list[str] = []
        raw = (rec.get("demonyms", {}).get("eng") or {}).get("m", "")
        for part in split_demonym(raw):
            if row_key(part) == row_key(rec["name"]["common"]):
                continue  # "Djibouti", "Gibraltar": the place name, not a demonym
            (demonyms if part.endswith("er") else adjectives).append(part)
            if (p := plural(part)) is not None:
                demonyms.append(p)
        adjective_keys = {row_key(a) for a in adjectives + list(cur.get("adjectives", []))}
        alts = [a for a in english_alt_spellings(rec, vocab) if row_key(a) not in adjective_keys]
        generated = {
            "names": [rec["name"]["common"], rec["name"]["official"], *alts],
            "metonyms": capitals,
            "adjectives": adjectives,
            "demonyms": demonyms,
        }
        generated["names"] = [n for n in generated["names"] if "(" not in n]

        removals = {match_key(s) for s in cur.get("remove", [])}
        used_removals: set[str] = set()
        for column in LIST_COLUMNS:
            kept: list[str] = []
            for value in generated[column]:
                for variant in spelling_variants(value):
                    if match_key(variant) in removals:
                        used_removals.add(match_key(variant))
                    else:
                        kept.append(variant)
            additions = [v for s in cur.get(column, []) for v in spelling_variants(s)]
            row.curated[column] = {match_key(v) for v in cur.get(column, [])}
            for value in cur.get(column, []):
                if match_key(value) in excluded:
                    raise BuildError(f"{code}: curated {column} value {value!r} is excluded")
            names_first = [row.name] if column == "names" else []
            row.lists[column] = names_first + additions + kept
        for stale in sorted(removals - used_removals):
            log.append(f"warning: {code}: remove entry {stale!r} matched nothing")

        # Global exclusions, then one occurrence per row (names > metonyms > adj > dem).
        seen: set[str] = set()
        for column in LIST_COLUMNS:
            values: list[str] = []
            for value in unique(row.lists[column]):
                if match_key(value) in excluded:
                    log.append(f"excluded: {code}.{column}: {value}")
                    continue
                if row_key(value) in seen:
                    continue
                seen.add(row_key(value))
                values.append(value)
            row.lists[column] = values
        rows.append(row)

    resolve_collisions(rows, log)
    return rows


def resolve_collisions(rows: list[Row], log: list[str]) -> None:
    """Make every alias map to one country (see the module docstring for the rule)."""
    claims: dict[str, list[tuple[Row, str, str]]] = defaultdict(list)
    for row in rows:
        for column in LIST_COLUMNS:
            for value in row.lists[column]:
                claims[match_key(value)].append((row, column, value))
    for key, owners in sorted(claims.items()):
        codes = {row.code for row, _, _ in owners}
        if len(codes) < 2:
            continue
        curated = {row.code for row, col, _ in owners if key in row.curated[col]}
        sovereign = {row.code for row, _, _ in owners if row.sovereign}
        if len(curated) == 1:
            winner, why = next(iter(curated)), "curated"
        elif not curated and len(sovereign) == 1:
            winner, why = next(iter(sovereign)), "only sovereign claimant"
        else:
            winner, why = None, "ambiguous, dropped everywhere"
        for row, column, value in owners:
            if row.code != winner:
                row.lists[column] = [v for v in row.lists[column] if v != value]
        log.append(
            f"collision: {owners[0][2]!r} claimed by {sorted(codes)} -> {winner or '-'} ({why})"
        )


def validate(rows: list[Row], curated: dict[str, Any]) -> None:
    """Check the invariants promised in COUNTRIES_README.md."""
    codes = [r.code for r in rows]
    if len(codes) != len(set(codes)):
        raise BuildError("duplicate country codes")
    if not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes):
        raise BuildError("codes must be three capital letters")
    excluded = {match_key(s) for s in curated.get("exclude") or {}}
    owner: dict[str, str] = {}
    for row in rows:
        if not row.name:
            raise BuildError(f"{row.code}: empty name")
        in_row: set[str] = set()
        for column in LIST_COLUMNS:
            for value in row.lists[column]:
                if not value.strip() or SEPARATOR in value or value != value.strip():
                    raise BuildError(f"{row.code}.{column}: bad element {value!r}")
                if row_key(value) in in_row:
                    raise BuildError(f"{row.code}: duplicate {value!r}")
                in_row.add(row_key(value))
                key = match_key(value)
                if key in excluded:
                    raise BuildError(f"{row.code}: excluded string {value!r} in {column}")
                if owner.setdefault(key, row.code) != row.code:
                    raise BuildError(f"{value!r} maps to {owner[key]} and {row.code}")


def render(rows: list[Row]) -> str:
    """CSV text with a header row, sorted by code, LF line endings."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: r.code):
        writer.writerow(row.as_csv())
    return buffer.getvalue()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help=f"directory holding {SOURCE_FILE} (default: ../shared/data/country_names "
        "relative to the repository root)",
    )
    parser.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the output file is missing or out of date",
    )
    parser.add_argument("--verbose", action="store_true", help="print every exclusion")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    source = args.source_dir / SOURCE_FILE
    with source.open(encoding="utf-8") as fh:
        records: list[dict[str, Any]] = json.load(fh)
    curated = load_curated(args.curated)
    log: list[str] = []
    try:
        rows = build_rows(records, curated, log)
        validate(rows, curated)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in log:
        if args.verbose or not line.startswith("excluded:"):
            print(line, file=sys.stderr)
    text = render(rows)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            print(f"{args.output} is out of date; rerun without --check", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({len(rows)} rows)", file=sys.stderr)
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8", newline="")
    print(f"wrote {len(rows)} rows to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
