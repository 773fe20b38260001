"""The extraction line: article -> clean text -> sentences -> frames -> dated, resolved events.

Why one function per stage and an explicit ``Resources`` object: the models and data files
load once and are handed to each stage, so there is no hidden global state and the same line
runs in a CLI, a test, a server or a Dask worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from diplograph.actors.kb import KnowledgeBase, load_kb
from diplograph.actors.mentions import find_mentions
from diplograph.actors.resolver import (
    DocContext,
    collective_offices,
    person_windows,
    resolve_mention,
    resolve_named_group,
    resolve_pronoun,
    resolve_typed_group,
)
from diplograph.clean import clean_article
from diplograph.dates import (
    DateExpr,
    ResolvedDate,
    find_clock_time,
    find_date_expressions,
    resolve,
)
from diplograph.events.coder import Frame, code_sentence
from diplograph.events.lexicon import PLOVER_SCORE_TABLE, Lexicon, load_lexicon, plover_score
from diplograph.model import (
    PRECISION_RANK,
    Actor,
    Article,
    ArticleResult,
    CleanArticle,
    Event,
    Evidence,
    Mention,
    Sentence,
)
from diplograph.nlp import Pipelines, load_pipelines, parse, split_sentences
from diplograph.pubdate import infer_publication
from diplograph.text import fold, tokens
from diplograph.topics import event_topics

CONTINUATION_WINDOW = 4  # sentences after a contact that may still describe it


@dataclass
class Resources:
    kb: KnowledgeBase
    lexicon: Lexicon
    pipelines: Pipelines


def load_resources() -> Resources:
    return Resources(kb=load_kb(), lexicon=load_lexicon(), pipelines=load_pipelines())


# ------------------------------------------------------------------ pre-pass
def is_candidate(sentence: Sentence, mentions: list[Mention], lexicon: Lexicon) -> bool:
    """Cheap test: a trigger-like word and an actor-like mention; only these get parsed."""
    if not mentions:
        return False
    words = [tok for tok, _, _ in tokens(fold(sentence.text))]
    return any(
        word.startswith(key) for word in words for key in lexicon.keywords if word[:3] == key[:3]
    )


def mentions_in(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.start >= sentence.start and m.end <= sentence.end]


# ------------------------------------------------------------------ dating
SINCE = re.compile(r"since\b", re.IGNORECASE)
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
SAME_DAY_REASON = "the same day as the event reported before"
DAY_AFTER_REASON = "the day after the event reported before"
TIME_OF_DAY_REASON = "a time of day, on the day named just before"
# "until Thursday", "until 5 a.m. on Thursday": the day a state of affairs ends, not its start
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|before|no later than|ahead of)\s+(?:the\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)?\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)


def _best_date(
    frame: Frame, published: date | None, windows: list[tuple[date, date | None]]
) -> ResolvedDate | None:
    best: ResolvedDate | None = None
    # "will travel on Monday", "said he would travel", "Biden travels on Thursday to Helsinki"
    future = frame.status == "planned" or (
        _present_tense(frame.trigger) and frame.status == "occurred"
    )
    following = [e for e in frame.dates if e.kind == "day_after"]
    same_day = [e for e in frame.dates if e.kind == "same_day"]
    time_of_day = [e for e in frame.dates if e.kind == "time_of_day"]
    for expr in frame.dates:
        if expr.kind in ("day_after", "same_day", "time_of_day"):
            continue
        before = frame.sentence.text[: max(0, expr.start - frame.sentence.start)]
        if not expr.when_clause and (
            DEADLINE_BEFORE.search(before) or SINCE.match(expr.text) or SINCE_BEFORE.search(before)
        ):
            # "must release the hostages by Saturday": a deadline; "the first visit since
            # 1997": where a span starts; neither is the day the event happened
            continue
        resolved = resolve(expr, published, future=future and not expr.statement, windows=windows)
        if best is None or PRECISION_RANK[resolved.precision] > PRECISION_RANK[best.precision]:
            best = resolved
    if same_day and (best is None or best.date is None):
        return ResolvedDate(None, None, None, same_day[0].text, SAME_DAY_REASON)
    if time_of_day and best is None and not following:
        return ResolvedDate(None, None, None, time_of_day[0].text, TIME_OF_DAY_REASON)
    if following:
        # "closed its airspace the following day": the day after the date the clause names,
        # or else the last day the sentence names before it ("On April 23, India suspended
        # the treaty, and Pakistan closed its airspace the following day")
        if best is None or best.date is None or best.precision != "day":
            best = _day_named_before(frame, following[0], published, windows)
        if best is None or best.date is None or best.precision != "day":
            return ResolvedDate(None, None, None, following[0].text, DAY_AFTER_REASON)
        return ResolvedDate(
            best.date + timedelta(days=1), "day", best.source, f"{best.text} + {following[0].text}"
        )
    return best


def _present_tense(trigger: object) -> bool:
    """The trigger, or the verb whose purpose it states ("travels on Friday to meet X"), is in
    the present tense: in news that is a schedule."""
    token = trigger
    for _ in range(2):
        if getattr(token, "tag_", "") in ("VBZ", "VBP"):
            return True
        is_purpose = getattr(token, "dep_", "") in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        if not is_purpose:
            return False
        token = token.head
    return False


def _day_named_before(
    frame: Frame, expr: DateExpr, published: date | None, windows: list[tuple[date, date | None]]
) -> ResolvedDate | None:
    offset = expr.start - frame.sentence.start
    earlier = [
        e
        for e in find_date_expressions(frame.sentence.text[:offset])
        if e.kind in DAY_KINDS and not e.year
    ]
    return resolve(earlier[-1], published, windows=windows) if earlier else None


BACKGROUND = timedelta(days=31)
PRECISION_SPAN = {
    "day": timedelta(days=1),
    "month": timedelta(days=31),
    "year": timedelta(days=366),
}


def _historical(event: Event, published: date | None) -> bool:
    """ "In 2014 Russia annexed Crimea": background, over a month before the article; the
    event keeps its own date and is flagged, never moved to the publication date."""
    if published is None or event.date is None:
        return False
    span = PRECISION_SPAN.get(event.date_precision or "day", timedelta(days=1))
    return event.date + span < published - BACKGROUND


def _apply_date(event: Event, dated: ResolvedDate | None) -> None:
    if dated is not None:
        event.set_date(dated.date, dated.precision, dated.text, dated.source, dated.reason)


def _evidence(frame: Frame) -> Evidence:
    sentence = frame.sentence
    return Evidence(sentence.index, sentence.start, sentence.end, sentence.text)


def _frame_windows(frame: Frame, ctx: DocContext) -> list[tuple[date, date | None]]:
    windows: list[tuple[date, date | None]] = []
    for mention in frame.mentions():
        windows.extend(person_windows(mention, ctx.kb))
    return windows


# ------------------------------------------------------------------ actors
APPOSITION = re.compile(r"^\s*,\s*$")


def _resolve_frame_actors(frame: Frame, day: date | None, ctx: DocContext) -> list[Actor]:
    actors: list[Actor] = []
    # roles need the others first, and counterparts ("his US counterpart") need the roles
    ordered = sorted(frame.mentions(), key=lambda m: (m.kind == "role") + m.counterpart)
    named_after = {  # "his Polish counterpart, Andrzej Duda,": the name says who the role is
        id(role)
        for role in ordered
        for person in ordered
        if role.kind == "role"
        and person.kind == "person"
        and APPOSITION.match(ctx.text[role.end : person.start])
    }
    for mention in ordered:
        if id(mention) in named_after:
            continue
        role = "participant"
        if not frame.symmetric:
            role = "source" if any(mention is m for m in frame.sources) else "target"
        if mention.kind == "pronoun":
            bounds = (frame.sentence.start, frame.previous_start)
            resolved = resolve_pronoun(mention, day, ctx, actors, frame.mentions(), bounds)
        else:
            resolved = resolve_mention(mention, day, ctx, actors)
        for actor in resolved:
            if actor.id is None and actor.country is None and not _sector_actor(mention, frame):
                continue  # "counterparts" with no country says nothing checkable
            actor.role = role
            if all(actor.key() != other.key() for other in actors):
                actors.append(actor)
    actors.sort(key=lambda a: a.start or 0)
    return actors


def _has_doer(frame: Frame, actors: list[Actor]) -> bool:
    """A source, or an attack that names no doer but whom it hit ("a bomb killed ...")."""
    if any(a.role == "source" for a in actors):
        return True
    return frame.implied_source and any(a.role == "target" for a in actors)


def _sector_actor(mention: Mention, frame: Frame) -> bool:
    """ "Militants tried to kill the prime minister": who acted is known by kind (REB), not by
    country; an act keeps such a party with its words and sector, a contact does not."""
    return not frame.symmetric and mention.kind == "institution" and mention.sector is not None


def _refine_visit(event: Event, frame: Frame) -> None:
    """A meeting held in one participant's country is the other participant's visit there."""
    if event.type != "CONSULT" or event.mode not in (None, "meeting") or not frame.places:
        return
    place = frame.places[0].country
    hosts = [a for a in event.actors if a.country == place]
    guests = [a for a in event.actors if a.country and a.country != place]
    if hosts and guests:
        event.mode, event.cameo, event.symmetric = "visit", "042", False
        for actor in guests:
            actor.role = "source"
        for actor in hosts:
            actor.role = "target"
    elif not hosts and guests:
        event.cameo = "044"


# ------------------------------------------------------------------ events
def _frame_event(frame: Frame, published: date | None, ctx: DocContext) -> Event | None:
    windows = _frame_windows(frame, ctx)
    dated = _best_date(frame, published, windows)
    role_day = dated.date if dated else None  # offices are looked up on the event's own date
    actors = _resolve_frame_actors(frame, role_day or published, ctx)
    if role_day is None and published is not None:
        for actor in actors:
            if actor.resolved_by == "role+date":
                actor.resolved_by = "role+publication"
    if frame.type == "CONSULT":
        actors = _people_over_their_country(actors)
    if frame.type == "CONSULT" and len(actors) < 2:
        return None  # a contact needs two parties (a visit: a visitor and a host or country)
    if frame.type != "CONSULT" and not _has_doer(frame, actors):
        return None  # who acted is unknown: an event without its actor is not coded
    cameo = frame.cameo
    if frame.type == "CONSULT" and frame.mode == "phone":
        cameo = "041"
    event = Event(
        type=frame.type,
        mode=frame.mode,
        cameo=cameo,
        status=frame.status,
        actors=actors,
        evidence=[_evidence(frame)],
        trigger=frame.trigger.text,
        symmetric=frame.symmetric,
    )
    _apply_date(event, dated)
    _refine_visit(event, frame)
    event.backgrounded = frame.backgrounded
    event.sources = [frame]
    event.reported_by = _reporter(frame, role_day or published, ctx)
    return event


def _people_over_their_country(actors: list[Actor]) -> list[Actor]:
    """ "Abinader urged the United States ... during a meeting with Biden": a contact with a
    named person of a country has that person as the party, not the country as well."""
    represented = {a.country for a in actors if a.country and a.id and a.id != a.country}
    return [a for a in actors if not (a.id and a.id == a.country and a.country in represented)]


REPORTER_KINDS = ("person", "role", "institution", "country", "org", "unknown_person")


def _reporter(frame: Frame, day: date | None, ctx: DocContext) -> Actor | None:
    """ "..., the State Department said": the actor the statement comes from, if named."""
    if frame.reporter is None:
        return None
    start, end = (frame.sentence.start + offset for offset in frame.reporter)
    named = [m for m in ctx.mentions if start <= m.start < end and m.kind in REPORTER_KINDS]
    for mention in named:
        resolved = resolve_mention(mention, day, ctx, [])
        if resolved:
            actor = resolved[0]
            actor.role = "reporter"
            return actor
    return None


def _in_sentence_group(frame: Frame, ctx: DocContext, day: date | None, reach: int) -> list[Actor]:
    collective = next(m for m in frame.mentions() if m.kind == "collective")
    return resolve_named_group(collective, ctx, day, reach)


def _antecedent(events: list[Event], frame: Frame) -> Event | None:
    """The contact a collective ("the two", "the pair") or a party-less "discussed" refers to.

    Collectives name the participants of the latest contact reported in a main clause, however
    far back; a sentence with no parties at all only continues a contact reported just before.
    """
    words = " ".join(m.text.lower() for m in frame.mentions())
    wants_two = any(w in words for w in ("two", "pair", "both"))
    wanted_offices = collective_offices(words)
    # people before states in one sentence: "Sullivan met Gantz to continue the consultations
    # between the United States and Israel. They exchanged views ...": the two men
    people_sentences = {
        e.evidence[0].sentence
        for e in events
        if e.evidence and any(a.id and a.id != a.country for a in e.actors)
    }
    for event in reversed(events):
        if (
            event.evidence
            and event.evidence[0].sentence in people_sentences
            and not any(a.id and a.id != a.country for a in event.actors)
        ):
            continue
        if event.type != "CONSULT" or event.backgrounded or event.status != "occurred":
            continue
        if wants_two and len(event.actors) != 2:
            continue
        if wanted_offices and any(
            a.office and a.office not in wanted_offices for a in event.actors
        ):
            continue  # "the two leaders" are not the two foreign ministers of the last call
        if (
            frame.continuation
            and frame.sentence.index - event.evidence[-1].sentence > CONTINUATION_WINDOW
        ):
            return None
        return event
    return None


PENDING_REASONS = (SAME_DAY_REASON, DAY_AFTER_REASON, TIME_OF_DAY_REASON)


def _compatible_dates(a: Event, b: Event, published: date | None = None) -> bool:
    if a.date is None and b.date is None:
        return True
    if a.date is None or b.date is None:
        # "Macron then spoke with Biden in the evening" is dated from its context later; until
        # then it is not the "last call on Tuesday" of the same pair. Nor is an undated report
        # ("Erdogan held talks with Mitsotakis") the pair's meeting "in September" months ago.
        # "The two leaders last met ..." is another contact than the day's.
        undated, dated = (a, b) if a.date is None else (b, a)
        return (
            undated.date_reason not in PENDING_REASONS
            and not _earlier_one(undated)
            and not _background_to(dated, published)
        )
    precision = min(PRECISION_RANK[a.date_precision], PRECISION_RANK[b.date_precision])
    if precision >= 3:
        return a.date == b.date
    if precision == 2:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date.year == b.date.year


RECENT = timedelta(days=7)


def _background_to(event: Event, published: date | None) -> bool:
    """Dated over a week before the article: background, not the contact the article reports."""
    if published is None or event.date is None:
        return False
    span = PRECISION_SPAN.get(event.date_precision or "day", timedelta(days=1))
    return event.date + span < published - RECENT


def _same_contact(a: Event, b: Event, published: date | None = None) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if a.mode and b.mode and a.mode != b.mode and {a.mode, b.mode} != {"meeting", "visit"}:
        return False
    return a.participant_keys() == b.participant_keys() and _compatible_dates(a, b, published)


def _merge_into(target: Event, other: Event) -> None:
    """Combine two reports of one contact in the same article; keep every piece of evidence."""
    target.absorb(other)
    if target.mode in (None, "meeting") and other.mode in ("phone", "visit"):
        target.mode, target.cameo = other.mode, other.cameo
        if other.mode == "visit":
            target.actors, target.symmetric = other.actors, other.symmetric
    elif target.mode is None and other.mode:
        target.mode = other.mode
    for actor in target.actors:
        twin = next((o for o in other.actors if o.key() == actor.key()), None)
        if twin and actor.resolved_by == "coreference" and twin.resolved_by != "coreference":
            actor.text = twin.text


def _modes_from_title(events: list[Event], title: str | None, lexicon: Lexicon) -> None:
    """A headline such as "Readout of the President's Call with X" fixes that contact's mode."""
    if not title:
        return
    folded = f" {' '.join(tok for tok, _, _ in tokens(fold(title)))} "
    if not any(f" {cue} " in folded for cue in lexicon.mode_cues["phone"]):
        return
    for event in events:
        if event.type != "CONSULT" or event.mode is not None or event.status != "occurred":
            continue
        named = [a for a in event.actors if a.name and f" {fold(a.name).split()[-1]} " in folded]
        if len(named) >= 1 and len(event.actors) == 2:
            event.mode, event.cameo = "phone", "041"


