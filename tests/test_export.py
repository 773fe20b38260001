"""Exports written to real files and read back with the readers their users would use."""

from __future__ import annotations

import csv
import json
import logging
from datetime import date
from pathlib import Path

import duckdb
import pytest

from diplograph.export import export_events, gdelt_fraction_date, write_export

# Field lists as published (docs/reference: ontology_and_users.md §1.5 and §3), written out here
# rather than imported so that a change in the module cannot silently change the contract.
ICEWS_HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]  # fmt: skip

GDELT_HEADER = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip

PLOVER_EVENT_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
}  # fmt: skip
PLOVER_ENTITY_FIELDS = {
    "code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity",
    "office", "gender", "age",
}  # fmt: skip
PLOVER_CITE_FIELDS = {
    "corpus", "citation", "url", "title", "language", "publication", "license", "copyright",
    "coder", "codebook", "version",
}  # fmt: skip
DIPLOGRAPH_EVENT_EXTENSIONS = {
    "date_precision", "date_source", "date_text", "status", "reports", "sources", "urls",
    "published", "cameo", "goldstein", "confidence",
}  # fmt: skip

GEO_ICEWS = ["City", "District", "Province", "Country", "Latitude", "Longitude"]


def person(role, text, name, pid, country, office, title, code):
    return {
        "role": role,
        "text": text,
        "name": name,
        "id": pid,
        "country": country,
        "office": office,
        "title": title,
        "code": code,
        "resolved_by": "name" if pid else None,
    }


PHONE_CALL = {
    "event_id": "a1b2c3d4e5f60718",
    "type": "CONSULT",
    "mode": "phone",
    "cameo": "041",
    "goldstein": 1.0,
    "quad_class": 1,
    "score_table": "gdelt-cameo-goldstein-2015",
    "status": "occurred",
    "date": "2022-01-03",
    "date_precision": "day",
    "date_text": "Monday, January 3",
    "date_source": "relative",
    "date_reason": None,
    "actors": [
        person(
            "participant",
            "U.S. Secretary of State Antony Blinken",
            "Antony Blinken",
            "antony_blinken",
            "USA",
            "foreign_minister",
            "Secretary of State",
            "USAGOV",
        ),
        person(
            "participant",
            "Turkish Foreign Minister Mevlut Cavusoglu",
            "Mevlüt Çavuşoğlu",
            "mevlut_cavusoglu",
            "TUR",
            "foreign_minister",
            "Minister of Foreign Affairs",
            "TURGOV",
        ),
    ],
    "topics": ["Russia", "Ukraine", "Somalia"],
    "evidence": [
        {
            "doc_id": "002_7c3cb338071413ad",
            "sentence": 0,
            "start": 0,
            "end": 320,
            "text": "Cooperation between Washington and Ankara regarding the threat of growing tensions between Russia and Ukraine became one of the subjects of a phone conversation between U.S. Secretary of State Antony Blinken and Turkish Foreign Minister Mevlut Cavusoglu on Monday, January 3, the Department of State said in a statement.",
        },
        {
            "doc_id": "007_0f1e2d3c4b5a6978",
            "sentence": 2,
            "start": 211,
            "end": 305,
            "text": "Blinken and Cavusoglu spoke by phone on Monday about the situation around Ukraine.",
        },
    ],
    "trigger": "conversation",
    "confidence": 0.91,
    "plover_score": 1.5,
    "reports": 2,
    "sources": ["002_7c3cb338071413ad", "007_0f1e2d3c4b5a6978"],
    "urls": [
        "https://www.state.gov/secretary-blinkens-call-with-turkish-foreign-minister-cavusoglu-7/",
        "https://www.aa.com.tr/en/americas/blinken-cavusoglu-discuss-ukraine/2466571",
    ],
    "published": "2022-01-04",
    "title": "Blinken, Cavusoglu discuss coordination of US, Turkish actions regarding situation around Ukraine",
}

