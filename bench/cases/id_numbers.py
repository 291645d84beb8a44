"""Resident ID number checks per candidate: python-stdnum's own `ric.validate` (region tested against the birth
year, no cache) beside ours (DOMAIN.md's region rule, lookup cached by region and birth year)."""

from __future__ import annotations

from itertools import cycle

from bench.registry import Row, benchmark
from bench.timing import rates

ID_LIMIT_US = 10.0  # issue 13: about 8 µs per ID once the region lookup is cached


def _numbers() -> list[str]:
    from stdnum.cn import ric

    numbers = []
    for i in range(2000):  # a 2,000-person roster: real Guangdong districts, births 1985–1999 (valid for both)
        region = ("440106", "440304", "440305", "440104", "440103")[i % 5]
        body = f"{region}{1985 + i % 15}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 1000:03d}"
        numbers.append(body + ric.calc_check_digit(body + "0"))
    return numbers


@benchmark("id_numbers")
def id_number_checks() -> list[Row]:
    from stdnum.cn import ric

    from schemas.fields import check_id_number

    numbers = _numbers()
    ours, theirs = cycle(numbers), cycle(numbers)
    measured = rates({"ours": lambda: check_id_number(next(ours)), "stdnum": lambda: ric.validate(next(theirs))})
    return [
        Row("ID number µs per check", 1e6 / measured["ours"], "µs", limit=ID_LIMIT_US, note="region cached"),
        Row("ID number µs per check, stdnum alone", 1e6 / measured["stdnum"], "µs", note="ric.validate, uncached"),
    ]
