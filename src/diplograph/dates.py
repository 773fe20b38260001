"""Date expressions: finding them in text and resolving them to calendar dates.

Why our own small grammar instead of a general date parser: an event date must never be
invented. Each expression type here has one explicit rule for how it resolves against the
publication date, which precision it yields, and what happens without a publication date (it
stays unresolved, or is fixed from constraints such as a named weekday and the office terms of
the people involved). The module is named ``dates`` so that it does not shadow ``time``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_WD = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY}\b(?!:)(?:,?\s+{_YEAR}\b)?".replace(
                "(?P<weekday>", "(?P<weekday>"
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "month_year",
        re.compile(rf"\b(?:(?P<mod>early|mid|late)[- ])?{_MON}\s+{_YEAR}\b", re.IGNORECASE),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<part>late|early|earlier|later)\s+(?:on\s+)?)?(?:(?P<rel>last|next|this|coming)\s+)?{_WD}"
            r"(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "two days ago", "a week ago": counted back from the publication date
        "ago",
        re.compile(
            r"\b(?P<count>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+"
            r"(?P<unit>day|days|week|weeks)\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "later in the day": the day of the event reported before (resolved by the caller)
        "same_day",
        re.compile(
            r"\b(?:later|earlier)\s+(?:in|on)\s+the\s+day\b|\b(?:later|earlier)\s+that\s+day\b"
            r"|\b(?:that|the)\s+same\s+day\b|\bthat\s+(?:morning|afternoon|evening|night)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "in the evening": a time of a day named before, if one is (resolved by the caller)
        "time_of_day",
        re.compile(r"\b(?:in|during)\s+the\s+(?:morning|afternoon|evening)\b", re.IGNORECASE),
    ),
    (
        # "the following day": one day after the date its clause names (resolved by the caller)
        "day_after",
        # ("a day later than planned" compares; it does not count from another date)
        re.compile(
            r"\b(?:the\s+(?:following|next)\s+day|a\s+day\s+later)\b(?!\s+than)", re.IGNORECASE
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|(?:later|earlier) today"
            r"|(?:(?:later|earlier)\s+)?this\s+(?:morning|afternoon|evening))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative_period",
        re.compile(
            r"\b(?P<mod>(?:late|early|earlier|later)\s+)?(?P<rel>last|this|next|past)\s+(?P<unit>week|month|year)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_only",
        re.compile(
            rf"\b(?:in|since|from|until|by|early|late|mid-?)\s+{_MON}\b(?!\s+\d)", re.IGNORECASE
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:in|since|from|until|by|of|during|late|early)\s+{_YEAR}\b", re.IGNORECASE
        ),
    ),
]
# "May" is a name and a modal verb too often to be read alone.
AMBIGUOUS_MONTHS = {
    "may",
    "mar",
    "jan",
    "jun",
    "jul",
    "sep",
    "dec",
    "oct",
    "nov",
    "aug",
    "feb",
    "apr",
}


@dataclass
class DateExpr:
    kind: str
    text: str
    start: int
    end: int
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    rel: str | None = None
    unit: str | None = None
    word: str | None = None
    # attached through the statement that reports the event ("said on Thursday that ..."):
    # the date is the statement's, so it resolves as past whatever the event's tense
    statement: bool = False
    # "since December 2017, when he met Tsipras": the date a "when" clause hangs on is the
    # time of that clause's event, whatever preposition introduces it
    when_clause: bool = False
    # "said on Wednesday ..., a day after protesters stormed parliament": the date of the
    # clause "after" hangs on, moved by this many days (-1), for the event of the after-clause
    offset_days: int = 0


@dataclass
class ResolvedDate:
    date: date | None
    precision: str | None  # day | month | year
    source: str | None  # explicit | relative | inferred | publication
    text: str | None
    reason: str | None = None


def _month_number(token: str | None) -> int | None:
    if not token:
        return None
    return MONTHS.get(token.lower().rstrip("."))


def find_date_expressions(text: str) -> list[DateExpr]:
    """All date expressions in ``text``, longest first when two overlap."""
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            groups = match.groupdict()
            month_token = groups.get("month")
            if (
                kind == "month_only"
                and month_token
                and month_token.lower().rstrip(".") in AMBIGUOUS_MONTHS
            ):
                continue
            if (
                kind in ("month_day", "day_month")
                and month_token
                and month_token.lower() == "may"
                and not match.group(0)[:1].isupper()
                and groups.get("weekday") is None
            ):
                continue
            expr = DateExpr(kind=kind, text=match.group(0), start=start, end=end)
            if groups.get("weekday"):
                expr.weekday = WEEKDAYS.index(groups["weekday"].lower())
            if kind == "iso":
                expr.month = int(groups["month"])
            else:
                expr.month = _month_number(month_token)
            expr.day = int(groups["day"]) if groups.get("day") else None
            expr.year = int(groups["year"]) if groups.get("year") else None
            expr.rel = (groups.get("rel") or "").lower() or None
            expr.unit = (groups.get("unit") or "").lower() or None
            expr.word = (groups.get("word") or groups.get("count") or "").lower() or None
            if expr.day is not None and not 1 <= expr.day <= 31:
                continue
            found.append(expr)
            taken.append((start, end))
    return sorted(found, key=lambda e: e.start)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_near(anchor: date, weekday: int, future: bool, rel: str | None) -> date:
    if future or rel in ("next", "coming"):
        delta = (weekday - anchor.weekday()) % 7
        if rel == "next" and delta == 0:
            delta = 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _month_day_near(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The occurrence of month/day nearest the anchor on the side the tense points to."""
    this_year = _safe_date(anchor.year, month, day)
    if this_year is None:
        return None
    if future:
        return (
            this_year
            if this_year >= anchor - timedelta(days=1)
            else _safe_date(anchor.year + 1, month, day)
        )
    return (
        this_year
        if this_year <= anchor + timedelta(days=1)
        else _safe_date(anchor.year - 1, month, day)
    )


