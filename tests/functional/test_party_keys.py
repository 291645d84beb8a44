"""Per-party lookups (debarments in force, one-person-one-approval claims) are one item per party under a
bounded set of partition keys (`functions.dal.parties`, `functions.dal.shards`): checking or claiming people
never adds a partition per person, a submission reads each person once for both checks, and no ID number is
ever part of a key."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import city_claims
from tests.functional._workflow import Flow, debar

PEOPLE = 300
PARTY = "PARTY#"  # each party's item: its debarment in force, its approval claims
CLAIM = "claim#2024#T"  # the attribute holding a person's claim for T in 2024


@pytest.fixture
def flow(aws, call_api, upload) -> Flow:
    return Flow(call_api, upload)


def _partitions() -> dict[str, int]:
    """moto's table: each partition key and how many items it holds (moto keeps an empty partition for every key
    a GetItem or BatchGetItem missed, and copies them all once per item of every transaction)."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    from functions.dal.aws import settings

    table = dynamodb_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].tables[settings().table]
    return {str(key.value): len(items) for key, items in table.items.items()}


def _empty(partitions: dict[str, int]) -> set[str]:
    return {key for key, count in partitions.items() if not count}


def _every_item() -> list[dict[str, Any]]:
    from functions.api.deps import stores
    from functions.dal.items import from_item

    records = stores().records
    items, request = [], {"TableName": records.table}
    while True:
        answer = records.ddb.scan(**request)
        items += [from_item(i) for i in answer["Items"]]
        if "LastEvaluatedKey" not in answer:
            return items
        request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]


def test_checking_and_claiming_hundreds_of_people_adds_a_bounded_number_of_partitions(flow, call_api):
    # Given an approved T plan, and one of the people to be reported debarred (a finding long over)
    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id, count=PEOPLE)
    debar(call_api, "person", body["candidates"][0]["id_number"], decided_on="2018-03-01")
    before = _partitions()
    # When a report of 300 people is submitted (debarments and earlier approvals checked for each), read by
    # its reviewer (earlier approvals checked again) and approved (checked once more, then every person claimed)
    report_id = flow.created("reports", body)
    assert flow.read("reports", report_id, claims=city_claims())["duplicate_count"] == 0
    assert flow.approve("reports", report_id, city_claims())["status"] == "approved"
    # Then the lookups that found nothing left no partition per person behind (one partition key per person
    # left 600 after the submission alone), and the claims went under at most 16 partition keys
    after = _partitions()
    assert len(_empty(after) - _empty(before)) < 20, sorted(_empty(after) - _empty(before))
    assert len([key for key in after if key.startswith(PARTY)]) <= 16
    # And every claim was written, one per person, on the person's party item, with no ID number in any key
    parties = [i for i in _every_item() if i["pk"].startswith(PARTY)]
    claims = [i[CLAIM] for i in parties if CLAIM in i]
    assert sorted(int(c["index"]) for c in claims) == list(range(PEOPLE))
    assert len({(i["pk"], i["sk"]) for i in parties}) == len(parties) == PEOPLE
    # (the debarred person's one item holds his finding, long over, and his claim side by side)
    assert [i["debarred"]["subject_id"] for i in parties if "debarred" in i and CLAIM in i] == [
        body["candidates"][0]["id_number"]
    ]
    ids = [c["id_number"] for c in body["candidates"]]
    keys = " ".join(f"{i['pk']} {i['sk']}" for i in _every_item())
    assert not any(id_number in keys for id_number in ids)


def test_a_debarment_in_force_is_found_lifted_and_searched_by_its_party(flow, call_api):
    from functions.api.deps import stores

    # Given a person debarred, and another whose finding was lifted
    people = flow.report_body("x", count=2)["candidates"]
    held = debar(call_api, "person", people[0]["id_number"], name="李国强甲")
    lifted = debar(call_api, "person", people[1]["id_number"], name="李国强乙")
    from tests.factories import admin_claims

    status, _ = call_api("POST", f"/api/debarments/{lifted['id']}/lift", {"reason": "复议撤销"}, claims=admin_claims())
    assert status == 200
    # Then what holds now is found for the first only, keyed by digest, and each is found by its ID number
    found = stores().debarments.active([p["id_number"] for p in people])
    assert list(found) == [people[0]["id_number"]]
    assert found[people[0]["id_number"]]["id"] == held["id"]
    assert [d["id"] for d in stores().debarments.of(people[1]["id_number"])] == [lifted["id"]]


def test_a_finding_and_its_lifting_leave_the_persons_approval_claim_as_it_was(flow, call_api):
    from functions.api.deps import stores
    from tests.factories import admin_claims

    # Given a person approved for T in 2024 (the claim sits on the person's party item)
    report_id = flow.approved_report("T", count=2)
    person = stores().records.body(report_id, 1)["candidates"][1]["id_number"]
    claim = stores().parties.read([person]).of(person)[CLAIM]
    assert (claim["report_id"], int(claim["index"])) == (report_id, 1)
    # When a finding of fraud is recorded against that person, and later lifted
    finding = debar(call_api, "person", person, name="李国强丙")
    held = stores().parties.read([person]).of(person)
    status, _ = call_api("POST", f"/api/debarments/{finding['id']}/lift", {"reason": "复议撤销"}, claims=admin_claims())
    assert status == 200
    # Then the finding was held beside the claim, the lifting took away only the finding, and the claim,
    # written by the approval, is exactly as it was (each writer updates only its own attribute)
    assert held["debarred"]["id"] == finding["id"]
    assert held[CLAIM] == claim
    after = stores().parties.read([person]).of(person)
    assert "debarred" not in after
    assert after[CLAIM] == claim
