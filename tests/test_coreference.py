"""Names, titles and pronouns in context, on sentences written for the tests."""

from datetime import date

from diplograph.actors.kb import load_kb
from diplograph.actors.mentions import find_mentions
from diplograph.actors.resolver import (
    DocContext,
    resolve_mention,
    resolve_pronoun,
    resolve_typed_group,
)
from diplograph.nlp import split_sentences


def _resolve_at(text: str, needle: str, day: date, resources) -> list:
    """Resolve the mention starting at the last occurrence of ``needle`` as the pipeline does."""
    kb = load_kb()
    mentions = find_mentions(text, kb)
    ctx = DocContext.from_mentions(kb, mentions, text)
    at = text.rindex(needle)
    target = next(m for m in mentions if m.start <= at < m.end)
    if target.kind != "pronoun":
        return resolve_mention(target, day, ctx, [])
    sentences = split_sentences(text, resources.pipelines.splitter)
    current = next(s for s in sentences if s.start <= at < s.end)
    previous = sentences[current.index - 1].start if current.index else -1
    return resolve_pronoun(target, day, ctx, [], [], (current.start, previous))


def _names(actors) -> list[str | None]:
    return [a.name for a in actors]


def test_object_pronoun_is_not_the_subject_of_its_clause(resources):
    text = (
        "Kenyan President William Ruto received Ghana's President Nana Akufo-Addo in Nairobi. "
        "Ruto told him that trade would grow."
    )
    assert _names(_resolve_at(text, "him", date(2023, 6, 1), resources)) == ["Nana Akufo-Addo"]


def test_possessive_inside_a_quotation_is_not_the_speaker(resources):
    text = 'Olaf Scholz said: "I thank Emmanuel Macron and his government for the support."'
    assert _names(_resolve_at(text, "his", date(2023, 6, 1), resources)) == ["Emmanuel Macron"]


def test_object_her_after_a_verb_takes_the_person_just_named(resources):
    text = "Justin Trudeau congratulated Giorgia Meloni and invited her to Ottawa."
    assert _names(_resolve_at(text, "her", date(2023, 6, 1), resources)) == ["Giorgia Meloni"]


def test_honorific_and_given_name_point_back_to_the_full_name(resources):
    text = (
        "Antony Blinken met Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani. "
        "Blinken thanked Sheikh Mohammed for the mediation."
    )
    actors = _resolve_at(text, "Sheikh Mohammed", date(2024, 2, 6), resources)
    assert [a.id for a in actors] == ["mohammed_bin_abdulrahman_al_thani"]


def test_title_and_given_name_resolve_by_office_on_the_date(resources):
    actors = _resolve_at(
        "Rubio met King Abdullah in Amman.", "King Abdullah", date(2025, 3, 1), resources
    )
    assert _names(actors) == ["Abdullah II"] and actors[0].country == "JOR"


def test_bare_title_finds_the_only_holder_in_the_story(resources):
    text = "Liz Truss was asked by the Queen to form a government."
    actors = _resolve_at(text, "the Queen", date(2022, 9, 6), resources)
    assert _names(actors) == ["Elizabeth II"]


def test_bare_title_with_two_possible_holders_stays_unresolved(resources):
    text = "Kenya and Ghana signed a trade deal. The President welcomed it."
    assert not [a for a in _resolve_at(text, "The President", date(2023, 6, 1), resources) if a.id]


def test_arabic_article_variants_of_a_surname():
    kb = load_kb()
    for text in ("Mr. Es-Sisi spoke.", "President Sisi spoke.", "Prime Minister Sudani spoke."):
        mention = next(m for m in find_mentions(text, kb) if m.kind == "person")
        assert len(mention.candidates) == 1, text


def test_country_that_is_also_a_first_name():
    kb = load_kb()
    assert [m.country for m in find_mentions("Jordan's king flew to Chad.", kb)] == ["JOR", "TCD"]
    assert not [m for m in find_mentions("Michael Jordan visited Lake Chad.", kb) if m.country]


def test_plural_role_of_listed_countries_gives_one_actor_per_country():
    kb = load_kb()
    text = "The prime ministers of Poland, Spain and Sweden met in Brussels."
    mentions = find_mentions(text, kb)
    ctx = DocContext.from_mentions(kb, mentions, text)
    actors = resolve_mention(mentions[0], date(2024, 3, 1), ctx, [])
    assert [a.country for a in actors] == ["POL", "ESP", "SWE"]
    assert _names(actors) == ["Donald Tusk", "Pedro Sánchez", "Ulf Kristersson"]


def _resolve_with_context(text: str, needle: str, day: date) -> list:
    """As the evaluator does: people named before the mention are resolved first."""
    kb = load_kb()
    mentions = find_mentions(text, kb)
    ctx = DocContext.from_mentions(kb, mentions, text)
    at = text.rindex(needle)
    target = next(m for m in mentions if m.start <= at < m.end)
    others: list = []
    for mention in mentions:
        if mention.start < target.start and mention.kind == "person":
            others.extend(resolve_mention(mention, day, ctx, others))
    return resolve_mention(target, day, ctx, others)


