"""The trigger lexicon and the CAMEO score table, loaded from reviewed data files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
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
    verbs: dict[str, dict[str, Any]]
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

    def scores(self, code: str) -> CameoCode | None:
        """Goldstein and quad class; four-digit codes inherit their three-digit parent."""
        return self.cameo.get(code) or self.cameo.get(code[:3]) or self.cameo.get(code[:2])


def _keywords(verbs: dict[str, Any], nouns: dict[str, Any]) -> frozenset[str]:
    """Word prefixes the cheap pre-pass looks for before a sentence is worth parsing."""
    words = set()
    for lemma, spec in verbs.items():
        if spec.get("light"):
            continue
        words.add(lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma)
    words.update(nouns)
    words.update({"spoke", "spoken", "met", "held", "rang", "flew", "paid", "thanked", "sent"})
    return frozenset(words)


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
    return Lexicon(
        verbs=raw["verbs"],
        nouns=raw["nouns"],
        mode_cues=raw["mode_cues"],
        future_governors=frozenset(raw["future_governors"]),
        future_modifiers=frozenset(raw["future_modifiers"]),
        hypothetical_aux=frozenset(raw["hypothetical_aux"]),
        future_aux=frozenset(raw["future_aux"]),
        denial_governors=frozenset(raw["denial_governors"]),
        score_table=raw["score_table"],
        cameo=cameo,
        keywords=_keywords(raw["verbs"], raw["nouns"]),
    )
