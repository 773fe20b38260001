"""Text folding shared by every matcher.

Why one-to-one folding: matching must ignore case and diacritics ("Cavusoglu" = "Çavuşoğlu",
"Türkiye" = "Turkiye"), but evidence offsets must point into the original text. Folding each
character to exactly one character keeps offsets identical between the two strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that carry no combining mark in NFKD, so they need an explicit base letter.
_SPECIAL = {
    "ı": "i",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ß": "s",
    "æ": "a",
    "Æ": "a",
    "œ": "o",
    "Œ": "o",
    "þ": "t",
    "ð": "d",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "\u00a0": " ",
}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFKD", char)
    base = next((c for c in decomposed if not unicodedata.combining(c)), char)
    lowered = base.lower()
    return lowered[0] if lowered else char


def fold(text: str) -> str:
    """Lower-case, strip diacritics, normalise quotes and dashes; same length as the input."""
    return "".join(fold_char(c) for c in text)


_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(folded: str) -> list[tuple[str, int, int]]:
    """Alphanumeric tokens of a folded string with their offsets (punctuation is a separator)."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def token_key(phrase: str) -> tuple[str, ...]:
    """The token sequence a phrase matches: "U.S." -> ("u", "s"), "Türkiye" -> ("turkiye",)."""
    return tuple(tok for tok, _, _ in tokens(fold(phrase)))


def split_list(value: str | None) -> list[str]:
    """Parse a ``|``-separated list cell from the KB CSV files."""
    if not value:
        return []
    return [item.strip() for item in value.split("|") if item.strip()]
