"""Publication-date inference for articles that come without one.

Why a stage of its own: every relative date ("on Sunday", "yesterday") resolves against the
publication date, and GDELT-style peers simply use the crawl date. Without metadata we fix the
date only from the text, and only when the text leaves one answer:

- a wire dateline ("KYIV, Sept 6 (Reuters) -") gives month and day; the year is the one year
  that fits (a) the office terms of everyone named with a current title ("U.S. Secretary of
  State Antony Blinken" was in office 2021–2025), (b) the latest year the body mentions, and
  (c) the weekday the lead sentence names ("... arrived in Kyiv on Wednesday"), which in wire
  copy is the dateline day or the day before;
- otherwise a lead sentence that names a weekday together with a day and month ("on Monday,
  February 20"): the year in which that day falls on that weekday within the same constraints.

Several years fitting means no date (the candidates are kept in the reason). Boilerplate dates
(related-story stamps, cookie notices) never reach this stage: it reads the cleaned body and
the dateline the cleaner split off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from diplograph.actors.kb import KnowledgeBase
from diplograph.actors.resolver import person_windows
from diplograph.dates import MONTHS, find_date_expressions
from diplograph.model import CleanArticle, Mention

DATELINE_DATE = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>[0-3]?\d)"
    r"(?:,\s*(?P<year>(?:19|20)\d{2}))?\b"
)
# years that bound the writing date from below: "in 2022", "since October 2023", "March 3, 2024"
FLOOR_KINDS = ("iso", "month_day", "day_month", "month_year", "year")
EARLIEST = date(1990, 1, 1)  # the news this tool is for; a bound for the year search
# "will release ... on Friday", "is due to visit ... on Friday": a day still to come
PLAN_BEFORE = re.compile(
    r"\b(?:will|shall|would|is due to|are due to|is set to|are set to|plans? to|is to|are to)\b",
    re.IGNORECASE,
)
FORWARD_BEFORE = re.compile(r"\b(?:by|until|till|before|next|through)\s+(?:the\s+)?$", re.I)
FLOOR_WORDS = re.compile(r"^(?:in|since|during|of|from)\b", re.IGNORECASE)


@dataclass
class PublicationGuess:
    date: date | None
    precision: str | None
    evidence: str | None
    reason: str
    candidates: list[date] = field(default_factory=list)


def _office_windows(mentions: list[Mention], kb: KnowledgeBase) -> list[tuple[date, date]]:
    """When each person named with a current title held that office."""
    today = date.today()
    return [
        (w[0], w[1] or today)
        for m in mentions
        if m.kind == "person" and m.title_text and m.office
        for w in person_windows(m, kb)
    ]


def _best_fits(days: list[date], windows: list[tuple[date, date]]) -> list[date]:
    """The days inside the most office terms. A story may name someone with a title they held
    earlier ("the sanctions imposed under President Joe Biden"), so one term may disagree, but
    at least all terms but one must hold."""
    if not windows:
        return days
    scored = [(sum(lo <= d < hi for lo, hi in windows), d) for d in days]
    best = max((score for score, _ in scored), default=0)
    if best < max(1, len(windows) - 1):
        return []
    return [d for score, d in scored if score == best]


def _floor(text: str) -> date | None:
    """The latest date the body states outright: the article cannot be older. Deadlines and
    plans ("fully operational by April 2020") point forward and do not count."""
    best: date | None = None
    for expr in find_date_expressions(text):
        if expr.kind not in FLOOR_KINDS or not expr.year:
            continue
        if expr.kind == "year" and not FLOOR_WORDS.match(expr.text):
            continue
        if FORWARD_BEFORE.search(text[max(0, expr.start - 20) : expr.start]):
            continue
        value = date(expr.year, expr.month or 1, expr.day or 1)
        best = value if best is None or value > best else best
    return best


def _each_year(month: int, day: int, floor: date) -> list[date]:
    """Month/day in every year from the floor's to this one, on or after the floor."""
    days = []
    for year in range(floor.year, date.today().year + 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue  # February 29 outside leap years
        if value >= floor:
            days.append(value)
    return days


def _lead_weekday(lead: str) -> int | None:
    """The weekday the lead reports something on; a plan ("will release the pilot on Friday")
    names a day still to come, not the day of the report."""
    for expr in find_date_expressions(lead):
        if expr.kind != "weekday" or expr.weekday is None or expr.rel is not None:
            continue
        clause = re.split(r"[,;.]", lead[: expr.start])[-1]
        if not PLAN_BEFORE.search(clause):
            return expr.weekday
    return None


def _from_dateline(
    dateline: str, lead: str, floor: date, windows: list[tuple[date, date]]
) -> PublicationGuess | None:
    match = DATELINE_DATE.search(dateline)
    if match is None:
        return None
    month = MONTHS[match.group("month").lower()[:3]]
    day = int(match.group("day"))
    if match.group("year"):
        value = date(int(match.group("year")), month, day)
        return PublicationGuess(value, "day", dateline, "full date in the dateline")
    days = [d for d in _each_year(month, day, floor) if d <= date.today()]
    weekday = _lead_weekday(lead)
    if weekday is None:
        fits = _best_fits(days, windows)
    else:
        # the lead's weekday is the dateline day, or (an evening event) the day before it.
        # Reading both at once was tried: it left 5 right years unfixed on the dev sets to
        # avoid 1 wrong one (a Tuesday statement in Beijing datelined Wednesday in Sydney).
        same_day = [d for d in days if d.weekday() == weekday]
        day_after = [d for d in days if (d - timedelta(days=1)).weekday() == weekday]
        fits = _best_fits(same_day, windows)
        if len(fits) != 1:
            fits = _best_fits(sorted(same_day + day_after), windows)
    if len(fits) == 1:
        return PublicationGuess(
            fits[0], "day", dateline, "dateline day; the year fits the offices named in the text"
        )
    return PublicationGuess(
        None, None, dateline, f"dateline day fits {len(fits)} years", candidates=fits
    )


def _from_lead(lead: str, floor: date, windows: list[tuple[date, date]]) -> PublicationGuess | None:
    for expr in find_date_expressions(lead):
        if expr.kind not in ("month_day", "day_month") or expr.weekday is None or not expr.day:
            continue
        if expr.year:
            continue  # a full date is not "today"'s date by itself
        days = [
            d
            for d in _each_year(expr.month or 1, expr.day, floor)
            if d.weekday() == expr.weekday and d <= date.today()
        ]
        fits = _best_fits(days, windows)
        if len(fits) == 1:
            return PublicationGuess(
                fits[0], "day", expr.text, "weekday with day and month in the lead sentence"
            )
        return PublicationGuess(
            None, None, expr.text, f"weekday and day fit {len(fits)} years", candidates=fits
        )
    return None


CHAIN_REACH = timedelta(days=14)  # how far past a dated anchor a chain of weekdays may run


def _from_chain(
    text: str, lead: str, floor: date, windows: list[tuple[date, date]]
) -> PublicationGuess | None:
    """ "Trump's Aug. 15 meeting ... Monday's follow-up summit" + calls "on Tuesday" in the
    lead: the year of Aug. 15 from the office terms, then the first Tuesday after it by which
    every weekday the story names has come round (Aug. 18, then Aug. 19, 2025)."""
    weekday = _lead_weekday(lead)
    exprs = find_date_expressions(text)
    anchors = [e for e in exprs if e.kind in ("month_day", "day_month") and e.day and not e.year]
    if weekday is None or not anchors:
        return None
    anchor = max(anchors, key=lambda e: (e.month or 0, e.day or 0))  # the story's latest date
    fits = _best_fits(_each_year(anchor.month or 1, anchor.day or 1, floor), windows)
    if len(fits) != 1:
        return None
    named = {e.weekday for e in exprs if e.kind == "weekday" and e.weekday is not None}
    if len(named) < 2:
        return None  # one weekday and one date are no chain ("protest on Saturday ... on Nov. 1")
    start = fits[0]
    for offset in range(1, CHAIN_REACH.days + 1):
        day = start + timedelta(days=offset)
        seen = {(start + timedelta(days=k)).weekday() for k in range(1, offset + 1)}
        if day.weekday() == weekday and named <= seen:
            evidence = f"{anchor.text} ... {', '.join(WEEKDAY_NAMES[w] for w in sorted(named))}"
            return PublicationGuess(
                day,
                "day",
                evidence,
                "first day after a dated event by which the weekdays named "
                "in the story have all come round; the year fits the offices named",
            )
    return None


STAMP_REACH = 400  # a page's own "Published ..." line sits above the story, not in lists
STAMP = re.compile(
    r"(?:\b(?P<word>Published|Posted|First published|Updated|Last updated)(?:\s+on)?:?\s+"
    # AP pages: "Updated 6:40 PM GMT+4, May 28, 2024"
    r"(?:[0-2]?\d[:.][0-5]\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}(?:[+-]\d{1,2})?)?,?\s+)?"
    # a wire dateline with the full date after it: "DUBAI (Reuters) - 10 March 2023"
    r"|\((?:Reuters|AP|AFP)\)\s*[-\u2013\u2014]\s*)"
    r"(?:\w+day,?\s+)?(?P<date>"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+[0-3]?\d,?\s+(?:19|20)\d{2}"
    r"|[0-3]?\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-[01]\d-[0-3]\d)\b"
)


def _from_stamp(head: str, lead: str) -> PublicationGuess | None:
    """ "Published June 19, 2024": the page states its own date above the story."""
    match = STAMP.search(head)
    if match is None:
        return None
    found = [e for e in find_date_expressions(match.group("date")) if e.year and e.day]
    if len(found) != 1 or not found[0].month:
        return None
    expr = found[0]
    try:
        value = date(expr.year, expr.month, expr.day)  # type: ignore[arg-type]
    except ValueError:
        return None
    if match.group("word") in UPDATE_WORDS and not _lead_agrees(value, lead):
        return None  # an update may come days later; only a lead naming that day confirms it
    return PublicationGuess(value, "day", match.group(0), "publication line at the top of the page")


UPDATE_WORDS = ("Updated", "Last updated")


def _lead_agrees(value: date, lead: str) -> bool:
    """Does the lead report its news on that day or the day before ("on Tuesday")?"""
    weekday = _lead_weekday(lead)
    return weekday is not None and weekday in (value.weekday(), (value.weekday() - 1) % 7)


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def infer_publication(
    clean: CleanArticle, mentions: list[Mention], kb: KnowledgeBase, lead: str
) -> PublicationGuess:
    """Entry point: the publication date the text fixes, or None with the reason."""
    # the first weekday of the story confirms an update line (the lead sentence may be the
    # headline or the stamp itself)
    stamp = _from_stamp(clean.article.text[:STAMP_REACH], clean.clean_text[:STAMP_REACH])
    if stamp is not None:
        return stamp  # a full date needs no office holder to fix its year
    windows = _office_windows(mentions, kb)
    if not windows:
        # without anyone named in office the year rests on a weekday alone: too weak
        return PublicationGuess(None, None, None, "no office holder named to fix the year")
    floor = _floor(clean.clean_text) or EARLIEST
    datelines = [r.text for r in clean.removed if r.reason == "dateline"]
    for guess in (
        _from_dateline(datelines[0], lead, floor, windows) if datelines else None,
        _from_lead(lead, floor, windows),
        _from_chain(clean.clean_text, lead, floor, windows),
    ):
        if guess is not None:
            return guess
    return PublicationGuess(None, None, None, "no dateline or dated lead sentence")
