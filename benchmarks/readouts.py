"""Contact extraction measured on White House call/meeting readouts (titles as weak gold).

Why readouts: a title such as "Readout of President Biden's Call with Chancellor Olaf Scholz of
Germany" states the mode and the counterpart's country, and the readout is published the day of
the contact. The script reports how often the body yields one CONSULT event with the US and the
named country, the right mode, and the publication day as its date. Titles are never shown to
the extractor's date logic; they only fix the mode (a headline cue the extractor also uses).

    python benchmarks/readouts.py [--limit 400]
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

from diplograph.actors.kb import load_kb
from diplograph.actors.mentions import find_mentions
from diplograph.model import Article
from diplograph.pipeline import extract_articles, load_resources

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "whitehouse_briefing_room_2021_2026.jsonl"
TITLE = re.compile(
    r"^Readout of (?:President|Vice President)[^’']*[’']s? "
    r"(Call|Phone Call|Meeting|Bilateral Meeting) [Ww]ith (.+)$"
)


def gold_from_title(title: str, kb) -> tuple[str, str] | None:
    match = TITLE.match(title)
    if not match:
        return None
    mode = "phone" if "Call" in match.group(1) else "meeting"
    countries = {
        m.country for m in find_mentions(match.group(2), kb) if m.country and m.country != "USA"
    }
    if len(countries) != 1 or " and " in match.group(2):
        return None
    return mode, countries.pop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    kb = load_kb()
    cases = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            gold = gold_from_title(row["title"], kb)
            if gold:
                cases.append((row, gold))
            if len(cases) >= args.limit:
                break
    articles = [
        Article(
            doc_id=r["id"],
            text=r["text"],
            title=r["title"],
            published=date.fromisoformat(r["published"]),
            published_source="metadata",
        )
        for r, _ in cases
    ]
    found = right_mode = right_date = wrong_date = extra = 0
    for (row, (mode, country)), result in zip(
        cases, extract_articles(articles, load_resources()), strict=True
    ):
        consult = [e for e in result.events if e.type == "CONSULT"]
        hits = [e for e in consult if {a.country for a in e.actors} >= {"USA", country}]
        extra += max(0, len(consult) - len(hits[:1]))
        if not hits:
            continue
        event = max(hits, key=lambda e: len(e.evidence))  # the contact the readout is about
        found += 1
        right_mode += event.mode == mode or (
            mode == "meeting" and event.mode in ("visit", "meeting")
        )
        if event.date == date.fromisoformat(row["published"]):
            right_date += 1
        elif event.date is not None and event.date_precision == "day":
            wrong_date += 1
    n = len(cases)
    print(f"readouts with a one-country counterpart in the title: {n}")
    print(f"contact found (USA + that country): {found} ({found / n:.1%})")
    print(
        f"  mode right: {right_mode}/{found}; dated to the readout day: {right_date}/{found}; "
        f"another day (includes true 'yesterday' contacts): {wrong_date}"
    )
    print(f"other CONSULT events in these readouts (not checked against the title): {extra}")


if __name__ == "__main__":
    main()
