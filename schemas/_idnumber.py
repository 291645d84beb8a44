"""Resident ID numbers (居民身份证, GB 11643): python-stdnum's checks, with the region rule of DOMAIN.md.

The region code is assigned at the first household registration, not at birth, so it is valid when the code
existed in **any year from the birth year on**. python-stdnum's `ric.get_birth_place` asks for the code to
exist in the birth year itself, which refuses real numbers of older workers (越秀区 440104 dates from 1983).

The years a code was in use come from stdnum's own region data (`stdnum/cn/loc.dat`, read through
`stdnum.numdb`): a county entry is `[start-end]name`, either end open, several entries separated by commas
when a code was reused; an entry without brackets has always been valid. No copy of the data is kept here.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal

RegionStatus = Literal["valid", "unknown", "abolished"]


@lru_cache(maxsize=1)
def _regions() -> object:
    from stdnum import numdb

    return numdb.get("cn/loc")


def _last_year_in_use(county: str) -> int | None:
    """The last year an entry of loc.dat's `county` was in use; None when it still is (or is undated)."""
    if not county.startswith("["):
        return None
    years = county[1:].split("]", 1)[0]
    end = years.split("-", 1)[1] if "-" in years else ""
    return int(end) if end else None


@lru_cache(maxsize=16384)
def region_status(region: str, birth_year: int) -> RegionStatus:
    """Whether a 6-digit region code can open the ID number of someone born in `birth_year`.

    Cached by (region, birth year): a 2,000-person roster has few distinct pairs, and the lookup in
    stdnum's data is most of the cost of checking an ID number.
    """
    info: dict[str, str] = {}
    for _part, props in _regions().info(region):  # type: ignore[attr-defined]  # stdnum's NumDB
        info.update(props)
    county = info.get("county")
    if not county:
        return "unknown"
    for entry in county.split(","):
        last = _last_year_in_use(entry)
        if last is None or last >= birth_year:
            return "valid"
    return "abolished"


IdProblem = Literal["length", "format", "checksum", "birth_date", "region_unknown", "region_abolished"]


def id_number_problem(number: str) -> IdProblem | None:
    """What is wrong with a compacted ID number, in the order a person would fix it; None when it is valid."""
    from stdnum.cn import ric
    from stdnum.util import isdigits

    if len(number) != 18:
        return "length"
    if not isdigits(number[:-1]):
        return "format"
    if number[-1] != ric.calc_check_digit(number):
        return "checksum"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "birth_date"
    status = region_status(number[:6], born.year)
    if status == "unknown":
        return "region_unknown"
    if status == "abolished":
        return "region_abolished"
    return None


def validate(number: str) -> str:
    """`stdnum.cn.ric.validate` with DOMAIN.md's region rule: the compacted number, or stdnum's own exceptions."""
    from stdnum.cn import ric
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    number = ric.compact(number)
    problem = id_number_problem(number)
    if problem == "length":
        raise InvalidLength()
    if problem == "format":
        raise InvalidFormat()
    if problem == "checksum":
        raise InvalidChecksum()
    if problem is not None:
        raise InvalidComponent()
    return number
