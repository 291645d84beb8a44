"""Counting work time after a credential (DOMAIN.md, "Counting work time").

A day `d` counts for a credential obtained on `c` when `c <= d < as_of` and `d` lies in some counting work
period (both ends inclusive, open end = still working); overlaps count once. "满 N 年" holds when the count
reaches `(add_years(c, N) - c).days`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

Interval = tuple[date, date | None]  # inclusive start, inclusive end (None = ongoing)


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February maps to 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def required_days(obtained_on: date, years: int) -> int:
    return (add_years(obtained_on, years) - obtained_on).days


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping, non-adjacent intervals covering the same days."""
    merged: list[Interval] = []
    for start, end in sorted(intervals, key=lambda i: i[0]):
        if merged:
            last_start, last_end = merged[-1]
            if last_end is None or start <= last_end + timedelta(days=1):
                new_end = None if last_end is None or end is None else max(last_end, end)
                merged[-1] = (last_start, new_end)
                continue
        merged.append((start, end))
    return merged


def projected(intervals: Iterable[Interval], as_of: date) -> list[Interval]:
    """Work as known on `as_of`, going on only where it is current: before `as_of` every period counts as
    stated; from `as_of` on, only open-ended periods already begun continue (DOMAIN.md, `eligible_on`)."""
    out: list[Interval] = []
    for start, end in intervals:
        if end is None and start <= as_of:
            out.append((start, None))
        elif start < as_of:
            out.append((start, min(end, as_of - timedelta(days=1)) if end is not None else as_of - timedelta(days=1)))
    return merge(out)


def counted_days(merged: list[Interval], since: date, before: date) -> int:
    """Days `d` with `since <= d < before` inside the merged intervals."""
    total = 0
    for start, end in merged:
        low = max(start, since)
        high = before - timedelta(days=1) if end is None else min(end, before - timedelta(days=1))
        if high >= low:
            total += (high - low).days + 1
    return total


def first_met_on(merged: list[Interval], since: date, needed: int) -> date | None:
    """The earliest `as_of` on which `counted_days(merged, since, as_of) >= needed`, or None if never.

    Periods continue as stated: an open end keeps counting, a closed one stops at its end.
    """
    if needed <= 0:
        return since
    total = 0
    for start, end in merged:
        low = max(start, since)
        if end is not None and end < low:
            continue
        length = None if end is None else (end - low).days + 1
        if length is None or total + length >= needed:
            return low + timedelta(days=needed - total)
        total += length
    return None


def span_text(start: date, days: int) -> str:
    """`days` days after `start` as "1 年 3 个月 5 天", counted on the calendar from `start`."""
    end = start + timedelta(days=days)
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    rest = (end - add_months(start, months)).days
    years, months = divmod(months, 12)
    parts = [f"{n} {unit}" for n, unit in ((years, "年"), (months, "个月"), (rest, "天")) if n]
    return " ".join(parts) or "0 天"
