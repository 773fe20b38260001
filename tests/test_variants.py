"""Hand-written articles (other countries, outlets, page chrome) scored against gold files.

Both sets were written by separate annotators who never saw the code. ``variants`` was measured
first (recall 0.56) and its errors led to general fixes (datelines, place names, clause-aware
dating), so it is a development set now. ``heldout`` was scored untouched first (recall 0.58,
precision 0.63, no wrong dates); its errors then led to general boilerplate and role fixes.
The floors sit just under the figures measured after those fixes, so a regression fails.
"""

import json
from pathlib import Path

import pytest

from conftest import ROOT, load_articles
from contact_scoring import score
from diplograph.pipeline import extract_articles

FLOORS = {
    # set: (recall, precision, wrong day-precision dates allowed)
    "variants": (0.9, 0.85, 0),
    "heldout": (0.75, 0.8, 0),
}


def load_gold(name: str) -> tuple[Path, dict[str, dict]]:
    folder = ROOT / "tests" / "data" / name
    lines = (folder / "gold.jsonl").read_text().splitlines()
    return folder, {json.loads(line)["id"]: json.loads(line) for line in lines if line.strip()}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_contacts_recall_precision_and_dates(resources, name):
    folder, gold = load_gold(name)
    results = {
        r.clean.article.doc_id: r
        for r in extract_articles(load_articles([folder / "articles.jsonl"]), resources)
    }
    measured = score(results, gold)
    print(f"{name}: {measured}")
    recall, precision, wrong = FLOORS[name]
    assert measured.recall >= recall
    assert measured.precision >= precision
    assert measured.wrong_dates <= wrong


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_annotated_chrome_is_removed_and_story_kept(resources, name):
    folder, gold = load_gold(name)
    from diplograph.clean import clean_article

    missed, wrongly_removed, total = [], [], 0
    for article in load_articles([folder / "articles.jsonl"]):
        clean = clean_article(article)
        chrome = set(gold[article.doc_id]["boilerplate"])
        total += len(chrome)
        kept = set(clean.clean_text.splitlines())
        missed += [line for line in chrome if line.strip() in kept]
        wrongly_removed += [
            r.text for r in clean.removed if r.reason != "dateline" and r.text not in chrome
        ]
    assert len(missed) <= 0.05 * total, missed
    assert wrongly_removed == []
