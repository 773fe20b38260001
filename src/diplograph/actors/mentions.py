"""Find actor mentions in clean text with the KB gazetteer, then compose them.

Why a token trie over folded text and not spaCy's NER: it is cheap enough to run on every
sentence in the pre-pass that decides what to parse, it folds diacritics, and it knows the
KB's ids. Composition then turns "Turkey" + "'s" + "top diplomat" into one role mention and
"Turkish Foreign Minister" + "Mevlut Çavuşoğlu" into one titled person mention.
"""

from __future__ import annotations

import re

from diplograph.actors.kb import Entry, KnowledgeBase, token_key
from diplograph.model import Mention
from diplograph.text import fold, tokens

ROLE_KINDS = {"role", "spokesperson"}
COUNTRY_GAP = re.compile(
    r"^\s*(?:['’]s|s['’])?\s*(?:(?:new|newly elected|newly appointed|incoming|acting|interim"
    r"|current|caretaker|outgoing|embattled|veteran|long-serving|de facto"
    # political colour: "Brazil's leftist leader", "Venezuela's socialist leader"
    r"|leftist|left-wing|rightist|right-wing|far-right|far-left|socialist|conservative"
    r"|populist|nationalist|centrist|liberal|reformist|hardline|hard-line|military"
    r"|religious|spiritual|ailing|elderly"
    # "Kenya's first-ever national security adviser", "Colombia's first leftist head of state"
    r"|first|first-ever|female|woman|civilian)\s+){0,3}$",
    re.IGNORECASE,
)
# "former foreign minister": the text says the person no longer holds the office on that date
ELECT_AFTER = re.compile(r"^\s*-?\s*(?:elect|designate)\b", re.IGNORECASE)
FORMER_BEFORE = re.compile(r"\b(?:former|ex-|then-|erstwhile|late)\s*$", re.IGNORECASE)
COORD_GAP = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")
# "U.S. and European counterparts": a regional adjective joins the role but names no state.
REGION_GAP = re.compile(r"^\s+and\s+(?:other\s+)?[A-Z][a-z]+\s+$")
# "pro-Turkish rebels", "Turkish-backed allies", "anti-Russian": the country is not the actor.
MODIFIER_BEFORE = re.compile(r"(?:\bpro|\banti|\bnon)-$", re.IGNORECASE)
MODIFIER_AFTER = re.compile(
    r"^-(?:backed|led|allied|aligned|supported|funded|brokered|based|born|made|owned|controlled|held)\b",
    re.IGNORECASE,
)
PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|from|near|outside|across|into|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE
)
TITLE_PAREN_GAP = re.compile(r"^\s*\(\s*$")
DETERMINER_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|the|a|an)\s+)$", re.IGNORECASE)
OF_COUNTRY = re.compile(r"^\s+of\s+(?:the\s+)?$")
NAME_AFTER_TITLE = re.compile(
    r"^\s+([A-Z][\w'’-]+?(?:\s+(?:(?:bin|bint|ibn|van|von|de|da|del|der|le|la|al)\s+)?"
    r"(?:[A-Z][\w'’.-]+?|al-[A-Z][\w-]+)){0,3})(?:['’]s\b|(?!\w))"
)
NOT_NAMES = {
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "And",
    "But",
    "Said",
    "Says",
    "Who",
    "Has",
    "Had",
    "Was",
    "Is",
    "Will",
}


# lower-case articles that open names written "al-Qaeda", "el-Sisi", "ad-Din"
NAME_ARTICLES = {"al", "el", "ad", "ed", "as", "es", "an", "ar", "ash", "at", "az", "ul"}


def _case_ok(original: str, entry: Entry) -> bool:
    if entry.case_sensitive:
        letters = [c for c in original if c.isalpha()]
        return all(c.isupper() for c in letters)
    if entry.needs_capital:  # "al-Qaeda": a name whose article is written in lower case
        return original[:1].isupper() or _capital_after_article(original)
    return True


def _capital_after_article(original: str) -> bool:
    head, _, rest = original.partition("-")
    return head.lower() in NAME_ARTICLES and rest[:1].isupper()


CAPITALISED_WORD_BEFORE = re.compile(r"(?:^|[^.!?:;\n\"“(]\s)([A-Z][\w'’-]*)\s$")
CAPITALISED_WORD_AFTER = re.compile(r"^\s(?!(?:And|Or|On|In|At)\b)[A-Z][a-z]")
NOT_NAME_PARTS = {"The", "Neighbouring", "Neighboring", "Both", "And", "With", "Of"}


