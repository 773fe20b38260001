"""Resolve actor mentions to entities, with office and country on the event date.

Why resolution waits for the date: "the Turkish foreign minister" was Çavuşoğlu in 2022 and
Fidan in 2024. The resolver asks the KB's dated office spells, prefers people the article names
elsewhere when the date is unknown, and leaves a mention unresolved (surface text, country and
sector, no id) rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from diplograph.actors.kb import KnowledgeBase, Spell
from diplograph.model import Actor, Mention
from diplograph.text import fold

FAR_PAST = date(1900, 1, 1)


@dataclass
class DocContext:
    """What the whole article tells the resolver: people it names unambiguously."""

    kb: KnowledgeBase
    named_people: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""
    countries_named: set[str] = field(default_factory=set)
    # the first person the headline names ("Readout of President Biden's Call with ..."): whose
    # readout it is, and so who "The President" of its body is
    headline_person: str | None = None

    @classmethod
    def from_mentions(
        cls, kb: KnowledgeBase, mentions: list[Mention], text: str = ""
    ) -> DocContext:
        named = {
            m.candidates[0]
            for m in mentions
            if m.kind == "person" and len(m.candidates) == 1 and m.via in ("name", "alias")
        }
        countries = {m.country for m in mentions if m.kind in ("country", "org") and m.country}
        return cls(
            kb=kb, named_people=named, mentions=mentions, text=text, countries_named=countries
        )

    def _person_like(self, mention: Mention) -> bool:
        """A named person, a role phrase with its country, or a bare title ("The President")
        that points back to someone named earlier."""
        if _is_person_like(mention):
            return True
        return (
            mention.kind == "role"
            and not mention.plural
            and not mention.country
            and bool(mention.office)
            and _earlier_holder(mention, None, self) is not None
        )

    def _subject_like(self, pronoun: Mention) -> bool:
        """ "he said" and "expressed her commitment" point back to the subject; "thanked X for
        his work" and "invited him" to the person just named."""
        if _is_object(pronoun, self.text):
            return False
        before = self.text[max(0, pronoun.start - 20) : pronoun.start] if self.text else ""
        if BRIEFING_BEFORE.search(self.text[max(0, pronoun.start - 80) : pronoun.start]):
            return True  # "Abbas briefed Biden on his engagement": the briefer's own
        if ADJUNCT_BEFORE.search(before):
            return True  # "X met Y in Hanoi on Monday, on his first trip abroad": X's trip
        return not (pronoun.text.lower() in ("his", "her") and OBJECT_CONTEXT.search(before))

    def _fronted_possessor(self, pronoun: Mention, sentence_start: int) -> Mention | None:
        """ "In his call with Aliyev, Michel discussed ...": a possessive in a phrase that opens
        the sentence points ahead to the subject after the comma."""
        if pronoun.text.lower() not in ("his", "her"):
            return None
        opening = self.text[sentence_start : pronoun.start]
        if not FRONTED_PHRASE.match(opening):
            return None
        comma = self.text.find(",", pronoun.end)
        if comma < 0:
            return None
        after = [m for m in self.mentions if m.start > comma and self._person_like(m)]
        if not after or self.text[comma + 1 : after[0].start].strip():
            return None  # the subject must follow the comma directly
        return after[0]

    def _counterpart_possessor(
        self, pronoun: Mention, in_sentence: list[Mention]
    ) -> Mention | None:
        """ "Lula met his Argentine counterpart ... on his first foreign trip": a later "his"
        repeats the possessor of "his ... counterpart", the person named before that phrase."""
        if pronoun.text.lower() not in ("his", "her"):
            return None
        for mention in in_sentence:
            if mention.counterpart and mention.text.lower().startswith(("his ", "her ")):
                if any(m.start > mention.start for m in in_sentence):
                    return None  # someone named since: "... the Pakistani premier's ... his"
                before = [m for m in in_sentence if m.start < mention.start and not m.counterpart]
                return before[0] if before else None
        return None

    def _earlier_possessive(self, pronoun: Mention, sentence_start: int) -> Mention | None:
        """The first "his"/"her" of the same sentence, when this one only repeats it."""
        word = pronoun.text.lower()
        if word not in ("his", "her") or _is_object(pronoun, self.text):
            return None
        before = self.text[max(sentence_start, pronoun.start - 12) : pronoun.start]
        if not LIST_BEFORE.search(before):
            return None
        return next(
            (
                m
                for m in self.mentions
                if m.kind == "pronoun"
                and sentence_start <= m.start < pronoun.start
                and m.text.lower() == word
            ),
            None,
        )

    def _opens_clause(self, mention: Mention, sentence_start: int) -> bool:
        """Is the mention the subject of a clause: first in the sentence or after a clause break?"""
        before = self.text[sentence_start : mention.start]
        comma = re.search(r",\s*$", before)
        if comma and any(m.end == sentence_start + comma.start() for m in self.mentions):
            return False  # "Justin Trudeau, Prime Minister of Canada": apposition, no clause
        return not before.strip() or bool(CLAUSE_BREAK.search(before))

    def _own_clause_subject(self, mention: Mention, pronoun: Mention, sentence_start: int) -> bool:
        """Is ``mention`` the subject of a later clause that also holds the possessive?"""
        if pronoun.text.lower() not in ("his", "her") or mention.start == self._first_start(
            sentence_start
        ):
            return False
        between = self.text[mention.end : pronoun.start]
        return self._opens_clause(mention, sentence_start) and not re.search(r"[,;:]", between)

    def _first_start(self, sentence_start: int) -> int:
        people = self._people_between(sentence_start, len(self.text))
        return people[0].start if people else -1

    def _quote_start(self, pronoun: Mention) -> int | None:
        """Where the quotation holding the pronoun opens, if it is inside one."""
        paragraph = self.text.rfind("\n", 0, pronoun.start) + 1
        marks = [i for i in range(paragraph, pronoun.start) if fold(self.text[i]) == '"']
        return marks[-1] if len(marks) % 2 else None

    def _people_between(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start < end and self._person_like(m)]

    def _possessive(self, mention: Mention) -> bool:
        """ "President Biden's summit": a name that only modifies a noun is rarely taken up."""
        return bool(POSSESSIVE_AFTER.match(self.text[mention.end : mention.end + 3]))

    def antecedents(
        self, pronoun: Mention, exclude: list[Mention], sentence_start: int, previous_start: int
    ) -> tuple[list[Mention], Mention | None]:
        """People the pronoun may stand for, best first, and the one it cannot stand for (the
        subject of its own clause, for "him"/"her" as objects): named earlier in the same
        sentence, or in the previous sentence.

        Farther back, news prose switches protagonists too often for a pronoun to be resolved
        without a real coreference model, so it is left unresolved.
        """
        ahead = self._fronted_possessor(pronoun, sentence_start)
        if ahead is not None:
            return [ahead], None
        quote = self._quote_start(pronoun)
        if quote is not None:
            # inside a quotation "his" is never the speaker ("Biden: 'I commend Trump and his
            # team'"): only people named within the quotation itself qualify
            sentence_start, previous_start = max(sentence_start, quote), max(previous_start, quote)
        in_sentence = [
            m
            for m in self._people_between(sentence_start, pronoun.start)
            if all(m is not other for other in exclude)
        ]
        previous = self._people_between(previous_start, sentence_start)
        if _is_object(pronoun, self.text):
            # "Kishida told him", "Trump agreed to work with him": not the subject of its own
            # clause, so the nearest other person, here or late in the previous sentence
            subject = None
            if in_sentence and self._opens_clause(in_sentence[-1], sentence_start):
                subject = in_sentence.pop()
            ranked = list(reversed(in_sentence)) + list(reversed(previous))
            ranked.sort(key=self._possessive)  # stable: modifiers last, order kept otherwise
            return ranked, subject
        if in_sentence and AND_BEFORE.match(self.text[in_sentence[-1].end : pronoun.start]):
            return [in_sentence[-1]], None  # "Netanyahu and his team"
        possessor = self._counterpart_possessor(pronoun, in_sentence)
        if possessor is not None:
            return [possessor], None
        repeated = self._earlier_possessive(pronoun, sentence_start)
        if repeated is not None:
            # "for his support ..., his defense ... and his commitment": one person throughout
            return self.antecedents(repeated, exclude, sentence_start, previous_start)
        if in_sentence:
            # a subject pronoun ("he said") most often takes up the sentence's first person;
            # a possessive after an object ("thanked X for his") the nearest one; a possessive
            # in a later clause the subject of that clause ("since the monarch succeeded his
            # mother")
            if not self._subject_like(pronoun) or self._own_clause_subject(
                in_sentence[-1], pronoun, sentence_start
            ):
                return [in_sentence[-1]], None
            return [in_sentence[0]], None
        if previous and pronoun.text.lower() in ("he", "she", "his", "her"):
            return [previous[0]], None  # the previous sentence's first person, usually its subject
        return [], None