def _absorb_country_visits(events: list[Event]) -> list[Event]:
    """ "X arrived in Kyiv for talks with Y": the visit to Ukraine is the meeting with Y."""
    kept: list[Event] = []
    for event in events:
        host = _country_only_target(event)
        twin = None
        if host is not None:
            visitor_keys = {a.key() for a in event.actors if a.country != host}
            twin = next(
                (
                    other
                    for other in events
                    if other is not event
                    and other.type == "CONSULT"
                    and other.status == event.status
                    and visitor_keys <= other.participant_keys()
                    and any(
                        a.id and a.country == host and a.key() not in visitor_keys
                        for a in other.actors
                    )
                    and _compatible_dates(event, other)
                ),
                None,
            )
        if twin is None:
            kept.append(event)
            continue
        for actor in twin.actors:
            actor.role = "target" if actor.country == host else "source"
        twin.mode, twin.cameo, twin.symmetric = "visit", "042", False
        twin.absorb(event)
    return kept


def _country_only_target(event: Event) -> str | None:
    if event.type != "CONSULT" or event.mode != "visit":
        return None
    targets = [a for a in event.actors if a.role == "target"]
    if len(targets) == 1 and targets[0].id == targets[0].country and targets[0].country:
        return targets[0].country
    return None


def merge_events(events: list[Event], published: date | None = None) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same_contact(m, event, published)), None)
        if twin is None:
            merged.append(event)
        else:
            _merge_into(twin, event)
    return merged


