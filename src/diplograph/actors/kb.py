"""The knowledge base: countries, organisations, people and their dated offices.

Why a class built from data files: the knowledge is reviewed CSV/YAML with sources
(``data/kb/``), and every question the resolver asks ("who was Turkey's foreign minister on
2024-12-01?") is answered from the dated office spells, never from the article's wording.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from diplograph.text import split_list, token_key

# CAMEO actor codes that need no country (CAMEO manual, actor codebook: NGO, IGO, MNC).
TRANSNATIONAL_SECTORS = frozenset({"NGO", "IGO", "MNC"})
# People imported from Archigos (scripts/build_archigos.py) are found by full name, or by a name
# word after a title on a date they led; never by a bare surname.
HISTORICAL_SOURCE = "archigos"


@dataclass(frozen=True)
class Spell:
    """One person in one office, half-open: ``start <= day < end`` (no ``end``: still in office)."""

    person_id: str
    polity: str
    office: str
    title: str
    start: date
    end: date | None
    source: str
    # For an open spell from the curated files: the review date up to which "still in office" holds.
    trusted_until: date | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, first: date, last: date | None) -> bool:
        """Does the spell share any day with ``[first, last)``?"""
        return (last is None or self.start < last) and (self.end is None or first < self.end)


@dataclass(frozen=True)
class Entry:
    """What a gazetteer phrase can refer to."""

    kind: str  # person | country | org | role | institution | collective | spokesperson | pronoun
    target: str  # person id, country code, org code, office key, or the phrase itself
    via: str  # name | alias | surname | adjective | metonym | title
    case_sensitive: bool = False
    needs_capital: bool = False
    country: str | None = None  # for country titles and institutions
    sector: str | None = None
    # "name_context": a country name that is also a personal name ("Jordan", "Chad"), accepted
    # only where the words around it are not part of a name; "handle": an @-handle.
    guard: str | None = None


@dataclass
class Country:
    code: str
    name: str


@dataclass
class Organization:
    code: str
    name: str
    cameo: str
    kind: str


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    source: str


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    spells: list[Spell] = field(default_factory=list)
    office_sectors: dict[str, str] = field(default_factory=dict)
    seniority: list[str] = field(default_factory=list)
    leader_is_head_of_state: frozenset[str] = frozenset()
    # (polity, office) pairs several people hold at once: never resolved from the role alone
    shared_offices: frozenset[tuple[str, str]] = frozenset()
    # "His Majesty" alone takes up someone titled king, queen, ... (roles.yaml)
    honorific_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "Congo", "Korean": names several countries share, settled by the article (shared_names.yaml)
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    max_phrase_len: int = 1
    version: str = ""
    # Open spells ("still in office") are only known to be true up to the review date of the
    # curated files; a role phrase dated later is not resolved through them.
    verified_through: date | None = None

    # ----------------------------------------------------------------- lookups
    def add_phrase(self, phrase: str, entry: Entry) -> None:
        key = token_key(phrase)
        if not key or entry in self.phrases[key]:
            return
        self.phrases[key].append(entry)
        self.max_phrase_len = max(self.max_phrase_len, len(key))

    def spells_for(self, person_id: str) -> list[Spell]:
        return self._by_person.get(person_id, [])

    def holders(self, polity: str, office: str) -> list[Spell]:
        return self._by_office.get((polity, office), [])

    def holder_on(self, polity: str, office: str, day: date) -> Spell | None:
        """Who held the office on ``day``; None past the review date of a still-open spell."""
        spell = next((s for s in self.holders(polity, office) if s.covers(day)), None)
        if (
            spell is not None
            and spell.end is None
            and spell.trusted_until
            and day > spell.trusted_until
        ):
            return None
        return spell

    def office_on(
        self, person_id: str, day: date, prefer: str | None = None, polity: str | None = None
    ) -> Spell | None:
        """The office a person held on ``day``: the preferred one if held (in ``polity`` when
        they held it in several: King Charles III is head of state of Britain and of Canada),
        else the most senior."""
        held = [s for s in self.spells_for(person_id) if s.covers(day)]
        if not held:
            return None
        preferred = [s for s in held if s.office == prefer]
        for spell in sorted(preferred, key=lambda s: s.polity != polity):
            return spell
        return min(held, key=lambda s: self._rank(s.office))

    def latest_office(self, person_id: str, prefer: str | None = None) -> Spell | None:
        spells = self.spells_for(person_id)
        preferred = [s for s in spells if s.office == prefer]
        pool = preferred or spells
        return max(pool, key=lambda s: s.start) if pool else None

    def _rank(self, office: str) -> int:
        return self.seniority.index(office) if office in self.seniority else len(self.seniority)

    def polity_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code in self.countries:
            return self.countries[code].name
        if code in self.organizations:
            return self.organizations[code].name
        return None

    def actor_code(self, polity: str | None, sector: str | None) -> str | None:
        """CAMEO-style code: country + sector (``TURGOV``), or the organisation's own code.
        Transnational sectors stand alone in CAMEO ("a human rights group" is ``NGO``)."""
        if polity is None:
            return sector if sector in TRANSNATIONAL_SECTORS else None
        if polity in self.organizations:
            return self.organizations[polity].cameo or polity
        return f"{polity}{sector or ''}"

    def index(self) -> None:
        by_office: dict[tuple[str, str], list[Spell]] = defaultdict(list)
        for spell in self.spells:
            by_office[(spell.polity, spell.office)].append(spell)
        for key, spells in by_office.items():
            spells.sort(key=lambda s: s.start)
            if key not in self.shared_offices:  # several spokespersons serve at once
                by_office[key] = _close_superseded(spells)
        by_person: dict[str, list[Spell]] = defaultdict(list)
        for spells in by_office.values():
            for spell in spells:
                by_person[spell.person_id].append(spell)
        self.spells = [s for spells in by_office.values() for s in spells]
        self._by_person = dict(by_person)
        self._by_office = dict(by_office)


def _close_superseded(spells: list[Spell]) -> list[Spell]:
    """An open spell followed by a later one (e.g. from a Wikidata import) ends when it starts."""
    closed = []
    for spell, following in zip(spells, [*spells[1:], None], strict=True):
        if spell.end is None and following is not None and following.start > spell.start:
            spell = replace(spell, end=following.start)
        closed.append(spell)
    return closed


# --------------------------------------------------------------------- loading
def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _is_short_caps(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def _load_countries(kb: KnowledgeBase, path: Path, excluded: set[str]) -> None:
    for row in _read_csv(path):
        code = row["code"]
        kb.countries[code] = Country(code=code, name=row["name"])
        for column, via in (
            ("name", "name"),
            ("names", "name"),
            ("adjectives", "adjective"),
            ("demonyms", "adjective"),
            ("metonyms", "metonym"),
        ):
            for phrase in [row[column]] if column == "name" else split_list(row.get(column)):
                if phrase.lower() in excluded:
                    continue
                kb.add_phrase(
                    phrase,
                    Entry("country", code, via, _is_short_caps(phrase), needs_capital=True),
                )


def _load_organizations(kb: KnowledgeBase, path: Path) -> None:
    for row in _read_csv(path):
        code = row["code"]
        kb.organizations[code] = Organization(
            code, row["name"], row.get("cameo") or "", row.get("kind") or ""
        )
        for phrase in [row["name"], *split_list(row.get("aliases"))]:
            kb.add_phrase(
                phrase, Entry("org", code, "name", _is_short_caps(phrase), needs_capital=True)
            )


def _name_parts(name: str) -> list[str]:
    return name.replace(",", " ").split()


def _surname(name: str, polities: set[str], family_first: set[str]) -> str | None:
    """The short form news uses: the last word, or the first for the polities in
    ``family_first`` (roles.yaml ``family_name_first``, East Asian family names, together with
    ``given_name_short_form``, where the given name is the short form: "Abiy" for Abiy Ahmed)."""
    parts = _name_parts(name)
    if len(parts) < 2:
        return None
    return parts[0] if polities & family_first else parts[-1]


# Arabic family names carry the article in one spelling and not in another ("el-Sisi",
# "Es-Sisi", "Sisi"; "al-Sudani", "Sudani"): the bare form is a surname of its own.
ARTICLE_PREFIX = re.compile(r"^(?:al|el|as|es|ad|ed|an|ar|ash|at|az|ul)-(?=\w{3})", re.IGNORECASE)


NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von", "le", "la"}


def _double_surname(name: str) -> str | None:
    """ "Andrés Manuel López Obrador" is "López Obrador": two given names, two family names."""
    parts = _name_parts(name)
    if len(parts) < 4 or not all(p[:1].isupper() for p in parts[-2:]):
        return None
    if parts[-2].lower() in NAME_PARTICLES:
        return None  # "Al Saud", "Al Thani": a dynasty, not one person's name
    return " ".join(parts[-2:])


def _surname_forms(surname: str) -> list[str]:
    bare = ARTICLE_PREFIX.sub("", surname)
    return [surname, bare] if bare != surname else [surname]


def _load_guarded(kb: KnowledgeBase, path: Path) -> None:
    """Country names that are also personal names, read with a context check (see Entry)."""
    if not path.exists():
        return
    for phrase, spec in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
        kb.add_phrase(
            phrase,
            Entry("country", spec["code"], "name", needs_capital=True, guard="name_context"),
        )


def user_kb_dir() -> Path:
    """Where ``kb import-wikidata`` writes and the loader looks for user additions."""
    configured = os.environ.get("DIPLOGRAPH_KB_DIR")
    return (
        Path(configured) if configured else Path.home() / ".local" / "share" / "diplograph" / "kb"
    )


def _people_files(directories: list[Path], kind: str) -> list[Path]:
    """``*.persons.csv`` and ``*.offices.csv``: one pair per curated region or import."""
    return [path for directory in directories for path in sorted(directory.glob(f"*.{kind}.csv"))]


def _review_date(directory: Path) -> date | None:
    review = directory / "REVIEW.yaml"
    if not review.exists():
        return None
    return yaml.safe_load(review.read_text(encoding="utf-8"))["open_spells_verified_through"]


def _load_respellings(path: Path) -> dict[str, list[str]]:
    """Each name part -> the other spellings of it (``transliteration.yaml``)."""
    if not path.exists():
        return {}
    groups = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("variants", [])
    return {form: [other for other in group if other != form] for group in groups for form in group}


def _respellings(names: list[str], respell: dict[str, list[str]]) -> list[str]:
    """Every form of a multi-word name with one part respelled ("Mohamed bin Salman")."""
    forms = []
    for name in names:
        words = name.replace("-", " ").split()
        if len(words) < 2 or name.startswith("@"):
            continue
        for index, word in enumerate(words):
            for other in respell.get(word.lower(), []):
                forms.append(" ".join([*words[:index], other, *words[index + 1 :]]))
    return forms


def _load_people(
    kb: KnowledgeBase,
    directories: list[Path],
    roles: dict[str, Any],
    respell: dict[str, list[str]] | None = None,
) -> None:
    respell = respell or {}
    for directory in directories:
        reviewed = _review_date(directory)
        kb.verified_through = kb.verified_through or reviewed
        for row in (
            row for path in _people_files([directory], "offices") for row in _read_csv(path)
        ):
            end = _parse_date(row.get("end"))
            kb.spells.append(
                Spell(
                    person_id=row["person_id"],
                    polity=row["polity"],
                    office=row["office"],
                    title=row["title"],
                    start=date.fromisoformat(row["start"]),
                    end=end,
                    source=row["source"],
                    trusted_until=reviewed if end is None else None,
                )
            )
    kb.index()
    stoplist = {s.lower() for s in roles.get("surname_stoplist", [])}
    family_first = set(roles.get("family_name_first", [])) | set(
        roles.get("given_name_short_form", [])
    )
    no_surname = set(roles.get("no_surname", []))
    taken = {key for key, entries in kb.phrases.items() if entries}
    for row in (row for path in _people_files(directories, "persons") for row in _read_csv(path)):
        if row["id"] in kb.persons:
            raise ValueError(f"person id {row['id']!r} is defined twice in {directories}")
        person = Person(
            row["id"], row["name"], split_list(row.get("aliases")), row.get("source", "")
        )
        kb.persons[person.id] = person
        kb.add_phrase(person.name, Entry("person", person.id, "name", needs_capital=True))
        for form in _respellings([person.name, *person.aliases], respell):
            kb.add_phrase(form, Entry("person", person.id, "alias", needs_capital=True))
        for alias in person.aliases:
            if alias.startswith("@"):
                kb.add_phrase(alias, Entry("person", person.id, "alias", guard="handle"))
                continue
            kb.add_phrase(alias, Entry("person", person.id, "alias", needs_capital=True))
        polities = {s.polity for s in kb.spells_for(person.id)}
        if person.source.startswith(HISTORICAL_SOURCE):
            continue  # "Clinton", "Gandhi" in current news: rarely the leader of decades ago
        # surnames from the canonical name and from two-word aliases ("Volodymyr Zelensky"):
        # longer aliases often end in a second family name ("Margarita Robles Fernández")
        short_aliases = [a for a in person.aliases if len(a.split()) == 2 and a[0] != "@"]
        for full in [person.name, *short_aliases] if not polities & no_surname else []:
            found = _surname(full, polities, family_first)
            forms = _surname_forms(found) if found else []
            double = _double_surname(full) if full == person.name else None
            for surname in [*forms, double] if double else forms:
                folded = " ".join(token_key(surname))
                if not folded or folded in stoplist or len(folded) < 3:
                    continue
                key = token_key(surname)
                if key in taken:
                    continue  # a country, organisation or title already owns this word
                kb.add_phrase(surname, Entry("person", person.id, "surname", needs_capital=True))


def _load_roles(kb: KnowledgeBase, roles: dict[str, Any]) -> None:
    for office, spec in roles["offices"].items():
        sector = spec.get("sector")
        kb.office_sectors[office] = sector
        if spec.get("prefer_head_of_state"):
            kb.leader_is_head_of_state = frozenset(spec["prefer_head_of_state"])
        for title in spec.get("titles", []):
            kb.add_phrase(
                title, Entry("role", office, "title", _is_short_caps(title), sector=sector)
            )
        for country, titles in (spec.get("country_titles") or {}).items():
            for title in titles:
                kb.add_phrase(title, Entry("role", office, "title", country=country, sector=sector))
    for phrase in roles.get("regions", []):
        kb.add_phrase(phrase, Entry("region", "region", "name", needs_capital=True))
    for title in roles.get("spokesperson_titles", []):
        kb.add_phrase(title, Entry("spokesperson", "spokesperson", "title", sector="GOV"))
    for spec in roles.get("institutions", []):
        for phrase in spec["phrases"]:
            kb.add_phrase(
                phrase,
                Entry(
                    "institution",
                    spec["office"],
                    "name",
                    country=spec.get("country"),
                    sector=spec["sector"],
                ),
            )
    for phrase in roles.get("collectives", []):
        kb.add_phrase(phrase, Entry("collective", phrase, "phrase"))
    for phrase in roles.get("honorifics", []):
        kb.add_phrase(phrase, Entry("honorific", phrase, "title", needs_capital=True))
    for phrase in roles.get("pronouns", []):
        kb.add_phrase(phrase, Entry("pronoun", phrase, "phrase"))
    kb.honorific_titles = {
        word: tuple(titles)
        for key in ("honorific_titles", "descriptive_titles")
        for word, titles in (roles.get(key) or {}).items()
    }
    kb.seniority = list(roles.get("seniority", []))
    kb.shared_offices = frozenset(
        (polity, office)
        for office, polities in (roles.get("shared_offices") or {}).items()
        for polity in polities
    )


def load_kb_from(directory: Path, extra_people: list[Path] | None = None) -> KnowledgeBase:
    """Build a knowledge base from a directory laid out like ``data/kb`` (plus people overlays)."""
    roles = yaml.safe_load((directory / "roles.yaml").read_text(encoding="utf-8"))
    curated_path = directory / "countries_curated.yaml"
    curated = (
        yaml.safe_load(curated_path.read_text(encoding="utf-8")) if curated_path.exists() else {}
    )
    excluded = {s.lower() for s in (curated or {}).get("exclude", [])}
    kb = KnowledgeBase()
    _load_roles(kb, roles)
    _load_countries(kb, directory / "countries.csv", excluded)
    _load_guarded(kb, directory / "guarded_names.yaml")
    shared_path = directory / "shared_names.yaml"
    if shared_path.exists():
        shared = yaml.safe_load(shared_path.read_text(encoding="utf-8")) or {}
        kb.shared_names = {name: tuple(codes) for name, codes in shared.items()}
    _load_organizations(kb, directory / "organizations.csv")
    respell = _load_respellings(directory / "transliteration.yaml")
    _load_people(kb, [directory / "people", *(extra_people or [])], roles, respell)
    kb.version = f"kb-{len(kb.persons)}p-{len(kb.spells)}s-{len(kb.countries)}c"
    return kb


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The bundled knowledge base plus the user's imports, loaded once per process."""
    extra = [user_kb_dir()] if user_kb_dir().is_dir() else []
    with resources.as_file(resources.files("diplograph").joinpath("data/kb")) as directory:
        return load_kb_from(Path(directory), extra)
