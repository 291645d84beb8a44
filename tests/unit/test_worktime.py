"""Counting work time after a credential (DOMAIN.md, "Counting work time"), one function at a time.

Expected values come from the calendar (days between dates), never from the functions under test.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from schemas.eligibility._worktime import add_years, counted_days, first_met_on, merge, required_days, span_text

D = date.fromisoformat


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        ("2023-06-30", 1, "2024-06-30"),
        ("2023-02-28", 1, "2024-02-28"),
        ("2020-02-29", 1, "2021-02-28"),  # no 29 Feb in 2021: maps to 28 Feb
        ("2020-02-29", 3, "2023-02-28"),
        ("2020-02-29", 4, "2024-02-29"),  # leap to leap keeps the 29th
        ("2019-12-31", 5, "2024-12-31"),
    ],
)
def test_add_years_keeps_the_calendar_day_and_maps_29_february_to_28(day, years, expected):
    assert add_years(D(day), years) == D(expected)


@pytest.mark.parametrize(
    ("obtained", "years", "expected_days"),
    [
        ("2023-06-30", 1, 366),  # the year runs over 29 Feb 2024
        ("2022-06-30", 1, 365),
        ("2020-02-29", 1, 365),  # 2020-02-29 → 2021-02-28
        ("2022-06-30", 2, 365 + 366),
        ("2021-06-30", 3, 365 + 365 + 366),
        ("2021-03-01", 3, 365 + 365 + 366),  # 2021-03-01 → 2024-03-01 crosses 29 Feb 2024
    ],
)
def test_required_days_is_the_length_of_n_calendar_years_from_the_credential(obtained, years, expected_days):
    assert required_days(D(obtained), years) == expected_days


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        # overlapping → one
        ([("2020-01-01", "2020-06-30"), ("2020-03-01", "2020-12-31")], [("2020-01-01", "2020-12-31")]),
        # adjacent (next starts the day after) → one
        ([("2020-01-01", "2020-06-30"), ("2020-07-01", "2020-12-31")], [("2020-01-01", "2020-12-31")]),
        # one free day between → two
        (
            [("2020-01-01", "2020-06-30"), ("2020-07-02", "2020-12-31")],
            [("2020-01-01", "2020-06-30"), ("2020-07-02", "2020-12-31")],
        ),
        # one inside the other → the outer one
        ([("2020-01-01", "2020-12-31"), ("2020-03-01", "2020-04-01")], [("2020-01-01", "2020-12-31")]),
        # an open-ended period swallows everything after its start
        ([("2021-01-01", None), ("2021-06-01", "2022-01-01"), ("2019-01-01", "2019-02-01")],
         [("2019-01-01", "2019-02-01"), ("2021-01-01", None)]),
        # a later open-ended period that overlaps a closed one makes it open-ended
        ([("2019-01-01", "2020-01-01"), ("2019-06-01", None)], [("2019-01-01", None)]),
        # unsorted input comes out sorted
        ([("2022-01-01", "2022-01-31"), ("2020-01-01", "2020-01-31")],
         [("2020-01-01", "2020-01-31"), ("2022-01-01", "2022-01-31")]),
        ([], []),
    ],
)  # fmt: skip
def test_merge_gives_sorted_disjoint_non_adjacent_periods(periods, expected):
    def parse(pairs):
        return [(D(s), None if e is None else D(e)) for s, e in pairs]

    assert merge(parse(periods)) == parse(expected)


@pytest.mark.parametrize(
    ("periods", "since", "before", "expected"),
    [
        # the `before` day itself does not count; `since` does
        ([("2020-01-01", None)], "2023-06-30", "2024-06-30", 366),
        ([("2020-01-01", None)], "2023-06-30", "2024-06-29", 365),
        # a period's own end day counts
        ([("2024-01-01", "2024-01-10")], "2023-01-01", "2025-01-01", 10),
        # work before the credential does not count
        ([("2020-01-01", "2024-01-10")], "2024-01-01", "2025-01-01", 10),
        # work on or after `before` does not count
        ([("2024-06-01", None)], "2024-01-01", "2024-06-11", 10),
        ([("2024-07-01", "2024-08-01")], "2024-01-01", "2024-06-30", 0),
        # two periods with a gap: only the worked days
        ([("2024-01-01", "2024-01-31"), ("2024-03-01", "2024-03-31")], "2024-01-01", "2024-12-31", 31 + 31),
        # nothing when `before` is not after `since`
        ([("2020-01-01", None)], "2024-01-01", "2024-01-01", 0),
    ],
)
def test_counted_days_counts_worked_days_from_the_credential_up_to_the_day_before(periods, since, before, expected):
    merged = [(D(s), None if e is None else D(e)) for s, e in periods]
    assert counted_days(merged, D(since), D(before)) == expected


@pytest.mark.parametrize(
    ("periods", "since", "needed", "expected"),
    [
        # continuous open-ended work: met on the day `needed` days after the credential
        ([("2010-01-01", None)], "2023-06-30", 366, "2024-06-30"),
        # a 10-day gap (2024-01-01 … 2024-01-10) pushes the date 10 days later
        ([("2023-06-30", "2023-12-31"), ("2024-01-11", None)], "2023-06-30", 366, "2024-07-10"),
        # a closed period long enough on its own
        ([("2023-01-01", "2023-12-31")], "2023-01-01", 100, "2023-04-11"),
        # closed periods only, too short: never
        ([("2023-01-01", "2023-03-31")], "2023-01-01", 365, None),
        # periods that ended before the credential: never
        ([("2010-01-01", "2019-12-31")], "2020-01-01", 1, None),
        # nothing needed: met on the credential's own day
        ([], "2023-01-01", 0, "2023-01-01"),
    ],
)
def test_first_met_on_is_the_earliest_evaluation_date_with_enough_counted_days(periods, since, needed, expected):
    merged = [(D(s), None if e is None else D(e)) for s, e in periods]
    met_on = first_met_on(merged, D(since), needed)
    assert met_on == (None if expected is None else D(expected))
    if met_on is not None and needed > 0:
        # and it really is the earliest: the day before falls one short
        assert counted_days(merged, D(since), met_on) == needed
        assert counted_days(merged, D(since), met_on - timedelta(days=1)) == needed - 1


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2023-06-30", "2024-06-30", "1 年"),
        ("2023-11-01", "2024-09-01", "10 个月"),
        ("2023-01-15", "2024-02-18", "1 年 1 个月 3 天"),
        ("2024-01-31", "2024-02-29", "1 个月"),  # 31 Jan + 1 month is the last day of February
        ("2024-06-01", "2024-06-06", "5 天"),
        ("2024-06-01", "2024-06-01", "0 天"),
    ],
)
def test_span_text_reads_days_as_years_months_and_days_on_the_calendar(start, end, expected):
    assert span_text(D(start), (D(end) - D(start)).days) == expected


def test_projection_continues_only_current_open_ended_work():
    from datetime import date

    from schemas.eligibility._worktime import projected

    as_of = date(2024, 6, 30)
    # Given a finished job, a job with a planned end after as_of, an ongoing job, and one not yet begun
    periods = [
        (date(2010, 1, 1), date(2012, 12, 31)),
        (date(2013, 1, 1), date(2025, 12, 31)),
        (date(2020, 1, 1), None),
        (date(2024, 9, 1), None),
    ]
    # Then past days stay as stated, only the ongoing job goes on, and the future job is not counted
    assert projected(periods, as_of) == [(date(2010, 1, 1), None)]
    assert projected(periods[:2] + periods[3:], as_of) == [(date(2010, 1, 1), date(2024, 6, 29))]