SAME_DAY = re.compile(
    r"\b(?:later|earlier) (?:in|on) the day\b|\b(?:later|earlier) that day\b|\bthe same day\b",
    re.IGNORECASE,
)
OTHER_TIME = re.compile(
    r"\b(?:days?|weeks?|months?|years?) (?:after|before|earlier|later|ago|prior)\b"
    r"|\b(?:last|previous|past|next|coming) (?:week|month|year|weekend)\b"
    r"|\b(?:earlier|later) this (?:week|month|year)\b|\brecently\b|\bpreviously\b"
    r"|\bin the past\b|\bearlier\b|\bformer\b|\bhistoric",
    re.IGNORECASE,
)


def _undatable(event: Event, spans_count: bool = True) -> bool:
    """The sentence speaks of another time we cannot resolve: no fallback date may be used.
    With ``spans_count`` false, "the first since 2016" (where a span starts) does not count:
    it says nothing against taking the day of a dated act just reported."""
    text = event.evidence[0].text
    found = find_date_expressions(text)
    if SAME_DAY.search(text) or any(e.kind == "same_day" for e in found):
        return False
    own_times = [
        e
        for e in found
        if e.kind != "time_of_day"
        and (spans_count or not (SINCE.match(e.text) or SINCE_BEFORE.search(text[: e.start])))
    ]
    return bool(OTHER_TIME.search(text) or own_times)


