"""Every eligibility path of DOMAIN.md §四 met and unmet, at its boundaries.

Expectations are worked out from the rule in each case's comment (days between dates on the calendar),
never taken from the engine's output.
"""

from __future__ import annotations

import pytest

from tests.unit._eligibility_build import (
    CAREER,
    MUNICIPAL_EXPERT,
    PROVINCIAL_EXPERT,
    cert,
    honour,
    judge,
    path,
    title,
    work,
)

CENTRAL_AWARD = honour("enterprise_contribution_award", "2022-05-01", issuer_type="central_enterprise")
FORTUNE_AWARD = honour("enterprise_contribution_award", "2022-05-01", issuer_type="fortune_global_500")

# (case id, level, as_of, credentials, work periods, honours, path id, expected met)
PATH_CASES = [
    # ---- T1: skill certificate ≥ senior_technician, corresponding, + 1 year -------------------------------
    # DOMAIN's own example: obtained 2023-06-30, working throughout → met on 2024-06-30, not on 2024-06-29.
    ("T1 exactly one year", "T", "2024-06-30", [cert("senior_technician", "2023-06-30")], [CAREER], [], "T1", True),
    ("T1 one day short", "T", "2024-06-29", [cert("senior_technician", "2023-06-30")], [CAREER], [], "T1", False),
    ("T1 special_grade is higher", "T", "2024-06-30", [cert("special_grade", "2023-06-30")], [CAREER], [], "T1", True),
    ("T1 chief is higher", "T", "2024-06-30", [cert("chief", "2020-01-01")], [CAREER], [], "T1", True),
    ("T1 technician is lower", "T", "2024-06-30", [cert("technician", "2010-01-01")], [CAREER], [], "T1", False),
    ("T1 related certificate", "T", "2024-06-30",
     [cert("senior_technician", "2015-01-01", relation="related")], [CAREER], [], "T1", False),
    ("T1 unrelated certificate", "T", "2024-06-30",
     [cert("senior_technician", "2015-01-01", relation="unrelated")], [CAREER], [], "T1", False),
    ("T1 a title is not a certificate", "T", "2024-06-30", [title("full_senior", "2010-01-01")], [CAREER], [], "T1",
     False),
    ("T1 certificate after as_of", "T", "2024-06-30", [cert("senior_technician", "2024-07-01")], [CAREER], [], "T1",
     False),
    ("T1 certificate on as_of", "T", "2024-06-30", [cert("senior_technician", "2024-06-30")], [CAREER], [], "T1",
     False),
    ("T1 no work at all", "T", "2024-06-30", [cert("senior_technician", "2015-01-01")], [], [], "T1", False),
    # ---- T2: professional title ≥ senior, corresponding or related, + 2 years ---------------------------
    ("T2 exactly two years, related", "T", "2024-06-30", [title("senior", "2022-06-30", relation="related")],
     [CAREER], [], "T2", True),
    ("T2 one day short", "T", "2024-06-29", [title("senior", "2022-06-30", relation="related")], [CAREER], [],
     "T2", False),
    ("T2 corresponding title", "T", "2024-06-30", [title("senior", "2022-06-30")], [CAREER], [], "T2", True),
    ("T2 full_senior is higher", "T", "2024-06-30", [title("full_senior", "2022-01-01")], [CAREER], [], "T2", True),
    ("T2 intermediate is lower", "T", "2024-06-30", [title("intermediate", "2010-01-01")], [CAREER], [], "T2", False),
    ("T2 unrelated title", "T", "2024-06-30", [title("senior", "2010-01-01", relation="unrelated")], [CAREER], [],
     "T2", False),
    ("T2 a certificate is not a title", "T", "2024-06-30", [cert("chief", "2010-01-01")], [CAREER], [], "T2", False),
    # ---- T3: certificate ≥ technician, corresponding, + 3 years, and an honour --------------------------
    # 2021-06-30 → 2024-06-30 is 365 + 365 + 366 days of work.
    ("T3 three years and a municipal honour", "T", "2024-06-30", [cert("technician", "2021-06-30")], [CAREER],
     [MUNICIPAL_EXPERT], "T3", True),
    ("T3 one day short", "T", "2024-06-29", [cert("technician", "2021-06-30")], [CAREER], [MUNICIPAL_EXPERT], "T3",
     False),
    ("T3 no honour", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER], [], "T3", False),
    ("T3 county honour is too low", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER],
     [honour("technical_expert", "2019-01-01", "county")], "T3", False),
    ("T3 provincial honour is above municipal", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER],
     [PROVINCIAL_EXPERT], "T3", True),
    ("T3 central enterprise award", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER],
     [CENTRAL_AWARD], "T3", True),
    ("T3 Fortune Global 500 award", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER],
     [FORTUNE_AWARD], "T3", True),
    ("T3 a sci-tech award is no skill-talent honour", "T", "2024-06-30", [cert("technician", "2015-01-01")],
     [CAREER], [honour("national_sci_tech_award", "2019-01-01", rank="third")], "T3", False),
    ("T3 honour after as_of", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER],
     [honour("technical_expert", "2024-07-01", "municipal")], "T3", False),
    ("T3 honour on as_of counts", "T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER],
     [honour("technical_expert", "2024-06-30", "municipal")], "T3", True),
    ("T3 senior_technician is higher", "T", "2024-06-30", [cert("senior_technician", "2021-01-01")], [CAREER],
     [MUNICIPAL_EXPERT], "T3", True),
    ("T3 senior_worker is lower", "T", "2024-06-30", [cert("senior_worker", "2010-01-01")], [CAREER],
     [MUNICIPAL_EXPERT], "T3", False),
    ("T3 related certificate", "T", "2024-06-30", [cert("technician", "2010-01-01", relation="related")], [CAREER],
     [MUNICIPAL_EXPERT], "T3", False),
    # ---- S1: certificate ≥ special_grade, corresponding, + 1 year ----------------------------------------
    ("S1 exactly one year", "S", "2024-06-30", [cert("special_grade", "2023-06-30")], [CAREER],
     [PROVINCIAL_EXPERT], "S1", True),
    ("S1 one day short", "S", "2024-06-29", [cert("special_grade", "2023-06-30")], [CAREER],
     [PROVINCIAL_EXPERT], "S1", False),
    ("S1 chief is higher", "S", "2024-06-30", [cert("chief", "2023-01-01")], [CAREER], [PROVINCIAL_EXPERT], "S1",
     True),
    ("S1 senior_technician is lower", "S", "2024-06-30", [cert("senior_technician", "2023-01-01")], [CAREER],
     [PROVINCIAL_EXPERT], "S1", False),
    ("S1 related certificate", "S", "2024-06-30", [cert("special_grade", "2020-01-01", relation="related")],
     [CAREER], [PROVINCIAL_EXPERT], "S1", False),
    # ---- S2: certificate ≥ senior_technician, corresponding, + 3 years -----------------------------------
    ("S2 exactly three years", "S", "2024-06-30", [cert("senior_technician", "2021-06-30")], [CAREER],
     [PROVINCIAL_EXPERT], "S2", True),
    ("S2 one day short", "S", "2024-06-29", [cert("senior_technician", "2021-06-30")], [CAREER],
     [PROVINCIAL_EXPERT], "S2", False),
    ("S2 technician is lower", "S", "2024-06-30", [cert("technician", "2010-01-01")], [CAREER],
     [PROVINCIAL_EXPERT], "S2", False),
    ("S2 special_grade is higher", "S", "2024-06-30", [cert("special_grade", "2021-01-01")], [CAREER],
     [PROVINCIAL_EXPERT], "S2", True),
    # ---- S3: professional title ≥ full_senior, corresponding or related, + 3 years -----------------------
    ("S3 exactly three years, related", "S", "2024-06-30", [title("full_senior", "2021-06-30", relation="related")],
     [CAREER], [PROVINCIAL_EXPERT], "S3", True),
    ("S3 one day short", "S", "2024-06-29", [title("full_senior", "2021-06-30", relation="related")], [CAREER],
     [PROVINCIAL_EXPERT], "S3", False),
    ("S3 senior title is lower", "S", "2024-06-30", [title("senior", "2010-01-01")], [CAREER],
     [PROVINCIAL_EXPERT], "S3", False),
    ("S3 unrelated title", "S", "2024-06-30", [title("full_senior", "2010-01-01", relation="unrelated")], [CAREER],
     [PROVINCIAL_EXPERT], "S3", False),
    # ---- S_HONOUR: a skill-talent honour of level ≥ provincial -------------------------------------------
    ("S_HONOUR provincial expert", "S", "2024-06-30", [], [], [PROVINCIAL_EXPERT], "S_HONOUR", True),
    ("S_HONOUR municipal is too low", "S", "2024-06-30", [], [], [MUNICIPAL_EXPERT], "S_HONOUR", False),
    ("S_HONOUR national model worker", "S", "2024-06-30", [], [],
     [honour("model_worker", "2015-05-01", "national")], "S_HONOUR", True),
    ("S_HONOUR state council allowance, level omitted", "S", "2024-06-30", [], [],
     [honour("state_council_allowance", "2018-01-01")], "S_HONOUR", True),
    ("S_HONOUR WorldSkills medal", "S", "2024-06-30", [], [],
     [honour("worldskills_medal", "2019-08-27")], "S_HONOUR", True),
    ("S_HONOUR enterprise award is not a skill-talent honour", "S", "2024-06-30", [], [], [CENTRAL_AWARD],
     "S_HONOUR", False),
    ("S_HONOUR sci-tech award is not a skill-talent honour", "S", "2024-06-30", [], [],
     [honour("national_sci_tech_award", "2019-01-01", "national", rank="third")], "S_HONOUR", False),
    ("S_HONOUR granted after as_of", "S", "2024-06-30", [], [],
     [honour("may_day_medal", "2024-07-01", "provincial")], "S_HONOUR", False),
    # ---- DIRECT: china_skills_award, or national_sci_tech_award of rank second or higher -----------------
    ("DIRECT China Skills Award", "T", "2024-06-30", [], [], [honour("china_skills_award", "2022-01-01")],
     "DIRECT", True),
    ("DIRECT sci-tech special", "T", "2024-06-30", [], [],
     [honour("national_sci_tech_award", "2022-01-01", rank="special")], "DIRECT", True),
    ("DIRECT sci-tech first", "S", "2024-06-30", [], [],
     [honour("national_sci_tech_award", "2022-01-01", rank="first")], "DIRECT", True),
    ("DIRECT sci-tech second", "S", "2024-06-30", [], [],
     [honour("national_sci_tech_award", "2022-01-01", rank="second")], "DIRECT", True),
    ("DIRECT sci-tech third is not enough", "T", "2024-06-30", [], [],
     [honour("national_sci_tech_award", "2022-01-01", rank="third")], "DIRECT", False),
    ("DIRECT award after as_of", "T", "2024-06-30", [], [], [honour("china_skills_award", "2024-07-01")],
     "DIRECT", False),
    ("DIRECT not for a national technical expert", "T", "2024-06-30", [], [],
     [honour("technical_expert", "2022-01-01", "national")], "DIRECT", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("level", "as_of", "credentials", "periods", "honours", "path_id", "met"),
    [pytest.param(*case[1:], id=case[0]) for case in PATH_CASES],
)
def test_each_path_is_met_exactly_when_its_needs_are(level, as_of, credentials, periods, honours, path_id, met):
    # Given a candidate's credentials, work and honours, When judged for the level on as_of
    verdict = judge(level, as_of, credentials, periods, honours)
    # Then the path is met or not as the rule says, and always explains itself in Chinese
    result = path(verdict, path_id)
    assert result.met is met, result.detail
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.detail)


