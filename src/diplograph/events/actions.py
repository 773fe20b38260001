"""Code every non-contact event of a sentence: who did what to whom, for all PLOVER types.

Why a module of its own: contacts (``coder.py``) are symmetric meetings whose parties may sit
anywhere in a clause; the other fifteen types are acts with a doer and, usually, a receiver.
Their trigger senses come from the lexicon (``data/events/lexicon.yaml``); this module finds the
source (subject, agent of a passive, or the speaker of "X said it had ...") and the target
(object, or where a target hides: "an Indian proposal", "sanctions on Iran", "demanded that the
US ..."), and decides between a trigger's senses ("launched an attack" vs "launched talks").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from diplograph.events.coder import (
    GROUP_NOUNS,
    TRANSPARENT_NOUNS,
    Frame,
    SentenceView,
    _new_frame,
    _one_per_country,
    _status,
    agents,
    direct_objects,
    expand,
    prep_objects,
    subjects,
)
from diplograph.events.lexicon import Lexicon
from diplograph.model import Mention

# Where a target hides when it is not the direct object: "sanctions on Iran", "fired at Israel".
VERB_TARGET_PREPS = {
    "against",
    "on",
    "upon",
    "at",
    "to",
    "toward",
    "towards",
    "into",
    "from",
    "with",
    "over",
}
# Inside an object phrase: "an Indian proposal", "the removal of Mugabe", "admission by Moscow".
OBJECT_TARGET_PREPS = VERB_TARGET_PREPS | {"of", "by", "for"}  # "warrants for two Brazilians"
OBJECT_MODIFIER_DEPS = ("poss", "amod", "compound", "nmod")
NOMINAL_SLOTS = ("pobj", "pcomp", "nsubj", "nsubjpass", "dobj")
JOINT_WORDS = {"joint", "combined", "bilateral", "trilateral", "multilateral", "mutual"}
OFFICIAL_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
PARTITIVE_NOUNS = (
    GROUP_NOUNS
    | TRANSPARENT_NOUNS
    | {
        "ton",
        "tons",
        "tonne",
        "tonnes",
        "amount",
        "shipment",
        "consignment",
        "lot",
        "part",
        "portion",
        "batch",
        "cargo",
        "load",
        "package",
        "kind",
        "type",
        "piece",
        "pieces",
    }
)


def _objects(token: Token, prep: Token | None) -> list[Token]:
    """The verb's objects; for a verb + preposition entry ("call for"), that preposition's.

    A quantity or part ("25,000 tons of food aid", "part of a stronghold") stands for what
    its "of" phrase names.
    """
    if prep is not None:
        objects = [t for o in prep.children if o.dep_ == "pobj" for t in expand(o)]
    else:
        objects = direct_objects(token)
    for obj in list(objects):
        if obj.lemma_.lower() in PARTITIVE_NOUNS or obj.pos_ == "NUM":
            objects += prep_objects(obj, {"of"})
    return objects


def _passive(token: Token) -> bool:
    """ "was attacked by X", and the participle in "activists detained by police"."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN"


TIME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "weekend",
    "morning",
    "evening",
    "night",
}
MODALS = {"will", "would", "shall", "should", "must"}


def _has_complement(token: Token, wanted: list[str], objects: list[Token]) -> bool:
    """Does the clause have one of the complements a sense needs ("agreed to", "agreed on")?

    ``modal_ccomp`` is a that-clause about the future ("agreed that they should cooperate");
    a preposition governing a date ("agreed on Wednesday") is no complement.
    """
    for item in wanted:
        if item == "dobj" and objects:
            return True
        if item in ("xcomp", "ccomp") and any(c.dep_ == item for c in token.children):
            return True
        if item == "modal_ccomp" and any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in MODALS for a in c.children)
            for c in token.children
        ):
            return True
        if any(
            c.dep_ == "prep"
            and c.lower_ == item
            and not any(o.dep_ == "pobj" and o.lower_ in TIME_WORDS for o in c.children)
            for c in token.children
        ):
            return True
    return False