DAY_KINDS = ("weekday", "relative_day", "month_day", "day_month", "iso")
OWN_TIME_KINDS = (*DAY_KINDS, "month_year", "month_only", "year")
DATED_FROM_TEXT = ("explicit", "relative")
CONTACT_REACH = 4  # sentences after a dated contact that may still describe it


def _dated_before(event: Event, events: list[Event], reach: int) -> list[Event]:
    """Events reported before ``event`` (in its sentence or up to ``reach`` sentences back)
    that have a day from the text: what its own date may be taken from."""
    if not event.evidence:
        return []
    here = event.evidence[0]
    return [
        e
        for e in events
        if e is not event
        and e.evidence
        and e.date_precision == "day"
        and e.date_source in DATED_FROM_TEXT
        and e.evidence[0].start <= here.start
        and 0 <= here.sentence - e.evidence[0].sentence <= reach
    ]


def _latest(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.evidence[0].start) if events else None


def _day_before(event: Event, events: list[Event], same_sentence: bool) -> Event | None:
    """ "Later in the day, Sikorski was received by Zelensky": the latest event reported before
    it (in its own sentence, or a few sentences back) that has a day from the text."""
    return _latest(_dated_before(event, events, 0 if same_sentence else CONTACT_REACH))


def _trigger_after(event: Event, words: str) -> bool:
    """Does the event's trigger follow ``words`` (a regex) in its sentence?"""
    if not event.trigger or not event.evidence:
        return False
    pattern = rf"\b{words}{re.escape(event.trigger)}\b"
    return bool(re.search(pattern, event.evidence[0].text, re.IGNORECASE))


