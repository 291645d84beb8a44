"""Steps of the filing → plan → report workflow through the API, shared by the workflow tests.

Each step asserts the answer it needs, so a failing step names itself instead of failing a later one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from time import monotonic
from typing import Any

import pytest

from tests.factories import (
    FACTORY_USCC,
    PDF_BYTES,
    admin_claims,
    city_claims,
    enterprise_claims,
    filing_body,
    plan_body,
    province_claims,
    report_body,
    s_candidate,
    t_candidate,
    upload_request,
)

Api = Callable[..., tuple[int, Any]]
Upload = Callable[..., str]

# The factories' plans are for phase 1 of 2024 (review 2024-06-15) and their reports' notice runs 06-17..21:
# a plan is submitted on PLAN_DAY, a report on REPORT_DAY (before the phase's deadline, 2024-07-10).
PLAN_DAY = "2024-06-03"
REPORT_DAY = "2024-06-24"
CLOCK_FOR = {"plans": PLAN_DAY, "reports": REPORT_DAY}


@dataclass
class Flow:
    """An enterprise walking the workflow; reviewers are named by their claims."""

    call_api: Api
    upload: Upload
    uscc: str = FACTORY_USCC
    city: str = "440100"
    categories: tuple[str, ...] = ("above_scale", "large")
    walk_clock: bool = True  # move the clock to PLAN_DAY / REPORT_DAY before each plan / report is created

    @property
    def claims(self) -> dict[str, Any]:
        return enterprise_claims(self.uscc)

    @property
    def first_desk(self) -> dict[str, Any]:
        """Who reviews this enterprise's filings and plans."""
        return province_claims() if "provincial_filed" in self.categories else city_claims(self.city)

    def create(self, kind: str, body: dict[str, Any], **kwargs: Any) -> tuple[int, Any]:
        if self.walk_clock and kind in CLOCK_FOR:
            set_today(CLOCK_FOR[kind])
        return self.call_api("POST", f"/api/{kind}", body, claims=self.claims, **kwargs)

    def created(self, kind: str, body: dict[str, Any]) -> str:
        status, answer = self.create(kind, body)
        assert status == 201, answer
        assert answer["status"] == "submitted"
        assert answer["version"] == 1
        return str(answer["id"])

    def read(self, kind: str, record_id: str, claims: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        status, answer = self.call_api("GET", f"/api/{kind}/{record_id}", claims=claims or self.claims, **kwargs)
        assert status == 200, answer
        return answer

    def decide(
        self, kind: str, record_id: str, decision: str, claims: dict[str, Any], comment: str = "", version: int = 1
    ) -> tuple[int, Any]:
        body = {"decision": decision, "comment": comment, "version": version}
        return self.call_api("POST", f"/api/{kind}/{record_id}/decision", body, claims=claims)

    def approve(self, kind: str, record_id: str, claims: dict[str, Any], version: int = 1) -> Any:
        if kind == "reports" and claims.get("cognito:groups") in ("[province_reviewer]", "[admin]"):
            self.noticed(record_id)
        status, answer = self.decide(kind, record_id, "approve", claims, "材料齐全，同意", version)
        assert status == 200, answer
        return answer

    def noticed(self, report_id: str) -> None:
        """An S report at the province's desk put on a public notice that has already ended (§五(二)2②: the
        province finally approves S reports only after their shortlist's notice)."""
        status, head = self.call_api("GET", f"/api/reports/{report_id}", claims=province_claims())
        if status != 200 or head.get("level") != "S" or head.get("stage") != "province" or head.get("notice_id"):
            return
        from functions.services import clock

        end = clock.today() - timedelta(days=1)
        body = {"campaign": head["campaign"], "report_ids": [report_id], "start": str(end - timedelta(days=20)),
                "end": str(end)}  # fmt: skip
        status, answer = self.call_api("POST", "/api/notices", body, claims=province_claims())
        assert status == 201, answer

    # ---- whole steps ------------------------------------------------------------------------------------

    def filing_body(self, levels: list[str] | None = None) -> dict[str, Any]:
        return filing_body(self.uscc, self.city, list(self.categories), levels)

    def approved_filing(self, levels: list[str] | None = None) -> str:
        filing_id = self.created("filings", self.filing_body(levels))
        self.approve("filings", filing_id, self.first_desk)
        return filing_id

    def plan_body(self, filing_id: str, level: str = "T") -> dict[str, Any]:
        return plan_body(filing_id, self.upload("plan_document", claims=self.claims), level)

    def approved_plan(self, level: str = "T", filing_id: str | None = None) -> str:
        filing_id = filing_id or self.approved_filing()
        plan_id = self.created("plans", self.plan_body(filing_id, level))
        self.approve("plans", plan_id, self.first_desk)
        return plan_id

    @property
    def people(self) -> int:
        """Where this enterprise's people start: enterprises other than the factory report other people, so
        one person is never approved twice for a level and campaign (the one-person-one-approval rule)."""
        return 0 if self.uscc == FACTORY_USCC else 500 + int(self.uscc[2:8]) % 97 * 100

    def report_body(self, plan_id: str, count: int = 2, level: str = "T", first: int = 1) -> dict[str, Any]:
        make = t_candidate if level == "T" else s_candidate
        candidates = [make(i) for i in range(self.people + first, self.people + first + count)]
        return report_body(plan_id, self.upload("material", claims=self.claims), candidates)

    def approved_report(self, level: str = "T", count: int = 2, first: int = 0) -> str:
        """A report approved by every desk it is routed to (a local S report: the city, then the province);
        a second report of the same enterprise and level needs other people (`first`)."""
        report_id = self.created("reports", self.report_body(self.approved_plan(level), count, level, first=first))
        local_s = level == "S" and "provincial_filed" not in self.categories
        desks = [city_claims(self.city), province_claims()] if local_s else [self.first_desk]
        for claims in desks:
            self.approve("reports", report_id, claims)
        return report_id


_LATEST: dict[date, datetime] = {}  # the last moment handed out on each day, so a day revisited runs on


def set_today(day: date | str) -> date:
    """Set the one clock (`functions.services.clock`) to `day` in Beijing, from 10:00 or from where that day's
    clock last stood, running on (so time stamps never go back, even across tests sharing a module's data)."""
    from functions.services import clock

    fixed = date.fromisoformat(day) if isinstance(day, str) else day
    start, began = _LATEST.get(fixed, datetime.combine(fixed, time(10, 0), clock.CHINA)), monotonic()

    def source() -> datetime:
        moment = start + timedelta(seconds=monotonic() - began, microseconds=1)
        _LATEST[fixed] = moment
        return moment

    clock.install_source(source)
    return fixed


CJK = re.compile(r"[\u4e00-\u9fff]")


def problem(status: int, answer: Any, path: str) -> dict[str, Any]:
    """The one problem a 422 reports at `path`, checked to be in API.md's shape with a Chinese message."""
    assert status == 422, answer
    assert answer["error"]["code"] == "validation_failed"
    assert CJK.search(answer["error"]["message"])
    found = [f for f in answer["error"]["fields"] if f["path"] == path]
    assert found, f"no problem at {path}: {answer['error']['fields']}"
    assert CJK.search(found[0]["message"]), found[0]
    return dict(found[0])


def debar(
    call_api: Api, subject_type: str, subject_id: str, decided_on: str = "2024-03-01", name: str = "李国强"
) -> dict[str, Any]:
    body = {
        "subject_type": subject_type,
        "subject_id": subject_id,
        "subject_name": name,
        "reason": "提供虚假业绩材料",
        "decided_on": decided_on,
    }
    status, answer = call_api("POST", "/api/debarments", body, claims=admin_claims())
    assert status in (200, 201), answer
    return dict(answer)


@contextmanager
def moto_world(name: str) -> Iterator[None]:
    """moto with the template's resources, open for a whole module (tables named after `name`)."""
    from moto import mock_aws

    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "TABLE_NAME": f"gdskills-{name}",
        "IDEMPOTENCY_TABLE_NAME": f"gdskills-{name}-idempotency",
        "MATERIALS_BUCKET": f"gdskills-{name}-materials",
        "EXPORTS_BUCKET": f"gdskills-{name}-exports",
        "MAIL_FROM": "noreply@gdskills.example",
    }
    with pytest.MonkeyPatch.context() as patch, mock_aws():
        for key, value in env.items():
            patch.setenv(key, value)
        for key in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "NOTIFY_QUEUE_URL", "USER_POOL_ID"):
            patch.delenv(key, raising=False)
        from functions.api import deps
        from functions.dal.local import create_local_resources

        deps.reset()
        create_local_resources()
        try:
            yield
        finally:
            deps.reset()
            os.environ.pop("NOTIFY_QUEUE_URL", None)
            os.environ.pop("USER_POOL_ID", None)


def direct_call(method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
    """`call_api` for module-scoped fixtures (the fixture itself is function-scoped)."""
    from functions.api.handler import lambda_handler
    from tests.conftest import FakeLambdaContext, http_event

    result = lambda_handler(http_event(method, path, body, **kwargs), FakeLambdaContext())
    raw = result.get("body") or ""
    content_type = (result.get("headers") or {}).get("Content-Type", "")
    return result["statusCode"], json.loads(raw) if "json" in content_type and raw else raw


def direct_upload(purpose: str, data: bytes = PDF_BYTES, claims: dict[str, Any] | None = None, **overrides: Any) -> str:
    """The `upload` fixture's job for module-scoped fixtures."""
    from functions.dal.aws import client, settings

    declared = {**upload_request(purpose, data), **overrides}
    status, answer = direct_call("POST", "/api/uploads", declared, claims=claims or enterprise_claims())
    assert status == 201, answer
    client("s3").put_object(
        Bucket=settings().materials_bucket, Key=answer["key"], Body=data, ContentType=declared["content_type"]
    )
    return str(answer["key"])
