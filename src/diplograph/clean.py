"""Boilerplate and foreign-language removal, with a reason for every dropped line.

Why line-based rules from a data file: scraped article text keeps the page's paragraph breaks,
and page chrome (consent banners, ad slots, "LATEST" lists) occupies whole lines. Rules that
drop whole lines never cut a sentence of the story in half, and each drop is listed with its
reason so an analyst can audit the cleaner instead of trusting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from diplograph.model import Article, CleanArticle, Removed

# "BEIJING, Oct 16 (Reuters) - ", "JERUSALEM (AP) — ", "Beijing (EFE).- ": place and date of filing,
# not part of the first sentence (its date is the filing date, not an event date).
DATELINE = re.compile(
    r"^(?:[A-Z][\w'’. /-]{1,40}?(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"  # "LIMA, Peru"
    r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"\([A-Za-z][A-Za-z .&/-]{1,30}\)\s*(?:\.?-{1,2}|–|—|:)\s+"
    # "ADDIS ABABA, Ethiopia —"
    r"|[A-Z]{3,}(?:[ ,][A-Z]{2,})*(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*[-–—]))?"
    r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:-{1,2}|–|—)\s+"
    # AFP: "GAZA CITY, Palestinian Territories: Four children ...", "LYON: Interpol has ..."
    r"|[A-Z]{3,}(?: [A-Z]{2,})*(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?:\s+(?=[A-Z]))"
)
TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
MIN_WORDS_FOR_LANGUAGE_ID = 6
FOREIGN_LANGUAGE_MIN_PROB = 0.9
TEASER_SUMMARY_MAX_WORDS = 40
HEADLINE_MAX_WORDS = 25
NEWS_LANGUAGES = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "tr",
    "ru",
    "uk",
    "ar",
    "fa",
    "he",
    "zh",
    "ja",
    "ko",
    "pl",
    "el",
    "sv",
    "no",
    "da",
    "fi",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "sr",
    "hr",
    "id",
    "ms",
    "vi",
    "th",
    "hi",
    "ur",
    "az",
    "hy",
    "ka",
    "sw",
    "ca",
    "lt",
    "lv",
    "et",
    "sl",
]


@dataclass(frozen=True)
class Rules:
    line_rules: tuple[tuple[str, re.Pattern[str]], ...]
    list_headers: tuple[tuple[str, re.Pattern[str]], ...]
    inline_links: tuple[tuple[str, re.Pattern[str]], ...]


def _compile(groups: list[dict]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (group["reason"], re.compile(pattern, re.IGNORECASE))
        for group in groups
        for pattern in group["patterns"]
    )


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    text = resources.files("diplograph").joinpath("data/clean/boilerplate.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    return Rules(
        line_rules=_compile(raw["line_rules"]),
        list_headers=_compile(raw["list_headers"]),
        inline_links=_compile(raw["inline_link_prefixes"]),
    )


def _match(rules: tuple[tuple[str, re.Pattern[str]], ...], line: str) -> str | None:
    return next((reason for reason, pattern in rules if pattern.search(line)), None)


def looks_like_prose(line: str) -> bool:
    """Body text ends its lines with sentence punctuation; headlines and link labels do not."""
    return bool(TERMINAL.search(line)) and len(line.split()) >= 8


def looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not re.search(r"[.!?]\s*$", line)


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Restricting to widely published languages avoids confusions such as English read as
    # Nigerian Pidgin on short texts.
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    lang, prob = _language_identifier().classify(text)
    return lang, float(prob)


def split_title(article: Article) -> tuple[str | None, list[str]]:
    """Separate a headline-like first line from the body when no title was given."""
    lines = article.text.splitlines()
    first_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first_index is None:
        return article.title, []
    first = lines[first_index].strip()
    rest = lines[first_index + 1 :]
    has_body = any(looks_like_prose(line.strip()) for line in rest)
    if article.title and first == article.title.strip():
        return article.title, rest
    if article.title is None and has_body and looks_like_headline(first):
        return first, rest
    return article.title, lines


def _drop_block(lines: list[str], start: int, reason: str, removed: list[Removed]) -> int:
    """Drop a recirculation block starting at ``start`` (the header); return the next index."""
    removed.append(Removed(lines[start], reason))
    index = start + 1
    took_summary = False
    while index < len(lines):
        line = lines[index]
        if _match(load_rules().list_headers, line):
            break
        if _match(load_rules().line_rules, line) == "timestamp" or (
            looks_like_headline(line) and not looks_like_prose(line)
        ):
            removed.append(Removed(line, reason))
            index += 1
            continue
        if (
            reason == "teaser"
            and not took_summary
            and len(line.split()) <= TEASER_SUMMARY_MAX_WORDS
        ):
            removed.append(Removed(line, reason))
            took_summary = True
            index += 1
            continue
        break
    return index


SHORT_LABEL_MAX_WORDS = 3


def _drop_trailing_chrome(lines: list[str], verdicts: dict[int, tuple[str, str]]) -> None:
    """After the story's last sentence, headline-like lines are links to other stories, and
    one- to three-word lines anywhere are section labels or buttons, never story text."""
    prose = [i for i, line in enumerate(lines) if i not in verdicts and looks_like_prose(line)]
    last_prose = prose[-1] if prose else -1
    for i, line in enumerate(lines):
        if i in verdicts or looks_like_prose(line):
            continue
        if len(line.split()) <= SHORT_LABEL_MAX_WORDS and not re.search(r"[.!?]\s*$", line):
            verdicts[i] = ("section_label", line)
        elif i > last_prose and looks_like_headline(line):
            verdicts[i] = ("related_list", line)


BODY_LANGUAGE_MIN_PROB = 0.5


def _body_language(langs: dict[int, tuple[str, float]], lines: list[str]) -> str | None:
    """The language of all surviving prose read together: one long sample beats many short ones.

    None when the identifier is unsure (short texts full of names fool it); extraction then
    still runs, since English is the only language it codes.
    """
    if not langs:
        return None
    lang, prob = detect_language(" ".join(lines[i] for i in sorted(langs)))
    return lang if prob >= BODY_LANGUAGE_MIN_PROB else None


def clean_article(article: Article) -> CleanArticle:
    """Entry point: return the article body without chrome, plus what was removed and why."""
    rules = load_rules()
    title, raw_lines = split_title(article)
    article.title = title
    lines = [line.strip() for line in raw_lines if line.strip()]

    verdicts: dict[int, tuple[str, str]] = {}  # line index -> (reason, text)
    index = 0
    while index < len(lines):
        line = lines[index]
        if _match(rules.list_headers, line):
            block: list[Removed] = []
            end = _drop_block(lines, index, _match(rules.list_headers, line) or "", block)
            for offset, item in enumerate(block):
                verdicts[index + offset] = (item.reason, item.text)
            index = end
            continue
        reason = _match(rules.line_rules, line) or _match(rules.inline_links, line)
        if reason:
            verdicts[index] = (reason, line)
        index += 1

    _drop_trailing_chrome(lines, verdicts)
    langs = {
        i: detect_language(line)
        for i, line in enumerate(lines)
        if i not in verdicts and len(line.split()) >= MIN_WORDS_FOR_LANGUAGE_ID
    }
    body_language = _body_language(langs, lines)
    for i, (lang, prob) in langs.items():
        if lang != (body_language or "en") and prob >= FOREIGN_LANGUAGE_MIN_PROB:
            verdicts[i] = ("foreign_language", lines[i])

    kept = [line for i, line in enumerate(lines) if i not in verdicts]
    removed = [Removed(text, reason) for _, (reason, text) in sorted(verdicts.items())]
    if kept:
        dateline = DATELINE.match(kept[0])
        if dateline and len(kept[0]) > dateline.end() + 20:
            removed.insert(0, Removed(dateline.group().strip(), "dateline"))
            kept[0] = kept[0][dateline.end() :]
    return CleanArticle(
        article=article, clean_text="\n".join(kept), removed=removed, language=body_language
    )