def test_paths_reported_for_each_level():
    # T lists T1–T3 and DIRECT with no prerequisites; S lists S1–S3, DIRECT and S_HONOUR as a prerequisite
    t = judge("T", "2024-06-30")
    s = judge("S", "2024-06-30")
    assert [p.id for p in t.paths] == ["T1", "T2", "T3", "DIRECT"]
    assert t.prerequisites == []
    assert [p.id for p in s.paths] == ["S1", "S2", "S3", "DIRECT"]
    assert [p.id for p in s.prerequisites] == ["S_HONOUR"]


# ---- counting work time ------------------------------------------------------------------------------------

T1_CERT = [cert("senior_technician", "2023-06-30")]  # needs 366 counted days (the year includes 29 Feb 2024)


@pytest.mark.parametrize(
    ("periods", "as_of", "met"),
    [
        # continuous work from before the credential: met on the anniversary, not the day before
        ([CAREER], "2024-06-30", True),
        ([CAREER], "2024-06-29", False),
        # work starting on the credential's day counts from that day
        ([work("2023-06-30")], "2024-06-30", True),
        # work starting one day later: one day short on the anniversary
        ([work("2023-07-01")], "2024-06-30", False),
        ([work("2023-07-01")], "2024-07-01", True),
        # a 10-day gap (2024-01-01 … 2024-01-10) moves the date 10 days later
        ([work("2023-06-30", "2023-12-31"), work("2024-01-11")], "2024-07-09", False),
        ([work("2023-06-30", "2023-12-31"), work("2024-01-11")], "2024-07-10", True),
        # overlapping periods count once: not met one day early
        ([work("2023-06-30", "2024-03-31"), work("2024-01-01", relation="related")], "2024-06-29", False),
        ([work("2023-06-30", "2024-03-31"), work("2024-01-01", relation="related")], "2024-06-30", True),
        # the same job entered twice counts once
        ([work("2023-06-30"), work("2023-06-30")], "2024-06-29", False),
        # related work counts like corresponding work
        ([work("2023-06-30", "2023-12-31"), work("2024-01-01", relation="related")], "2024-06-30", True),
        # unrelated work does not count, however long
        ([work("2023-06-30", "2023-12-31"), work("2024-01-01", relation="unrelated")], "2026-06-30", False),
        ([work("2000-01-01", relation="unrelated")], "2030-01-01", False),
        # work that ended before the credential does not count
        ([work("2000-01-01", "2023-06-29")], "2030-01-01", False),
        # a period's end day counts: 2023-06-30 … 2024-06-29 is exactly 366 days
        ([work("2023-06-30", "2024-06-29")], "2024-06-30", True),
        ([work("2023-06-30", "2024-06-28")], "2030-01-01", False),
    ],
)
def test_work_time_counts_days_in_relevant_periods_once(periods, as_of, met):
    # Given a senior technician certificate of 2023-06-30 and these periods, When judged for T on as_of
    verdict = judge("T", as_of, T1_CERT, periods)
    # Then T1 (1 year) is met only when 366 distinct working days lie in [2023-06-30, as_of)
    assert path(verdict, "T1").met is met
    assert verdict.eligible is met


