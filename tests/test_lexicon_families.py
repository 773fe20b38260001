"""Every PLOVER type in the trigger lexicon, through the real pipeline (issue #4).

Each family has sentences that must code to that type and near misses that must not: a word
that is a trigger in one sense and ordinary English in another ("released a new album"), or a
report that only asks for, refuses, threatens or alleges the act. The sentences were written for
these tests; none is taken from the gold files used by ``benchmarks/quality_events.py``.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.model import Article, Event
from diplograph.pipeline import extract_articles

PUBLISHED = date(2024, 6, 14)
ASSERTED = ("occurred", "planned")


@pytest.fixture(scope="module")
def code(resources):
    def run(text: str) -> list[Event]:
        article = Article(doc_id="t", text=text, published=PUBLISHED, published_source="metadata")
        return next(extract_articles([article], resources)).events

    return run


def asserted(events: list[Event], kind: str) -> list[Event]:
    """Events of ``kind`` the sentence reports as done or planned (not denied or conditional)."""
    return [e for e in events if e.type == kind and e.status in ASSERTED]


def countries(event: Event, role: str) -> set[str | None]:
    return {a.country for a in event.actors if a.role == role}


# (sentence, type, source country, target country or None when the sentence names none)
POSITIVE = [
    # AGREE: intent to cooperate
    ("Serbia agreed to hold new elections in the spring.", "AGREE", "SRB", None),
    ("Japan pledged to provide more funding for the reconstruction.", "AGREE", "JPN", None),
    ("Egypt offered to mediate between Israel and Hamas.", "AGREE", "EGY", None),
    # CONSULT: an existing family, one case so the table is complete
    ("France and Germany held talks in Paris on Monday.", "CONSULT", None, None),
    # SUPPORT: praise, agreements, recognition, ties
    ("Canada praised Kenya for its role in the peace process.", "SUPPORT", "CAN", "KEN"),
    ("Brazil restored diplomatic relations with Venezuela.", "SUPPORT", "BRA", "VEN"),
    ("Ukraine ratified a security treaty with Poland on Tuesday.", "SUPPORT", "UKR", "POL"),
    # CONCEDE: easing, amnesty
    ("Sudan lifted the curfew in Khartoum on Sunday.", "CONCEDE", "SDN", None),
    ("Belarus granted amnesty to hundreds of prisoners.", "CONCEDE", "BLR", None),
    # COOPERATE: judicial, intelligence, joint military
    ("Spain extradited two suspects to France.", "COOPERATE", "ESP", "FRA"),
    ("Kenya shared intelligence with Somalia.", "COOPERATE", "KEN", "SOM"),
    ("Jordan and Britain held joint military exercises.", "COOPERATE", "JOR", None),
    # AID: material aid, asylum
    ("Germany sent humanitarian aid to Sudan.", "AID", "DEU", "SDN"),
    ("The United States provided weapons to Ukraine.", "AID", "USA", "UKR"),
    ("Ecuador granted asylum to two Venezuelan dissidents.", "AID", "ECU", "VEN"),
    # RETREAT: releases, withdrawals, ceasefires
    ("Israel released 30 Palestinian prisoners.", "RETREAT", "ISR", "PSE"),
    ("Russia withdrew its troops from Moldova.", "RETREAT", "RUS", "MDA"),
    ("Hamas declared a ceasefire on Friday.", "RETREAT", None, None),
    # REQUEST: appeals, demands, "X must"
    ("France urged Iran to release the detained diplomats.", "REQUEST", "FRA", "IRN"),
    ("China demanded that Japan withdraw its warships.", "REQUEST", "CHN", "JPN"),
    ("Germany called on Russia to end the war.", "REQUEST", "DEU", "RUS"),
    ("Norway said Israel must allow aid into Gaza.", "REQUEST", "NOR", "ISR"),
    # ACCUSE: criticism, accusations, inquiries
    ("Poland condemned Belarus over the border crisis.", "ACCUSE", "POL", "BLR"),
    ("Ukraine accused Russia of shelling Kharkiv.", "ACCUSE", "UKR", "RUS"),
    ("Hungary opened an investigation into the bank's Russian owners.", "ACCUSE", "HUN", "RUS"),
    # REJECT: rejections, refusals, vetoes, negated acceptance
    ("Iran rejected the European proposal.", "REJECT", "IRN", None),
    ("Israel refused to lift the blockade.", "REJECT", "ISR", None),
    ("Russia vetoed the resolution on Syria.", "REJECT", "RUS", None),
    ("Lebanon said it will not accept more Syrian refugees.", "REJECT", "LBN", None),
    # THREATEN
    ("North Korea threatened to strike South Korea.", "THREATEN", "PRK", "KOR"),
    ("Turkey issued an ultimatum to Syria.", "THREATEN", "TUR", "SYR"),
    # PROTEST: collective dissent by civilians
    ("Thousands of Kenyan students protested in Nairobi.", "PROTEST", "KEN", None),
    ("Palestinians rioted in Hebron on Friday.", "PROTEST", "PSE", None),
    ("Iranian teachers staged a strike over pay.", "PROTEST", "IRN", None),
    # MOBILIZE: force posture
    ("Russia deployed troops to the border with Finland.", "MOBILIZE", "RUS", "FIN"),
    ("China held military drills near Taiwan.", "MOBILIZE", "CHN", None),
    ("Armenia mobilized its reservists.", "MOBILIZE", "ARM", None),
    # SANCTION: reducing relations
    ("The European Union imposed sanctions on Iran.", "SANCTION", None, "IRN"),
    ("Morocco recalled its ambassador from Algeria.", "SANCTION", "MAR", "DZA"),
    ("Lithuania expelled two Russian diplomats.", "SANCTION", "LTU", "RUS"),
    # COERCE: arrests, curfews, bans
    ("Turkish police arrested dozens of Kurdish activists.", "COERCE", "TUR", None),
    ("Myanmar imposed a curfew in Yangon.", "COERCE", "MMR", None),
    ("Hungary banned the opposition party.", "COERCE", "HUN", None),
    # ASSAULT: violence
    ("Russia launched air strikes on Kharkiv.", "ASSAULT", "RUS", None),
    ("Israeli forces killed three Palestinian militants.", "ASSAULT", "ISR", "PSE"),
    ("Azerbaijan shelled Armenian positions overnight.", "ASSAULT", "AZE", "ARM"),
]

NEAR_MISSES = [
    # a trigger word in its ordinary sense
    ("Japan offered condolences to the families of the victims.", "AGREE"),
    ("Serbia agreed that the report was accurate.", "AGREE"),
    ("Canada signed the guest book at the embassy.", "SUPPORT"),
    ("Brazil welcomed the players at the airport.", "SUPPORT"),
    ("Sudan lifted the trophy after the final.", "CONCEDE"),
    ("Russia held military exercises near the border.", "COOPERATE"),
    ("Germany sent a letter to Sudan.", "AID"),
    ("Germany released its growth forecast on Monday.", "RETREAT"),
    ("Italy withdrew from the tournament after the injury.", "RETREAT"),
    ("China insisted that the talks had been useful.", "REQUEST"),
    ("Turkey warned of heavy rain in the east.", "THREATEN"),
    ("China protested to Japan over the visit.", "PROTEST"),
    ("Russia deployed a new payment system.", "MOBILIZE"),
    ("Morocco recalled its victory over Spain.", "SANCTION"),
    ("Hungary imposed a new tax on banks.", "COERCE"),
    ("Argentina fired its coach after the defeat.", "ASSAULT"),
    ("Kenya said the players must rest.", "REQUEST"),
    # the act is asked for, refused, alleged, denied or threatened, not done
    ("France urged Iran to release the detained diplomats.", "RETREAT"),
    ("Israel refused to lift the blockade.", "RETREAT"),
    ("Ukraine accused Russia of shelling Kharkiv.", "ASSAULT"),
    ("Iran did not reject the proposal.", "REJECT"),
    ("North Korea threatened to strike South Korea.", "ASSAULT"),
    ("China demanded that Japan withdraw its warships.", "RETREAT"),
    # verbal, not physical; a game, not a war
    ("South Africa attacked Britain's policy, saying it was colonial.", "ASSAULT"),
    ("Italy's prime minister launched an attack on the budget, saying it was reckless.", "ASSAULT"),
    ("Italy launched a series of attacks in the second half.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "kind", "source", "target"), POSITIVE)
def test_family_codes_its_type(code, text, kind, source, target):
    events = code(text)
    found = asserted(events, kind)
    assert found, [(e.type, e.status, e.trigger) for e in events]
    if source:
        assert any(source in countries(e, "source") for e in found), [
            [(a.role, a.country) for a in e.actors] for e in found
        ]
    if target:
        assert any(target in countries(e, "target") for e in found), [
            [(a.role, a.country) for a in e.actors] for e in found
        ]


@pytest.mark.parametrize(("text", "kind"), NEAR_MISSES)
def test_near_miss_does_not_code_the_type(code, text, kind):
    events = code(text)
    assert not asserted(events, kind), [(e.type, e.status, e.trigger) for e in events]


def test_every_plover_type_has_a_family(resources):
    """The lexicon covers all 16 PLOVER types, and the tests above exercise each of them."""
    plover = {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
    }  # fmt: skip
    in_lexicon = {
        spec.get(key, {}).get("type") if key else spec.get("type")
        for specs in resources.lexicon.senses.values()
        for spec in specs
        for key in (None, "official", "joint", "negated", "verbal")
    }
    assert plover <= in_lexicon
    assert plover <= {kind for _, kind, _, _ in POSITIVE}


def test_protest_by_a_government_is_a_complaint(code):
    events = code("China protested to Japan over the visit.")
    assert asserted(events, "ACCUSE")


def test_refusal_leaves_the_refused_act_denied(code):
    events = code("Israel refused to lift the blockade.")
    lifted = [e for e in events if e.type == "RETREAT"]
    assert lifted and all(e.status == "denied" for e in lifted)