FRONTED_PHRASE = re.compile(r"^\s*(?:In|During|After|Before|On|At|Following)\s+$")
CLAUSE_BREAK = re.compile(
    r"(?:[,;:]|\b(?:and|but|while|as|after|before|when|that|where|since|because|although"
    r"|though|whereas|until)\b)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# "her" is an object when no noun follows it: "encouraged her to", "told her.", "with her and"
OBJECT_FOLLOWER = re.compile(
    r"^(?:\s*[,.;:!?)\"”]|\s+(?:to|for|and|on|in|at|that|about|with|by|as|of|from|after|"
    r"before|during|when|while|if|again|today|yesterday|over|into|through|who)\b|\s*$)",
    re.IGNORECASE,
)


def _is_object(pronoun: Mention, text: str) -> bool:
    word = pronoun.text.lower()
    if word == "him":
        return True
    return word == "her" and bool(OBJECT_FOLLOWER.match(text[pronoun.end : pronoun.end + 12]))


POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
# a phrase set off by a comma after the clause is about its subject
ADJUNCT_BEFORE = re.compile(r",\s*(?:on|during|in)\s+$", re.IGNORECASE)
AND_BEFORE = re.compile(r"^\s+and\s+$")
LIST_BEFORE = re.compile(r"(?:,|\band)\s+(?:\w+\s+)?$")
BRIEFING_BEFORE = re.compile(
    r"\b(?:brief\w*|updat\w*|inform\w*)\s+(?:[^,.;:]|(?<=[A-Z])\.){0,60}?\b(?:on|about|of)\s+$",
    re.IGNORECASE,
)
OBJECT_CONTEXT = re.compile(
    r"\b(?:for|on|since|to|with|congratulat\w*|thank\w*|invit\w*|told|tell|ask\w*|urg\w*"
    r"|prais\w*|commend\w*|welcom\w*|host\w*|met|meet)\s+$",
    re.IGNORECASE,
)


def _is_person_like(mention: Mention) -> bool:
    if mention.kind in ("person", "unknown_person"):
        return True
    return (
        mention.kind == "role" and not mention.plural and bool(mention.country and mention.office)
    )


def person_windows(mention: Mention, kb: KnowledgeBase) -> list[tuple[date, date | None]]:
    """When could this person have acted in the role the text gives them?"""
    if mention.kind != "person" or len(mention.candidates) != 1:
        return []
    spells = kb.spells_for(mention.candidates[0])
    if mention.office:
        spells = [s for s in spells if s.office == mention.office] or spells
    if not spells or not mention.office:
        return []
    first = min(s.start for s in spells)
    last = None if any(s.end is None for s in spells) else max(s.end for s in spells if s.end)
    return [(first, last)]


def _person_actor(
    kb: KnowledgeBase, person_id: str, mention: Mention, day: date | None, via: str
) -> Actor:
    person = kb.persons[person_id]
    spell: Spell | None = None
    if day is not None:
        spell = kb.office_on(person_id, day, prefer=mention.office, polity=mention.country)
    elif mention.office:
        spell = kb.latest_office(person_id, prefer=mention.office)
        if spell is not None and spell.office != mention.office:
            spell = None
    polity = spell.polity if spell else _home_polity(kb, person_id, mention)
    sector = kb.office_sectors.get(spell.office) if spell else None
    return Actor(
        role="participant",
        text=mention.text,
        name=person.name,
        id=person.id,
        country=polity,
        office=spell.office if spell else None,
        title=spell.title if spell else None,
        code=kb.actor_code(polity, sector or "GOV") if spell else kb.actor_code(polity, None),
        resolved_by=via,
        start=mention.start,
        end=mention.end,
    )


def _home_polity(kb: KnowledgeBase, person_id: str, mention: Mention) -> str | None:
    if mention.country:
        return mention.country
    polities = {s.polity for s in kb.spells_for(person_id) if s.polity in kb.countries}
    return polities.pop() if len(polities) == 1 else None


def _unresolved(
    kb: KnowledgeBase, mention: Mention, country: str | None, office: str | None
) -> Actor:
    sector = (
        kb.office_sectors.get(office or "", None) or mention.sector or ("GOV" if office else None)
    )
    return Actor(
        role="participant",
        text=mention.text,
        name=_bare_name(mention) if mention.kind == "unknown_person" else None,
        id=None,
        country=country,
        office=office if office != "counterpart" else None,
        code=kb.actor_code(country, sector),
        resolved_by=None,
        start=mention.start,
        end=mention.end,
    )


def _bare_name(mention: Mention) -> str:
    """ "Maltese Foreign Minister Jane Doe" -> "Jane Doe": the title is not part of the name."""
    if mention.title_text and mention.text.startswith(mention.title_text):
        return mention.text[len(mention.title_text) :].strip() or mention.text
    return mention.text


def _polity_actor(kb: KnowledgeBase, mention: Mention, via: str, sector: str | None) -> Actor:
    """A state or organisation acting as itself ("Ankara", "NATO")."""
    code = mention.country
    return Actor(
        role="participant",
        text=mention.text,
        name=kb.polity_name(code),
        id=code,
        country=code,
        code=kb.actor_code(code, sector),
        resolved_by=via,
        start=mention.start,
        end=mention.end,
    )


def _pick_person(
    candidates: list[str], ctx: DocContext, day: date | None, mention: Mention
) -> str | None:
    if len(candidates) == 1:
        return candidates[0]
    named = [c for c in candidates if c in ctx.named_people]
    if len(named) == 1:
        return named[0]
    pool = candidates
    if day is not None:
        pool = [
            c
            for c in candidates
            if any(
                s.covers(day) and office_fits(s.office, mention.office)
                for s in ctx.kb.spells_for(c)
            )
        ]
        if len(pool) == 1:
            return pool[0]
    # still several: the one whose country the article names ("Fernández" in a story on
    # Argentina), or the country of the people it names ("Marles and Wong")
    in_context = [c for c in pool if _polities(ctx.kb, c) & ctx.countries_named]
    if len(in_context) == 1:
        return in_context[0]
    people_polities = {
        polity
        for m in ctx.mentions
        if m.kind == "person" and len(m.candidates) == 1 and m.candidates[0] not in candidates
        for polity in _polities(ctx.kb, m.candidates[0])
    }
    in_context = [c for c in pool if _polities(ctx.kb, c) & people_polities]
    return in_context[0] if len(in_context) == 1 else None


NAME_PARTICLES = {
    "al",
    "el",
    "as",
    "es",
    "ad",
    "ed",
    "an",
    "ar",
    "ash",
    "at",
    "az",
    "bin",
    "bint",
    "ibn",
    "ben",
    "abu",
    "sheikh",
    "sheikha",
}


def _name_words(name: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", fold(name)) if w and w not in NAME_PARTICLES}


def _by_name_part(mention: Mention, day: date | None, ctx: DocContext) -> str | None:
    """ "Sheikh Mohammed", "King Abdullah", "President Samia": a given name (or a name part the
    KB does not list) after a title or honorific. It stands for the person most recently named
    in full whose name has those words, else for the one holder of the titled office on that
    date whose name has them; otherwise it stays unresolved."""
    wanted = _name_words(_bare_name(mention))
    if not wanted:
        return None
    kb = ctx.kb
    for earlier in reversed(ctx.mentions):
        if earlier.start >= mention.start or earlier.kind != "person":
            continue
        if len(earlier.candidates) == 1 and _has_name_words(kb, earlier.candidates[0], wanted):
            return earlier.candidates[0]
    if not mention.office or day is None:
        return None
    matches = {
        spell.person_id
        for spell in kb.spells
        if office_fits(spell.office, mention.office)
        and spell.covers(day)
        and (mention.country is None or spell.polity == mention.country)
        and _has_name_words(kb, spell.person_id, wanted)
    }
    return matches.pop() if len(matches) == 1 else None


# Titles a state's leader goes by; Archigos' ``national_leader`` spells answer to any of them.
LEADING_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "leader", "president_or_leader"}
)