def _guard_ok(text: str, start: int, end: int, entry: Entry) -> bool:
    """Context checks for phrases that are only sometimes actors (see ``Entry.guard``)."""
    if entry.guard == "handle":
        return start > 0 and text[start - 1] == "@"
    if entry.guard == "name_context":
        before = CAPITALISED_WORD_BEFORE.search(text[max(0, start - 30) : start])
        if before and before.group(1) not in NOT_NAME_PARTS:
            return False
        return not CAPITALISED_WORD_AFTER.match(text[end : end + 3])
    return True


def scan(text: str, kb: KnowledgeBase) -> list[tuple[int, int, list[Entry]]]:
    """Longest-match gazetteer scan; returns (start, end, entries) spans in text order."""
    toks = tokens(fold(text))
    spans: list[tuple[int, int, list[Entry]]] = []
    i = 0
    while i < len(toks):
        for n in range(min(kb.max_phrase_len, len(toks) - i), 0, -1):
            entries = kb.phrases.get(tuple(t[0] for t in toks[i : i + n]))
            if not entries:
                continue
            start, end = toks[i][1], toks[i + n - 1][2]
            if end < len(text) and text[end] == "." and text[start:end].count(".") >= 1:
                end += 1  # keep the closing dot of abbreviations such as "U.S."
            valid = [
                e
                for e in entries
                if _case_ok(text[start:end], e) and _guard_ok(text, start, end, e)
            ]
            if valid:
                if any(e.kind != "region" for e in valid):  # a region only hides its words
                    spans.append((start, end, [e for e in valid if e.kind != "region"]))
                i += n
                break
        else:
            i += 1
    return spans


def _to_mention(text: str, start: int, end: int, entries: list[Entry]) -> Mention:
    kinds = {e.kind for e in entries}
    # A phrase that is both a person name and something else is read as the person only
    # when nothing else claims it; countries and organisations win otherwise.
    for kind in (
        "country",
        "org",
        "institution",
        "role",
        "spokesperson",
        "person",
        "collective",
        "pronoun",
        "honorific",
    ):
        if kind in kinds:
            chosen = [e for e in entries if e.kind == kind]
            break
    first = chosen[0]
    mention = Mention(kind=first.kind, text=text[start:end], start=start, end=end, via=first.via)
    if first.kind == "person":
        mention.candidates = sorted({e.target for e in chosen})
    elif first.kind in ("country", "org"):
        mention.country = first.target
        mention.candidates = [first.target]
    elif first.kind in ("role", "institution", "spokesperson"):
        mention.office = first.target
        mention.country = first.country
        mention.sector = first.sector
        mention.counterpart = first.target == "counterpart"
        mention.plural = mention.text.lower().endswith("s") and not mention.text.lower().endswith(
            "ss"
        )
    return mention


POSSESSIVE_GAP = re.compile(r"^\s*['’]s\s+$")


def _possessor_polity(kb: KnowledgeBase, mention: Mention) -> str | None:
    """ "Petro's foreign minister": the one state whose offices the named person held."""
    if mention.kind != "person" or len(mention.candidates) != 1:
        return None
    polities = {s.polity for s in kb.spells_for(mention.candidates[0]) if s.polity in kb.countries}
    return polities.pop() if len(polities) == 1 else None


def _absorb_countries(text: str, mentions: list[Mention], index: int, kb: KnowledgeBase) -> int:
    """Attach the countries written before a role ("Turkish and U.S. foreign ministers")."""
    role = mentions[index]
    countries: list[str] = []
    first = index
    cursor = index - 1
    gap_pattern = COUNTRY_GAP
    if cursor >= 0 and POSSESSIVE_GAP.match(text[mentions[cursor].end : role.start]):
        polity = _possessor_polity(kb, mentions[cursor])
        if polity is not None and role.kind in ROLE_KINDS:
            role.country, role.countries = polity, [polity]
            return index  # the person stays a mention of its own
    while cursor >= 0:
        previous = mentions[cursor]
        gap = text[previous.end : mentions[first].start]
        if not countries and previous.kind == "country" and REGION_GAP.match(gap):
            gap = ""
        if previous.kind in ("country", "org") and gap_pattern.match(gap):
            countries.insert(0, previous.country or "")
            first = cursor
            cursor -= 1
            gap_pattern = COORD_GAP
            if not role.plural:
                break  # "King Felipe VI of Spain and Portugal's president": one president
            continue
        break
    if not countries:
        return index
    role.countries = countries
    role.country = countries[0] if len(countries) == 1 else None
    role.start = mentions[first].start
    role.text = text[role.start : role.end]
    _whole_phrase_title(role, kb)
    del mentions[first:index]
    return first


