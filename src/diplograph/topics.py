"""Topics of an event: the places, states, organisations and issues its sentences talk about.

Why from the event's own sentences: a topic belongs to the contact that discussed it, not to
the article. Participants' own countries are left out (Turkey is not a topic of a Turkish call).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from diplograph.actors.kb import KnowledgeBase
from diplograph.model import Mention
from diplograph.text import fold, token_key, tokens


@dataclass(frozen=True)
class TopicLexicon:
    phrases: dict[tuple[str, ...], str]
    contexts: dict[str, str]
    max_len: int


@lru_cache(maxsize=1)
def load_topics() -> TopicLexicon:
    raw = yaml.safe_load(
        resources.files("diplograph").joinpath("data/topics/topics.yaml").read_text("utf-8")
    )
    phrases: dict[tuple[str, ...], str] = {}
    contexts: dict[str, str] = {}
    for label, words in raw["places"].items():
        for word in words:
            phrases[token_key(word)] = label
    for label, spec in raw["issues"].items():
        contexts[label] = spec.get("context", "")
        for word in spec["phrases"]:
            phrases[token_key(word)] = label
    return TopicLexicon(phrases, contexts, max(len(k) for k in phrases))


def lexicon_topics(text: str, lexicon: TopicLexicon) -> list[str]:
    toks = [t for t, _, _ in tokens(fold(text))]
    found: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(lexicon.max_len, len(toks) - i), 0, -1):
            label = lexicon.phrases.get(tuple(toks[i : i + n]))
            if label:
                if label not in found:
                    found.append(label)
                i += n
                break
        else:
            i += 1
    return found


def event_topics(
    sentences: list[str],
    mentions: list[Mention],
    exclude_polities: set[str],
    kb: KnowledgeBase,
) -> list[str]:
    """Entry point: normalised topic labels, most specific first (places, states, issues)."""
    lexicon = load_topics()
    places: list[str] = []
    for mention in mentions:
        if (
            mention.kind in ("country", "org")
            and mention.country
            and mention.country not in exclude_polities
        ):
            name = kb.polity_name(mention.country)
            if name and name not in places:
                places.append(name)
    issues: list[str] = []
    for sentence in sentences:
        for label in lexicon_topics(sentence, lexicon):
            if label not in issues and label not in places:
                issues.append(label)
    return places + issues