def office_fits(held: str, wanted: str | None) -> bool:
    """Does a spell of ``held`` fit a mention titled ``wanted`` ("President Mubarak")?"""
    if wanted is None or held == wanted:
        return True
    return held == "national_leader" and wanted in LEADING_OFFICES


def _has_name_words(kb: KnowledgeBase, person_id: str, wanted: set[str]) -> bool:
    person = kb.persons[person_id]
    return any(wanted <= _name_words(name) for name in [person.name, *person.aliases])


def _polities(kb: KnowledgeBase, person_id: str) -> set[str]:
    return {s.polity for s in kb.spells_for(person_id)}


def _holder(
    ctx: DocContext, polity: str, office: str, day: date | None, others: list[Actor]
) -> tuple[str | None, str]:
    """Who held ``office`` of ``polity``: by date, else by who the article names."""
    kb = ctx.kb
    if day is not None and (polity, office) not in kb.shared_offices:
        spell = kb.holder_on(polity, office, day)
        return (spell.person_id, "role+date") if spell else (None, "")
    holders = kb.holders(polity, office)
    named = {s.person_id for s in holders if s.person_id in ctx.named_people}
    named -= {a.id for a in others}
    if len(named) == 1:
        return named.pop(), "role+context"
    return None, ""


# a collective that names the title ("the two presidents") wants holders with that title
GROUP_TITLES = ("president", "prime minister", "chancellor", "king", "emir")
GROUP_SIZES = {"two": 2, "pair": 2, "both": 2, "three": 3, "four": 4, "five": 5}