def _whole_phrase_title(role: Mention, kb: KnowledgeBase) -> None:
    """ "The Kremlin chief" read as "The Kremlin" + "chief" is the title "Kremlin chief"."""
    words = role.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for entry in kb.phrases.get(tuple(token_key(" ".join(words))), []):
        if entry.kind == "role" and entry.country and entry.country == role.country:
            role.office = entry.target
            return


COUNTRY_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")


def _absorb_of_country(text: str, mentions: list[Mention], index: int) -> None:
    """ "foreign minister of Jordan"; "the leaders of India and Japan": one country per name."""
    role = mentions[index]
    if index + 1 >= len(mentions) or role.country or role.countries:
        return
    following = mentions[index + 1]
    if following.kind not in ("country", "org") or not OF_COUNTRY.match(
        text[role.end : following.start]
    ):
        return  # "foreign minister of Jordan", "the leader of the Houthi movement"
    countries = [following.country or ""]
    last = index + 1
    while role.plural and last + 1 < len(mentions):
        nxt = mentions[last + 1]
        if nxt.kind != "country" or not COUNTRY_LIST_GAP.match(
            text[mentions[last].end : nxt.start]
        ):
            break
        countries.append(nxt.country or "")
        last += 1
    role.countries = countries
    role.country = countries[0] if len(countries) == 1 else None
    role.end = mentions[last].end
    del mentions[index + 1 : last + 1]


TOP_BEFORE = re.compile(r"\btop\s+$", re.IGNORECASE)
DIPLOMAT_AFTER = re.compile(r"^\s+diplomat\b", re.IGNORECASE)