def _sense_fits(
    view: SentenceView, token: Token, spec: dict[str, Any], objects: list[Token]
) -> bool:
    """The lexical conditions of a sense: its objects, complements, blocked prepositions."""
    wanted = spec.get("objects")
    if wanted and not any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objects):
        return False
    if spec.get("complements") and not _has_complement(token, spec["complements"], objects):
        return False
    if spec.get("prep_actor") and not view.actor_mentions(
        prep_objects(token, set(spec["prep_actor"])), places=True, modifiers=True
    ):
        return False  # "pulled out of Iraq", not "pulled out of the tournament"
    for word, nouns in spec.get("prep_nouns", {}).items():  # "engaged X in a firefight"
        if not any(
            o.lemma_.lower() in nouns for o in prep_objects(token, {word}) if o.dep_ == "pobj"
        ):
            return False
    if spec.get("intransitive") and (
        objects or any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
    ):
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ in spec.get("blocked_preps", []) for c in token.children
    )


def _pobjs(prep: Token) -> list[Token]:
    """ "provided weapons to Ukraine": the parser's dative "to" holds its object below it."""
    return [t for o in prep.children if o.dep_ == "pobj" for t in expand(o)]


def _inner_targets(view: SentenceView, objects: list[Token]) -> list[Mention]:
    """Actors named inside the object phrase: "rejected an Indian proposal"."""
    tokens: list[Token] = []
    for obj in objects:
        tokens += [t for c in obj.children if c.dep_ in OBJECT_MODIFIER_DEPS for t in expand(c)]
        tokens += prep_objects(obj, OBJECT_TARGET_PREPS)
    found = view.actor_mentions(tokens, places=True, modifiers=True)
    return [m for m in found if m.kind != "pronoun"]  # "its troops": the actor itself


def _clause_targets(view: SentenceView, token: Token, depth: int) -> list[Mention]:
    """ "demanded that the US cancel ...", "threatened to impose curbs on German goods"."""
    for clause in token.children:
        if clause.dep_ not in ("ccomp", "xcomp") or clause.pos_ not in ("VERB", "AUX"):
            continue
        found: list[Mention] = []
        if clause.dep_ == "ccomp":
            found = view.actor_mentions(
                [t for c in clause.children if c.dep_ == "nsubj" for t in expand(c)],
                modifiers=True,
            )
        found = found or view.actor_mentions(direct_objects(clause), modifiers=True)
        found = found or _fallback_targets(view, clause, direct_objects(clause), depth + 1)
        found = [m for m in found if m.kind != "pronoun"]
        if found:
            return found
    return []


def _fallback_targets(
    view: SentenceView, token: Token, objects: list[Token], depth: int = 0
) -> list[Mention]:
    """The target when the object is not an actor: first the object phrase, then the verb's
    prepositions and indirect object, then the clause it governs."""
    inner = _inner_targets(view, objects)
    if inner:
        return inner
    around = [t for c in token.children if c.dep_ == "dative" for t in expand(c)]
    around += [t for c in token.children if c.dep_ == "dative" for t in _pobjs(c)]
    around += prep_objects(token, VERB_TARGET_PREPS)
    found = view.actor_mentions(around, places=True, modifiers=True)
    if not found:  # "to the border with Finland", "on the outskirts of Kyiv"
        deeper = [p for t in around for p in prep_objects(t, {"with", "of"})]
        found = view.actor_mentions(deeper, places=True, modifiers=True)
    if found or depth >= 1:
        return found
    return _clause_targets(view, token, depth)


def _official(mention: Mention) -> bool:
    """A state, its officials or an organisation, as opposed to people in the street."""
    if mention.kind in ("person", "role", "org"):
        return True
    if mention.kind == "country":
        return mention.via != "adjective"
    return mention.kind == "institution" and (mention.sector or "") in OFFICIAL_SECTORS