def _earlier_one(event: Event) -> bool:
    """ "the recent trilateral summit", "their previous call": not the day's contact."""
    return _trigger_after(
        event, r"(?:recent|previous|earlier|last|past|former)\s+(?:[\w-]+\s+){0,2}"
    )


def _perfect(event: Event) -> bool:
    """ "Trump has repeatedly threatened military action": a state over time, not that day."""
    return _trigger_after(event, r"(?:has|have|had)\s+(?:\w+ly\s+|been\s+)?")


def _another_time(event: Event, contact: Event, sentences: list[Sentence]) -> bool:
    """ "He arrived on Tuesday. In July, a court ruled ..., a decision Beijing refused to
    recognise": a later sentence that names a time of its own is not set in the contact."""
    index = event.evidence[0].sentence if event.evidence else None
    if index is None or index >= len(sentences) or not contact.evidence:
        return False
    if contact.evidence[0].sentence == index:
        return False
    return any(e.kind in OWN_TIME_KINDS for e in find_date_expressions(sentences[index].text))


def _during_contact(event: Event, events: list[Event]) -> Event | None:
    """ "Yesterday, Trump met King Abdullah. The King congratulated him on ...": what the
    participants of a dated meeting or call said or did to each other, reported right after
    it, happened during it. Only when every actor of the event took part in that contact."""
    if event.status != "occurred" or event.backgrounded or not event.evidence:
        return None
    keys = event.participant_keys()
    countries = {a.country for a in event.actors}
    if not keys or None in countries or _perfect(event):
        return None
    contacts = [
        contact
        for contact in _dated_before(event, events, CONTACT_REACH)
        if contact.type == "CONSULT"
        and contact.status == "occurred"
        and (keys <= contact.participant_keys() or countries <= {a.country for a in contact.actors})
    ]
    return _latest(contacts)