@pytest.mark.parametrize(
    ("level", "credential", "as_of", "met"),
    [
        # 29 Feb + 1 year is 28 Feb: 365 days to work
        ("T", cert("senior_technician", "2020-02-29"), "2021-02-28", True),
        ("T", cert("senior_technician", "2020-02-29"), "2021-02-27", False),
        # 29 Feb + 2 years (T2) is 28 Feb 2022
        ("T", title("senior", "2020-02-29"), "2022-02-28", True),
        ("T", title("senior", "2020-02-29"), "2022-02-27", False),
        # 29 Feb + 4 years is 29 Feb again (S2 needs 3 → 28 Feb 2023)
        ("S", cert("senior_technician", "2020-02-29"), "2023-02-28", True),
        ("S", cert("senior_technician", "2020-02-29"), "2023-02-27", False),
        # from 28 Feb 2023 the year ends 28 Feb 2024, before the leap day
        ("T", cert("senior_technician", "2023-02-28"), "2024-02-28", True),
        ("T", cert("senior_technician", "2023-02-28"), "2024-02-27", False),
    ],
)
def test_29_february_credentials_reach_their_years_on_28_february(level, credential, as_of, met):
    honours = [PROVINCIAL_EXPERT] if level == "S" else []
    verdict = judge(level, as_of, [credential], [CAREER], honours)
    assert verdict.eligible is met