def _top_country_diplomat(text: str, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """ "the top U.S. diplomat": a country's foreign minister written around the country."""
    for index, mention in enumerate(mentions):
        top = TOP_BEFORE.search(text[max(0, mention.start - 5) : mention.start])
        after = DIPLOMAT_AFTER.match(text[mention.end : mention.end + 12])
        if mention.kind != "country" or top is None or after is None:
            continue
        start, end = mention.start - len(top.group()), mention.end + after.end()
        mentions[index] = Mention(
            kind="role",
            text=text[start:end],
            start=start,
            end=end,
            country=mention.country,
            countries=[mention.country or ""],
            office="foreign_minister",
            sector=kb.office_sectors.get("foreign_minister"),
            via="title",
        )


def _collective_as_role(text: str, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """ "the prime ministers of Poland, the Czech Republic and Slovenia" names its members: a
    plural role, not a reference back to people named before."""
    for index, mention in enumerate(mentions):
        if mention.kind != "collective" or index + 1 >= len(mentions):
            continue
        following = mentions[index + 1]
        if following.kind != "country" or not OF_COUNTRY.match(text[mention.end : following.start]):
            continue
        words = fold(mention.text).split()
        noun = tuple(w for w in words if w not in ("the", "both", "two", "three", "four"))
        roles = [e for e in kb.phrases.get(noun, []) if e.kind == "role"]
        if roles:
            mention.kind, mention.office, mention.sector = "role", roles[0].target, roles[0].sector
            mention.plural, mention.via = True, "title"


def _include_determiner(text: str, mention: Mention) -> None:
    match = DETERMINER_BEFORE.search(text[max(0, mention.start - 8) : mention.start])
    if match:
        mention.start -= len(match.group())


def _spokesperson_office(mention: Mention, previous: Mention | None, text: str) -> None:
    """ "State Department spokesman" takes the office of the institution named before it."""
    if (
        previous is None
        or previous.kind != "institution"
        or text[previous.end : mention.start].strip()
    ):
        return
    if previous.office == "foreign_ministry":
        mention.office = "foreign_ministry_spokesperson"
    mention.country = mention.country or previous.country
    mention.countries = mention.countries or previous.countries
    mention.start = previous.start
    mention.kind = "role"


def _attach_title(text: str, mentions: list[Mention], index: int) -> None:
    """A role written right before a name is that person's title, not a separate actor."""
    role = mentions[index]
    nxt = mentions[index + 1] if index + 1 < len(mentions) else None
    gap_end = nxt.start if nxt else len(text)
    gap = text[role.end : nxt.start] if nxt is not None else ""
    if (
        nxt is not None
        and nxt.kind == "person"
        and (gap.strip() in ("", "@") or TITLE_PAREN_GAP.match(gap))
    ):
        nxt.title_text = text[role.start : role.end]
        nxt.office = role.office
        nxt.country = role.country
        nxt.start = role.start
        nxt.text = text[nxt.start : nxt.end]
        del mentions[index]
        return
    match = NAME_AFTER_TITLE.match(text[role.end : gap_end + 40 if nxt is None else gap_end])
    if (
        match
        and match.group(1).split()[0] not in NOT_NAMES
        and not role.counterpart
        and not role.plural
    ):
        name = match.group(1).rstrip(".")
        end = role.end + match.start(1) + len(name)
        mentions[index] = Mention(
            kind="unknown_person",
            text=text[role.start : end],
            start=role.start,
            end=end,
            country=role.country,
            office=role.office,
            sector=role.sector,
            title_text=text[role.start : role.end],
            via="title",
        )


ARTICLE_BEFORE = re.compile(r"\b(?:al|el|as|es|ad|ed|an|ar|ash|at|az)-$", re.IGNORECASE)


def _include_name_article(text: str, mention: Mention) -> None:
    """ "Es-Sisi": the KB knows "Sisi"; the article written before it belongs to the name."""
    match = ARTICLE_BEFORE.search(text[max(0, mention.start - 4) : mention.start])
    if match:
        mention.start -= len(match.group())
        mention.text = text[mention.start : mention.end]


def _attach_honorific(text: str, mentions: list[Mention], index: int, kb: KnowledgeBase) -> None:
    """ "Sheikh Mohammed", "Mr. Es-Sisi": an honorific opens a name, known or not; alone it is
    no actor and is dropped, unless it is a style that takes up a sovereign named before ("His
    Majesty's leadership")."""
    honorific = mentions[index]
    if text[honorific.end : honorific.end + 1] == ".":
        honorific.end += 1  # "Mr." as one word
        honorific.text = text[honorific.start : honorific.end]
    nxt = mentions[index + 1] if index + 1 < len(mentions) else None
    if nxt is not None and nxt.kind in ROLE_KINDS and not text[honorific.end : nxt.start].strip():
        del mentions[index]  # "His Majesty King Charles": the title that follows does the work
        return
    if nxt is not None and nxt.kind == "person" and not text[honorific.end : nxt.start].strip():
        nxt.title_text = nxt.title_text or honorific.text
        nxt.start = honorific.start
        nxt.text = text[nxt.start : nxt.end]
        del mentions[index]
        return
    limit = nxt.start if nxt is not None else min(len(text), honorific.end + 60)
    match = NAME_AFTER_TITLE.match(text[honorific.end : limit])
    if match and match.group(1).split()[0] not in NOT_NAMES:
        name = match.group(1).rstrip(".")
        end = honorific.end + match.start(1) + len(name)
        mentions[index] = Mention(
            kind="unknown_person",
            text=text[honorific.start : end],
            start=honorific.start,
            end=end,
            title_text=honorific.text,
            via="honorific",
        )
        return
    style = honorific.text.lower().split()[-1]
    if style in kb.honorific_titles:
        mentions[index] = Mention(
            kind="role",
            text=honorific.text,
            start=honorific.start,
            end=honorific.end,
            office="titled",
            via="honorific",
        )
        return
    del mentions[index]


def _drop_absorbed_pronouns(mentions: list[Mention]) -> list[Mention]:
    """ "his" in "his US counterpart" is part of the role phrase, not a pronoun of its own."""
    others = [m for m in mentions if m.kind != "pronoun"]
    return [
        m
        for m in mentions
        if m.kind != "pronoun" or not any(o.start <= m.start < o.end for o in others)
    ]


def _absorb_trailing_country(text: str, mentions: list[Mention]) -> None:
    """ "President Joseph Aoun of Lebanon": the country belongs to the person, not the event."""
    index = 0
    while index + 1 < len(mentions):
        person, following = mentions[index], mentions[index + 1]
        if (
            person.kind in ("person", "unknown_person")
            and following.kind == "country"
            and OF_COUNTRY.match(text[person.end : following.start])
        ):
            if person.kind == "unknown_person" or person.country is None:
                person.country = following.country
            person.end = following.end
            person.text = text[person.start : person.end]
            del mentions[index + 1]
        index += 1


def _is_modifier(text: str, start: int, end: int) -> bool:
    return bool(
        MODIFIER_BEFORE.search(text[max(0, start - 5) : start])
        or MODIFIER_AFTER.match(text[end : end + 12])
    )


# a nickname in quotes between given name and surname: Benjamin "Benny" Gantz
NICKNAME = re.compile(r"(?<=[A-Za-z]) [\"“‘'][A-Z][\w.-]*[\"”’'](?= [A-Z])")


def _settle_shared_names(text: str, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """ "Congo's president" in a story that names Kinshasa or Tshisekedi: the one candidate
    the article names otherwise (shared_names.yaml); none or several leave it unread."""
    if not kb.shared_names:
        return
    named = {m.country for m in mentions if m.kind in ("country", "org") and m.country}
    for mention in mentions:
        if mention.kind == "person" and len(mention.candidates) == 1:
            named.update(s.polity for s in kb.spells_for(mention.candidates[0]))
    added: list[Mention] = []
    for name, codes in kb.shared_names.items():
        fits = [c for c in codes if c in named]
        if len(fits) != 1:
            continue
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            start, end = match.span()
            if any(m.start < end and start < m.end for m in mentions):
                continue
            added.append(
                Mention(
                    kind="country",
                    text=name,
                    start=start,
                    end=end,
                    candidates=[fits[0]],
                    country=fits[0],
                    via="context",
                )
            )
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: m.start)


def find_mentions(text: str, kb: KnowledgeBase) -> list[Mention]:
    """Entry point: every actor mention in ``text`` with offsets into it."""
    scanned = NICKNAME.sub(lambda m: " " * len(m.group()), text)  # offsets stay the same
    mentions = [
        _to_mention(text, start, end, entries)
        for start, end, entries in scan(scanned, kb)
        if not _is_modifier(text, start, end)
    ]
    _settle_shared_names(text, mentions, kb)
    _collective_as_role(text, mentions, kb)
    _top_country_diplomat(text, mentions, kb)
    for mention in mentions:
        if mention.kind == "person":
            _include_name_article(text, mention)
    index = 0
    while index < len(mentions):
        if mentions[index].kind == "honorific":
            before = len(mentions)
            _attach_honorific(text, mentions, index, kb)
            if len(mentions) < before:
                continue
        index += 1
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        if mention.kind in ROLE_KINDS or mention.kind == "institution":
            index = _absorb_countries(text, mentions, index, kb)
            mention = mentions[index]
            if mention.kind == "spokesperson":
                _spokesperson_office(mention, mentions[index - 1] if index else None, text)
                if mention.kind == "role" and index and mentions[index - 1].kind == "institution":
                    del mentions[index - 1]
                    index -= 1
            _absorb_of_country(text, mentions, index)
        index += 1
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        if mention.kind in ROLE_KINDS:
            _include_determiner(text, mention)
            mention.text = text[mention.start : mention.end]
            before = len(mentions)
            _attach_title(text, mentions, index)
            if len(mentions) < before:
                continue
        elif mention.kind == "institution":
            mention.text = text[mention.start : mention.end]
        index += 1
    mentions = _drop_absorbed_pronouns(mentions)
    for mention in mentions:
        if mention.kind == "role" and ELECT_AFTER.match(text[mention.end : mention.end + 12]):
            mention.office = None  # "president-elect": not yet the holder on that date
        if mention.kind == "role" and FORMER_BEFORE.search(
            text[max(0, mention.start - 12) : mention.start]
        ):
            mention.office = None  # a former holder: keep country, never resolve to the incumbent
            mention.sector = "ELI"
    _absorb_trailing_country(text, mentions)
    for mention in mentions:
        if mention.kind == "country" and PLACE_BEFORE.search(
            text[max(0, mention.start - 12) : mention.start]
        ):
            mention.is_place = True
    return mentions