def infer_year(
    month: int, day: int, weekday: int | None, windows: list[tuple[date, date | None]]
) -> date | None:
    """Fix the year of a month/day from constraints, or return None when more than one fits.

    ``windows`` are the spans in which the event can have happened (e.g. the office terms of
    every person named as holding an office); a named weekday must also match.
    """
    if not windows:
        return None
    first = max(w[0] for w in windows)
    ends = [w[1] for w in windows if w[1] is not None]
    last = min(ends) if ends else date.today()
    candidates = []
    for year in range(first.year, last.year + 1):
        day_date = _safe_date(year, month, day)
        if day_date is None or not first <= day_date <= last:
            continue
        if weekday is not None and day_date.weekday() != weekday:
            continue
        candidates.append(day_date)
    return candidates[0] if len(candidates) == 1 else None


def resolve(
    expr: DateExpr,
    anchor: date | None,
    future: bool = False,
    windows: list[tuple[date, date | None]] | None = None,
) -> ResolvedDate:
    """Resolve one expression; ``anchor`` is the publication date when known."""
    resolved = _resolve(expr, anchor, future, windows)
    if expr.offset_days and resolved.date is not None and resolved.precision == "day":
        offset = timedelta(days=expr.offset_days)
        return replace(resolved, date=resolved.date + offset, text=expr.text)
    return resolved