def test_higher_grade_is_timed_from_its_own_date():
    # Given a technician certificate of 2010 and a senior technician certificate of 2024-03-01, no honour
    credentials = [cert("technician", "2010-01-01"), cert("senior_technician", "2024-03-01")]
    # When judged on 2024-06-30
    verdict = judge("T", "2024-06-30", credentials, [CAREER])
    # Then T1 counts from 2024-03-01 (4 months), not from the older technician certificate
    assert not path(verdict, "T1").met
    assert path(verdict, "T1").met_on.isoformat() == "2025-03-01"
    assert verdict.eligible_on.isoformat() == "2025-03-01"


def test_best_of_several_qualifying_certificates_is_used():
    # Given an old senior technician certificate (2015) and a recent one (2024-05-01)
    credentials = [cert("senior_technician", "2024-05-01"), cert("senior_technician", "2015-01-01")]
    verdict = judge("T", "2024-06-30", credentials, [CAREER])
    # Then T1 is met through the old one
    assert path(verdict, "T1").met
    assert "2015-01-01" in path(verdict, "T1").detail


# ---- how paths combine into the verdict ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "credentials", "honours", "eligible", "basis"),
    [
        # T: any of T1–T3 or DIRECT
        ("T", [cert("senior_technician", "2015-01-01")], [], True, ["T1"]),
        ("T", [title("senior", "2015-01-01")], [], True, ["T2"]),
        ("T", [cert("technician", "2015-01-01")], [MUNICIPAL_EXPERT], True, ["T3"]),
        ("T", [cert("technician", "2015-01-01")], [], False, []),
        ("T", [], [honour("china_skills_award", "2020-01-01")], True, ["DIRECT"]),
        # everything met: sorted ids, DIRECT included
        ("T", [title("senior", "2015-01-01"), cert("senior_technician", "2015-01-01")],
         [MUNICIPAL_EXPERT, honour("national_sci_tech_award", "2020-01-01", rank="second")],
         True, ["DIRECT", "T1", "T2", "T3"]),
        # S: S_HONOUR and one of S1–S3
        # special_grade of 2023-01-01: 1 year for S1, but not the 3 years S2 would need
        ("S", [cert("special_grade", "2023-01-01")], [PROVINCIAL_EXPERT], True, ["S1"]),
        ("S", [cert("senior_technician", "2020-01-01")], [PROVINCIAL_EXPERT], True, ["S2"]),
        ("S", [title("full_senior", "2020-01-01")], [PROVINCIAL_EXPERT], True, ["S3"]),
        ("S", [cert("special_grade", "2015-01-01"), title("full_senior", "2015-01-01")], [PROVINCIAL_EXPERT],
         True, ["S1", "S2", "S3"]),
        # S without S_HONOUR: credential paths alone are not enough
        ("S", [cert("special_grade", "2015-01-01"), title("full_senior", "2015-01-01")], [MUNICIPAL_EXPERT],
         False, []),
        # S_HONOUR alone is not enough
        ("S", [], [PROVINCIAL_EXPERT], False, []),
        # DIRECT needs no S_HONOUR (a sci-tech award is not a skill-talent honour)
        ("S", [], [honour("national_sci_tech_award", "2020-01-01", rank="second")], True, ["DIRECT"]),
        # DIRECT with S_HONOUR missing: S1 being met does not make it into the basis
        ("S", [cert("special_grade", "2015-01-01")], [honour("national_sci_tech_award", "2020-01-01", rank="first")],
         True, ["DIRECT"]),
        ("S", [cert("special_grade", "2015-01-01")],
         [honour("china_skills_award", "2020-01-01")], True, ["DIRECT", "S1", "S2"]),  # the award is national too
        # the T3 honour rule does not apply to S
        ("S", [cert("senior_technician", "2015-01-01")], [CENTRAL_AWARD], False, []),
    ],
)  # fmt: skip
def test_level_rule_and_basis(level, credentials, honours, eligible, basis):
    verdict = judge(level, "2024-06-30", credentials, [CAREER], honours)
    assert verdict.eligible is eligible
    assert verdict.basis == basis
    assert "S_HONOUR" not in verdict.basis