TEHRAN_SUMMIT = {
    "event_id": "b2c3d4e5f6071829",
    "type": "CONSULT",
    "mode": "meeting",
    "cameo": "040",
    "goldstein": 1.0,
    "quad_class": 1,
    "score_table": "gdelt-cameo-goldstein-2015",
    "status": "occurred",
    "date": "2022-07-19",
    "date_precision": "day",
    "date_text": "on Tuesday",
    "date_source": "relative",
    "date_reason": None,
    "actors": [
        person(
            "participant",
            "Iranian President Ebrahim Raisi",
            "Ebrahim Raisi",
            "ebrahim_raisi",
            "IRN",
            "head_of_state",
            "President",
            "IRNGOV",
        ),
        person(
            "participant",
            "Russian President Vladimir Putin",
            "Vladimir Putin",
            "vladimir_putin",
            "RUS",
            "head_of_state",
            "President",
            "RUSGOV",
        ),
        person(
            "participant",
            "Turkish President Recep Tayyip Erdogan",
            "Recep Tayyip Erdoğan",
            "recep_tayyip_erdogan",
            "TUR",
            "head_of_state",
            "President",
            "TURGOV",
        ),
    ],
    "topics": ["Syria"],
    "evidence": [
        {
            "doc_id": "010_c0ffee00c0ffee00",
            "sentence": 1,
            "start": 88,
            "end": 201,
            "text": "Iranian President Ebrahim Raisi hosted Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan in Tehran on Tuesday.",
        }
    ],
    "trigger": "hosted",
    "confidence": 0.84,
    "reports": 1,
    "sources": ["010_c0ffee00c0ffee00"],
    "urls": ["https://example.org/news/tehran-summit"],
    "published": "2022-07-19",
    "title": "Raisi hosts Putin and Erdogan in Tehran",
}

UNDATED_REJECTION = {
    "event_id": "c3d4e5f607182930",
    "type": "REJECT",
    "mode": None,
    "cameo": "120",
    "goldstein": -4.0,
    "quad_class": 3,
    "score_table": "gdelt-cameo-goldstein-2015",
    "status": "occurred",
    "date": None,
    "date_precision": None,
    "date_text": None,
    "date_source": None,
    "date_reason": "no date words in the clause and no publication date",
    "actors": [
        {
            "role": "source",
            "text": "NATO",
            "name": "North Atlantic Treaty Organization",
            "id": "NATO",
            "country": "NATO",
            "office": None,
            "title": None,
            "code": "IGOWSTNAT",
            "resolved_by": "gazetteer",
        },
        person("target", "a senior Russian official", None, None, "RUS", None, None, "RUSGOV"),
    ],
    "topics": [],
    "evidence": [
        {
            "doc_id": "011_0123456789abcdef",
            "sentence": 4,
            "start": 512,
            "end": 590,
            "text": "NATO rejected the demands put forward by a senior Russian official.",
        }
    ],
    "trigger": "rejected",
    "confidence": 0.62,
    "reports": 1,
    "sources": ["011_0123456789abcdef"],
    "urls": [],
    "published": None,
    "title": None,
}

AIR_STRIKE = {
    "event_id": "d4e5f60718293a4b",
    "type": "ASSAULT",
    "mode": "aerial",
    "cameo": "195",
    "goldstein": -10.0,
    "quad_class": 4,
    "score_table": "gdelt-cameo-goldstein-2015",
    "status": "occurred",
    "date": "2022-02-24",
    "date_precision": "day",
    "date_text": "February 24",
    "date_source": "explicit",
    "date_reason": None,
    "actors": [
        person("target", "Ukraine", "Ukraine", "UKR", "UKR", None, None, "UKR"),
        person("source", "Russian forces", None, None, "RUS", None, None, "RUSMIL"),
    ],
    "topics": ["war"],
    "evidence": [
        {
            "doc_id": "000_1bb00eb94aef718a",
            "sentence": 3,
            "start": 400,
            "end": 470,
            "text": "Russian forces launched air strikes on Ukraine on February 24.",
        }
    ],
    "trigger": "strikes",
    "confidence": 0.77,
    "plover_score": -9.5,
    "reports": 3,
    "sources": ["000_1bb00eb94aef718a", "012_aaaabbbbccccdddd", "013_eeeeffff00001111"],
    "urls": ["https://news.example.com/ukraine-strikes"],
    "published": "2022-02-24",
    "title": "Russia attacks Ukraine",
}

EVENTS = [PHONE_CALL, TEHRAN_SUMMIT, UNDATED_REJECTION, AIR_STRIKE]


