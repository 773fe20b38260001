from datetime import date

import pytest

from diplograph.dates import find_date_expressions, infer_year, resolve


def only(text):
    found = find_date_expressions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "anchor", "future", "expected", "precision"),
    [
        ("spoke late Thursday", date(2022, 2, 25), False, date(2022, 2, 24), "day"),
        ("spoke on Sunday", date(2024, 12, 1), False, date(2024, 12, 1), "day"),
        ("will visit on Thursday", date(2022, 3, 16), True, date(2022, 3, 17), "day"),
        ("met last Monday", date(2023, 5, 8), False, date(2023, 5, 1), "day"),
        ("called yesterday", date(2024, 1, 1), False, date(2023, 12, 31), "day"),
        ("signed on Aug. 8", date(2025, 8, 19), False, date(2025, 8, 8), "day"),
        ("met on 3 January", date(2022, 1, 4), False, date(2022, 1, 3), "day"),
        ("talks on Dec. 30", date(2023, 1, 2), False, date(2022, 12, 30), "day"),
        ("annexed in 2014", date(2022, 2, 25), False, date(2014, 1, 1), "year"),
        ("since October 2023", date(2025, 8, 19), False, date(2023, 10, 1), "month"),
        ("late last year", date(2022, 2, 25), False, date(2021, 1, 1), "year"),
    ],
)
def test_resolution_rules(text, anchor, future, expected, precision):
    resolved = resolve(only(text), anchor, future=future)
    assert (resolved.date, resolved.precision) == (expected, precision)


def test_relative_dates_stay_null_without_anchor():
    resolved = resolve(only("spoke late Thursday"), None)
    assert resolved.date is None and resolved.reason
    assert resolved.text == "late Thursday"


def test_weekday_mismatch_is_not_silently_accepted():
    resolved = resolve(only("on Tuesday, January 3"), date(2022, 1, 4))
    assert resolved.date is None and "weekday" in resolved.reason


def test_year_inferred_from_weekday_and_office_window():
    # January 3 fell on a Monday only in 2022 within 2021-2025.
    assert infer_year(1, 3, 0, [(date(2021, 1, 26), date(2025, 1, 20))]) == date(2022, 1, 3)
    # Without a weekday several years fit: no guess.
    assert infer_year(1, 3, None, [(date(2021, 1, 26), date(2025, 1, 20))]) is None


def test_may_the_name_is_not_a_date():
    assert find_date_expressions("Theresa May met him.") == []


def test_clock_times_with_zones():
    from diplograph.dates import find_clock_time

    assert find_clock_time("The truce took effect at 4 a.m. local time on Wednesday.") == (
        "04:00 local"
    )
    assert find_clock_time("They spoke at 10:30 GMT and again at 18:00 GMT.") is None
    assert find_clock_time("The vote passed 52 to 48.") is None


def test_days_and_weeks_ago_count_back_from_publication():
    from datetime import date

    from diplograph.dates import find_date_expressions, resolve

    published = date(2024, 6, 5)
    (two_days,) = find_date_expressions("The two leaders spoke two days ago.")
    (week,) = find_date_expressions("They last met a week ago in Paris.")
    assert resolve(two_days, published).date == date(2024, 6, 3)
    assert resolve(week, published).date == date(2024, 5, 29)
    assert resolve(week, None).date is None
