"""The finding of fraud as a form (§七(四)): five years from the decision, and the campaign whose results it
cancels (本年度: the decision's year unless another is named)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas.forms import DebarmentRequest
from tests.factories import FACTORY_USCC, make_id

PERSON = {
    "subject_type": "person",
    "subject_id": make_id("440106", "19751003", "213"),
    "subject_name": "黄志强",
    "reason": "伪造南粤技术能手证书",
    "decided_on": "2024-08-20",
}


def test_five_years_from_the_decision_and_that_years_campaign():
    form = DebarmentRequest.model_validate(PERSON)
    assert form.until.isoformat() == "2029-08-20"
    assert form.cancelled_campaign == "2024"
    assert DebarmentRequest.model_validate({**PERSON, "campaign": "2025"}).cancelled_campaign == "2025"


def test_an_enterprise_is_named_by_its_uscc_and_a_person_by_a_valid_id_number():
    form = DebarmentRequest.model_validate({**PERSON, "subject_type": "enterprise", "subject_id": FACTORY_USCC.lower()})
    assert form.subject_id == FACTORY_USCC
    with pytest.raises(ValidationError):
        DebarmentRequest.model_validate({**PERSON, "subject_id": make_id("440102", "20080101", "001")})


def test_the_name_is_required_for_searching():
    body = {k: v for k, v in PERSON.items() if k != "subject_name"}
    with pytest.raises(ValidationError) as caught:
        DebarmentRequest.model_validate(body)
    assert [e["loc"] for e in caught.value.errors()] == [("subject_name",)]
