"""Certificates, the published list, exports and debarments, through the handler on moto."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest

from functions.dal.aws import client, settings
from tests.factories import (
    FACTORY_USCC,
    SHENZHEN_USCC,
    admin_claims,
    city_claims,
    enterprise_claims,
    filing_body,
    make_id,
    province_claims,
)
from tests.functional._workflow import REPORT_DAY, Flow, set_today

CERTIFICATE = re.compile(r"^Y\d{4}44\d{6}\d{2}[TS]\d{6}$")
ID_PATTERN = re.compile(r"\d{17}[\dX]")


def _download(url: str) -> bytes:
    # Given a presigned link to the exports bucket, read the object it names (moto keeps it in-process).
    key = url.split(f"/{settings().exports_bucket}/", 1)[1].split("?", 1)[0]
    return client("s3").get_object(Bucket=settings().exports_bucket, Key=key)["Body"].read()


def test_s_report_gets_a_certificate_per_candidate_at_final_approval(aws, call_api, upload):
    # Given an S report approved by the city and then the province
    report_id = Flow(call_api, upload, uscc=FACTORY_USCC).approved_report("S", 3)
    # When a reviewer reads its certificates
    status, answer = call_api("GET", f"/api/reports/{report_id}/certificates", claims=province_claims())
    # Then every candidate has a 22-character number with S in position 16, serials 1..3
    assert status == 200
    numbers = [row["certificate_number"] for row in answer["items"]]
    assert all(CERTIFICATE.match(n) and n[15] == "S" for n in numbers)
    assert [int(n[16:]) for n in numbers] == [1, 2, 3]
    # And the owner enterprise, which issues the certificates, may read them too
    assert call_api("GET", f"/api/reports/{report_id}/certificates", claims=enterprise_claims())[0] == 200


def test_certificates_wait_for_final_approval(aws, call_api, upload):
    plan_id = Flow(call_api, upload, uscc=FACTORY_USCC).approved_plan("S")
    from tests.factories import report_body, s_candidate

    body = report_body(plan_id, upload("material"), [s_candidate(0)])
    set_today(REPORT_DAY)
    _, report = call_api("POST", "/api/reports", body, claims=enterprise_claims())
    status, answer = call_api("GET", f"/api/reports/{report['id']}/certificates", claims=province_claims())
    assert status == 409
    assert answer["error"]["code"] == "conflict"


def test_published_chief_technicians_never_show_id_numbers(aws, call_api, upload):
    Flow(call_api, upload, uscc=FACTORY_USCC).approved_report("S", 2)
    body = {"campaign": "2024", "batch": 1}
    assert call_api("POST", "/api/announcements", body, claims=province_claims())[0] == 201
    status, answer = call_api("GET", "/api/public/chief-technicians")
    assert status == 200
    assert answer["count"] == 2
    assert {e["enterprise"] for e in answer["items"]} == {"广州精工机械制造有限公司"}
    assert not ID_PATTERN.search(str(answer))


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_results_export_has_chinese_headers_and_every_candidate(aws, call_api, upload, fmt):
    Flow(call_api, upload, uscc=FACTORY_USCC).approved_report("T", 4)
    status, answer = call_api(
        "GET",
        "/api/exports/results",
        query={"format": fmt},
        claims=province_claims(),
        headers={"accept": "application/json"},
    )
    assert status == 200, answer
    assert answer["rows"] == 4
    data = _download(answer["url"])
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        header, body = rows[0], rows[1:]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        values = list(sheet.values)
        header, body = list(values[0]), values[1:]
    assert "姓名" in header
    assert "身份证号码" in header
    assert len(body) == 4


def test_export_redirects_to_the_file_by_default(aws, call_api, upload):
    # Given a browser that asks for the file itself, not JSON
    status, _ = call_api(
        "GET", "/api/exports/filings", query={"format": "csv"}, claims=province_claims(), headers={"accept": "*/*"}
    )
    assert status == 303


def test_city_reviewer_exports_only_its_city(aws, call_api, upload):
    Flow(call_api, upload, uscc=FACTORY_USCC, city="440100").approved_report("T", 2)
    Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300").approved_report("T", 3)
    accept = {"accept": "application/json"}
    status, mine = call_api(
        "GET", "/api/exports/results", query={"format": "csv"}, claims=city_claims("440300"), headers=accept
    )
    assert (status, mine["rows"]) == (200, 3)
    status, _ = call_api(
        "GET",
        "/api/exports/results",
        query={"format": "csv", "city": "440100"},
        claims=city_claims("440300"),
        headers=accept,
    )
    assert status == 403
    status, everything = call_api(
        "GET", "/api/exports/results", query={"format": "csv"}, claims=province_claims(), headers=accept
    )
    assert everything["rows"] == 5


def test_exports_are_for_staff_only(aws, call_api):
    assert call_api("GET", "/api/exports/results", claims=enterprise_claims())[0] == 403
    assert call_api("GET", "/api/exports/results")[0] == 401


def test_a_debarred_enterprise_gets_nothing_accepted_until_lifted(aws, call_api):
    # Given the province debarred the enterprise for fraud on 2024-05-01
    debarment = {
        "subject_type": "enterprise",
        "subject_id": FACTORY_USCC,
        "subject_name": "广州精工机械制造有限公司",
        "reason": "伪造评审材料",
        "decided_on": "2024-05-01",
    }
    status, created = call_api("POST", "/api/debarments", debarment, claims=admin_claims())
    assert status == 201
    assert created["until"] == "2029-05-01"
    # When it files, the filing is refused naming the date the ban ends
    status, answer = call_api("POST", "/api/filings", filing_body(), claims=enterprise_claims())
    assert status == 422
    assert "2029-05-01" in answer["error"]["fields"][0]["message"]
    # And once lifted, it may file again
    status, _ = call_api("POST", f"/api/debarments/{created['id']}/lift", {"reason": "复议撤销"}, claims=admin_claims())
    assert status == 200
    assert call_api("POST", "/api/filings", filing_body(), claims=enterprise_claims())[0] == 201


def test_a_debarred_person_is_refused_in_a_report(aws, call_api, upload):
    from tests.factories import report_body, t_candidate

    plan_id = Flow(call_api, upload, uscc=FACTORY_USCC).approved_plan("T")
    candidates = [t_candidate(0), t_candidate(1)]
    call_api(
        "POST",
        "/api/debarments",
        {
            "subject_type": "person",
            "subject_id": candidates[1]["id_number"],
            "subject_name": candidates[1]["name"],
            "reason": "冒用他人证书",
            "decided_on": "2023-09-01",
        },
        claims=admin_claims(),
    )
    set_today(REPORT_DAY)
    status, answer = call_api(
        "POST", "/api/reports", report_body(plan_id, upload("material"), candidates), claims=enterprise_claims()
    )
    assert status == 422
    assert [f["path"] for f in answer["error"]["fields"]] == ["candidates[1].id_number"]


def test_the_province_debars_anyone_and_a_bad_id_is_refused(aws, call_api):
    body = {
        "subject_type": "person",
        "subject_id": make_id("440104", "19850101", "001"),
        "subject_name": "张三",
        "reason": "冒用",
        "decided_on": "2024-01-02",
    }
    assert call_api("POST", "/api/debarments", body, claims=enterprise_claims())[0] == 403
    assert call_api("POST", "/api/debarments", body, claims=province_claims())[0] == 201
    assert (
        call_api("POST", "/api/debarments", {**body, "subject_id": "440104198501010010"}, claims=admin_claims())[0]
        == 422
    )


def test_every_status_change_queues_a_mail_for_the_contact(aws, call_api):
    import json
    import os

    # Given a filing submitted and then returned by the city
    _, filing = call_api("POST", "/api/filings", filing_body(), claims=enterprise_claims())
    call_api(
        "POST",
        f"/api/filings/{filing['id']}/decision",
        {"decision": "return", "comment": "请补充营业执照副本", "version": 1},
        claims=city_claims(),
    )
    # When the mail queue is read
    sqs = client("sqs")
    messages = sqs.receive_message(QueueUrl=os.environ["NOTIFY_QUEUE_URL"], MaxNumberOfMessages=10)["Messages"]
    bodies = [json.loads(m["Body"]) for m in messages]
    # Then one message per change went to the filing's contact, the return carrying the comment
    assert [(b["status"], b["contact_email"]) for b in bodies] == [
        ("submitted", "hr@jinggong.example.cn"),
        ("returned", "hr@jinggong.example.cn"),
    ]
    assert bodies[1]["comment"] == "请补充营业执照副本"


def _filled_roster(template: bytes, rows: list[dict[str, object]]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    for offset, row in enumerate(rows):
        for header, value in row.items():
            sheet.cell(row=2 + offset, column=columns[header], value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_roster_template_downloads_and_a_filled_roster_parses(aws, call_api, upload):
    import base64
    from datetime import date

    from functions.api.handler import lambda_handler
    from tests.conftest import FakeLambdaContext, http_event

    # Given the template as the site offers it
    result = lambda_handler(http_event("GET", "/api/reference/roster-template"), FakeLambdaContext())
    assert result["statusCode"] == 200
    template = base64.b64decode(result["body"])
    good = {
        "姓名": "张志强",
        "身份证号码": make_id("440104", "19850315", "123"),
        "职业编码": "6-18-01-01",
        "参评级别": "特级技师",
        "评审成绩": 88.5,
        "职业技能等级证书1": "高级技师",
        "证书1与参评职业关系": "相应",
        "证书1取得日期": date(2020, 5, 20),
        "工作经历1开始日期": date(2005, 7, 1),
        "工作经历1与参评职业关系": "相应",
    }
    # When an enterprise uploads a filled roster of two people
    second = {**good, "姓名": "刘海峰", "身份证号码": make_id("440104", "19860101", "456")}
    key = upload("roster", data=_filled_roster(template, [good, second]), content_type=XLSX, filename="名单.xlsx")
    status, answer = call_api("POST", "/api/rosters/parse", {"key": key}, claims=enterprise_claims())
    # Then both come back as candidates for the report
    assert status == 200, answer
    assert [c["name"] for c in answer["candidates"]] == ["张志强", "刘海峰"]
    assert answer["candidates"][0]["credentials"][0]["grade"] == "senior_technician"

    # And a roster with a wrong check digit in row 3 is refused naming row and column
    broken = {**second, "身份证号码": second["身份证号码"][:-1] + ("0" if second["身份证号码"][-1] != "0" else "1")}
    key = upload("roster", data=_filled_roster(template, [good, broken]), content_type=XLSX, filename="名单.xlsx")
    status, answer = call_api("POST", "/api/rosters/parse", {"key": key}, claims=enterprise_claims())
    assert status == 422
    assert [f["path"] for f in answer["error"]["fields"]] == ["rows[3].身份证号码"]


def test_institution_exports_ignore_campaign_and_phase_but_honour_level(aws, call_api, upload):
    # Given one approved filing for T and S (institutions are not filed per campaign)
    Flow(call_api, upload, uscc=FACTORY_USCC).approved_filing(["T", "S"])
    accept = {"accept": "application/json"}

    def rows(name: str, **query: str) -> int:
        status, answer = call_api(
            "GET", f"/api/exports/{name}", query={"format": "csv", **query}, claims=province_claims(), headers=accept
        )
        assert status == 200, answer
        return int(answer["rows"])

    # Then a campaign or phase filter does not empty the institution lists
    assert rows("filings", campaign="2024", phase="1") == 1
    # And the level filter keeps the filed scope of that level only: two occupations for T
    assert rows("scope") == 4
    assert rows("scope", level="T", campaign="2024") == 2