def _day_named_just_before(
    event: Event, sentences: list[Sentence], published: date | None
) -> date | None:
    """ "Macron spent much of Sunday on the phone. He spoke with Biden in the evening": the one
    day named earlier in the event's sentence or in the sentence before it, if only one is."""
    if not event.evidence or not event.date_text:
        return None
    here = event.evidence[0]
    text = here.text
    cut = text.find(event.date_text)
    candidates = [text[: max(cut, 0)]]
    if here.sentence > 0:
        candidates.append(sentences[here.sentence - 1].text)
    for chunk in candidates:
        days = {
            resolved.date
            for expr in find_date_expressions(chunk)
            if expr.kind in DAY_KINDS
            and not DEADLINE_BEFORE.search(chunk[: expr.start])
            and (resolved := resolve(expr, published)).precision == "day"
        }
        if days:
            return days.pop() if len(days) == 1 else None
    return None


ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def _dated_scene(event: Event, events: list[Event]) -> Event | None:
    """ "Erdogan and Mitsotakis signed a declaration on Thursday. Erdogan held talks with
    Mitsotakis ...": a contact with no date of its own, reported right after a dated act of
    the same parties, is part of that day; so is one that "also" adds to the contact reported
    in the sentence before ("On Thursday, Biden held talks with Boric. He also hosted ...")."""
    if not event.evidence or _perfect(event) or _earlier_one(event):
        return None
    here = event.evidence[0]
    keys = event.participant_keys()
    adds_to = bool(ALSO.search(here.text))

    def sets_the_scene(other: Event) -> bool:
        same_parties = len(keys) >= 2 and keys <= other.participant_keys()
        continues = (
            adds_to
            and other.type == "CONSULT"
            and here.sentence - other.evidence[0].sentence <= 1
            and bool(keys & other.participant_keys())
        )
        return same_parties or continues

    scenes = [
        other
        for other in _dated_before(event, events, CONTACT_REACH)
        if other.status == "occurred" and sets_the_scene(other)
    ]
    return _latest(scenes)


def _other_day_before(event: Event, sentences: list[Sentence]) -> bool:
    """ "They met on Saturday. ... also spoke directly": the sentence before names a day, so
    the story is not about the publication day and the fallback would guess."""
    index = event.evidence[0].sentence if event.evidence else 0
    if index == 0:
        return False
    return any(e.kind in DAY_KINDS for e in find_date_expressions(sentences[index - 1].text))


def _apply_date_fallbacks(
    events: list[Event], published: date | None, sentences: list[Sentence]
) -> None:
    """Dates for contacts whose own clause has none, each labelled with where it came from."""
    lead = next(
        (
            e
            for e in events
            if e.type == "CONSULT" and e.date_precision == "day" and e.status == "occurred"
        ),
        None,
    )
    for event in events:
        if event.date is not None or (event.date_reason and "weekday" in event.date_reason):
            continue
        if event.date_reason in (SAME_DAY_REASON, DAY_AFTER_REASON, TIME_OF_DAY_REASON):
            # "the following day" counts from the date its own sentence names
            following = event.date_reason == DAY_AFTER_REASON
            before = _day_before(event, events, same_sentence=following)
            day = before.date if before is not None else None
            if day is None and not following:
                day = _day_named_just_before(event, sentences, published)
            if (
                day is None
                and event.date_reason == SAME_DAY_REASON
                and lead is not None
                and lead.date_source in DATED_FROM_TEXT
                and lead.evidence[0].start < event.evidence[0].start
            ):
                day = lead.date  # "earlier in the day", far from any date: the story's day
            if day is not None:
                day += timedelta(days=1 if following else 0)
                event.set_date(day, "day", event.date_text, "relative", event.date_reason)
                continue
            if event.date_reason != TIME_OF_DAY_REASON:
                continue
            event.date_reason = None  # "in the evening" of no named day: the usual fallbacks
        contact = _during_contact(event, events)
        if (
            contact is not None
            and event.type != "CONSULT"
            and not _another_time(event, contact, sentences)
        ):
            event.set_date(
                contact.date,
                "day",
                contact.date_text,
                "inferred",
                "said or done between the participants of the contact reported just before",
            )
            continue
        if (
            event.type != "CONSULT"
            or event.status != "occurred"
            or _undatable(event, spans_count=False)
        ):
            event.date_reason = event.date_reason or "no date expression in the event's clause"
            continue
        setting = _dated_scene(event, events)
        if setting is not None:
            event.set_date(
                setting.date,
                "day",
                setting.date_text,
                "inferred",
                "the same parties' dated act, or the contact it adds to ('also'), just before",
            )
            continue
        if _undatable(event):
            event.date_reason = event.date_reason or "no date expression in the event's clause"
            continue
        shares_actor = (
            lead is not None
            and lead is not event
            and bool(lead.evidence and event.evidence)
            and lead.evidence[0].start < event.evidence[0].start  # the lead comes first
            and bool(event.participant_keys() & lead.participant_keys())
        )
        if shares_actor and lead.mode == event.mode:
            event.set_date(
                lead.date,
                "day",
                lead.date_text,
                "inferred",
                "same outreach as the article's lead contact",
            )
        elif (
            published is not None
            and not event.backgrounded
            and not _other_day_before(event, sentences)
            and not _earlier_one(event)
        ):
            reason = "no date in the text; a past-tense report of a recent contact"
            event.set_date(published, "day", None, "publication", reason)
        else:
            event.date_reason = event.date_reason or "no date expression in the event's clause"


