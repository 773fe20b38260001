"""Speed of a full extract against a plain en_core_web_sm parse of the same text.

Why this baseline: the product promise is that diplograph costs less than just parsing the text
with spaCy's small English model, because it parses only sentences that can hold an event.
Both sides run in this process on the same articles, models loaded before the clock starts.

    python benchmarks/speed.py [--limit 300] [--corpus PATH.jsonl]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from diplograph.ingest import read_articles
from diplograph.model import Article
from diplograph.nlp import MODEL_NAMES
from diplograph.pipeline import extract_articles, load_resources

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "whitehouse_briefing_room_2021_2026.jsonl"


def load_corpus(path: Path, limit: int) -> list[Article]:
    """The first ``limit`` readouts and statements: dense diplomatic text, like our input."""
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            if not obj.get("text"):
                continue
            articles.append(Article(doc_id=obj["id"], text=obj["text"], title=obj.get("title")))
            if len(articles) >= limit:
                break
    return articles


def load_full_model():
    """The complete small English pipeline (parser and NER), as a user would run it."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English spaCy model installed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if args.corpus.exists():
        articles = load_corpus(args.corpus, args.limit)
    else:
        articles = [
            a for a in read_articles([ROOT / "examples" / "seeds.jsonl"]) if isinstance(a, Article)
        ]
    chars = sum(len(a.text) for a in articles)

    baseline_nlp = load_full_model()
    resources = load_resources()
    list(extract_articles(articles[:3], resources))  # warm caches
    list(baseline_nlp.pipe([a.text for a in articles[:3]]))

    start = time.perf_counter()
    tokens = sum(len(doc) for doc in baseline_nlp.pipe([a.text for a in articles], batch_size=64))
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    results = list(extract_articles(articles, resources))
    ours = time.perf_counter() - start
    events = sum(len(r.events) for r in results)

    print(
        f"corpus: {len(articles)} articles, {chars:,} characters, {tokens:,} tokens "
        f"({args.corpus.name if args.corpus.exists() else 'examples'})"
    )
    print(f"plain en_core_web_sm parse: {baseline:7.2f} s  ({chars / baseline:,.0f} chars/s)")
    print(
        f"diplograph full extract:    {ours:7.2f} s  ({chars / ours:,.0f} chars/s, {events} events)"
    )
    print(f"speed-up over the plain parse: {baseline / ours:.2f}x (target >= 1.5x)")


if __name__ == "__main__":
    main()