def test_s_honour_is_reported_as_a_prerequisite_with_the_honour_named():
    verdict = judge("S", "2024-06-30", [cert("special_grade", "2015-01-01")], [CAREER], [PROVINCIAL_EXPERT])
    (prerequisite,) = verdict.prerequisites
    assert (prerequisite.id, prerequisite.met) == ("S_HONOUR", True)
    assert "南粤技术能手" in prerequisite.detail


def test_sci_tech_third_rank_says_why_it_is_not_direct():
    verdict = judge("T", "2024-06-30", honours=[honour("national_sci_tech_award", "2022-01-01", rank="third")])
    assert not verdict.eligible
    assert "三等奖" in path(verdict, "DIRECT").detail


# ---- needs_review ---------------------------------------------------------------------------------------------

OTHER_MUNICIPAL = honour("other", "2020-01-01", "municipal", name="某市首席技能专家")
OTHER_PROVINCIAL = honour("other", "2020-01-01", "provincial", name="某省技能人才荣誉")


@pytest.mark.parametrize(
    ("level", "credentials", "honours", "eligible", "needs_review"),
    [
        # T3 is the only route and it rests on an `other` honour
        ("T", [cert("technician", "2015-01-01")], [OTHER_MUNICIPAL], True, True),
        # a non-`other` honour also supports T3
        ("T", [cert("technician", "2015-01-01")], [OTHER_MUNICIPAL, MUNICIPAL_EXPERT], True, False),
        ("T", [cert("technician", "2015-01-01")], [OTHER_MUNICIPAL, CENTRAL_AWARD], True, False),
        # T1 is met without any honour
        ("T", [cert("senior_technician", "2015-01-01")], [OTHER_MUNICIPAL], True, False),
        # DIRECT needs no review
        ("T", [cert("technician", "2015-01-01")], [OTHER_MUNICIPAL, honour("china_skills_award", "2020-01-01")],
         True, False),
        # S: S_HONOUR rests on `other` → every non-direct route rests on it
        ("S", [cert("special_grade", "2015-01-01")], [OTHER_PROVINCIAL], True, True),
        ("S", [cert("special_grade", "2015-01-01")], [OTHER_PROVINCIAL, PROVINCIAL_EXPERT], True, False),
        ("S", [cert("special_grade", "2015-01-01")],
         [OTHER_PROVINCIAL, honour("national_sci_tech_award", "2020-01-01", rank="second")], True, False),
        # not eligible → nothing to review
        ("T", [cert("technician", "2024-01-01")], [OTHER_MUNICIPAL], False, False),
        ("S", [], [OTHER_PROVINCIAL], False, False),
        # `other` below the needed level does not count at all
        ("T", [cert("technician", "2015-01-01")], [honour("other", "2020-01-01", "county")], False, False),
    ],
)  # fmt: skip
def test_needs_review_only_when_eligibility_rests_only_on_other_honours(
    level, credentials, honours, eligible, needs_review
):
    verdict = judge(level, "2024-06-30", credentials, [CAREER], honours)
    assert (verdict.eligible, verdict.needs_review) == (eligible, needs_review)


