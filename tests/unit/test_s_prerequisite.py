"""§四(二)'s prerequisite for 首席技师 as the notice lists it: "省级以上表彰范围主要为…".

The named honours pass outright; any other skill-talent honour of provincial level or higher passes with
`needs_review` and a detail telling that a reviewer must confirm it.
"""

from __future__ import annotations

import pytest

from tests.unit._eligibility_build import cert, honour, judge, path, work

AS_OF = "2024-06-30"
S2_MET = ([cert("senior_technician", "2019-05-20")], [work("2005-07-01")])  # 高级技师 + 5 years


@pytest.mark.parametrize(
    "named",
    [
        honour("technical_expert", "2019-12-01", "provincial", name="南粤技术能手"),
        honour("technical_expert", "2020-12-01", "national", name="全国技术能手"),
        honour("model_worker", "2015-05-01", "provincial", name="广东省劳动模范"),
        honour("model_worker", "2015-05-01", "national", name="全国劳动模范"),
        honour("may_day_medal", "2018-05-01", "provincial", name="广东省五一劳动奖章"),
        honour("state_council_allowance", "2018-01-01"),
        honour("worldskills_medal", "2019-08-27"),
        honour("national_competition_medal", "2020-12-10"),
        honour("master_studio_lead", "2021-03-01", "national", name="国家级技能大师工作室带头人"),
    ],
)
def test_named_honours_pass_outright(named):
    verdict = judge("S", AS_OF, *S2_MET, [named])
    assert path(verdict, "S_HONOUR").met
    assert verdict.eligible
    assert not verdict.needs_review
    assert "确认" not in path(verdict, "S_HONOUR").detail


@pytest.mark.parametrize(
    "unlisted",
    [
        honour("master_studio_lead", "2021-03-01", "provincial", name="广东省技能大师工作室负责人"),
        honour("skill_leader_award", "2021-03-01", "provincial", name="广东省技能领军人才"),
        honour("other", "2021-03-01", "provincial", name="广东省杰出技能人才"),
        honour("other", "2021-03-01", "national", name="全国青年岗位能手"),
    ],
)
def test_other_provincial_skill_honours_pass_for_a_reviewer_to_confirm(unlisted):
    verdict = judge("S", AS_OF, *S2_MET, [unlisted])
    prerequisite = path(verdict, "S_HONOUR")
    assert prerequisite.met
    assert verdict.eligible
    assert verdict.needs_review
    assert "审核人员确认" in prerequisite.detail
    assert unlisted["name"] in prerequisite.detail


@pytest.mark.parametrize(
    "too_low",
    [
        honour("technical_expert", "2019-12-01", "municipal", name="广州市技术能手"),
        honour("model_worker", "2019-12-01", "municipal", name="广州市劳动模范"),
        honour("other", "2019-12-01", "municipal"),
        honour("enterprise_contribution_award", "2019-12-01", issuer_type="central_enterprise"),
    ],
)
def test_municipal_honours_and_enterprise_awards_do_not_pass(too_low):
    verdict = judge("S", AS_OF, *S2_MET, [too_low])
    assert not path(verdict, "S_HONOUR").met
    assert not verdict.eligible


def test_a_named_honour_beside_an_unlisted_one_needs_no_review():
    honours = [
        honour("skill_leader_award", "2021-03-01", "provincial", name="广东省技能领军人才"),
        honour("technical_expert", "2019-12-01", "provincial", name="南粤技术能手"),
    ]
    verdict = judge("S", AS_OF, *S2_MET, honours)
    assert verdict.eligible
    assert not verdict.needs_review
    assert "南粤技术能手" in path(verdict, "S_HONOUR").detail


def test_the_direct_route_needs_no_review_whatever_the_prerequisite():
    verdict = judge("S", AS_OF, [], [], [honour("china_skills_award", "2020-01-01")])
    assert verdict.eligible
    assert verdict.basis == ["DIRECT"]
    assert not verdict.needs_review
