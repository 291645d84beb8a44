"""Believable inputs for the benchmarks: eligibility requests and a results report of N distinct candidates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from stdnum.cn import ric

# City districts of Guangzhou, Shenzhen and Foshan that existed before the birth years used below.
REGIONS = ("440106", "440305", "440602")
OCCUPATIONS = ("6-18-01-01", "6-18-01-02")  # 车工, 铣工

ELIGIBILITY_REQUESTS: list[dict[str, Any]] = [
    # T1 met: senior technician since 2019, still working
    {
        "level": "T",
        "as_of": "2024-06-30",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "senior_technician",
                "relation": "corresponding",
                "obtained_on": "2019-07-01",
            }
        ],
        "work_periods": [{"start": "2008-07-01", "end": None, "relation": "corresponding"}],
        "honours": [],
    },
    # T: only time missing, with a gap between jobs → eligible_on projected
    {
        "level": "T",
        "as_of": "2024-06-30",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "technician",
                "relation": "corresponding",
                "obtained_on": "2016-05-01",
            },
            {
                "kind": "skill_certificate",
                "grade": "senior_technician",
                "relation": "corresponding",
                "obtained_on": "2023-09-01",
            },
            {"kind": "professional_title", "grade": "senior", "relation": "related", "obtained_on": "2023-01-01"},
        ],
        "work_periods": [
            {"start": "2010-07-01", "end": "2019-12-31", "relation": "corresponding"},
            {"start": "2020-03-01", "end": None, "relation": "related"},
        ],
        "honours": [{"category": "technical_expert", "level": "county", "granted_on": "2021-09-01"}],
    },
    # S via S2 and a provincial honour
    {
        "level": "S",
        "as_of": "2024-06-30",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "senior_technician",
                "relation": "corresponding",
                "obtained_on": "2018-03-01",
            }
        ],
        "work_periods": [
            {"start": "2005-07-01", "end": "2012-06-30", "relation": "corresponding"},
            {"start": "2012-07-01", "end": None, "relation": "corresponding"},
        ],
        "honours": [
            {"category": "technical_expert", "level": "provincial", "name": "南粤技术能手", "granted_on": "2020-09-01"},
            {"category": "state_council_allowance", "granted_on": "2022-01-01"},
        ],
    },
    # S not eligible: honour too low; sci-tech third rank is no direct route
    {
        "level": "S",
        "as_of": "2024-06-30",
        "credentials": [
            {
                "kind": "professional_title",
                "grade": "full_senior",
                "relation": "corresponding",
                "obtained_on": "2020-01-01",
            }
        ],
        "work_periods": [{"start": "2001-07-01", "end": None, "relation": "corresponding"}],
        "honours": [
            {"category": "model_worker", "level": "municipal", "granted_on": "2019-05-01"},
            {"category": "national_sci_tech_award", "rank": "third", "granted_on": "2021-11-03"},
        ],
    },
]


def id_number(index: int) -> str:
    """A distinct, valid resident ID number for candidate `index` (born 1986–1999)."""
    birth = date(1986, 1, 1) + timedelta(days=(index * 37) % (14 * 365))
    first17 = f"{REGIONS[index % len(REGIONS)]}{birth:%Y%m%d}{index % 1000:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")


def candidate(index: int) -> dict[str, Any]:
    """A candidate who passed, with credentials, work periods, honours and an evaluation."""
    obtained = date(2015, 1, 1) + timedelta(days=index % 900)
    return {
        "name": f"候选人{index:04d}",
        "id_number": id_number(index),
        "occupation": OCCUPATIONS[index % len(OCCUPATIONS)],
        "level": "T",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "technician",
                "relation": "corresponding",
                "obtained_on": "2012-06-30",
            },
            {
                "kind": "skill_certificate",
                "grade": "senior_technician",
                "relation": "corresponding",
                "obtained_on": obtained.isoformat(),
            },
        ],
        "work_periods": [
            {"start": "2006-07-01", "end": "2013-12-31", "relation": "related"},
            {"start": "2014-01-01", "end": None, "relation": "corresponding"},
        ],
        "honours": [
            {"category": "technical_expert", "level": "municipal", "name": "广州市技术能手", "granted_on": "2019-09-01"}
        ],
        "evaluation": {"score": 80 + index % 20, "passed": True},
    }


def report_body(candidates: int) -> dict[str, Any]:
    return {
        "plan_id": "plan-2024-0001",
        "public_notice": {"start": "2024-04-29", "end": "2024-05-08", "objections": 0},
        "candidates": [candidate(i) for i in range(candidates)],
        "materials": [
            {"type": "public_notice", "key": "uploads/91440101MA59CDX462/notice.pdf"},
            {"type": "review_record", "key": "uploads/91440101MA59CDX462/review.pdf"},
        ],
    }