def _joint(view: SentenceView, token: Token, objects: list[Token], sources: list[Mention]) -> bool:
    """ "joint exercises", "Jordan and Britain held exercises", "exercises with Egypt"."""
    if any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for o in objects for c in o.children):
        return True
    if len({m.country or m.text for m in sources}) >= 2:
        return True
    partners = prep_objects(token, {"with"}) + [
        p for o in objects for p in prep_objects(o, {"with"})
    ]
    return bool(view.actor_mentions(partners, modifiers=True))


SELF_PRONOUNS = {"it", "they", "we"}


def _speaker(
    view: SentenceView, token: Token, subject_tokens: list[Token], lexicon: Lexicon
) -> list[Mention]:
    """ "Switzerland said it had expelled ...": a reporting subject speaks of its own act."""
    if not subject_tokens or any(t.lower_ not in SELF_PRONOUNS for t in subject_tokens):
        return []
    clause = token
    while clause.dep_ in ("xcomp", "acomp") and clause.head != clause:  # "said it is willing to"
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.lemma_.lower() not in lexicon.speech_verbs:
        return []
    return view.actor_mentions(
        [t for c in head.children if c.dep_ == "nsubj" for t in expand(c)], modifiers=True
    )


def _apply_variant(frame: Frame, variant: dict[str, Any]) -> None:
    frame.type = variant.get("type", frame.type)
    frame.cameo = variant.get("cameo", frame.cameo)
    frame.mode = variant.get("mode", frame.mode)


def _implied_doer(
    token: Token, spec: dict[str, Any], subject_tokens: list[Token], passive: bool, lexicon: Lexicon
) -> bool:
    """ "A roadside bombing killed one U.S. soldier": the subject is the weapon or the attack,
    so the act is reported but its doer is not named."""
    if passive or spec.get("type") not in lexicon.implied_doer_types:
        return False
    return any(t.lemma_.lower() in lexicon.implied_doers for t in subject_tokens[:1])


def action_frame(
    view: SentenceView,
    token: Token,
    spec: dict[str, Any],
    lexicon: Lexicon,
    prep: Token | None = None,
) -> Frame | None:
    """A non-contact event: who acted (subject or agent) on whom (object, or where the target
    hides), or None when this sense does not fit the clause."""
    passive = _passive(token)
    objects = _objects(token, prep)
    subject_tokens = subjects(token)
    if passive and token.dep_ == "acl":
        subject_tokens = [token.head]  # "activists detained by police": the head is the patient
    if not _sense_fits(view, token, spec, subject_tokens if passive else objects):
        return None
    frame = _new_frame(view, token, spec, lexicon, symmetric=False)
    _parties(view, frame, token, spec, lexicon, subject_tokens, objects, passive)
    if spec.get("requires_object_actor") and not frame.targets:
        return None
    if not frame.sources and not _implied_doer(token, spec, subject_tokens, passive, lexicon):
        return None
    if not frame.targets:
        frame.targets = _fallback_targets(view, token, [] if passive else objects)
    if not frame.sources and not frame.targets:
        return None
    frame.implied_source = not frame.sources
    if not frame.targets and spec.get("place_target"):
        places = prep_objects(token, {"in", "at"}) + [
            p for o in objects for p in prep_objects(o, {"in", "at"})
        ]
        frame.targets = view.actor_mentions(places, places=True, modifiers=True)
    frame.targets = [m for m in frame.targets if all(m is not s for s in frame.sources)]
    if spec.get("needs_target") and not frame.targets:
        return None
    frame.sources = _one_per_country(frame.sources)  # "Hungarian and Romanian officials"
    frame.targets = _one_per_country(frame.targets)
    if spec.get("official") and all(_official(m) for m in frame.sources):
        _apply_variant(frame, spec["official"])
    if spec.get("verbal") and any(
        c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in lexicon.speech_verbs
        for c in token.children
    ):
        _apply_variant(frame, spec["verbal"])  # "attacked British imperialists, saying ..."
    if spec.get("joint") and _joint(view, token, objects, frame.sources):
        _apply_variant(frame, spec["joint"])
    frame.status = _status(token, lexicon)
    if frame.status == "denied" and spec.get("negated"):
        _apply_variant(frame, spec["negated"])  # "will not accept refugees": a refusal
        frame.status = "occurred"
    return frame


