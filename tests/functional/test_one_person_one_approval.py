"""One person, one approval: the same ID number approved for the same level in the same campaign, by any
enterprise, is flagged to reviewers from submission on and refused at final approval (staff see which)."""

from __future__ import annotations

import pytest

from tests.factories import SHENZHEN_USCC, city_claims, t_candidate
from tests.functional._workflow import Flow

SHENZHEN = "440300"


@pytest.fixture
def guangzhou(aws, call_api, upload):
    return Flow(call_api, upload)


@pytest.fixture
def shenzhen(aws, call_api, upload):
    return Flow(call_api, upload, uscc=SHENZHEN_USCC, city=SHENZHEN)


def _report_with(flow: Flow, people: list[int]) -> str:
    """A T report of `flow`'s enterprise carrying t_candidate(i) for each i."""
    body = flow.report_body(flow.approved_plan("T"), count=1, level="T")
    body["candidates"] = [t_candidate(i) for i in people]
    return flow.created("reports", body)


def test_a_person_approved_elsewhere_is_flagged_and_refused(guangzhou, shenzhen):
    # Given Guangzhou's report of persons 1 and 2 approved for T in 2024
    first = _report_with(guangzhou, [1, 2])
    guangzhou.approve("reports", first, city_claims())
    # When a Shenzhen enterprise reports persons 7 and 2 for T in 2024
    second = _report_with(shenzhen, [7, 2])
    # Then Shenzhen's reviewer sees person 2 flagged with the other report and enterprise
    record = shenzhen.read("reports", second, claims=city_claims(SHENZHEN))
    assert record["duplicate_count"] == 1
    (flag,) = record["duplicates"]
    assert (flag["index"], flag["report_id"]) == (1, first)
    assert flag["enterprise_name"] == "广州精工机械制造有限公司"
    # And the enterprise itself does not see another enterprise named
    assert "duplicates" not in shenzhen.read("reports", second)
    # And the final approval is refused with 409 naming the other record and enterprise
    status, answer = shenzhen.decide("reports", second, "approve", city_claims(SHENZHEN), "同意")
    assert status == 409, answer
    assert first in answer["error"]["message"]
    assert "广州精工机械制造有限公司" in answer["error"]["message"]
    assert [f["path"] for f in answer["error"]["fields"]] == ["candidates[1].id_number"]
    # And the report still awaits a decision: it can be returned for the enterprise to remove the person
    assert shenzhen.read("reports", second)["status"] == "submitted"
    status, _ = shenzhen.decide("reports", second, "return", city_claims(SHENZHEN), "第 2 位人员已在广州通过，请删除")
    assert status == 200


def test_an_approval_after_submission_shows_on_the_next_read(guangzhou, shenzhen):
    # Given both reports submitted, neither decided
    first = _report_with(guangzhou, [3])
    second = _report_with(shenzhen, [3])
    assert shenzhen.read("reports", second, claims=city_claims(SHENZHEN))["duplicates"] == []
    # When Guangzhou's is approved first
    guangzhou.approve("reports", first, city_claims())
    # Then Shenzhen's reviewer now sees the flag, and cannot approve
    assert shenzhen.read("reports", second, claims=city_claims(SHENZHEN))["duplicate_count"] == 1
    assert shenzhen.decide("reports", second, "approve", city_claims(SHENZHEN), "同意")[0] == 409


def test_the_same_person_for_another_level_or_campaign_is_not_a_duplicate(guangzhou, shenzhen):
    first = _report_with(guangzhou, [4])
    guangzhou.approve("reports", first, city_claims())
    # An S report of the same person in the same campaign is another level
    body = shenzhen.report_body(shenzhen.approved_plan("S"), count=1, level="S", first=4)
    second = shenzhen.created("reports", body)
    assert shenzhen.read("reports", second, claims=city_claims(SHENZHEN))["duplicates"] == []
    shenzhen.approve("reports", second, city_claims(SHENZHEN))


def test_a_decision_in_flight_holds_the_person(guangzhou, shenzhen):
    from functions.api.deps import stores
    from functions.services import clock
    from functions.services.duplicates import claim_for_approval

    # Given Guangzhou's approval of person 5 has claimed them and not yet committed
    first = _report_with(guangzhou, [5])
    head = stores().records.head(first)
    claim_for_approval(stores(), head, [t_candidate(5)], clock.stamp())
    # When Shenzhen's report of person 5 is approved at that moment
    second = _report_with(shenzhen, [5])
    status, answer = shenzhen.decide("reports", second, "approve", city_claims(SHENZHEN), "同意")
    # Then it waits its turn (409), and Guangzhou's approval still goes through
    assert status == 409, answer
    assert "正在另一份报备中审批" in answer["error"]["message"]
    guangzhou.approve("reports", first, city_claims())


def test_a_claim_left_by_a_returned_report_is_taken_over(guangzhou, shenzhen):
    from functions.api.deps import stores
    from functions.services import clock
    from functions.services.duplicates import claim_for_approval

    # Given Guangzhou's report claimed person 6 and was then returned instead of approved
    first = _report_with(guangzhou, [6])
    claim_for_approval(stores(), stores().records.head(first), [t_candidate(6)], clock.stamp())
    guangzhou.decide("reports", first, "return", city_claims(), "请补充材料")
    # Then Shenzhen's report of person 6 can be approved
    second = _report_with(shenzhen, [6])
    shenzhen.approve("reports", second, city_claims(SHENZHEN))


def test_claims_that_lose_one_person_to_another_decision_are_all_given_back(aws):
    from functions.api.deps import stores
    from functions.dal.people import ClaimKey, person_key
    from functions.errors import Conflict
    from functions.services import clock

    people = stores().people
    keys = [person_key("2024", "T", t_candidate(i)["id_number"]) for i in range(40, 64)]

    def claims(report_id: str, wanted: list[ClaimKey]) -> list[tuple[ClaimKey, dict[str, object], None]]:
        return [(key, {"report_id": report_id, "index": i, "at": clock.stamp()}, None) for i, key in enumerate(wanted)]

    # Given this decision has read its 24 people's claims (none), as claim_for_approval does before writing,
    # and one of them is claimed by another decision before this one writes
    assert people.claims(keys) == {}
    assert people.write("RPT-other", claims("RPT-other", keys[17:18])) == keys[17:18]
    # When this decision writes its 24 claims, it is refused
    with pytest.raises(Conflict):
        people.write("RPT-mine", claims("RPT-mine", keys))
    # Then it holds none of them: the 23 it wrote were given back, the other decision keeps its own
    assert {key: c["report_id"] for key, c in people.claims(keys).items()} == {keys[17]: "RPT-other"}
    # And without that person, every claim is written (and written again by the same report, unchanged)
    rest = keys[:17] + keys[18:]
    assert people.write("RPT-mine", claims("RPT-mine", rest)) == rest
    assert people.write("RPT-mine", claims("RPT-mine", rest)) == rest