def _resolve(
    expr: DateExpr,
    anchor: date | None,
    future: bool = False,
    windows: list[tuple[date, date | None]] | None = None,
) -> ResolvedDate:
    text = expr.text
    if expr.kind in ("iso", "month_day", "day_month") and expr.month and expr.day:
        if expr.year:
            value = _safe_date(expr.year, expr.month, expr.day)
            if value and expr.weekday is not None and value.weekday() != expr.weekday:
                return ResolvedDate(None, None, None, text, "named weekday does not match the date")
            return ResolvedDate(value, "day" if value else None, "explicit", text)
        if anchor is not None:
            value = _month_day_near(anchor, expr.month, expr.day, future)
            if value and expr.weekday is not None and value.weekday() != expr.weekday:
                inferred = infer_year(expr.month, expr.day, expr.weekday, windows or [])
                if inferred:
                    return ResolvedDate(inferred, "day", "inferred", text)
                return ResolvedDate(None, None, None, text, "named weekday does not match the date")
            return ResolvedDate(value, "day" if value else None, "relative", text)
        inferred = infer_year(expr.month, expr.day, expr.weekday, windows or [])
        if inferred:
            return ResolvedDate(inferred, "day", "inferred", text)
        return ResolvedDate(None, None, None, text, "no year in the text and no publication date")
    if expr.kind == "month_year" and expr.month and expr.year:
        return ResolvedDate(date(expr.year, expr.month, 1), "month", "explicit", text)
    if expr.kind == "year" and expr.year:
        return ResolvedDate(date(expr.year, 1, 1), "year", "explicit", text)
    if anchor is None:
        return ResolvedDate(None, None, None, text, "relative expression and no publication date")
    if expr.kind == "weekday" and expr.weekday is not None:
        return ResolvedDate(
            _weekday_near(anchor, expr.weekday, future, expr.rel), "day", "relative", text
        )
    if expr.kind == "relative_day":
        word = " ".join((expr.word or "today").lower().split())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return ResolvedDate(anchor + timedelta(days=offset), "day", "relative", text)
    if expr.kind == "relative_period":
        return _resolve_period(expr, anchor)
    if expr.kind == "ago" and expr.word:
        days = _count(expr.word) * (7 if (expr.unit or "").startswith("week") else 1)
        return ResolvedDate(anchor - timedelta(days=days), "day", "relative", text)
    if expr.kind == "month_only" and expr.month:
        year = anchor.year
        if not future and expr.month > anchor.month:
            year -= 1
        if future and expr.month < anchor.month:
            year += 1
        return ResolvedDate(date(year, expr.month, 1), "month", "relative", text)
    return ResolvedDate(
        None, None, None, text, "expression cannot be fixed to a day, month or year"
    )


COUNT_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNT_WORDS[word.lower()]


def _resolve_period(expr: DateExpr, anchor: date) -> ResolvedDate:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}.get(expr.rel or "", 0)
    if expr.unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + step
        return ResolvedDate(
            date(month_index // 12, month_index % 12 + 1, 1), "month", "relative", expr.text
        )
    if expr.unit == "year":
        return ResolvedDate(date(anchor.year + step, 1, 1), "year", "relative", expr.text)
    # A week is finer than a month but coarser than a day: keep it only when the whole week
    # lies in one month, reported at month precision.
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    sunday = monday + timedelta(days=6)
    if monday.month == sunday.month:
        return ResolvedDate(date(monday.year, monday.month, 1), "month", "relative", expr.text)
    return ResolvedDate(None, None, None, expr.text, "a week that spans two months")


CLOCK = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.?m\.?|p\.?m\.?)?"
    r"\s*(?:\(?(?P<zone>GMT|UTC|local time|ET|EST|EDT|CET|CEST|BST|IST|MSK)\)?)",
)


def find_clock_time(text: str) -> str | None:
    """ "at 4 a.m. local time (0200 GMT)", "at 10:00 GMT": the one clock time with a zone in
    the text, as "HH:MM ZONE"; None when there is none or several disagree."""
    found = set()
    for match in CLOCK.finditer(text):
        if match.group("minute") is None and match.group("half") is None:
            continue  # "2 GMT" alone is not a clock time we trust
        hour = int(match.group("hour"))
        half = (match.group("half") or "").replace(".", "").lower()
        if half == "pm" and hour < 12:
            hour += 12
        if half == "am" and hour == 12:
            hour = 0
        zone = "local" if match.group("zone") == "local time" else match.group("zone")
        found.add(f"{hour:02d}:{match.group('minute') or '00'} {zone}")
    return found.pop() if len(found) == 1 else None
