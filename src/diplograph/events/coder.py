"""Code event frames from one parsed sentence.

Why frames and not finished events: a frame holds what the sentence says (trigger, who is in
which grammatical slot, which date words govern it, its status). Turning mentions into people
needs the event date ("the Turkish foreign minister" on that day), and merging reports needs the
whole article, so both happen later in the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from diplograph.dates import DateExpr
from diplograph.events.lexicon import Lexicon
from diplograph.model import Mention, Sentence

ACTOR_KINDS = {
    "person",
    "country",
    "org",
    "role",
    "institution",
    "unknown_person",
    "collective",
    "pronoun",
}
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass")
TRANSPARENT_NOUNS = {"series", "number", "round", "string", "flurry", "wave", "set", "couple"}
CLAUSE_PREPS = {"in", "during", "after", "following", "on", "at", "before", "ahead", "for", "over"}
# Verbs that take a contact as their object ("received a call", "held talks").
CONTACT_TAKING_VERBS = {
    "receive",
    "hold",
    "have",
    "make",
    "conduct",
    "engage",
    "pay",
    "place",
    "take",
    "host",
    "join",
}
PARTY_PREPS = {"with", "between"}
CALL_PARTY_PREPS = {"with", "between", "from", "to"}
CONTINUATION_LEMMAS = {"discuss", "address", "talk", "focus", "cover", "touch"}
# Heads that stand for the people of their "of" phrase ("thousands of Kurdish refugees").
GROUP_NOUNS = {
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "score",
    "scores",
    "million",
    "millions",
    "group",
    "groups",
    "member",
    "members",
    "band",
    "crowd",
    "crowds",
    "contingent",
    "unit",
    "units",
    "patch",
    "batch",
    "number",
}


@dataclass
class Frame:
    sentence: Sentence
    trigger: Token
    type: str
    cameo: str
    mode: str | None
    symmetric: bool
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    status: str = "occurred"
    dates: list[DateExpr] = field(default_factory=list)
    collective: bool = False
    continuation: bool = False
    nominal: bool = False
    backgrounded: bool = False  # a noun trigger inside a prepositional phrase ("the summit")
    date_head: Token | None = None  # a light verb whose date words belong to this noun trigger
    statement_dated: bool = False  # scratch flag while dates are attached (see attach_dates)
    # character span (in the sentence) of who reports the event: "X said (that) ...",
    # "according to X"; empty when the text states it in its own voice
    reporter: tuple[int, int] | None = None
    previous_start: int = -1  # where the sentence before this one starts (for pronouns)
    # "a roadside bomb killed two soldiers": the act names no doer; the event keeps its source
    # empty rather than being dropped (lexicon ``implied_doers``)
    implied_source: bool = False

    def mentions(self) -> list[Mention]:
        seen: list[Mention] = []
        for mention in [*self.sources, *self.targets]:
            if all(mention is not other for other in seen):
                seen.append(mention)
        return seen


class SentenceView:
    """Token <-> mention lookups for one parsed sentence."""

    def __init__(self, doc: Doc, sentence: Sentence, mentions: list[Mention]):
        self.doc = doc
        self.sentence = sentence
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            lo, hi = mention.start - sentence.start, mention.end - sentence.start
            for token in doc:
                if token.idx < hi and token.idx + len(token) > lo:
                    self.by_token[token.i] = mention

    def _heads(self, mention: Mention, token: Token) -> bool:
        """ "the two" is a collective only as a phrase of its own, not in "the two countries"."""
        inside = [t for t in self.doc if self.by_token.get(t.i) is mention]
        return not any(
            t.head.i not in {x.i for x in inside} and t.dep_ in ("nummod", "det", "amod")
            for t in inside
        )

    def mention(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def actor_mentions(
        self, tokens: list[Token], places: bool = False, modifiers: bool = False
    ) -> list[Mention]:
        """Mentions under ``tokens``; locations ("in Moscow") only when ``places`` is asked for.

        ``modifiers`` also reads an actor off an unnamed head ("Israeli soldiers", "thousands of
        Egyptian students"); contacts do not use it, their parties are named people and states.
        """
        found: list[Mention] = []
        for token in tokens:
            mention = self.mention(token)
            if mention is None:
                # "his US counterpart" heads may sit outside a composed span; look one level down
                deps = ("compound", "nmod", "amod", "poss") if modifiers else ("compound", "nmod")
                for child in token.children:
                    below = self.mention(child)
                    if child.dep_ in deps and below and (below.kind != "pronoun" or not modifiers):
                        mention = below  # but "her first single" is not an act on "her"
                        break
            if mention is None and modifiers and token.lemma_.lower() in GROUP_NOUNS:
                inner = self.actor_mentions(prep_objects(token, {"of"}), places, modifiers)
                mention = inner[0] if inner else None
            if mention is not None and mention.is_place and not places:
                continue
            if (
                mention is not None
                and mention.kind == "collective"
                and not self._heads(mention, token)
            ):
                continue
            if (
                mention is not None
                and mention.kind in ACTOR_KINDS
                and all(mention is not m for m in found)
            ):
                found.append(mention)
        return found


ARGUMENT_DEPS = ("conj", "appos", "compound", "nmod")


def expand(token: Token) -> list[Token]:
    """A token and everything coordinated, in apposition or compounded with it.

    Compounds and nominal modifiers are followed too because the small parser often hangs one
    conjunct of "Blinken and Turkish Foreign Minister Hakan Fidan" below the other.
    """
    out = [token]
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            out.extend(expand(child))
    return out


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if found or depth > 3:
        return [t for s in found for t in expand(s)]
    if verb.dep_ == "xcomp" and verb.head != verb:
        controllers = direct_objects(verb.head)  # "urged X to hold": X is the one who holds
        return controllers or subjects(verb.head, depth + 1)
    if verb.dep_ in ("conj", "acomp") and verb.head != verb:
        return subjects(verb.head, depth + 1)  # "is willing to withdraw": the copula's subject
    if verb.dep_ in ("pcomp", "advcl") and verb.head != verb:
        # "after hosting X", "before flying on to meet Y": the subject of the main clause
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if head.pos_ in ("VERB", "AUX") and head != verb:
            return subjects(head, depth + 1)
        return []
    if verb.dep_ in ("acl", "relcl") and verb.head != verb:
        return expand(verb.head)
    return []


def prep_objects(token: Token, words: set[str]) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in words:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(expand(obj))
                elif obj.dep_ == "pcomp":  # "with X to offer ...": the parser makes X a subject
                    out.extend(t for s in obj.children if s.dep_ == "nsubj" for t in expand(s))
    return out


def direct_objects(verb: Token) -> list[Token]:
    # "oprd": the small parser reads "called King Mohammed VI" as "called (him) King"
    return [t for c in verb.children if c.dep_ in ("dobj", "obj", "oprd") for t in expand(c)]


def agents(verb: Token) -> list[Token]:
    return [
        t
        for c in verb.children
        if c.dep_ == "agent"
        for o in c.children
        if o.dep_ == "pobj"
        for t in expand(o)
    ]


def clause_parties(verb: Token) -> list[Token]:
    """Everyone a clause names as subject or object, up its chain of xcomp verbs."""
    tokens: list[Token] = []
    current = verb
    for _ in range(4):
        tokens += subjects(current) + direct_objects(current)
        if current.dep_ != "xcomp" or current.head == current:
            break
        current = current.head
    return tokens


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger belongs to: "held [talks]", "In the [call] with B, A said"."""
    token = noun
    for _ in range(5):
        head = token.head
        if head == token:
            return None
        if token.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX"):
            return head
        if token.dep_ == "pobj" and head.dep_ == "prep":
            grand = head.head
            if grand.pos_ in ("VERB", "AUX") and (head.lower_ in CLAUSE_PREPS or token != noun):
                return grand
            if grand.lemma_.lower() in TRANSPARENT_NOUNS:
                token = grand
                continue
            return None
        return None
    return None


def _after_prep(noun: Token) -> bool:
    """ "after talks", "following talks" (a preposition or a participle in spaCy's parse)."""
    head = noun.head
    return (noun.dep_ == "pobj" and head.lower_ in ("after", "following")) or (
        noun.dep_ == "dobj" and head.lower_ == "following" and head.dep_ in ("prep", "acl", "advcl")
    )


def _looked_forward_to(trigger: Token) -> bool:
    current = trigger
    for _ in range(5):
        if current.head == current:
            return False
        current = current.head
        if current.lemma_.lower() == "look" and any(
            c.lower_ == "forward" for c in current.children
        ):
            return True
    return False


REPORTING_VERBS = frozenset({"say", "tell", "announce", "confirm", "add", "state", "report"})


def _setting_of_request(noun: Token, lexicon: Lexicon) -> Token | None:
    """ "urged Netanyahu to move toward a ceasefire ... in a phone call": the call is where the
    request was made, even when the parse hangs it on the requested act; the request verb."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ not in SETTING_PREPOSITIONS or prep.dep_ != "prep":
        return None
    verb = prep.head
    for _ in range(2):
        if verb.dep_ not in ("xcomp", "ccomp", "advcl") or not _to_infinitive(verb):
            return None
        if verb.head.lemma_.lower() in lexicon.hypothetical_governors:
            return verb.head
        verb = verb.head
    return None


def _status(trigger: Token, lexicon: Lexicon) -> str:
    children = list(trigger.children)
    if trigger.pos_ in ("NOUN", "PROPN") and _after_prep(trigger):
        return "occurred"  # "agreed on Monday ..., following talks in Sochi": done before
    request = _setting_of_request(trigger, lexicon)
    if request is not None:
        return _status(request, lexicon)
    if _looked_forward_to(trigger):
        return "planned"  # "looks forward to seeing President Erdogan at the summit"
    if any(c.dep_ == "neg" for c in children):
        return "denied"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & lexicon.future_aux:
        return "planned"
    if "would" in aux and trigger.dep_ == "ccomp" and trigger.head.lemma_ in REPORTING_VERBS:
        return "planned"  # "Zelenskyy said he would travel to Washington": future in the past
    if aux & lexicon.hypothetical_aux:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
        return "hypothetical"
    if trigger.pos_ in ("NOUN", "PROPN") and any(
        c.lower_ in lexicon.future_modifiers
        for c in children
        if c.dep_ in ("amod", "compound", "det")
    ):
        return "planned"
    if trigger.dep_ in ("advcl", "xcomp") and _to_infinitive(trigger):
        governor = trigger.head.lemma_.lower()
        if governor in lexicon.hypothetical_governors:
            return "hypothetical"  # "was pressured by Congress to help Iran"
        if governor in lexicon.negating_governors:
            return "denied"
        governor_status = _status(trigger.head, lexicon)  # "will travel ... to meet X"
        if governor_status in ("planned", "hypothetical", "denied"):
            return governor_status
    if _alleged(trigger, lexicon):
        return "hypothetical"
    head = trigger
    for _ in range(3):
        if head.dep_ not in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep") or head.head == head:
            break
        governor = head.head
        lemma = governor.lemma_.lower()
        infinitive = head.dep_ == "xcomp" or (head.dep_ == "ccomp" and _to_infinitive(head))
        if infinitive and lemma in lexicon.negating_governors:
            return "denied"  # "refused to lift the curfew"
        if lemma in lexicon.hypothetical_governors and (
            infinitive or (head.dep_ == "ccomp" and head.tag_ == "VB")
        ):
            return "hypothetical"  # "urged Iran to release", "demanded that the US cancel"
        if infinitive and lemma in lexicon.future_governors:  # "wants Putin to visit"
            return "planned"
        if head.dep_ == "xcomp" and lemma in lexicon.future_governors:
            return "planned"
        if head.dep_ == "xcomp" and lemma == "be":  # "is to visit"
            return "planned"
        if head.dep_ in ("ccomp", "dobj") and lemma in lexicon.denial_governors:
            return "denied"
        if head.dep_ == "conj":
            head = governor
            continue
        if lemma == "ahead" or (head.dep_ == "prep" and head.lower_ == "ahead"):
            return "planned"
        head = governor
    return "occurred"


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _alleged(trigger: Token, lexicon: Lexicon) -> bool:
    """ "accused Kyiv of shelling Donetsk", "alleged that France armed ...": a claim, not a fact."""
    head = trigger.head
    if trigger.dep_ == "pcomp" and head.dep_ == "prep" and head.head != head:
        return head.head.lemma_.lower() in lexicon.allegation_governors
    return trigger.dep_ == "ccomp" and head.lemma_.lower() in lexicon.allegation_governors


def _mode(trigger: Token, spec: dict[str, Any], lexicon: Lexicon) -> str | None:
    mode = spec.get("mode")
    if spec.get("type") != "CONSULT" or mode in ("phone", "visit"):
        return mode
    text = " " + " ".join(t.lower_ for t in _own_clause(trigger)) + " "
    if any(f" {phrase} " in text for phrase in lexicon.mode_cues["phone"]):
        return "phone"
    return mode


def _own_clause(trigger: Token) -> list[Token]:
    """The trigger's subtree without embedded clauses, which report other events."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in ("ccomp", "advcl", "relcl", "acl", "parataxis", "nsubj", "nsubjpass"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _lemma(token: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, mended where the small model's lemmatizer picks another word
    ("staged" -> "stag", "massed" -> "mass"?): a lexicon verb the inflected form comes from."""
    lemma = token.lemma_.lower()
    if lemma in lexicon.senses:
        return lemma
    word = token.lower_
    for suffix, restore in (("ed", "e"), ("ed", ""), ("es", "e"), ("s", ""), ("ing", "e")):
        if word.endswith(suffix) and word[: -len(suffix)] + restore in lexicon.senses:
            return word[: -len(suffix)] + restore
    return lemma


def _verb_senses(token: Token, lexicon: Lexicon) -> list[tuple[dict[str, Any], Token | None]]:
    """The senses a verb may have, phrasal entries ("call off", "call for") before the lemma's.

    Each comes with the preposition whose object is the verb's object for a verb + preposition
    entry ("called for sanctions", "called on Iran to ..."), else None; a verb with a direct
    object of its own has no such reading.
    """
    lemma = _lemma(token, lexicon)
    keyed: list[tuple[str, Token | None]] = [
        (f"{lemma} {c.lower_}", None) for c in token.children if c.dep_ == "prt"
    ]
    if not direct_objects(token):  # "called Erdogan on his way back" is no "call on"
        keyed += [(f"{lemma} {c.lower_}", c) for c in token.children if c.dep_ == "prep"]
    keyed.append((lemma, None))
    return [
        (spec, prep)
        for key, prep in keyed
        for spec in lexicon.senses.get(key, [])
        if not spec.get("light")
    ]


def _triggers(
    doc: Doc, lexicon: Lexicon
) -> Iterator[tuple[Token, list[tuple[dict[str, Any], Token | None]], bool]]:
    """Each trigger with its candidate senses, tried in order until one fits the clause."""
    for token in doc:
        lemma = token.lemma_.lower()
        # "held his first call with X": a word in a noun's slot is a noun whatever its tag
        nominal = token.pos_ in ("NOUN", "PROPN") or (
            token.dep_ in NOMINAL_DEPS and token.lower_ in lexicon.nouns
        )
        if token.pos_ in ("VERB", "AUX") and not nominal:
            senses = _verb_senses(token, lexicon)
            if senses:
                yield token, senses, False
        elif nominal and (lemma in lexicon.nouns or token.lower_ in lexicon.nouns):
            spec = lexicon.nouns.get(token.lower_) or lexicon.nouns[lemma]
            if spec.get("compound_only") or (spec.get("plural_only") and token.lower_ == lemma):
                continue
            yield token, [(spec, None)], True


def _verb_frame(
    view: SentenceView, token: Token, spec: dict[str, Any], lexicon: Lexicon
) -> Frame | None:
    subj = subjects(token)
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    objects = direct_objects(token)
    wanted = spec.get("objects")
    if wanted and not any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objects):
        return None
    if any(c.dep_ == "prep" and c.lower_ in spec.get("blocked_preps", []) for c in token.children):
        return None
    with_objs = prep_objects(token, {"with", "to"} if spec.get("needs") else {"with"})
    # "spoke with X to offer ...": the parser may read "with" as a clause marker
    for clause in token.children:
        if clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "with" for c in clause.children
        ):
            with_objs += [t for c in clause.children if c.dep_ == "nsubj" for t in expand(c)]
    for obj in objects:
        if obj.lemma_.lower() not in lexicon.relational_nouns:
            with_objs += prep_objects(obj, {"with"})  # "discussed the situation with X"
    frame = _new_frame(view, token, spec, lexicon, symmetric=bool(spec.get("symmetric")))
    subj_m = view.actor_mentions(subj)
    if passive:
        frame.sources = view.actor_mentions(agents(token))
        frame.targets = subj_m
    else:
        frame.sources = subj_m
    object_role = spec.get("object")
    obj_m = view.actor_mentions(objects) if object_role in ("participant", "target") else []
    if spec.get("person_object"):
        obj_m = [m for m in obj_m if m.kind in ("person", "role", "unknown_person")]
    if spec.get("to_target"):
        obj_m += view.actor_mentions(prep_objects(token, {"to"}), places=True)
    if spec.get("in_target"):
        obj_m += view.actor_mentions(prep_objects(token, {"in"}), places=True)
    if not spec.get("in_target"):
        place_tokens = prep_objects(token, {"in", "at"}) + [
            p for o in objects for p in prep_objects(o, {"in", "at"})
        ]
        frame.places = [
            m for m in view.actor_mentions(place_tokens, places=True) if m.kind == "country"
        ]
    if not passive:
        frame.targets = obj_m + [m for m in view.actor_mentions(with_objs) if m not in obj_m]
    if spec.get("requires_object_actor") and not obj_m and not passive:
        return None
    frame.collective = any(m.kind == "collective" for m in frame.sources)
    needs = spec.get("needs")
    if needs:
        plural_subject = len(frame.sources) >= 2 or frame.collective
        has_with = bool(frame.targets)
        if not (("with" in needs and has_with) or ("plural_subject" in needs and plural_subject)):
            return _continuation(frame, token)
    if frame.type == "CONSULT" and _weight(frame.mentions()) < 2 and not frame.collective:
        if spec.get("mode") == "visit" and frame.sources and frame.targets:
            pass
        else:
            return _continuation(frame, token)
    if frame.type != "CONSULT" and not frame.sources:
        return None
    frame.status = _status(token, lexicon)
    return frame


def _split_separately(frame: Frame) -> list[Frame]:
    """ "X spoke separately with A and B" is one contact per partner."""
    if not frame.symmetric or len(frame.targets) < 2 or not frame.sources:
        return [frame]
    separately = any(c.lower_ in SEPARATE_WORDS for c in frame.trigger.children)
    # "spoke by phone on Saturday with both Netanyahu and Abbas": two calls, one per partner
    both = any(
        t.lower_ == "both" and t.dep_ in ("preconj", "det") and t.head.dep_ == "pobj"
        for t in frame.trigger.subtree
    )
    if not (separately or both):
        return [frame]
    frames = []
    for partner in frame.targets:
        single = copy(frame)
        single.targets = [partner]
        frames.append(single)
    return frames


def _continuation(frame: Frame, token: Token) -> Frame | None:
    """A contact verb with no parties of its own ("issues discussed included ...")."""
    if token.lemma_.lower() in CONTINUATION_LEMMAS and not frame.mentions():
        frame.continuation = True
        return frame
    return None


SEPARATE_WORDS = {"separate", "separately", "individual", "individually", "respectively"}
SPLITTABLE_NOUNS = {"call", "conversation", "meeting", "visit"}


def _separate_contacts(token: Token) -> bool:
    """ "held separate calls with A, B and C": one contact per named partner."""
    if any(c.lower_ in SEPARATE_WORDS for c in token.children if c.dep_ in ("amod", "advmod")):
        return True
    return token.tag_ == "NNS" and token.lemma_.lower() in SPLITTABLE_NOUNS


def _new_frame(
    view: SentenceView,
    token: Token,
    spec: dict[str, Any],
    lexicon: Lexicon,
    symmetric: bool,
    nominal: bool = False,
) -> Frame:
    mode = _mode(token, spec, lexicon)
    return Frame(
        view.sentence, token, spec["type"], spec["cameo"], mode, symmetric, nominal=nominal
    )


MAKING_VERBS = {"make", "pay", "undertake", "conduct", "hold"}


def _made_by(noun: Token) -> Token | None:
    """The light verb of a relative clause on the noun ("the visit [Yoon made]", "the call
    [the two held] on Monday")."""
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in MAKING_VERBS:
            return child
    return None


def _noun_frames(
    view: SentenceView, token: Token, spec: dict[str, Any], lexicon: Lexicon
) -> list[Frame]:
    if token.tag_ == "NNS" and any(
        c.dep_ == "amod" and c.lower_ in lexicon.generic_modifiers for c in token.children
    ):
        return []  # "regular mutual visits": contacts in general
    frame = _new_frame(view, token, spec, lexicon, symmetric=True, nominal=True)
    owners = [  # "their talks" says nothing about who talked that the clause does not
        m
        for m in view.actor_mentions(
            [t for c in token.children if c.dep_ == "poss" for t in expand(c)]
        )
        if m.text.lower() != "their"
    ]
    preps = CALL_PARTY_PREPS if frame.mode == "phone" else PARTY_PREPS
    partners = view.actor_mentions(prep_objects(token, preps))
    if frame.mode == "visit":  # "his first visit to Ethiopia": the host country
        partners += [
            m
            for m in view.actor_mentions(prep_objects(token, {"to"}), places=True)
            if m.kind == "country"
        ]
    verb = governing_verb(token)
    made = _made_by(token)
    if made is not None and not owners:
        # "the visit Yoon made to Tokyo in March": the relative clause's subject made the
        # contact; its place, date and tense are the clause's
        owners = view.actor_mentions(subjects(made))
        destinations = [
            t
            for c in made.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for o in c.children
            if o.dep_ == "pobj"
            for t in expand(o)
        ]
        partners += view.actor_mentions(destinations, places=True)
        frame.date_head = made
        frame.status = _status(made, lexicon)
        verb = None
    if verb is not None and not owners:
        lemma = verb.lemma_.lower()
        via_light = token.dep_ in ("dobj", "obj") and (
            lexicon.verbs.get(lemma, {}).get("light") or lemma in CONTACT_TAKING_VERBS
        )
        via_prep = token.dep_ == "pobj"
        if via_light or via_prep:
            owners = [
                m for m in view.actor_mentions(subjects(verb)) if all(m is not p for p in partners)
            ]
            if via_prep:  # "told his Saudi counterpart ... in a phone call"
                owners += [
                    m
                    for m in view.actor_mentions(clause_parties(verb))
                    if m.kind in ("person", "role", "unknown_person")
                    and all(m is not p and m is not o for p in partners for o in owners)
                ]
            if via_light:  # "received a call from X": the party hangs off the verb
                partners += [
                    m
                    for m in view.actor_mentions(prep_objects(verb, preps))
                    if all(m is not p for p in partners)
                ]
            frame.backgrounded = via_prep and token.lemma_.lower() != "talk"
            setting = _setting_of_request(token, lexicon)
            frame.status = "occurred" if _after_prep(token) else _status(setting or verb, lexicon)
        if via_light:
            frame.date_head = verb
    elif token.dep_ == "pobj":
        frame.backgrounded = True
    place_tokens = prep_objects(token, {"in", "at"})
    if verb is not None:
        place_tokens += prep_objects(verb, {"in", "at", "to"})
    frame.places = [
        m for m in view.actor_mentions(place_tokens, places=True) if m.kind == "country"
    ]
    if frame.status == "occurred" and not _after_prep(token):
        frame.status = _status(token, lexicon)
    if not owners:
        # "conversations with Putin and Zelenskyy" names only the other side of someone's
        # contacts; only "between A and B" pairs the named parties with each other.
        partners = view.actor_mentions(prep_objects(token, {"between"}))
    everyone = _unique([*owners, *partners])
    named = [m for m in everyone if m.kind != "collective"]
    if _weight(named) >= 2:
        everyone = named  # "held talks with X, with the two sides reviewing ...": X is enough
        partners = [m for m in partners if m.kind != "collective"]
    frame.collective = any(m.kind == "collective" for m in everyone)
    if not everyone and token.dep_ in ("nsubj", "nsubjpass"):
        frame.continuation = True  # "The call took place on Saturday": dates the last contact
        return [frame]
    if _weight(everyone) < 2 and not frame.collective:
        return []
    partners = _one_per_country(partners)
    if (
        owners
        and len(partners) >= 2
        and _separate_contacts(token)
        and token.lemma_.lower() != "summit"
    ):
        frames = []
        for partner in partners:
            single = copy(frame)
            single.sources = [*owners, partner]
            single.dates = []
            frames.append(single)
        return frames
    frame.sources = everyone
    return [frame]


def _one_per_country(mentions: list[Mention]) -> list[Mention]:
    """ "his Polish and French counterparts" stands for two parties; split it into two mentions."""
    out: list[Mention] = []
    for mention in mentions:
        if len(mention.countries) < 2:
            out.append(mention)
            continue
        for country in mention.countries:
            out.append(replace(mention, country=country, countries=[country]))
    return out


def _unique(mentions: list[Mention]) -> list[Mention]:
    unique: list[Mention] = []
    for mention in mentions:
        if all(mention is not other for other in unique):
            unique.append(mention)
    return unique


def _weight(mentions: list[Mention]) -> int:
    """How many actors the mentions stand for ("the Turkish and U.S. ministers" is two)."""
    return sum(max(1, len(m.countries)) for m in mentions)


def _owning_trigger(token: Token, triggers: dict[int, Frame]) -> Frame | None:
    """Walk from a date word up to the event it modifies, stopping at clause boundaries."""
    current = token
    for _ in range(8):
        if current.i in triggers:
            return triggers[current.i]
        if current.pos_ in ("VERB", "AUX"):
            owned = [f for f in triggers.values() if _inside_clause(f.trigger, current)]
            if not owned and _shares_subject(current) and current.head.i in triggers:
                return triggers[current.head.i]  # "meet Duda and deliver a speech on Tuesday"
            if not owned and current.tag_ == "VBG" and current.dep_ in ("acl", "advcl"):
                # "Bolton, speaking in Jerusalem on Sunday, warned Iran": the participle's time
                # is the time of the clause it hangs on
                anchor = current.head if current.dep_ == "advcl" else current.head.head
                if anchor.i in triggers:
                    return triggers[anchor.i]
            if not owned and current.lemma_.lower() in STATEMENT_VERBS:
                # "May said on Wednesday Britain would expel 23 diplomats": what a statement
                # announces is dated to the statement when it has no date of its own; not an
                # earlier event it reports ("said Assad had arrived in Moscow")
                owned = [
                    f
                    for f in triggers.values()
                    if _in_reported_clause(f.trigger, current) and not _pluperfect(f.trigger)
                ]
                if len(owned) == 1:
                    owned[0].statement_dated = True
            return owned[0] if len(owned) == 1 else None
        if current.head == current:
            break
        current = current.head
    return None


STATEMENT_VERBS = REPORTING_VERBS | {"announce", "declare", "pledge", "vow", "promise"}


def _shares_subject(verb: Token) -> bool:
    """A conjoined verb without a subject of its own: "spoke with X and pledged support"."""
    return (
        verb.dep_ == "conj"
        and verb.head != verb
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _in_reported_clause(trigger: Token, verb: Token) -> bool:
    """Is ``trigger`` the event of the clause ``verb`` reports ("said (that) X would ...")?"""
    return any(
        c.dep_ == "ccomp" and (c == trigger or _inside_clause(trigger, c)) for c in verb.children
    )


def _pluperfect(token: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in token.children)


def _purpose(token: Token) -> bool:
    """ "travel to Washington on Monday to meet Trump": a purpose infinitive shares the time."""
    return token.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _inside_clause(trigger: Token, verb: Token) -> bool:
    """Is ``trigger`` part of ``verb``'s own clause (reached without crossing another verb)?"""
    current = trigger
    for _ in range(8):
        if current == verb:
            return True
        if current.head == current:
            return False
        if current != trigger and current.pos_ in ("VERB", "AUX") and current.dep_ != "xcomp":
            return False
        if (
            current.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis")
            and current != trigger
        ):
            return False
        if (
            current == trigger
            and current.dep_ in ("ccomp", "advcl", "relcl", "acl", "parataxis")
            and not _purpose(current)
        ):
            return False
        if (
            current == trigger
            and current.dep_ == "conj"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        ):
            return False  # "... voted on Sunday, and after Trump threatened": a clause of its own
        current = current.head
    return False


NOUN_MODIFIER_DEPS = ("poss", "compound", "nmod", "amod", "nummod", "appos")


def _modifies_other_noun(root: Token, triggers: dict[int, Frame]) -> bool:
    head = root.head
    return (
        head != root
        and root.dep_ in NOUN_MODIFIER_DEPS
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in triggers
    )


SETTING_PREPOSITIONS = ("in", "during", "at")
# date words that name one day by themselves (not "the same day", "the following day")
ABSOLUTE_DAY_KINDS = (
    "weekday",
    "relative_day",
    "month_day",
    "day_month",
    "iso",
)  # "briefed X on Wednesday on his meetings": topic


def attach_dates(doc: Doc, sentence: Sentence, frames: list[Frame], exprs: list[DateExpr]) -> None:
    by_trigger: dict[int, Frame] = {}
    siblings: dict[int, list[Frame]] = {}
    for frame in frames:
        by_trigger.setdefault(frame.trigger.i, frame)
        siblings.setdefault(id(by_trigger[frame.trigger.i]), []).append(frame)
    for frame in frames:
        if frame.date_head is not None:
            by_trigger.setdefault(frame.date_head.i, frame)
    own_dates: dict[int, list[DateExpr]] = {}
    loose: dict[int, list[DateExpr]] = {}  # dates of clauses that hold no event
    for expr in exprs:
        lo, hi = expr.start - sentence.start, expr.end - sentence.start
        inside = [t for t in doc if t.idx >= lo and t.idx < hi]
        if not inside:
            continue
        root = next((t for t in inside if t.head not in inside or t.head == t), inside[0])
        if _modifies_other_noun(root, by_trigger):
            continue  # "Herzog's July 19 address", "tomorrow's funeral": not this event's date
        owner = _owning_trigger(root, by_trigger)
        if owner is None and (verb := _clause_verb(root)) is not None:
            loose.setdefault(verb.i, []).append(expr)
        if owner is not None:
            dated = replace(expr, statement=True) if owner.statement_dated else expr
            owner.statement_dated = False
            for frame in siblings.get(id(owner), [owner]):
                frame.dates.append(dated)
                if frame.trigger.left_edge.i <= root.i <= frame.trigger.right_edge.i:
                    own_dates.setdefault(id(frame), []).append(dated)
    for frame in frames:
        own = own_dates.get(id(frame), [])
        if own and len(own) < len(frame.dates) and frame.trigger.pos_ in ("NOUN", "PROPN"):
            # "briefed Biden on Wednesday on his meetings ... earlier this week": a noun's own
            # time words beat the day of the clause it sits in
            frame.dates = own
    for frame in frames:
        if not frame.dates:
            frame.dates = _days_apart_date(frame.trigger, by_trigger, loose)
        if not frame.dates:
            frame.dates = _when_clause_date(frame.trigger, doc, sentence, exprs)
        if not frame.dates:
            frame.dates = _coordinated_clause_date(frame.trigger, loose)
    for frame in frames:
        head = by_trigger.get(frame.trigger.head.i)
        if (
            not frame.dates
            and head is not None
            and (_shares_subject(frame.trigger) or _purpose(frame.trigger))
        ):
            # "spoke with X on Saturday and pledged support", "travel on Friday to meet X"
            frame.dates = list(head.dates)
        elif (
            not frame.dates
            and frame.trigger.dep_ == "relcl"
            and any(c.lower_ == "where" for c in frame.trigger.children)
            and (scene := _scene_of_where(frame.trigger, by_trigger)) not in (None, frame)
        ):
            # "his Sunday visit to Saudi Arabia, where he met Crown Prince Mohammed"
            frame.dates = list(scene.dates)
        elif (
            not frame.dates
            and frame.trigger.dep_ == "pobj"
            and frame.trigger.head.dep_ == "prep"
            and frame.trigger.head.lower_ in SETTING_PREPOSITIONS
        ):
            # "met Tsipras in December 2017 in a trip overshadowed by ...": the trip is the
            # meeting's setting and has its date
            verb = frame.trigger.head.head
            governor = by_trigger.get(verb.i)
            for _ in range(2):  # "urged X on Monday to end the war, in a phone call"
                if governor is not None or not _to_infinitive(verb):
                    break
                verb = verb.head
                governor = by_trigger.get(verb.i)
            if governor is not None and governor is not frame:
                frame.dates = list(governor.dates)


COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _days_apart_date(
    trigger: Token, by_trigger: dict[int, Frame], loose: dict[int, list[DateExpr]]
) -> list[DateExpr]:
    """ "dissolved parliament on Tuesday, a day after Hasina resigned": the after-clause's event
    is that many days before the date of the clause it hangs on (after "before", after it)."""
    clause = trigger.head if trigger.dep_ == "conj" else trigger  # "resigned and fled"
    if clause.dep_ != "advcl" or clause.head == clause:
        return []
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    span = next(
        (c for c in clause.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"), None
    )
    if mark is None or span is None or mark.lower_ not in ("after", "before"):
        return []
    count = next((c for c in span.children if c.dep_ in ("det", "nummod")), None)
    number = None if count is None else COUNT_WORDS.get(count.lower_)
    if number is None and count is not None and count.text.isdigit():
        number = int(count.text)
    if number is None:
        return []
    main = clause.head
    anchors = by_trigger[main.i].dates if main.i in by_trigger else loose.get(main.i, [])
    days = [e for e in anchors if e.kind in ABSOLUTE_DAY_KINDS]
    if len(days) != 1:
        return []
    words = " ".join(t.text for t in (count, span, mark))
    shift = -number if mark.lower_ == "after" else number
    return [replace(days[0], offset_days=shift, text=f"{days[0].text}, {words}")]


def _clause_verb(token: Token) -> Token | None:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def _coordinated_clause_date(trigger: Token, loose: dict[int, list[DateExpr]]) -> list[DateExpr]:
    """ "A million people marched on Thursday, and police arrested 457": a clause joined by
    "and" to a dated clause that reports no event of its own happened on that day."""
    if trigger.pos_ not in ("VERB", "AUX") or _pluperfect(trigger):
        return []
    if trigger.dep_ == "conj" and trigger.head.i in loose:
        return list(loose[trigger.head.i])
    return []


def _scene_of_where(verb: Token, by_trigger: dict[int, Frame]) -> Frame | None:
    """The event a "where" clause is set in: the noun it hangs on, or the event whose place
    that noun is ("his visit to Saudi Arabia, where he met ...")."""
    token = verb.head
    for _ in range(3):
        if token.i in by_trigger:
            return by_trigger[token.i]
        if token.dep_ not in ("pobj", "prep", "compound", "appos") or token.head == token:
            return None
        token = token.head
    return None


def _when_clause_date(
    trigger: Token, doc: Doc, sentence: Sentence, exprs: list[DateExpr]
) -> list[DateExpr]:
    """ "It was his first visit since December 2017, when he met Tsipras": a "when" clause
    modifying a date takes that date."""
    if trigger.dep_ not in ("relcl", "advcl") or not any(
        c.lower_ == "when" and c.dep_ == "advmod" for c in trigger.children
    ):
        return []
    head = trigger.head
    for expr in exprs:
        lo, hi = expr.start - sentence.start, expr.end - sentence.start
        if lo <= head.idx < hi:
            return [replace(expr, when_clause=True)]
    return []


def reporter_span(trigger: Token) -> tuple[int, int] | None:
    """Who the text says reported the event: the subject of a statement verb whose clause
    holds it ("the State Department said Blinken spoke ..."), or "according to X"."""
    current = trigger
    for _ in range(5):
        for child in current.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                objects = [t for p in child.children for t in p.children if t.dep_ == "pobj"]
                objects += [t for t in child.children if t.dep_ == "pobj"]
                if objects:
                    subtree = list(objects[0].subtree)
                    return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
        if current.head == current:
            return None
        entered_by = current.dep_
        current = current.head
        if entered_by in ("ccomp", "parataxis") and current.lemma_.lower() in STATEMENT_VERBS:
            found = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if found:
                subtree = list(found[0].subtree)
                return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
            return None
    return None


def code_sentence(
    doc: Doc, sentence: Sentence, mentions: list[Mention], exprs: list[DateExpr], lexicon: Lexicon
) -> list[Frame]:
    """Entry point: every event frame the sentence supports, with its date words attached."""
    # actions.py builds on this module's frames and clause helpers, hence the late import
    from diplograph.events.actions import action_frame, modal_demands

    view = SentenceView(doc, sentence, mentions)
    frames: list[Frame] = []
    for token, senses, is_noun in _triggers(doc, lexicon):
        if is_noun:
            frames.extend(_noun_frames(view, token, senses[0][0], lexicon))
            continue
        for spec, prep in senses:  # in lexicon order: the first sense the clause supports
            if spec["type"] == "CONSULT":
                frame = _verb_frame(view, token, spec, lexicon)
            else:
                frame = action_frame(view, token, spec, lexicon, prep)
            if frame is not None:
                frames.extend(_split_separately(frame))
                break
    frames.extend(modal_demands(view, doc, lexicon))
    attach_dates(doc, sentence, frames, exprs)
    for frame in frames:
        frame.reporter = reporter_span(frame.trigger)
    return frames
