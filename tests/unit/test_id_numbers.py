"""Resident ID numbers: stdnum's checks, with the region rule of DOMAIN.md (valid in any year from the birth
year on), read from python-stdnum's own region data."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from schemas._idnumber import id_number_problem, region_status
from schemas.exports import gender_of
from schemas.fields import IdNumber
from tests.factories import make_id


def refused(number: str) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(IdNumber).validate_python(number)
    (error,) = caught.value.errors()
    return {"type": error["type"], "msg": error["msg"]}


# Real Guangdong district codes with the years stdnum's loc.dat gives them, and births of the 1960s–1980s.
ACCEPTED = [
    ("440104", "19820607"),  # 越秀区 [1983-]: born the year before the district was created
    ("440104", "19650311"),
    ("440106", "19750920"),  # 天河区 [1985-] with 1970s births
    ("440106", "19710102"),
    ("440106", "19881231"),
    ("440111", "19630405"),  # [1983-1986]郊区,[1987-]白云区: a reused code
    ("440113", "19781015"),  # 番禺区 [2000-]
    ("440118", "19690218"),  # 增城区 [2014-]
    ("440303", "19800101"),  # 罗湖区 (办事处 1983, 区 1990)
    ("440305", "19840229"),  # 南山区, a leap day
    ("440307", "19660715"),  # 龙岗区 [1992-]
    ("440604", "19720530"),  # 禅城区 [2002-]
    ("440606", "19890909"),  # 顺德区 [2002-]
    ("441900", "19790301"),  # 东莞市 [1988-]
    ("442000", "19860612"),  # 中山市 [1988-]
    ("440102", "19700101"),  # 东山区 [1983-2005], born while it existed
    ("440102", "20050630"),  # … and in its last year
    ("440120", "19600808"),  # 广州市市区 [-1983]
    ("110108", "19680101"),  # 北京市海淀区, undated: always valid
]


@pytest.mark.parametrize(("region", "birth"), ACCEPTED)
def test_real_numbers_of_older_workers_are_accepted(region, birth):
    number = make_id(region, birth, "123")
    assert TypeAdapter(IdNumber).validate_python(number) == number


ABOLISHED = [
    ("440102", "20080101"),  # 东山区 abolished 2005, someone born 2008
    ("440102", "20060101"),
    ("440107", "20100505"),  # 芳村区 [1985-2005]
    ("440116", "20150101"),  # 萝岗区 [2005-2014]
    ("440183", "20150101"),  # 增城市 [1993-2014]
    ("110103", "20110101"),  # 北京市崇文区 [-2010]
]


@pytest.mark.parametrize(("region", "birth"), ABOLISHED)
def test_codes_abolished_before_the_birth_year_are_refused(region, birth):
    error = refused(make_id(region, birth, "123"))
    assert error["type"] == "id_number_region"
    assert region in error["msg"]
    assert birth[:4] in error["msg"]
    assert "撤销" in error["msg"]


@pytest.mark.parametrize("region", ["449999", "440199", "000000", "990101"])
def test_unknown_codes_are_refused(region):
    error = refused(make_id(region, "19750101", "123"))
    assert error["type"] == "id_number_region"
    assert "地区代码无效" in error["msg"]


def test_checksum_date_and_format_are_still_checked():
    good = make_id("440106", "19750920", "123")
    assert refused(good[:-1] + ("1" if good[-1] != "1" else "2"))["type"] == "id_number_checksum"
    assert refused(make_id("440106", "19750230", "123"))["type"] == "id_number_birth_date"
    assert refused(make_id("440106", "19000229", "123"))["type"] == "id_number_birth_date"  # 1900: no leap year
    assert refused(good[:-1])["type"] == "id_number_length"
    assert refused("4401A6" + good[6:])["type"] == "id_number_format"


# A real-shaped number whose check digit is X, typed the ways clerks type it.
WITH_X = next(n for n in (make_id("440106", "19750920", f"{i:03d}") for i in range(1000)) if n.endswith("X"))
TYPED = [
    (WITH_X, WITH_X),
    (WITH_X[:-1] + "x", WITH_X),  # a lower-case x
    # full-width: stdnum keeps the characters (its check digit is compared with "X"): refused, never stored
    (WITH_X.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")), "id_number_checksum"),
    (f" {WITH_X} ", WITH_X),
    (f"{WITH_X[:6]}–{WITH_X[6:]}", "id_number_length"),  # an en dash: stdnum maps it to "-", which stays
    (WITH_X[:-1] + "Y", "id_number_checksum"),
]


def _verdict(text: str) -> str:
    try:
        return str(TypeAdapter(IdNumber).validate_python(text))
    except ValidationError as exc:
        return str(exc.errors()[0]["type"])


@pytest.mark.parametrize(("typed", "read"), TYPED)
def test_a_number_is_read_as_stdnum_compacts_it(typed, read):
    from stdnum.cn import ric

    assert _verdict(typed) == _verdict(ric.compact(typed)) == read


def test_the_lookup_is_cached_by_region_and_birth_year():
    region_status.cache_clear()
    for day in ("0101", "0615", "1231"):
        assert id_number_problem(make_id("440106", "1975" + day, "123")) is None
    info = region_status.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    assert region_status("440102", 2005) == "valid"
    assert region_status("440102", 2006) == "abolished"
    assert region_status("449999", 1975) == "unknown"


def test_gender_is_read_from_an_accepted_number_of_an_older_worker():
    assert gender_of(make_id("440104", "19820607", "031")) == "男"
    assert gender_of(make_id("440104", "19820607", "032")) == "女"
