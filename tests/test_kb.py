"""The knowledge base's dated offices are consistent and answer by date, not by wording."""

import itertools
from collections import defaultdict
from datetime import date
from pathlib import Path

from diplograph.actors.kb import load_kb


def test_office_spells_are_well_formed_and_never_overlap():
    kb = load_kb()
    by_office = defaultdict(list)
    for spell in kb.spells:
        assert spell.person_id in kb.persons, spell
        assert spell.end is None or spell.start < spell.end, spell
        assert spell.office in kb.office_sectors or spell.office in kb.seniority, spell
        assert spell.source, spell
        by_office[(spell.polity, spell.office)].append(spell)
    for key, spells in by_office.items():
        if key in kb.shared_offices:
            continue  # offices several people hold at once (roles.yaml shared_offices)
        spells.sort(key=lambda s: s.start)
        for earlier, later in itertools.pairwise(spells):
            assert earlier.end is not None and earlier.end <= later.start, (earlier, later)


def test_every_polity_is_known():
    kb = load_kb()
    for spell in kb.spells:
        assert spell.polity in kb.countries or spell.polity in kb.organizations, spell


def test_holders_change_with_the_date():
    kb = load_kb()
    name = lambda polity, office, day: kb.persons[kb.holder_on(polity, office, day).person_id].name  # noqa: E731
    assert name("TUR", "foreign_minister", date(2022, 2, 24)) == "Mevlüt Çavuşoğlu"
    assert name("TUR", "foreign_minister", date(2024, 12, 1)) == "Hakan Fidan"
    assert name("USA", "foreign_minister", date(2024, 12, 1)) == "Antony Blinken"
    assert name("USA", "foreign_minister", date(2025, 8, 19)) == "Marco Rubio"
    assert name("GBR", "head_of_government", date(2022, 9, 1)) == "Boris Johnson"
    assert name("GBR", "head_of_government", date(2022, 10, 1)) == "Liz Truss"
    assert (
        kb.holder_on("USA", "foreign_minister", date(2025, 1, 20)) is None
        or name("USA", "foreign_minister", date(2025, 1, 20)) != "Antony Blinken"
    )


def test_coverage_of_g20_and_seed_countries():
    kb = load_kb()
    required = [
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "KOR",
        "TUR",
        "GBR",
        "USA",
        "UKR",
        "SYR",
        "ISR",
        "ARM",
        "AZE",
        "IRN",
    ]
    day = date(2024, 6, 1)
    for polity in required:
        for office in ("head_of_state", "head_of_government", "foreign_minister"):
            assert kb.holder_on(polity, office, day), (polity, office)


def test_countries_have_names_adjectives_and_metonyms():
    kb = load_kb()
    assert len(kb.countries) >= 190
    for phrase, code in [
        ("Türkiye", "TUR"),
        ("Turkish", "TUR"),
        ("Ankara", "TUR"),
        ("U.S.", "USA"),
        ("Kremlin", "RUS"),
        ("Britain", "GBR"),
    ]:
        from diplograph.text import token_key

        entries = kb.phrases[token_key(phrase)]
        assert any(e.target == code or e.country == code for e in entries), phrase


def test_open_spells_are_not_trusted_past_the_review_date():
    kb = load_kb()
    assert kb.verified_through is not None
    after = date.fromordinal(kb.verified_through.toordinal() + 30)
    assert kb.holder_on("TUR", "foreign_minister", after) is None
    assert kb.holder_on("TUR", "foreign_minister", kb.verified_through) is not None


def test_world_coverage_of_top_offices():
    """Every UN member state: who held the top offices on a sample date (measured floor)."""
    import csv

    kb = load_kb()
    countries = (
        Path(__file__).resolve().parents[1] / "src" / "diplograph" / "data" / "kb" / "countries.csv"
    )
    members = [
        r["code"]
        for r in csv.DictReader(countries.open(encoding="utf-8"))
        if r["un_member"] == "true"
    ]
    day = date(2024, 6, 1)
    covered = {
        office: sum(1 for c in members if kb.holder_on(c, office, day))
        for office in ("head_of_state", "head_of_government", "foreign_minister")
    }
    assert len(members) == 193
    assert covered["head_of_state"] >= 185 and covered["head_of_government"] >= 185
    assert covered["foreign_minister"] >= 150


def test_historical_leaders_end_before_the_curated_years():
    """Archigos spells (scripts/build_archigos.py) stop where the curated files begin, so a date
    from 2015 on is always answered by the curated, titled offices."""
    kb = load_kb()
    imported = [s for s in kb.spells if s.office == "national_leader"]
    assert len(imported) > 1000
    assert all(s.end is not None and s.end < date(2015, 1, 1) for s in imported)
    assert all(s.source.startswith("archigos") for s in imported)