def group_size(text: str) -> int | None:
    """How many people a collective counts ("the two leaders": 2), if it says."""
    return next((n for word, n in GROUP_SIZES.items() if word in text.lower()), None)


# Spellings of one title that news and the KB write differently.
TITLE_SPELLINGS = {"amir": "emir", "premier": "prime minister"}
# "the outgoing head of state", "the new premier": words about the holder, not the office
DESCRIPTIVE_MODIFIERS = ("outgoing", "incoming", "new", "current", "veteran", "embattled", "ailing")


def _title_words(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


def _capitalised_title(mention: Mention) -> bool:
    words = [w for w in mention.text.split() if w.lower() not in ("the", "a", "his", "her")]
    return bool(words) and all(w[:1].isupper() for w in words)


def _title_head(title: str) -> str:
    """ "Adviser to the Chancellor" is an adviser, "Secretary of State" a secretary: the part of
    a title before its first preposition names what the holder is."""
    return re.split(r"\s+(?:of|to|for|at|in)\s+", _title_words(title), maxsplit=1)[0]


def _earlier_holder(mention: Mention, day: date | None, ctx: DocContext) -> Actor | None:
    """ "the Prime Minister", "the King": the person named earlier who held that office then.

    The title word itself must appear in that person's title ("the King" is not the President
    who is head of state too), which also lets "the Secretary" find a Secretary of State.
    """
    skip = ("the", "a", "his", "her", "their", *DESCRIPTIVE_MODIFIERS)
    words = [w for w in _title_words(mention.text).split() if w not in skip]
    title_word = TITLE_SPELLINGS.get(" ".join(words), " ".join(words))
    if not title_word:
        return None
    if title_word in ctx.kb.honorific_titles:  # "His Majesty": a king, queen, emperor, sultan
        for title in ctx.kb.honorific_titles[title_word]:
            found = _earlier_holder(replace(mention, text=title), day, ctx)
            if found is not None:
                return found
        return None
    earlier_mentions = [m for m in ctx.mentions if m.start < mention.start]
    # Official readouts capitalise the title of their own principal ("The President reaffirmed
    # ..." after naming two presidents is their own; "the President's upcoming trip" in the
    # National Security Advisor's readout): a capitalised bare title is the home government's
    # holder (the country of the first person the text names), else the first holder named;
    # news prose ("the president") takes the latest.
    capitalised = _capitalised_title(mention)
    if capitalised and day is not None:
        home = _home_holder(title_word, day, ctx)
        if home is not None:
            return _as_coreference(home, mention)
    order = earlier_mentions if capitalised else list(reversed(earlier_mentions))
    for earlier in order:
        if earlier.kind == "role" and earlier.country and title_word in _title_words(earlier.text):
            # "the German chancellor ... the chancellor": the same role, resolved the same way
            found = [a for a in _resolve_role(earlier, day, ctx, []) if a.id]
            if found:
                return _as_coreference(found[0], mention)
            continue
        if earlier.kind == "unknown_person":
            person_id = _by_name_part(earlier, day, ctx)  # "King Abdullah ... the King"
        elif earlier.kind == "person" and earlier.candidates:
            # "Vice President Harris": her title settles which Harris
            person_id = _pick_person(earlier.candidates, ctx, day, earlier)
        else:
            continue
        if person_id is None:
            continue
        current = [s for s in ctx.kb.spells_for(person_id) if day is None or s.covers(day)]
        titled = [s for s in current if title_word in _title_head(s.title)]
        if titled:
            held = replace(earlier, office=titled[0].office)
            return _as_coreference(
                _person_actor(ctx.kb, person_id, held, day, "coreference"), mention
            )
    return _context_holder(mention, title_word, day, ctx)


def _home_holder(title_word: str, day: date, ctx: DocContext) -> Actor | None:
    named = [m for m in ctx.mentions if m.kind == "person"]
    # "Vice President Harris" is Kamala Harris by her title, though "Harris" alone is two people
    first = ctx.headline_person or (
        _pick_person(named[0].candidates, ctx, day, named[0]) if named else None
    )
    spell = ctx.kb.office_on(first, day) if first is not None else None
    if spell is None:
        return None
    for office in ("head_of_state", "head_of_government", spell.office):
        holder = ctx.kb.holder_on(spell.polity, office, day)
        if holder is not None and title_word in _title_head(holder.title):
            held = Mention("person", "", 0, 0, office=office)
            return _person_actor(ctx.kb, holder.person_id, held, day, "coreference")
    return None


def _context_holder(
    mention: Mention, title_word: str, day: date | None, ctx: DocContext
) -> Actor | None:
    """ "appointed by the Queen" in a story that names only British people: the one person
    who held an office with that title, on that date, in the countries the article is about.
    Two candidates (a story on two presidents) leave the mention unresolved."""
    if day is None:
        return None
    polities = set(ctx.countries_named)
    for m in ctx.mentions:
        if m.kind == "person" and len(m.candidates) == 1 and m.start < mention.start:
            spell = ctx.kb.office_on(m.candidates[0], day)
            if spell is not None:
                polities.add(spell.polity)
    holders = {
        (spell.person_id, spell.office)
        for spell in ctx.kb.spells
        if spell.polity in polities
        and spell.covers(day)
        and title_word in _title_head(spell.title)
        and ctx.kb.holder_on(spell.polity, spell.office, day) is not None
    }
    if len({person for person, _ in holders}) != 1:
        return None
    person_id, office = holders.pop()
    held = Mention("person", mention.text, mention.start, mention.end, office=office)
    return _as_coreference(_person_actor(ctx.kb, person_id, held, day, "coreference"), mention)


# bare nouns that stand for an office when a country comes with them ("the Iranian diplomat")
TITLED_OFFICES = {"diplomat": "foreign_minister"}
# nouns for whoever of that country the story is about ("his South African host")
ANY_OFFICE_NOUNS = {"host", "guest", "visitor", "counterpart"}


def _earlier_of_country(
    mention: Mention, polity: str, day: date | None, ctx: DocContext
) -> Actor | None:
    """The latest person named before ``mention`` who held a post of ``polity`` that day whose
    title has the mention's noun ("minister", "secretary"), or the office it stands for."""
    noun = _title_words(mention.text).split()[-1]
    anyone = noun in ANY_OFFICE_NOUNS
    for earlier in reversed(ctx.mentions):
        if earlier.start >= mention.start:
            continue
        if earlier.kind == "role" and earlier.country == polity and not earlier.plural:
            # "Russia's foreign minister ... The Russian minister": the same role again
            if anyone or noun in _title_words(earlier.text):
                found = [a for a in _resolve_role(earlier, day, ctx, []) if a.id]
                if found:
                    return _as_coreference(found[0], mention)
            continue
        if earlier.kind != "person":
            continue
        if len(earlier.candidates) != 1 or day is None:
            continue
        spell = next(
            (
                s
                for s in ctx.kb.spells_for(earlier.candidates[0])
                if s.polity == polity
                and s.covers(day)
                and (anyone or noun in _title_head(s.title) or TITLED_OFFICES.get(noun) == s.office)
            ),
            None,
        )
        if spell is not None:
            held = replace(earlier, office=spell.office)
            actor = _person_actor(ctx.kb, spell.person_id, held, day, "coreference")
            return _as_coreference(actor, mention)
    return None


def _other_party(mention: Mention, day: date | None, ctx: DocContext) -> Actor | None:
    """ "Eritrea's president embraced his guest": the host's guest is the latest person named
    before who is of another country than the one who hosts (the sentence's first person)."""
    noun = _title_words(mention.text).split()[-1]
    if noun not in ANY_OFFICE_NOUNS or day is None:
        return None
    start = _sentence_start(ctx.text, mention.start)
    people = [
        a
        for m in ctx.mentions
        if m.start < mention.start and ctx._person_like(m)
        for a in resolve_mention(m, day, ctx, [])
        if a.id and a.country
    ]
    subject = next((a for a in people if (a.start or 0) >= start), None)
    if subject is None:
        return None
    others = [a for a in people if a.country != subject.country]
    return _as_coreference(others[-1], mention) if others else None


def _as_coreference(actor: Actor, mention: Mention) -> Actor:
    actor.text, actor.start, actor.end = mention.text, mention.start, mention.end
    actor.resolved_by = "coreference"
    return actor


TOP_OFFICES = ("head_of_state", "head_of_government")


def _office_by_title(
    kb: KnowledgeBase, mention: Mention, polity: str, office: str, day: date | None
) -> str:
    """ "Iran's president" is the person titled President (head of government there), not the
    Supreme Leader who is head of state: between the two top offices, the title word decides."""
    if office not in TOP_OFFICES or day is None:
        return office
    words = fold(mention.text)
    current = kb.holder_on(polity, office, day)
    if current is not None and fold(current.title).split()[0] in words:
        return office
    for other in TOP_OFFICES:
        spell = kb.holder_on(polity, other, day)
        if other != office and spell is not None and fold(spell.title).split()[0] in words:
            return other
    return office


SENTENCE_BREAK = re.compile(r"(?<![A-Z])[.!?][\"”’]?\s+(?=[A-Z\"“])|\n")


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts, from punctuation alone (the resolver
    works without the splitter's sentences)."""
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, position)] if text else []
    return breaks[-1] if breaks else 0