def _finish(
    event: Event,
    sentences: list[Sentence],
    mentions: list[Mention],
    kb: KnowledgeBase,
    lexicon: Lexicon,
) -> None:
    scores = lexicon.scores(event.cameo)
    if scores:
        event.goldstein, event.quad_class = scores.goldstein, scores.quad_class
    event.plover_score = plover_score(lexicon, event.type, event.mode)
    event.plover_score_table = PLOVER_SCORE_TABLE if event.plover_score is not None else None
    used = {(a.start, a.end) for a in event.actors}
    own = {a.country for a in event.actors if a.country}
    texts = [sentences[e.sentence].text for e in event.evidence]
    in_evidence = [
        m
        for m in mentions
        if any(
            sentences[e.sentence].start <= m.start < sentences[e.sentence].end
            for e in event.evidence
        )
        and (m.start, m.end) not in used
    ]
    event.topics = event_topics(texts, in_evidence, own, kb)
    event.confidence = _confidence(event)


def _confidence(event: Event) -> float:
    """A first, uncalibrated score from resolution and dating quality (issue #4 calibrates it)."""
    score = 0.5
    resolved = [a for a in event.actors if a.id]
    score += (
        0.2 if len(resolved) == len(event.actors) else -0.1 * (len(event.actors) - len(resolved))
    )
    score += {"explicit": 0.1, "relative": 0.1, "inferred": 0.05, "publication": 0.0}.get(
        event.date_source or "", -0.05
    )
    score += 0.05 if event.mode else 0.0
    score += min(0.1, 0.03 * (len(event.evidence) - 1))
    return max(0.05, min(0.95, score))


def extract_clean(
    clean: CleanArticle, res: Resources, parsed: dict[int, object] | None = None
) -> ArticleResult:
    """Code one cleaned article; ``parsed`` maps sentence index -> spaCy Doc when batched."""
    article = clean.article
    if clean.language not in (None, "en") or not clean.clean_text:
        return ArticleResult(clean, [])
    if not clean.sentences:
        clean.sentences = split_sentences_for(clean, res)
    mentions = find_mentions(clean.clean_text, res.kb)
    if article.published is None and clean.sentences:
        _infer_publication(clean, mentions, res)
    ctx = DocContext.from_mentions(res.kb, mentions, clean.clean_text)
    ctx.headline_person = _headline_person(article.title, res)
    if parsed is None:
        parsed = parse_candidates(clean, mentions, res)
    raw_events: list[Event] = []
    for sentence in clean.sentences:
        doc = parsed.get(sentence.index)
        if doc is None:
            continue
        exprs: list[DateExpr] = [
            _shift(e, sentence.start) for e in find_date_expressions(sentence.text)
        ]
        for frame in code_sentence(
            doc, sentence, mentions_in(sentence, mentions), exprs, res.lexicon
        ):
            if sentence.index > 0:
                frame.previous_start = clean.sentences[sentence.index - 1].start
            event = _event_for_frame(frame, article.published, ctx, res, raw_events)
            if event is not None:
                raw_events.append(event)
    _modes_from_title(raw_events, article.title, res.lexicon)
    events = _absorb_country_visits(merge_events(raw_events, article.published))
    _apply_date_fallbacks(events, article.published, clean.sentences)
    _redate_actors(events, ctx)
    events = merge_events(events, article.published)
    for event in events:
        _finish(event, clean.sentences, mentions, res.kb, res.lexicon)
        event.historical = _historical(event, article.published)
        if event.date_precision == "day" and event.date_source in ("explicit", "relative"):
            event.time = find_clock_time(event.evidence[0].text) if event.evidence else None
    return ArticleResult(clean, events)


