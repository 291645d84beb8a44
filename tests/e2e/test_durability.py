"""`make serve` forgets nothing: a whole flow, then `kill -9`, then a restart on the same data folder reads
every record, upload, draft, certificate and audit event back, old sign-ins and presigned links still work,
and certificate numbering continues without a gap. A new empty folder is an empty system."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from tests.e2e._server import LocalServer
from tests.factories import FACTORY_USCC, filing_body, plan_body, report_body, t_candidate

pytestmark = pytest.mark.e2e


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def _serials(server: LocalServer, token: str, report_id: str) -> list[int]:
    items = server.ok("GET", f"/api/reports/{report_id}/certificates", token)["items"]
    return [int(i["certificate_number"][-6:]) for i in items]


def _approved_report(server: LocalServer, ent: str, city: str, plan_id: str, first: int) -> str:
    material = server.upload(ent, "material")
    body = report_body(plan_id, material, [t_candidate(first), t_candidate(first + 1)])
    report_id = str(server.ok("POST", "/api/reports", ent, body, status=201)["id"])
    server.ok("POST", f"/api/reports/{report_id}/decision", city, {"decision": "approve", "version": 1})
    return report_id


PLAN_DAY, REPORT_DAY = "2024-06-03", "2024-06-24"  # inside 2024's first phase: plans before, reports after


def move_clock(server: LocalServer, day: str) -> None:
    requests.put(f"{server.base}/api/local/clock", json={"today": day}, timeout=10).raise_for_status()


# Also with a journal that compacts every 32 KiB: while the flow runs, and again at the restart.
@pytest.mark.parametrize("compact_at", ["", "32768"], ids=["journal", "compacting"])
def test_kill_minus_nine_and_restart_lose_nothing(data: Path, compact_at: str) -> None:
    options = {"GDSKILLS_TODAY": PLAN_DAY, "GDSKILLS_JOURNAL_COMPACT_BYTES": compact_at}
    server = LocalServer(data).start(**options)
    try:
        # Given a whole flow: a filing and a plan approved, uploads, a report approved, a draft, an export
        ent = server.login("enterprise", uscc=FACTORY_USCC)
        city = server.login("city_reviewer", city="440100")
        filing_id = server.ok("POST", "/api/filings", ent, filing_body(), status=201)["id"]
        server.ok("POST", f"/api/filings/{filing_id}/decision", city, {"decision": "approve", "version": 1})
        document = server.upload(ent, "plan_document")
        plan_id = server.ok("POST", "/api/plans", ent, plan_body(filing_id, document), status=201)["id"]
        server.ok("POST", f"/api/plans/{plan_id}/decision", city, {"decision": "approve", "version": 1})
        move_clock(server, REPORT_DAY)
        report_id = _approved_report(server, ent, city, plan_id, first=1)
        assert _serials(server, city, report_id) == [1, 2]
        draft = {"kind": "report", "title": "第二期 2 人", "body": {"plan_id": plan_id}}
        draft_id = server.ok("POST", "/api/drafts", ent, draft, status=201)["id"]
        json_please = {"accept": "application/json"}
        export = server.call("GET", "/api/exports/certificates?format=csv", city, headers=json_please)
        assert export.status_code == 200, export.text
        link = export.json()["url"]
        exported = requests.get(link, timeout=10)
        assert exported.status_code == 200
        before: dict[str, Any] = {
            kind: server.ok("GET", f"/api/{kind}/{rid}", ent)
            for kind, rid in (("filings", filing_id), ("plans", plan_id), ("reports", report_id))
        }
        audit = server.ok("GET", f"/api/audit?subject={report_id}", city)["events"]
        # When the server is killed with SIGKILL and started again on the same folder
        server.kill()
        server.start(**options)
        # Then the sign-ins made before still work, and every record reads back as it was
        for kind, rid in (("filings", filing_id), ("plans", plan_id), ("reports", report_id)):
            assert server.ok("GET", f"/api/{kind}/{rid}", ent) == before[kind]
        # And so do the audit trail, the draft and the certificates
        assert server.ok("GET", f"/api/audit?subject={report_id}", city)["events"] == audit
        assert server.ok("GET", f"/api/drafts/{draft_id}", ent)["body"] == {"plan_id": plan_id}
        assert _serials(server, city, report_id) == [1, 2]
        # And a download link issued before the restart still fetches the same bytes
        again = requests.get(link, timeout=10)
        assert again.status_code == 200
        assert again.content == exported.content
        # And the uploaded plan document is still stored: a new plan citing it passes the upload checks
        status = server.call("POST", "/api/plans", ent, plan_body(filing_id, document)).status_code
        assert status == 201
        # And numbering continues without a gap
        move_clock(server, REPORT_DAY)
        assert _serials(server, city, _approved_report(server, ent, city, plan_id, first=3)) == [3, 4]
    finally:
        server.stop()


def test_an_empty_folder_starts_an_empty_system(data: Path, tmp_path: Path) -> None:
    # Given a server that stored a filing, and a second server on a new, empty folder
    first = LocalServer(data).start()
    try:
        ent = first.login("enterprise", uscc=FACTORY_USCC)
        first.ok("POST", "/api/filings", ent, filing_body(), status=201)
    finally:
        first.stop()
    empty = tmp_path / "empty"
    empty.mkdir()
    second = LocalServer(empty).start()
    try:
        # Then the new one knows no record
        ent = second.login("enterprise", uscc=FACTORY_USCC)
        assert second.ok("GET", "/api/filings", ent)["items"] == []
    finally:
        second.stop()
    # And the first folder, started again, still has its filing
    again = LocalServer(data).start()
    try:
        ent = again.login("enterprise", uscc=FACTORY_USCC)
        assert len(again.ok("GET", "/api/filings", ent)["items"]) == 1
    finally:
        again.stop()