def _anchor_office(
    others: list[Actor], mention: Mention, ctx: DocContext, day: date | None
) -> str | None:
    """ "Fidan met his US counterpart": the office of the sentence's subject, taken as the
    first person named in the sentence ("Albares, who is accompanying Sánchez, met his Chinese
    counterpart"); with none in the sentence, the person named just before. A country's leader
    has the other country's leader as counterpart, whichever office that is ("Kishida and his
    South Korean counterpart" is President Yoon; "Xi told his Japanese counterpart" the prime
    minister, not the emperor)."""
    start = _sentence_start(ctx.text, mention.start)
    in_sentence = [a for a in others if a.office and a.start is not None and a.start >= start]
    earlier = next((a for a in reversed(others) if a.office), None)
    anchor = in_sentence[0] if in_sentence else earlier
    if anchor is None:
        return None
    if anchor.office in ("head_of_state", "head_of_government") and anchor.country:
        leads = (
            "head_of_state"
            if anchor.country in ctx.kb.leader_is_head_of_state
            else "head_of_government"
        )
        if anchor.office == leads:
            return "leader"
        # a president who is also the head of government (the United States) meets presidents
        # where there is one, and heads of government under a monarch ("Biden and his British
        # counterpart" is the prime minister, "his Polish counterpart" President Duda)
        holder = ctx.kb.holder_on(anchor.country, leads, day) if day is not None else None
        if holder is not None and holder.person_id == anchor.id:
            return "president_or_leader"
    return anchor.office


