"""Confidence calibration on the public event gold files (issue #4).

Why a table and not one number: users filter on ``confidence``; what they need to know is how
often events above a threshold are right. An event counts as right when its PLOVER type (as
PLOVER codes planned acts) is among the gold types of its sentence. Both splits are printed;
the confidence formula is never fitted to these files.

    python benchmarks/calibration.py
"""

from __future__ import annotations

from pathlib import Path

from diplograph.evaluate_events import evaluate_events, plover_view
from diplograph.pipeline import load_resources

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD_FILES = ("plover_gsr_cameo.jsonl", "petrarch2_gsr_validation.jsonl")
BUCKETS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def main() -> None:
    if not all((DATA / name).exists() for name in GOLD_FILES):
        print(f"gold files not found in {DATA}; nothing to measure")
        return
    resources = load_resources()
    for split in ("dev", "test"):
        counts = {bucket: [0, 0] for bucket in BUCKETS}
        for name in GOLD_FILES:
            report = evaluate_events(DATA / name, resources, split)
            for result in report.results:
                for event in result.events:
                    kind, _ = plover_view(event, resources.lexicon)
                    bucket = next(b for b in BUCKETS if b[0] <= event.confidence < b[1])
                    counts[bucket][0] += 1
                    counts[bucket][1] += kind in result.gold_types
        print(f"split {split}: confidence bucket, events, right, share right")
        for (low, high), (total, right) in counts.items():
            share = f"{right / total:.2f}" if total else "-"
            print(f"  [{low:.1f}, {min(high, 1.0):.1f})  {total:4d}  {right:4d}  {share}")
        high = [counts[b] for b in BUCKETS if b[0] >= 0.8]
        total, right = sum(t for t, _ in high), sum(r for _, r in high)
        print(
            f"  confidence >= 0.8: {right}/{total} right"
            + (f" = {right / total:.2f}" if total else "")
        )


if __name__ == "__main__":
    main()
