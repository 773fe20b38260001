"""Held-out, hand-written articles (other countries, outlets, boilerplate) with a gold file.

The articles were written by a separate annotator. Their first measurement (recall 0.56) led to
general fixes (datelines, place names, clause-aware dating), so they are a development set now;
``tests/data/heldout`` is the untouched set. The floors sit just under the measured figures so a
regression fails the build.
"""

from diplograph.text import fold

ORG_CODES = {"UN": "UNO"}


def gold_key(event):
    return frozenset(ORG_CODES.get(c, c) for c in event["countries"])


def found_key(event):
    return frozenset(a.country for a in event.actors if a.country)


def same_people(gold, event):
    names = {fold(a.name or a.text) for a in event.actors}
    wanted = [
        fold(p)
        for p, c in zip(gold["participants"], gold["countries"], strict=True)
        if len(c) == 3 and c not in ("UN",)
    ]
    return all(any(w.split()[-1] in n or n.split()[-1] in w for n in names) for w in wanted)


def match(gold_events, events):
    pairs = []
    used = set()
    for g in gold_events:
        for i, e in enumerate(events):
            if (
                i in used
                or e.type != "CONSULT"
                or found_key(e) != gold_key(g)
                or not same_people(g, e)
            ):
                continue
            if e.status != g["status"]:
                continue
            pairs.append((g, e))
            used.add(i)
            break
    return pairs


def test_contacts_recall_precision_and_dates(variant_results, variant_gold):
    total_gold = total_found = matched = wrong_dates = right_dates = 0
    for doc_id, gold in variant_gold.items():
        events = [e for e in variant_results[doc_id].events if e.type == "CONSULT"]
        pairs = match(gold["events"], events)
        total_gold += len(gold["events"])
        total_found += len(events)
        matched += len(pairs)
        for g, e in pairs:
            if e.date_precision == "day" and g["date"] and e.date.isoformat() != g["date"]:
                wrong_dates += 1
            if g["date"] and e.date and e.date.isoformat() == g["date"]:
                right_dates += 1
            if g["date"] is None and e.date_precision == "day":
                wrong_dates += 1
    recall = matched / total_gold
    precision = matched / max(1, total_found)
    print(
        f"variants: gold {total_gold}, found {total_found}, matched {matched}, "
        f"recall {recall:.2f}, precision {precision:.2f}, right dates {right_dates}, wrong dates {wrong_dates}"
    )
    assert recall >= RECALL_FLOOR
    assert precision >= PRECISION_FLOOR
    assert wrong_dates <= WRONG_DATES_CEILING


RECALL_FLOOR = 0.85
PRECISION_FLOOR = 0.8
WRONG_DATES_CEILING = 0