# ------------------------------------------------------------------ PLOVER


def read_plover(tmp_path: Path) -> dict[str, dict]:
    out = tmp_path / "events.plover.jsonl"
    assert export_events(iter(EVENTS), "plover-jsonl", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    return {r["id"]: r for r in map(json.loads, lines)}


def test_plover_uses_the_manual_field_names_plus_named_extensions(tmp_path):
    for record in read_plover(tmp_path).values():
        assert {"id", "date", "actor", "recipient", "event"} <= set(record)
        assert set(record) - PLOVER_EVENT_FIELDS == DIPLOGRAPH_EVENT_EXTENSIONS
        assert set(record["cite_info"]) <= PLOVER_CITE_FIELDS
        for entity in record["actor"] + record["recipient"]:
            manual = set(entity) & PLOVER_ENTITY_FIELDS
            assert manual == {
                "code",
                "sector",
                "entity_text",
                "identifier_id",
                "identifier_text",
                "office",
            }
            assert entity["identifier_id"] is None  # no Wikidata QIDs: never invented
        for info in record["text_info"]:
            assert set(info) == {"sequence", "start", "end", "doc_id"}


def test_plover_phone_call(tmp_path):
    call = read_plover(tmp_path)["a1b2c3d4e5f60718"]
    assert call["date"] == "2022-01-03"
    assert call["event"] == ["CONSULT"] and call["mode"] == ["phone"]
    assert call["context"] == ["Russia", "Ukraine", "Somalia"]
    assert call["quad_code"] == 1 and call["event_scale"] == 1.5
    [blinken] = call["actor"]
    [cavusoglu] = call["recipient"]
    assert blinken["code"] == "USA" and blinken["sector"] == "GOV"
    assert blinken["entity_text"] == "U.S. Secretary of State Antony Blinken"
    assert blinken["identifier_text"] == "Antony Blinken" and blinken["kb_id"] == "antony_blinken"
    assert blinken["office"] == "foreign_minister"
    assert cavusoglu["code"] == "TUR" and cavusoglu["identifier_text"] == "Mevlüt Çavuşoğlu"
    assert call["event_text"] == [e["text"] for e in PHONE_CALL["evidence"]]
    assert call["text_info"] == [
        {"sequence": 0, "start": 0, "end": 320, "doc_id": "002_7c3cb338071413ad"},
        {"sequence": 2, "start": 211, "end": 305, "doc_id": "007_0f1e2d3c4b5a6978"},
    ]
    cite = call["cite_info"]
    assert cite["corpus"] == "diplograph"
    assert cite["citation"] == PHONE_CALL["sources"]
    assert cite["url"] == PHONE_CALL["urls"][0] and cite["title"] == PHONE_CALL["title"]
    assert cite["codebook"] == "gdelt-cameo-goldstein-2015" and cite["version"]
    assert call["cameo"] == "041" and call["goldstein"] == 1.0
    assert call["reports"] == 2 and call["status"] == "occurred"
    assert call["date_precision"] == "day"


def test_plover_multiparty_and_role_coded_events(tmp_path):
    records = read_plover(tmp_path)
    summit = records["b2c3d4e5f6071829"]
    assert [e["identifier_text"] for e in summit["actor"]] == ["Ebrahim Raisi"]
    assert [e["identifier_text"] for e in summit["recipient"]] == [
        "Vladimir Putin",
        "Recep Tayyip Erdoğan",
    ]
    assert summit["event_scale"] is None  # no plover_score in the input
    strike = records["d4e5f60718293a4b"]
    assert [(e["code"], e["sector"], e["entity_text"]) for e in strike["actor"]] == [
        ("RUS", "MIL", "Russian forces")
    ]
    assert [(e["code"], e["sector"]) for e in strike["recipient"]] == [("UKR", None)]
    assert strike["event_scale"] == -9.5 and strike["quad_code"] == 4


def test_plover_undated_event_with_unresolved_actor(tmp_path):
    rejection = read_plover(tmp_path)["c3d4e5f607182930"]
    assert rejection["date"] is None and rejection["date_precision"] is None
    assert rejection["mode"] == [] and rejection["context"] == []
    [nato] = rejection["actor"]
    assert nato["code"] == "IGO" and nato["sector"] is None
    assert nato["identifier_text"] == "North Atlantic Treaty Organization"
    [official] = rejection["recipient"]
    assert official["kb_id"] is None and official["identifier_text"] is None
    assert official["code"] == "RUS" and official["sector"] == "GOV"
    assert rejection["cite_info"]["url"] is None and rejection["urls"] == []


# ------------------------------------------------------------------ ICEWS


def read_icews(tmp_path: Path) -> tuple[list[str], list[dict[str, str]]]:
    out = tmp_path / "events.icews.csv"
    assert export_events(EVENTS, "icews-csv", out) == 5
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [dict(zip(header, row, strict=True)) for row in reader]
    return header, rows


def test_icews_header_is_the_20_published_columns(tmp_path):
    header, rows = read_icews(tmp_path)
    assert header == ICEWS_HEADER
    assert len(rows) == 5


def test_icews_phone_call_row(tmp_path):
    _, rows = read_icews(tmp_path)
    row = rows[0]
    assert row == {
        "Event ID": "a1b2c3d4e5f60718",
        "Event Date": "2022-01-03",
        "Source Name": "Antony Blinken",
        "Source Sectors": "Government",
        "Source Country": "United States",
        "Event Text": "Discuss by telephone",
        "CAMEO Code": "041",
        "Intensity": "1.0",
        "Target Name": "Mevlüt Çavuşoğlu",
        "Target Sectors": "Government",
        "Target Country": "Turkey",
        "Story ID": "002_7c3cb338071413ad",
        "Sentence Number": "0",
        "Publisher": "state.gov",
        **dict.fromkeys(GEO_ICEWS, ""),
    }


def test_icews_multiparty_undated_and_assault_rows(tmp_path):
    _, rows = read_icews(tmp_path)
    summit = [r for r in rows if r["Event ID"].startswith("b2c3d4e5f6071829")]
    assert [(r["Event ID"], r["Source Name"], r["Target Name"]) for r in summit] == [
        ("b2c3d4e5f6071829", "Ebrahim Raisi", "Vladimir Putin"),
        ("b2c3d4e5f6071829-1", "Ebrahim Raisi", "Recep Tayyip Erdoğan"),
    ]
    assert {r["CAMEO Code"] for r in summit} == {"040"}
    assert [r["Target Country"] for r in summit] == ["Russia", "Turkey"]
    assert summit[0]["Event Text"] == "Consult, not specified below"

    [undated] = [r for r in rows if r["Event ID"] == "c3d4e5f607182930"]
    assert undated["Event Date"] == ""
    assert undated["Source Name"] == "North Atlantic Treaty Organization"
    assert undated["Source Sectors"] == "Inter-Governmental Organization"
    assert undated["Source Country"] == "North Atlantic Treaty Organization"
    assert undated["Target Name"] == "a senior Russian official"
    assert undated["Target Country"] == "Russia"
    assert undated["CAMEO Code"] == "120" and undated["Intensity"] == "-4.0"
    assert undated["Publisher"] == "" and undated["Sentence Number"] == "4"

    [strike] = [r for r in rows if r["Event ID"] == "d4e5f60718293a4b"]
    assert (strike["Source Name"], strike["Source Sectors"], strike["Source Country"]) == (
        "Russian forces",
        "Military",
        "Russia",
    )
    assert (strike["Target Name"], strike["Target Sectors"], strike["Target Country"]) == (
        "Ukraine",
        "",
        "Ukraine",
    )
    assert strike["Event Text"] == "Employ aerial weapons" and strike["Intensity"] == "-10.0"
    assert strike["Story ID"] == "000_1bb00eb94aef718a"


# ------------------------------------------------------------------ GDELT


def read_gdelt(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(GDELT_HEADER, row, strict=True)) for row in rows]


