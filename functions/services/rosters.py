"""Roster import: an uploaded XLSX roster becomes a report's candidates, or every row's problems at once.

With the plan the report is for, the rows that read well are also checked against it — level, occupation and
eligibility on the plan's review date — so the clerk sees those problems in the same answer, row by row.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from functions.auth import Principal
from functions.errors import FieldProblem, ValidationFailed
from functions.services import clock
from functions.services.integrity import check_uploads
from functions.services.kinds import Stores

if TYPE_CHECKING:
    from schemas.roster import RosterProblem, RosterResult

# Which sheet column a rule on a candidate points at.
_RULE_COLUMNS = {"level": "参评级别", "occupation": "职业编码", "id_number": "身份证号码", "": "参评级别"}


def parse_uploaded_roster(stores: Stores, principal: Principal, key: str, plan_id: str | None = None) -> dict[str, Any]:
    from schemas.roster import RosterFileError, parse_roster

    problems = check_uploads(stores.records, stores.uploads, {"key": key}, principal.uscc or "", "roster")
    if problems:
        raise ValidationFailed(problems)
    data = stores.uploads.read(key)
    try:
        result = parse_roster(data)
    except RosterFileError as exc:
        raise ValidationFailed(
            [FieldProblem("key", str(exc), exc.type)], "名单文件无法读取，请使用系统提供的模板"
        ) from exc
    found = list(result.problems)
    if plan_id:
        found = sorted(found + _against_plan(stores, principal, plan_id, result), key=lambda p: p.row)
    if found:
        raise ValidationFailed(
            [FieldProblem(f"rows[{p.row}].{p.column}", f"{p.path}：{p.message}", p.type) for p in found],
            f"名单中有 {len(found)} 处需要修改，请按提示改正后重新上传",
        )
    return {"candidates": result.candidates, "count": len(result.candidates)}


def _against_plan(stores: Stores, principal: Principal, plan_id: str, result: RosterResult) -> list[RosterProblem]:
    from schemas.forms import Candidate
    from schemas.report_parts import ReportParts
    from schemas.roster import RosterProblem
    from schemas.rules import report_against_plan

    plan = stores.records.head(plan_id)
    if plan is None or plan.get("kind") != "plan" or plan.get("owner") != principal.uscc:
        raise ValidationFailed([FieldProblem("plan_id", "找不到该评价计划，请核对编号", "plan_unknown")])
    parts = ReportParts(plan_id, None, [(i, Candidate.model_validate(c)) for i, (_, c) in enumerate(result.rows)], [])
    review_date = date.fromisoformat(plan["review_date"])
    failures = report_against_plan(parts, plan["level"], plan["occupations"], review_date, clock.today())
    problems = []
    for failure in failures:
        if not failure.path.startswith("candidates["):
            continue  # the campaign's own state is the report's business, not the roster's
        index, _, rest = failure.path[len("candidates[") :].partition("]")
        column = _RULE_COLUMNS.get(rest.lstrip("."), "参评级别")
        message = re.sub(r"^第 \d+ 位人员（(.*?)）", r"\1", failure.message)  # the row says where
        problems.append(RosterProblem(result.row_of(int(index)), column, message, failure.type))
    return problems