def test_a_leaders_counterpart_is_the_other_countrys_leader():
    day = date(2023, 3, 16)
    # Japan is led by its prime minister, South Korea by its president
    text = "Japanese Prime Minister Fumio Kishida had dinner with his South Korean counterpart."
    assert _names(_resolve_with_context(text, "his South Korean", day)) == ["Yoon Suk Yeol"]
    text = "Chinese President Xi Jinping told his Japanese counterpart to manage differences."
    assert _names(_resolve_with_context(text, "his Japanese", day)) == ["Fumio Kishida"]
    # a president who also heads the government meets presidents, or prime ministers under a
    # monarch
    day = date(2022, 9, 21)
    text = "U.S. President Joe Biden welcomed his British counterpart to New York."
    assert _names(_resolve_with_context(text, "his British", day)) == ["Liz Truss"]
    text = "U.S. President Joe Biden met his Polish counterpart in Warsaw."
    assert _names(_resolve_with_context(text, "his Polish", day)) == ["Andrzej Duda"]
    day = date(2023, 3, 16)
    # a president who does not lead the government keeps a president as counterpart
    text = "Italian President Sergio Mattarella hosted his German counterpart in Rome."
    assert _names(_resolve_with_context(text, "his German", day)) == ["Frank-Walter Steinmeier"]


def test_a_title_written_across_a_metonym_and_a_styled_sovereign(resources):
    text = "Putin received Kim Jong Un at the cosmodrome. The Kremlin chief greeted his guest."
    assert _names(_resolve_at(text, "The Kremlin chief", date(2023, 9, 13), resources)) == [
        "Vladimir Putin"
    ]
    text = (
        "President Biden spoke with His Majesty King Abdullah II of Jordan. The President "
        "confirmed U.S. support for His Majesty's leadership."
    )
    assert _names(_resolve_at(text, "His Majesty's", date(2023, 10, 20), resources)) == [
        "Abdullah II"
    ]


def test_a_quoted_nickname_inside_a_name():
    kb = load_kb()
    text = 'Israeli Defense Minister Benjamin "Benny" Gantz met Jake Sullivan.'
    people = [m.candidates for m in find_mentions(text, kb) if m.kind == "person"]
    assert people == [["benny_gantz"], ["jake_sullivan"]]


def test_a_later_his_repeats_the_possessor_of_his_counterpart(resources):
    text = (
        "Brazilian President Luiz Inacio Lula da Silva met his Argentine counterpart in Buenos "
        "Aires on his first foreign trip."
    )
    found = _resolve_at(text, "his first", date(2023, 1, 23), resources)
    assert _names(found) == ["Luiz Inácio Lula da Silva"]


def test_a_possessive_in_a_phrase_after_the_clause_is_its_subjects(resources):
    text = (
        "Japanese Prime Minister Fumio Kishida held talks with Indian Prime Minister Narendra "
        "Modi in New Delhi on Monday, on his first trip abroad since January."
    )
    assert _names(_resolve_at(text, "his", date(2023, 3, 20), resources)) == ["Fumio Kishida"]


def test_a_possessive_takes_the_subject_of_its_own_later_clause(resources):
    text = (
        "Kenyan President William Ruto was welcomed by King Charles III on Tuesday, the first "
        "state visit since the monarch succeeded his mother."
    )
    assert _names(_resolve_at(text, "his", date(2023, 10, 31), resources)) == ["Charles III"]


def test_an_apposition_is_not_the_subject_of_a_clause(resources):
    text = (
        "President Joe Biden spoke today with Justin Trudeau, Prime Minister of Canada, to thank "
        "him for his support."
    )
    assert _names(_resolve_at(text, "him", date(2023, 3, 20), resources)) == ["Justin Trudeau"]


def test_descriptions_of_an_office_point_back_to_its_holder(resources):
    text = (
        "Slovak President Zuzana Caputova condemned the attack. The outgoing head of state "
        "said she was shocked."
    )
    assert _names(_resolve_at(text, "head of state", date(2024, 5, 15), resources)) == [
        "Zuzana Čaputová"
    ]


def test_a_counterpart_in_a_counted_group(resources):
    text = (
        "In Berlin, the German chancellor welcomed his Polish counterpart, and the two leaders "
        "pledged support for Ukraine."
    )
    kb = load_kb()
    mentions = find_mentions(text, kb)
    ctx = DocContext.from_mentions(kb, mentions, text)
    group = next(m for m in mentions if m.text == "the two leaders")
    found = resolve_typed_group(group, ctx, date(2024, 2, 12))
    assert sorted(_names(found)) == ["Donald Tusk", "Olaf Scholz"]