def test_review_note_is_in_the_detail_of_a_path_resting_on_other():
    verdict = judge("T", "2024-06-30", [cert("technician", "2015-01-01")], [CAREER], [OTHER_MUNICIPAL])
    assert "人工核实" in path(verdict, "T3").detail


# ---- eligible_on ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "worked"),
    [
        ("2024-07-01", "工作 10 个月，"),  # days 2023-09-01 … 2024-06-30: ten calendar months
        ("2024-06-30", "工作 9 个月 29 天，"),  # one day fewer
    ],
)
def test_eligible_on_matches_the_domain_example(as_of, worked):
    # Given a senior technician certificate of 2023-09-01 and ongoing work
    verdict = judge("T", as_of, [cert("senior_technician", "2023-09-01")], [CAREER])
    # Then: not yet eligible, met on the first anniversary 2024-09-01, and the detail says so
    assert not verdict.eligible
    assert verdict.basis == []
    assert verdict.eligible_on.isoformat() == "2024-09-01"
    t1 = path(verdict, "T1")
    assert t1.met_on.isoformat() == "2024-09-01"
    assert worked in t1.detail
    assert "需满 1 年（预计 2024-09-01 满足）" in t1.detail


def test_eligible_on_is_the_earliest_of_the_time_short_paths():
    # T1 from 2023-09-01 is met 2024-09-01; T2 from 2022-08-01 is met 2024-08-01
    credentials = [cert("senior_technician", "2023-09-01"), title("senior", "2022-08-01")]
    verdict = judge("T", "2024-06-30", credentials, [CAREER])
    assert verdict.eligible_on.isoformat() == "2024-08-01"