def resolve_mention(
    mention: Mention, day: date | None, ctx: DocContext, others: list[Actor]
) -> list[Actor]:
    """Entry point: the actor(s) a mention denotes on ``day`` (None when the date is unknown)."""
    kb = ctx.kb
    if mention.kind == "person":
        chosen = _pick_person(mention.candidates, ctx, day, mention)
        if chosen is None:
            return [_unresolved(kb, mention, mention.country, mention.office)]
        via = mention.via if mention.via in ("name", "alias", "surname") else "name"
        return [_person_actor(kb, chosen, mention, day, via)]
    if mention.kind == "country":
        via = "metonym" if mention.via == "metonym" else "country"
        return [_polity_actor(kb, mention, via, "GOV" if via == "metonym" else None)]
    if mention.kind == "org":
        return [_polity_actor(kb, mention, "org", None)]
    if mention.kind == "institution":
        return [
            Actor(
                "participant",
                mention.text,
                None,
                None,
                mention.country,
                mention.office,
                None,
                kb.actor_code(mention.country, mention.sector),
                "institution",
                mention.start,
                mention.end,
            )
        ]
    if mention.kind == "unknown_person":
        person_id = _by_name_part(mention, day, ctx)
        if person_id is not None:
            return [_person_actor(kb, person_id, mention, day, "name")]
        return [_unresolved(kb, mention, mention.country, mention.office)]
    if mention.kind == "role":
        return _resolve_role(mention, day, ctx, others)
    return []


