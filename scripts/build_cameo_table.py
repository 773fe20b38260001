"""Rebuild ``cameo_codes.csv`` from the CAMEO fact table in the shared research notes.

Why: the Goldstein weights and quad classes must be one versioned table that every record
names (peers publish tables that disagree). We take GDELT's lookup as quoted in the notes,
keep it as a reviewed data file, and never edit numbers by hand.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROW = re.compile(
    r"^\|\s*\**(\d{2,4})\**\s*\|\s*\**(.+?)\**\s*\|\s*([+-]?\d+\.\d)\s*\|([^|]*)\|\s*(\d)\s*\|\s*(\d)\s*\|\s*(.+?)\s*\|$"
)


def parse_rows(markdown: str) -> list[dict[str, str]]:
    rows = []
    for line in markdown.splitlines():
        match = ROW.match(line.strip())
        if not match:
            continue
        code, label, goldstein, phoenix, gdelt_quad, _pquad, plover = match.groups()
        rows.append(
            {
                "code": code,
                "label": label.strip(),
                "goldstein": f"{float(goldstein):.1f}",
                "goldstein_phoenix": phoenix.strip().replace("missing", ""),
                "quad_class": gdelt_quad,
                "plover_root": plover.strip(),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", default="../shared/reference/ontology_and_users.md")
    parser.add_argument("--out", default="src/diplograph/data/events/cameo_codes.csv")
    args = parser.parse_args()
    rows = parse_rows(Path(args.notes).read_text(encoding="utf-8"))
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} CAMEO codes written to {args.out}")


if __name__ == "__main__":
    main()