def test_gdelt_has_61_columns_no_header_and_skips_undated_events(tmp_path, caplog):
    out = tmp_path / "events.gdelt.tsv"
    with caplog.at_level(logging.WARNING, logger="diplograph.export"):
        assert export_events(EVENTS, "gdelt-tsv", out) == 4
    assert "skipped 1 event(s) without a date" in caplog.text
    rows = read_gdelt(out)
    assert rows[0]["GLOBALEVENTID"].isdigit()  # no header line
    assert len(rows) == 4  # call 1 + summit 2 + strike 1; the undated rejection is not there
    assert all(r["Actor1Name"] != "NORTH ATLANTIC TREATY ORGANIZATION" for r in rows)

    report = write_export(EVENTS, "gdelt-tsv", tmp_path / "again.tsv")
    assert (report.events, report.rows, report.skipped) == (4, 4, ["c3d4e5f607182930"])

    with_header = tmp_path / "header.tsv"
    export_events(EVENTS, "gdelt-tsv", with_header, header=True)
    first = with_header.read_text(encoding="utf-8").split("\n")[0]
    assert first.split("\t") == GDELT_HEADER


def test_gdelt_phone_call_row(tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export_events(EVENTS, "gdelt-tsv", out)
    row = read_gdelt(out)[0]
    event_id = int(row["GLOBALEVENTID"])
    assert 0 < event_id < 2**63
    assert {k: row[k] for k in GDELT_HEADER[1:35]} == {
        "SQLDATE": "20220103",
        "MonthYear": "202201",
        "Year": "2022",
        "FractionDate": "2022.0082",
        "Actor1Code": "USAGOV",
        "Actor1Name": "ANTONY BLINKEN",
        "Actor1CountryCode": "USA",
        "Actor1KnownGroupCode": "",
        "Actor1EthnicCode": "",
        "Actor1Religion1Code": "",
        "Actor1Religion2Code": "",
        "Actor1Type1Code": "GOV",
        "Actor1Type2Code": "",
        "Actor1Type3Code": "",
        "Actor2Code": "TURGOV",
        "Actor2Name": "MEVLÜT ÇAVUŞOĞLU",
        "Actor2CountryCode": "TUR",
        "Actor2KnownGroupCode": "",
        "Actor2EthnicCode": "",
        "Actor2Religion1Code": "",
        "Actor2Religion2Code": "",
        "Actor2Type1Code": "GOV",
        "Actor2Type2Code": "",
        "Actor2Type3Code": "",
        "IsRootEvent": "1",
        "EventCode": "041",
        "EventBaseCode": "041",
        "EventRootCode": "04",
        "QuadClass": "1",
        "GoldsteinScale": "1.0",
        "NumMentions": "2",
        "NumSources": "2",
        "NumArticles": "2",
        "AvgTone": "",
    }
    assert all(row[k] == "" for k in GDELT_HEADER[35:59])  # no geocoding
    assert row["DATEADDED"] == "20220103000000"
    assert row["SOURCEURL"] == PHONE_CALL["urls"][0]


def test_gdelt_ids_are_stable_and_multiparty_rows_share_the_event(tmp_path):
    first, second = tmp_path / "one.tsv", tmp_path / "two.tsv"
    export_events(EVENTS, "gdelt-tsv", first)
    export_events(list(reversed(EVENTS)), "gdelt-tsv", second)
    rows = read_gdelt(first)
    assert sorted(r["GLOBALEVENTID"] for r in rows) == sorted(
        r["GLOBALEVENTID"] for r in read_gdelt(second)
    )
    assert len({r["GLOBALEVENTID"] for r in rows}) == 4

    summit = [r for r in rows if r["SQLDATE"] == "20220719"]
    assert [(r["Actor1Name"], r["Actor2Name"], r["Actor2CountryCode"]) for r in summit] == [
        ("EBRAHIM RAISI", "VLADIMIR PUTIN", "RUS"),
        ("EBRAHIM RAISI", "RECEP TAYYIP ERDOĞAN", "TUR"),
    ]
    assert all(
        (r["EventCode"], r["EventBaseCode"], r["EventRootCode"]) == ("040", "040", "04")
        for r in summit
    )
    assert summit[0]["FractionDate"] == "2022.5452"  # GDELT: ((month - 1) * 30 + day) / 365
    assert summit[0]["NumMentions"] == "1" and summit[0]["NumSources"] == "1"

    [strike] = [r for r in rows if r["SQLDATE"] == "20220224"]
    assert (strike["Actor1Code"], strike["Actor1CountryCode"], strike["Actor1Type1Code"]) == (
        "RUSMIL",
        "RUS",
        "MIL",
    )
    assert (strike["Actor2Code"], strike["Actor2Type1Code"]) == ("UKR", "")
    assert (strike["EventCode"], strike["EventBaseCode"], strike["EventRootCode"]) == (
        "195",
        "195",
        "19",
    )
    assert strike["QuadClass"] == "4" and strike["GoldsteinScale"] == "-10.0"
    assert strike["NumSources"] == "3" and strike["NumArticles"] == "3"


# ------------------------------------------------------------------ Parquet


def read_parquet(path: Path) -> tuple[dict[str, str], list[dict]]:
    con = duckdb.connect()
    try:
        relation = con.sql(f"SELECT * FROM read_parquet('{path}')")
        types = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
        rows = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    finally:
        con.close()
    return types, rows


def test_parquet_one_typed_row_per_event(tmp_path):
    out = tmp_path / "events.parquet"
    assert export_events(EVENTS, "parquet", out) == 4
    types, rows = read_parquet(out)
    expected_types = {
        "event_id": "VARCHAR",
        "date": "DATE",
        "date_precision": "VARCHAR",
        "type": "VARCHAR",
        "mode": "VARCHAR",
        "cameo": "VARCHAR",
        "goldstein": "DOUBLE",
        "quad_class": "INTEGER",
        "status": "VARCHAR",
        "source_code": "VARCHAR",
        "source_country": "VARCHAR",
        "source_name": "VARCHAR",
        "target_code": "VARCHAR",
        "target_country": "VARCHAR",
        "target_name": "VARCHAR",
        "actors": "VARCHAR",
        "topics": "VARCHAR[]",
        "reports": "INTEGER",
        "sources": "VARCHAR[]",
        "confidence": "DOUBLE",
    }
    assert {k: types[k] for k in expected_types} == expected_types
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in EVENTS]
    call, summit, undated, strike = rows

    assert call["date"] == date(2022, 1, 3) and call["cameo"] == "041"
    assert (call["source_code"], call["source_country"], call["source_name"]) == (
        "USAGOV",
        "USA",
        "Antony Blinken",
    )
    assert (call["target_code"], call["target_country"]) == ("TURGOV", "TUR")
    assert call["topics"] == ["Russia", "Ukraine", "Somalia"]
    assert call["sources"] == PHONE_CALL["sources"] and call["reports"] == 2
    assert call["goldstein"] == 1.0 and call["quad_class"] == 1 and call["confidence"] == 0.91
    assert call["plover_score"] == 1.5 and call["published"] == date(2022, 1, 4)

    assert summit["cameo"] == "040" and summit["plover_score"] is None
    assert (summit["source_name"], summit["target_name"]) == ("Ebrahim Raisi", "Vladimir Putin")
    assert [a["name"] for a in json.loads(summit["actors"])] == [
        "Ebrahim Raisi",
        "Vladimir Putin",
        "Recep Tayyip Erdoğan",
    ]

    assert undated["date"] is None and undated["date_precision"] is None
    assert undated["source_code"] == "IGOWSTNAT" and undated["target_id"] is None
    assert undated["target_name"] == "a senior Russian official"
    assert undated["topics"] == [] and undated["urls"] == [] and undated["title"] is None

    assert (strike["source_code"], strike["target_code"]) == ("RUSMIL", "UKR")
    assert strike["type"] == "ASSAULT" and strike["mode"] == "aerial"
    assert json.loads(strike["evidence"])[0]["doc_id"] == "000_1bb00eb94aef718a"


def test_parquet_with_no_events_still_has_its_columns(tmp_path):
    out = tmp_path / "empty.parquet"
    assert export_events([], "parquet", out) == 0
    types, rows = read_parquet(out)
    assert rows == [] and types["date"] == "DATE" and types["topics"] == "VARCHAR[]"


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="plover-jsonl"):
        export_events(EVENTS, "xml", tmp_path / "events.xml")


def test_gdelt_fraction_date_matches_gdelt_rows():
    # a GDELT 2.0 event of 2021-03-23 carries FractionDate 2021.2274 (zero-based month * 30 + day)
    assert gdelt_fraction_date(date(2021, 3, 23)) == "2021.2274"
    assert gdelt_fraction_date(date(2022, 1, 3)) == "2022.0082"
    assert gdelt_fraction_date(date(2024, 12, 31)) == "2024.9890"
