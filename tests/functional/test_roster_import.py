"""The roster import answers every row's problems at once, with the plan's rules when the plan is named."""

from __future__ import annotations

from datetime import date

import pytest

from schemas.roster import roster_template
from tests.factories import make_id
from tests.functional._workflow import Flow
from tests.functional.test_outputs import XLSX, _filled_roster


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _row(n: int) -> dict[str, object]:
    return {
        "姓名": f"张志强{n}",
        "身份证号码": make_id("440104", f"1985{n % 12 + 1:02d}15", f"{n:03d}"),
        "职业编码": "6-18-01-01",
        "参评级别": "特级技师",
        "评审成绩": 88.5,
        "职业技能等级证书1": "高级技师",
        "证书1与参评职业关系": "相应",
        "证书1取得日期": date(2020, 5, 20),
        "工作经历1开始日期": date(2005, 7, 1),
        "工作经历1与参评职业关系": "相应",
    }


def _parse(flow: Flow, rows: list[dict[str, object]], plan_id: str | None) -> tuple[int, dict]:
    key = flow.upload("roster", data=_filled_roster(roster_template(), rows), content_type=XLSX, filename="名单.xlsx")
    return flow.create("rosters/parse", {"key": key, "plan_id": plan_id})


def test_three_bad_rows_of_three_kinds_are_all_named_with_row_and_column(flow):
    # Given an approved T plan for 车工 (review date 2024-06-15) and a ten-row roster with three bad rows
    plan_id = flow.approved_plan("T")
    rows = [_row(n) for n in range(10)]
    rows[1]["身份证号码"] = str(rows[1]["身份证号码"])[:-1] + ("0" if str(rows[1]["身份证号码"])[-1] != "0" else "1")
    rows[4]["证书1取得日期"] = date(2023, 6, 16)  # one year short of the review date
    rows[7]["职业编码"] = "6-18-01-02"  # 铣工, not in the plan
    # When it is imported for that plan
    status, answer = _parse(flow, rows, plan_id)
    # Then one 422 names all three, by the sheet's row (header is row 1) and column
    assert status == 422, answer
    fields = answer["error"]["fields"]
    assert [(f["path"], f["type"]) for f in fields] == [
        ("rows[3].身份证号码", "id_number_checksum"),
        ("rows[6].参评级别", "candidate_not_eligible"),
        ("rows[9].职业编码", "candidate_occupation_not_planned"),
    ]
    assert fields[1]["message"].startswith("第 6 行“参评级别”：张志强4截至评审日期 2024-06-15")
    assert "3 处" in answer["error"]["message"]


def test_without_a_plan_only_the_sheet_itself_is_checked(flow):
    rows = [_row(0), {**_row(1), "证书1取得日期": date(2023, 6, 16)}]
    status, answer = _parse(flow, rows, None)
    assert status == 200, answer
    assert answer["count"] == 2


def test_a_plan_of_another_enterprise_is_unknown(flow):
    status, answer = _parse(flow, [_row(0)], "PLN-0000000000000000")
    assert status == 422
    assert answer["error"]["fields"][0]["path"] == "plan_id"
