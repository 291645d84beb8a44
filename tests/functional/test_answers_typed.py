"""Every route's success answer is typed in the OpenAPI document (files declare their media type), and real
answers match those types: a whole T flow with a return, an S flow's publication, accounts, campaigns, city
contacts, debarments and exports, each 2xx JSON answer validated against the served document."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.factories import admin_claims, city_claims, province_claims
from tests.functional._workflow import Flow
from tests.functional.test_account_requests import ASK
from tests.functional.test_outputs import XLSX, _filled_roster
from tests.functional.test_roster_import import _row

Api = Callable[..., tuple[int, Any]]
FILES = re.compile(r"^(application/(pdf|octet-stream|zip|vnd\.)|text/csv|image/)")


def _document(call_api: Api) -> dict[str, Any]:
    status, document = call_api("GET", "/api/openapi.json")
    assert status == 200
    return dict(document)


def _untyped(schema: dict[str, Any] | None, components: dict[str, Any]) -> bool:
    """A schema that says nothing of the answer: missing, `{}`, `Any`, or an object without properties."""
    if not schema or set(schema) <= {"title", "description"}:
        return True
    if "$ref" in schema:
        return _untyped(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    if "anyOf" in schema:
        return any(_untyped(s, components) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return _untyped(schema.get("items"), components)
    return schema.get("type") == "object" and not schema.get("properties")


def test_no_route_answers_success_untyped(aws: None, call_api: Api) -> None:
    document = _document(call_api)
    components = document["components"]["schemas"]
    untyped = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                if not status.startswith("2") or status == "204":
                    continue
                content = answer.get("content") or {}
                json_schema = content.get("application/json", {}).get("schema")
                files = [t for t in content if FILES.match(t)]
                if not files and _untyped(json_schema, components):
                    untyped.append(f"{method.upper()} {path} {status}")
    assert untyped == [], "success answers without a typed schema or a file media type: " + ", ".join(untyped)


class Checked:
    """`call_api` that holds each 2xx JSON answer to the document's schema for its route and status."""

    def __init__(self, call_api: Api) -> None:
        self.call_api = call_api
        self.document = _document(call_api)
        self.routes = [
            (method, path, re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"))
            for path, operations in self.document["paths"].items()
            for method in operations
        ]
        self.seen: set[tuple[str, str, int]] = set()

    def route(self, method: str, raw: str) -> str:
        found = [p for m, p, rx in self.routes if m == method.lower() and rx.match(raw)]
        assert found, f"{method} {raw} is not in the document"
        return min(found, key=lambda p: p.count("{"))  # /api/campaigns/current before /api/campaigns/{year}

    def __call__(self, method: str, raw: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        status, answer = self.call_api(method, raw, body, **kwargs)
        if 200 <= status < 300 and isinstance(answer, dict | list):
            path = self.route(method, raw)
            documented = self.document["paths"][path][method.lower()]["responses"][str(status)]
            schema = {**documented["content"]["application/json"]["schema"], "components": self.document["components"]}
            problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in
                        Draft202012Validator(schema).iter_errors(json.loads(json.dumps(answer)))]  # fmt: skip
            assert problems == [], f"{method} {path} {status} does not match its schema: {problems[:5]}"
            self.seen.add((method, path, status))
        return status, answer


@pytest.fixture
def checked(aws: None, call_api: Api) -> Checked:
    return Checked(call_api)


def _records_and_review(checked: Checked, flow: Flow) -> None:
    city, province = city_claims(flow.city), province_claims()
    filing_id = flow.created("filings", flow.filing_body())
    flow.decide("filings", filing_id, "return", city, "请补充联系人电话")
    resubmitted = {**flow.filing_body(), "version": 1}
    assert checked("PUT", f"/api/filings/{filing_id}", resubmitted, claims=flow.claims)[0] == 200
    flow.approve("filings", filing_id, city, version=2)
    plan_id = flow.approved_plan(filing_id=filing_id)
    report_id = flow.created("reports", flow.report_body(plan_id))
    for kind, rid in (("filings", filing_id), ("plans", plan_id), ("reports", report_id)):
        for claims in (flow.claims, city, province):
            assert checked("GET", f"/api/{kind}/{rid}", claims=claims)[0] == 200
            assert checked("GET", f"/api/{kind}/{rid}/files", claims=claims)[0] == 200
        assert checked("GET", f"/api/{kind}/{rid}", query={"version": "1"}, claims=flow.claims)[0] == 200
        assert checked("GET", f"/api/{kind}", claims=flow.claims)[0] == 200
        assert checked("GET", f"/api/{kind}", claims=province)[0] == 200
    for what in ("queue", "records", "counts", "done"):
        assert checked("GET", f"/api/review/{what}", claims=city)[0] == 200
    assert checked("GET", f"/api/reports/{report_id}/candidates", claims=city)[0] == 200
    flow.approve("reports", report_id, city)
    assert checked("GET", f"/api/reports/{report_id}/certificates", claims=city)[0] == 200
    assert checked("GET", "/api/review/done", claims=city)[0] == 200
    assert checked("GET", "/api/audit", query={"subject": report_id}, claims=city)[0] == 200
    roster = _filled_roster(_roster_template(), [_row(1), _row(2)])
    key = flow.upload("roster", data=roster, content_type=XLSX, filename="名单.xlsx")
    assert checked("POST", "/api/rosters/parse", {"key": key, "plan_id": plan_id}, claims=flow.claims)[0] == 200


def _roster_template() -> bytes:
    from schemas.roster import roster_template

    return roster_template()


def _outputs(checked: Checked, monkeypatch: pytest.MonkeyPatch) -> None:
    city, admin = city_claims("440100"), admin_claims()
    json_please = {"accept": "application/json"}
    query = {"format": "csv"}
    assert checked("GET", "/api/exports/results", query=query, claims=city, headers=json_please)[0] == 200
    monkeypatch.setattr("functions.services.exports.SYNC_ROWS", 1)
    status, job = checked("GET", "/api/exports/results", query=query, claims=city, headers=json_please)
    assert status == 202, job
    assert checked("GET", f"/api/exports/jobs/{job['id']}", claims=city)[0] == 200
    finding = {
        "subject_type": "enterprise",
        "subject_id": "91440101MA5CXXXX1X",
        "subject_name": "广州某某科技有限公司",
        "reason": "提供虚假业绩材料",
        "decided_on": "2024-03-01",
    }
    status, added = checked("POST", "/api/debarments", {**finding, "subject_id": _other_uscc()}, claims=admin)
    assert status == 201, added
    assert checked("GET", "/api/debarments", claims=city)[0] == 200
    lift = {"reason": "复核后撤销原处理决定"}
    assert checked("POST", f"/api/debarments/{added['id']}/lift", lift, claims=admin)[0] == 200
    assert checked("GET", "/api/public/chief-technicians")[0] == 200
    assert checked("GET", "/api/public/stats")[0] == 200


def _other_uscc() -> str:
    from tests.factories import make_uscc

    return make_uscc("91440300MA5FUJ7X0")


def _reference_and_accounts(checked: Checked) -> None:
    admin, city = admin_claims(), city_claims("440100")
    for path in ("/api/campaigns", "/api/campaigns/current", "/api/campaigns/2024", "/api/reference/cities"):
        assert checked("GET", path)[0] == 200
    assert checked("GET", "/api/reference/occupations", query={"q": "车工"})[0] == 200
    assert checked("GET", "/api/reference/workdays", query={"start": "2024-06-03", "end": "2024-06-28"})[0] == 200
    phases = [{"phase": 1, "start": "2026-04-01", "end": "2026-07-10"}]
    year = {"name": "2026年特级技师、首席技师评聘", "phases": phases}
    assert checked("PUT", "/api/campaigns/2026", year, claims=admin)[0] == 201
    assert checked("PUT", "/api/campaigns/2026", {**year, "accepting_submissions": False}, claims=admin)[0] == 200
    contact = {"institution": "广州市职业技能鉴定指导中心", "phones": ["020-83170143"], "address": "广州市越秀区"}
    assert checked("PUT", "/api/reference/cities/440100/contact", contact, claims=admin)[0] == 200
    status, asked = checked("POST", "/api/public/account-requests", ASK)
    assert status == 201, asked
    assert checked("POST", "/api/public/account-requests", ASK)[0] == 200
    assert checked("GET", "/api/account-requests", claims=city)[0] == 200
    decision = {"decision": "approve"}
    status, decided = checked("POST", f"/api/account-requests/{asked['id']}/decision", decision, claims=city)
    assert status == 200, decided
    reviewer = {"role": "city_reviewer", "email": "shen@hrss.sz.example.cn", "name": "沈审核", "city": "440300"}
    status, account = checked("POST", "/api/accounts", reviewer, claims=admin)
    assert status == 201, account
    assert checked("GET", "/api/accounts", claims=admin)[0] == 200
    for change in ("disable", "enable"):
        assert checked("POST", f"/api/accounts/{account['username']}/{change}", claims=admin)[0] == 200


def test_real_answers_match_their_documented_types(
    checked: Checked, call_api: Api, upload: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a whole T flow, outputs, reference data and accounts, every answer checked against the document
    _records_and_review(checked, Flow(checked, upload))
    _outputs(checked, monkeypatch)
    _reference_and_accounts(checked)
    # Then every kind of success answer was met, and each matched its documented schema
    operations = {(method, path) for method, path, _ in checked.seen}
    assert len(operations) >= 46, sorted(operations)