def resolve_pronoun(
    pronoun: Mention,
    day: date | None,
    ctx: DocContext,
    others: list[Actor],
    exclude: list[Mention],
    sentence_bounds: tuple[int, int],
) -> list[Actor]:
    """ "he", "him": the person it stands for, resolved as that mention would be."""
    ranked, subject = ctx.antecedents(pronoun, exclude, *sentence_bounds)
    avoid = {a.id for a in resolve_mention(subject, day, ctx, others) if a.id} if subject else set()
    actors: list[Actor] = []
    for candidate in ranked:
        actors = resolve_mention(candidate, day, ctx, others)
        if not any(a.id in avoid for a in actors if a.id):
            break  # "Modi told him" after "Zelensky met India's prime minister": not Modi
        actors = []
    for actor in actors:
        actor.text, actor.start, actor.end = pronoun.text, pronoun.start, pronoun.end
        actor.resolved_by = "coreference"
    return actors


def _resolve_role(
    mention: Mention, day: date | None, ctx: DocContext, others: list[Actor]
) -> list[Actor]:
    kb = ctx.kb
    office = _anchor_office(others, mention, ctx, day) if mention.counterpart else mention.office
    polities = mention.countries or ([mention.country] if mention.country else [])
    if mention.plural and not polities and not mention.counterpart:
        group = resolve_typed_group(mention, ctx, day)
        if group:
            return group
    actors: list[Actor] = []
    if not polities and office and not mention.counterpart:
        named = _earlier_holder(mention, day, ctx)
        if named is None and office == "titled":
            named = _other_party(mention, day, ctx)
        if named is not None:
            return [named]
    for polity in polities:
        polity_office = office
        if office == "group_head" and polity not in kb.organizations:
            actors.append(_unresolved(kb, mention, polity or None, None))
            continue
        if office in ("leader", "group_head") and polity in kb.organizations:
            # "Hezbollah's leader", "the NATO chief": the group's leader, the body's head
            armed = kb.organizations[polity].kind == "armed_group"
            polity_office = "group_leader" if armed else "secretary_general"
        elif office == "leader":
            polity_office = (
                "head_of_state" if polity in kb.leader_is_head_of_state else "head_of_government"
            )
        elif office == "president_or_leader":
            head = kb.holder_on(polity, "head_of_state", day) if polity and day else None
            presides = head is not None and "president" in head.title.lower()
            polity_office = "head_of_state" if presides else "head_of_government"
        if not polity or not polity_office:
            actors.append(_unresolved(kb, mention, polity or None, polity_office))
            continue
        if polity_office == "titled":
            # "the Russian minister": the Russian named earlier with such a title
            earlier = _earlier_of_country(mention, polity, day, ctx)
            actors.append(earlier or _unresolved(kb, mention, polity, None))
            continue
        polity_office = _office_by_title(kb, mention, polity, polity_office, day)
        person_id, via = _holder(ctx, polity, polity_office, day, others + actors)
        if person_id is None:
            actors.append(_unresolved(kb, mention, polity, office))
            continue
        resolved = _person_actor(
            kb,
            person_id,
            Mention(
                "person",
                mention.text,
                mention.start,
                mention.end,
                office=polity_office,
                country=polity,
            ),
            day,
            via,
        )
        if resolved.country != polity:
            actors.append(_unresolved(kb, mention, polity, office))
            continue
        actors.append(resolved)
    if not polities:
        actors.append(_unresolved(kb, mention, None, office))
    return actors


LEADER_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "vice_president", "secretary_general", "group_leader"}
)
MINISTER_OFFICES = frozenset({"foreign_minister", "defence_minister"})
# the offices a collective's noun stands for, most specific cue first
COLLECTIVE_OFFICES: list[tuple[str, frozenset[str]]] = [
    ("vice president", frozenset({"vice_president"})),
    ("nsa", frozenset({"national_security_advisor"})),
    ("national security", frozenset({"national_security_advisor"})),
    ("foreign minister", frozenset({"foreign_minister", "high_representative"})),
    ("top diplomat", frozenset({"foreign_minister", "high_representative"})),
    ("defence minister", frozenset({"defence_minister"})),
    ("defense minister", frozenset({"defence_minister"})),
    ("prime minister", frozenset({"head_of_government"})),
    ("leader", LEADER_OFFICES),
    ("president", LEADER_OFFICES),
    ("heads of state", LEADER_OFFICES),
    ("minister", MINISTER_OFFICES),
    ("diplomat", MINISTER_OFFICES),
    ("secretar", MINISTER_OFFICES),
]