def test_eligible_on_follows_a_gap_in_work():
    # Ongoing work since 2024-01-11 after a job that ended 2023-12-31: 10 days missing
    periods = [work("2023-06-30", "2023-12-31"), work("2024-01-11")]
    verdict = judge("T", "2024-06-30", [cert("senior_technician", "2023-06-30")], periods)
    assert verdict.eligible_on.isoformat() == "2024-07-10"


@pytest.mark.parametrize(
    ("level", "credentials", "periods", "honours"),
    [
        # no ongoing work: the past job ended before enough time was counted
        ("T", [cert("senior_technician", "2023-09-01")], [work("2020-01-01", "2024-01-31")], []),
        # ongoing work is unrelated
        ("T", [cert("senior_technician", "2023-09-01")], [work("2024-02-01", relation="unrelated")], []),
        # T3 short of time but the honour is missing too
        ("T", [cert("technician", "2022-01-01")], [CAREER], []),
        # S1 short of time but S_HONOUR is missing
        ("S", [cert("special_grade", "2024-01-01")], [CAREER], [MUNICIPAL_EXPERT]),
        # no qualifying credential at all
        ("T", [cert("technician", "2024-01-01")], [CAREER], []),
        ("T", [], [CAREER], []),
    ],
)
def test_eligible_on_is_null_unless_only_time_is_missing_with_ongoing_work(level, credentials, periods, honours):
    verdict = judge(level, "2024-06-30", credentials, periods, honours)
    assert not verdict.eligible
    assert verdict.eligible_on is None


def test_detail_explains_when_no_date_can_be_projected():
    verdict = judge("T", "2024-06-30", [cert("senior_technician", "2023-09-01")], [work("2020-01-01", "2024-01-31")])
    # 2023-09-01 … 2024-01-31 is 153 days; a year from 2023-09-01 needs 366
    assert "还差 213 天" in path(verdict, "T1").detail


def test_eligible_on_for_s_when_only_time_is_missing():
    verdict = judge("S", "2024-06-30", [cert("special_grade", "2024-01-15")], [CAREER], [PROVINCIAL_EXPERT])
    assert verdict.eligible_on.isoformat() == "2025-01-15"


def test_eligible_on_is_null_when_eligible():
    verdict = judge("T", "2024-06-30", [cert("senior_technician", "2015-01-01"), title("senior", "2024-01-01")],
                    [CAREER])  # fmt: skip
    assert verdict.eligible
    assert verdict.eligible_on is None


def test_t3_time_short_with_honour_projects_a_date():
    # technician 2022-01-01 + 3 years → 2025-01-01, honour present
    verdict = judge("T", "2024-06-30", [cert("technician", "2022-01-01")], [CAREER], [MUNICIPAL_EXPERT])
    assert verdict.eligible_on.isoformat() == "2025-01-01"


# ---- Chinese detail on every path -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", PATH_CASES, ids=[c[0] for c in PATH_CASES])
def test_every_path_and_prerequisite_carries_a_chinese_detail(case):
    _, level, as_of, credentials, periods, honours, _, _ = case
    verdict = judge(level, as_of, credentials, periods, honours)
    for result in verdict.paths + verdict.prerequisites:
        assert result.title, result.id
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in result.detail) >= 5, (result.id, result.detail)


@pytest.mark.parametrize(
    ("credential", "fragment"),
    [
        # says which relation was given and which one is needed
        (cert("senior_technician", "2015-01-01", relation="related"), "“相关”"),
        # says the credential is dated after as_of
        (cert("senior_technician", "2024-07-01"), "晚于评价日期"),
    ],
)
def test_detail_says_why_a_credential_does_not_count(credential, fragment):
    verdict = judge("T", "2024-06-30", [credential], [CAREER])
    assert fragment in path(verdict, "T1").detail