def _headline_person(title: str | None, res: Resources) -> str | None:
    """The first person a headline names unambiguously."""
    if not title:
        return None
    named = [
        m for m in find_mentions(title, res.kb) if m.kind == "person" and len(m.candidates) == 1
    ]
    return named[0].candidates[0] if named else None


def _infer_publication(clean: CleanArticle, mentions: list[Mention], res: Resources) -> None:
    """No publication date in the metadata: fix it from the text if only one date fits."""
    article = clean.article
    guess = infer_publication(clean, mentions, res.kb, clean.sentences[0].text)
    article.published_reason = guess.reason
    article.published_evidence = guess.evidence
    if guess.date is not None:
        article.published, article.published_source = guess.date, "inferred"


def _event_for_frame(
    frame: Frame, published: date | None, ctx: DocContext, res: Resources, so_far: list[Event]
) -> Event | None:
    if not (frame.continuation or frame.collective):
        return _frame_event(frame, published, ctx)
    if any(m.kind != "collective" for m in frame.mentions()):
        return None
    if frame.type != "CONSULT":
        return None  # only contacts are linked back to earlier contacts
    antecedent = _antecedent(so_far, frame)
    if frame.collective:
        group = _in_sentence_group(frame, ctx, published, frame.sentence.start)
        if not group:  # "the two ministers": the last two such office holders named
            collective = next(m for m in frame.mentions() if m.kind == "collective")
            group = resolve_typed_group(collective, ctx, published)
        if not group and frame.previous_start >= 0:
            group = _in_sentence_group(frame, ctx, published, frame.previous_start)
        if group:
            mock = Event(
                type="CONSULT",
                mode=frame.mode,
                cameo=frame.cameo,
                status=frame.status,
                actors=group,
                evidence=[_evidence(frame)],
                trigger=frame.trigger.text,
                symmetric=True,
            )
            _apply_date(mock, _best_date(frame, published, []))
            return mock
    if antecedent is None:
        return None
    if frame.continuation and frame.nominal and not frame.dates:
        return None  # "The call came after ...": nothing to add to the contact
    event = Event(
        type="CONSULT",
        mode=(frame.mode if not frame.nominal else None) or antecedent.mode,  # "spoken by phone"
        cameo=antecedent.cameo,
        status=frame.status if frame.collective else antecedent.status,
        actors=[Actor(**{**a.__dict__, "resolved_by": "coreference"}) for a in antecedent.actors],
        evidence=[_evidence(frame)],
        trigger=frame.trigger.text,
        symmetric=antecedent.symmetric,
    )
    event.take_date(antecedent)
    dated = _best_date(frame, published, [])
    if dated is not None and dated.date is not None:  # keep the antecedent's date otherwise
        _apply_date(event, dated)
    return event


def _redate_actors(events: list[Event], ctx: DocContext) -> None:
    """Resolve actors again for events whose date came from a fallback (roles depend on it)."""
    for event in events:
        if event.date_source not in ("inferred", "publication") or not event.sources:
            continue
        frame = event.sources[0]
        if frame.continuation or frame.collective:
            continue
        actors = _resolve_frame_actors(frame, event.date, ctx)
        if len(actors) >= len(event.actors):
            roles = {a.key(): a.role for a in event.actors}
            for actor in actors:
                actor.role = roles.get(actor.key(), actor.role)
            event.actors = actors


def _shift(expr: DateExpr, offset: int) -> DateExpr:
    expr.start += offset
    expr.end += offset
    return expr


def split_sentences_for(clean: CleanArticle, res: Resources) -> list[Sentence]:
    return split_sentences(clean.clean_text, res.pipelines.splitter)


def parse_candidates(
    clean: CleanArticle, mentions: list[Mention], res: Resources
) -> dict[int, object]:
    chosen = [s for s in clean.sentences if is_candidate(s, mentions_in(s, mentions), res.lexicon)]
    docs = parse([s.text for s in chosen], res.pipelines.parser)
    return {s.index: doc for s, doc in zip(chosen, docs, strict=True)}


def extract_articles(
    articles: Iterable[Article], res: Resources | None = None
) -> Iterator[ArticleResult]:
    """Entry point: clean and code a stream of articles, parsing candidate sentences in batches."""
    res = res or load_resources()
    for article in articles:
        clean = clean_article(article)
        yield extract_clean(clean, res)