def collective_offices(text: str) -> frozenset[str] | None:
    words = fold(text)
    return next((offices for cue, offices in COLLECTIVE_OFFICES if cue in words), None)


def resolve_typed_group(collective: Mention, ctx: DocContext, day: date | None) -> list[Actor]:
    """ "The two prime ministers", "both NSAs": the most recently named distinct people who
    held such an office that day, as many as the phrase counts. Without a count, or with too
    few such people, nothing (a guess would be worse than a gap)."""
    wanted = group_size(collective.text)
    offices = collective_offices(collective.text)
    every = wanted is None and _specific_plural_title(collective.text)
    if (wanted is None and not every) or offices is None or day is None:
        return []  # "the two", "the pair": the participants of the contact just reported
    # "the two leaders", "both ministers": office holders of different states
    titled = next((t for t in GROUP_TITLES if t in collective.text.lower()), None)
    found: list[Actor] = []
    for mention in reversed([m for m in ctx.mentions if m.start < collective.start]):
        if mention.kind not in ("person", "role") or mention.plural:
            continue
        for actor in resolve_mention(mention, day, ctx, _sentence_before(mention, day, ctx)):
            spell = ctx.kb.office_on(actor.id, day) if actor.id in ctx.kb.persons else None
            if spell is None or spell.office not in offices:
                continue
            if titled and titled not in spell.title.lower():
                continue  # "the two presidents" are not the emir who mediated between them
            if any(actor.id == a.id or actor.country == a.country for a in found):
                continue
            found.append(_as_coreference(actor, collective))
        if wanted is not None and len(found) >= wanted:
            return list(reversed(found[:wanted]))
    if every and 2 <= len(found) <= 4:
        # "The National Security Advisors discussed ...": every such office holder named
        return list(reversed(found))
    return []


def _fits_group(actor: Actor, offices: frozenset[str] | None, titled: str | None) -> bool:
    """ "the two presidents" are presidents, "the two leaders" hold a leading office."""
    if offices is not None and actor.office not in offices:
        return False
    return titled is None or titled in (actor.title or "").lower()


def _sentence_before(mention: Mention, day: date | None, ctx: DocContext) -> list[Actor]:
    """The people named before a counterpart phrase in its sentence, which it is read against
    ("the German chancellor welcomed his Polish counterpart")."""
    if not mention.counterpart:
        return []
    start = _sentence_start(ctx.text, mention.start)
    actors: list[Actor] = []
    for earlier in ctx.mentions:
        inside = start <= earlier.start < mention.start
        if inside and earlier.kind in ("person", "role") and not earlier.counterpart:
            actors += resolve_mention(earlier, day, ctx, actors)
    return actors


SPECIFIC_PLURAL_TITLES = (
    "national security advisors",
    "national security advisers",
    "vice presidents",
    "foreign ministers",
    "defence ministers",
    "defense ministers",
    "prime ministers",
)


def _specific_plural_title(text: str) -> bool:
    """ "The National Security Advisors", "the foreign ministers": a title that names one
    office, not "the leaders" (who may include people the text never names)."""
    return any(title in fold(text) for title in SPECIFIC_PLURAL_TITLES)


def resolve_named_group(
    collective: Mention, ctx: DocContext, day: date | None, reach: int
) -> list[Actor]:
    """ "Pashinyan and Aliyev agreed ... when they met": two or more people named just before.

    ``reach`` is where to start looking (the sentence's start, or the previous sentence's).
    People named by name are tried first; role phrases join only when names alone do not make
    the group ("The Azerbaijani leader and the Armenian prime minister said they ...").
    """
    before = [
        m for m in ctx.mentions if reach <= m.start < collective.start and not ctx._possessive(m)
    ]  # "Sullivan reaffirmed President Biden's support. They ...": Biden is no party
    if collective.text.lower() == "them":
        # "Trump phoned the leaders of Thailand and Cambodia and told them": not the subject
        before = [m for m in before if not ctx._opens_clause(m, reach)]
    wanted = group_size(collective.text)
    names = [m for m in before if m.kind == "person" and len(m.candidates) == 1]
    with_roles = [
        m
        for m in before
        if (m.kind == "person" and len(m.candidates) == 1)
        # "his Polish counterpart" is read against the people named before it
        or (m.kind == "role" and bool(m.country or m.countries))
    ]
    offices = collective_offices(collective.text)
    titled = next((t for t in GROUP_TITLES if t in collective.text.lower()), None)
    for named in (names, with_roles):
        actors: list[Actor] = []
        for mention in named:
            for actor in resolve_mention(mention, day, ctx, actors):
                if actor.id and all(actor.key() != other.key() for other in actors):
                    actors.append(_as_coreference(actor, collective))
        if wanted and not all(_fits_group(a, offices, titled) for a in actors):
            continue  # "the ministers accompanied the two leaders": not the ministers
        if len(actors) >= 2 and (wanted is None or len(actors) == wanted):
            return actors
    return []