def modal_demands(view: SentenceView, doc: Doc, lexicon: Lexicon) -> list[Frame]:
    """ "Russia said Sudan must return the helicopter": the speaker demands it of Sudan.

    A reported clause whose subject is another actor and whose verb carries a modal of
    obligation is a demand (CAMEO 10) or appeal (02) however the speech verb is worded.
    """
    frames: list[Frame] = []
    for clause in doc:
        head = clause.head
        if clause.dep_ != "ccomp" or head.lemma_.lower() not in lexicon.speech_verbs:
            continue
        modal = next(
            (
                c.lower_
                for c in clause.children
                if c.dep_ == "aux" and c.lower_ in lexicon.demand_modals
            ),
            None,
        )
        if modal is None:
            continue
        speakers = _located(
            view, [t for c in head.children if c.dep_ == "nsubj" for t in expand(c)]
        )
        addressees = [
            m
            for m in _located(
                view, [t for c in clause.children if c.dep_ == "nsubj" for t in expand(c)]
            )
            if m.kind not in ("pronoun", "collective") and all(m is not s for s in speakers)
        ]
        if not speakers or not addressees:
            continue
        frame = Frame(view.sentence, head, "REQUEST", lexicon.demand_modals[modal], None, False)
        frame.sources = _one_per_country(speakers)
        frame.targets = _one_per_country(addressees)
        frame.status = _status(head, lexicon)
        frames.append(frame)
    return frames


def _parties(
    view: SentenceView,
    frame: Frame,
    token: Token,
    spec: dict[str, Any],
    lexicon: Lexicon,
    subject_tokens: list[Token],
    objects: list[Token],
    passive: bool,
) -> None:
    """Sources and targets from the clause's grammatical slots."""
    if spec.get("inverse"):  # "received weapons from X": X gave, the subject got
        frame.sources = view.actor_mentions(prep_objects(token, {"from"}), modifiers=True)
        frame.targets = view.actor_mentions(subject_tokens, modifiers=True)
        return
    if passive:
        frame.sources = view.actor_mentions(agents(token), modifiers=True)
        frame.targets = view.actor_mentions(subject_tokens, modifiers=True)
        return
    frame.sources = _located(view, subject_tokens)
    if all(m.kind in ("collective", "pronoun") for m in frame.sources):
        frame.sources = _speaker(view, token, subject_tokens, lexicon) or frame.sources
    if not frame.sources and token.dep_ in NOMINAL_SLOTS:
        # a gerund used as a noun names its doer as a modifier: "killed in Israeli shelling"
        frame.sources = view.actor_mentions(
            [c for c in token.children if c.dep_ in OBJECT_MODIFIER_DEPS], modifiers=True
        )
    if spec.get("object") == "target":
        frame.targets = view.actor_mentions(objects, places=True, modifiers=True)


def _located(view: SentenceView, tokens: list[Token]) -> list[Mention]:
    """Actors under ``tokens``; a body named without its country takes the country it is said
    to be in or from ("opposition groups in Zimbabwe", "rebels from Sierra Leone")."""
    found = view.actor_mentions(tokens, modifiers=True)
    out: list[Mention] = []
    for mention in found:
        if mention.kind == "institution" and not mention.country and not mention.countries:
            places = view.actor_mentions(
                [p for t in tokens for p in prep_objects(t, {"in", "from"})], places=True
            )
            countries = [m.country for m in places if m.kind == "country" and m.country]
            if countries:
                mention = replace(mention, country=countries[0], countries=[countries[0]])
        out.append(mention)
    return out
