"""The trigger lexicon and the CAMEO score table, loaded from reviewed data files."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, dict[str, Any]]  # lemma (or "lemma particle") -> its first sense
    nouns: dict[str, dict[str, Any]]
    mode_cues: dict[str, list[str]]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    denial_governors: frozenset[str]
    score_table: str
    cameo: dict[str, CameoCode]
    keywords: frozenset[str]
    senses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # every sense, in order
    hypothetical_governors: frozenset[str] = frozenset()  # "urged X to withdraw": not done
    # "discussed U.S. engagement with Egypt": the "with" belongs to the noun, not the contact
    relational_nouns: frozenset[str] = frozenset()
    # "agreed to resume regular mutual visits": contacts in general, not one contact
    generic_modifiers: frozenset[str] = frozenset()
    negating_governors: frozenset[str] = frozenset()  # "refused to withdraw": not done
    allegation_governors: frozenset[str] = frozenset()  # "accused X of attacking": alleged
    planned_as: dict[str, dict[str, str]] = field(default_factory=dict)
    # (type, mode) -> PLOVER score; mode "" is the type's own score (plover_scores.csv)
    plover_scores: dict[tuple[str, str], float] = field(default_factory=dict)
    demand_modals: dict[str, str] = field(default_factory=dict)  # "said Iran must stop": 100
    speech_verbs: frozenset[str] = frozenset()
    # "a car bomb killed ...": subjects that are the attack itself, and the types they can do
    implied_doers: frozenset[str] = frozenset()
    implied_doer_types: frozenset[str] = frozenset()

    def scores(self, code: str) -> CameoCode | None:
        """Goldstein and quad class; four-digit codes inherit their three-digit parent."""
        return self.cameo.get(code) or self.cameo.get(code[:3]) or self.cameo.get(code[:2])


VOWELS = set("aeiou")


def _stem(lemma: str) -> str:
    """A prefix every inflected form shares: "seize" -> "seiz", "deny" -> "den" ("denied")."""
    if lemma.endswith("e") and len(lemma) > 4:
        return lemma[:-1]
    if lemma.endswith("y") and len(lemma) > 4 and lemma[-2] not in VOWELS:
        return lemma[:-1]
    return lemma


def _keywords(
    senses: dict[str, list[dict[str, Any]]], nouns: dict[str, Any], raw: dict[str, Any]
) -> frozenset[str]:
    """Word prefixes the cheap pre-pass looks for before a sentence is worth parsing.

    Why not every verb's own prefix: common light verbs ("hold", "launch", "cut") are keyed on
    the event nouns they must take (``key_on_objects``, less ``keyword_stoplist``: "trade" is
    in every other sentence), and a verb whose prefix is an everyday word ("back" in "came
    back") lists the forms worth a parse (``keys``). Irregular forms ("struck") are listed too.
    """
    forms: dict[str, list[str]] = raw.get("irregular_forms", {})
    on_objects = set(raw.get("key_on_objects", []))
    words = set()
    for key, specs in senses.items():
        verb = key.split()[0]
        for spec in specs:
            if spec.get("light"):
                continue
            if spec.get("keys"):
                words.update(spec["keys"])
            elif spec.get("objects") and verb in on_objects:
                words.update(spec["objects"])
            else:
                words.add(_stem(verb))
                words.update(forms.get(verb, []))
    words.update(nouns)
    words.update({"spoke", "spoken", "met", "held", "rang", "flew", "paid", "thanked", "sent"})
    words.update(raw.get("demand_modals", {}))
    stop = set(raw.get("keyword_stoplist", []))  # event nouns too common to key a parse on
    return frozenset(w for w in words if len(w) >= 3 and w not in stop)


def _senses(
    raw: dict[str, Any], groups: dict[str, list[dict[str, Any]]]
) -> dict[str, list[dict[str, Any]]]:
    """A verb maps to one spec or to a list of senses tried in order (the first that fits).

    ``{group: NAME}`` in a list stands for the senses of a shared group, so light verbs that
    take the same event nouns ("launch", "mount", "carry out" an attack) list them once.
    """
    senses: dict[str, list[dict[str, Any]]] = {}
    for lemma, spec in raw.items():
        specs: list[dict[str, Any]] = []
        for item in spec if isinstance(spec, list) else [spec]:
            specs.extend(groups[item["group"]] if "group" in item else [item])
        senses[lemma] = specs
    return senses


PLOVER_SCORE_TABLE = "plover-manual-2.0-type-mode"


def plover_score(lexicon: Lexicon, kind: str, mode: str | None) -> float | None:
    """The mode's PLOVER score where the manual gives one, else the type's."""
    return lexicon.plover_scores.get((kind, mode or ""), lexicon.plover_scores.get((kind, "")))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    base = resources.files("diplograph").joinpath("data/events")
    raw = yaml.safe_load(base.joinpath("lexicon.yaml").read_text("utf-8"))
    cameo: dict[str, CameoCode] = {}
    with base.joinpath("cameo_codes.csv").open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cameo[row["code"]] = CameoCode(
                row["code"], row["label"], float(row["goldstein"]), int(row["quad_class"])
            )
    senses = _senses(raw["verbs"], raw.get("sense_groups", {}))
    with base.joinpath("plover_scores.csv").open("r", encoding="utf-8") as handle:
        plover_scores = {
            (row["type"], row["mode"]): float(row["score"]) for row in csv.DictReader(handle)
        }
    return Lexicon(
        plover_scores=plover_scores,
        verbs={lemma: specs[0] for lemma, specs in senses.items()},
        nouns=raw["nouns"],
        mode_cues=raw["mode_cues"],
        future_governors=frozenset(raw["future_governors"]),
        future_modifiers=frozenset(raw["future_modifiers"]),
        hypothetical_aux=frozenset(raw["hypothetical_aux"]),
        future_aux=frozenset(raw["future_aux"]),
        denial_governors=frozenset(raw["denial_governors"]),
        score_table=raw["score_table"],
        cameo=cameo,
        keywords=_keywords(senses, raw["nouns"], raw),
        senses=senses,
        hypothetical_governors=frozenset(raw.get("hypothetical_governors", [])),
        relational_nouns=frozenset(raw.get("relational_nouns", [])),
        generic_modifiers=frozenset(raw.get("generic_modifiers", [])),
        negating_governors=frozenset(raw.get("negating_governors", [])),
        allegation_governors=frozenset(raw.get("allegation_governors", [])),
        planned_as=raw.get("planned_as", {}),
        demand_modals=raw.get("demand_modals", {}),
        speech_verbs=frozenset(raw.get("speech_verbs", [])),
        implied_doers=frozenset(raw.get("implied_doers", [])),
        implied_doer_types=frozenset(raw.get("implied_doer_types", [])),
    )
