"""Roster import: an uploaded XLSX roster becomes a report's candidates, or every row's problems at once."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.errors import FieldProblem, ValidationFailed
from functions.services.integrity import check_uploads
from functions.services.kinds import Stores


def parse_uploaded_roster(stores: Stores, principal: Principal, key: str) -> dict[str, Any]:
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
    if result.problems:
        raise ValidationFailed(
            [FieldProblem(f"rows[{p.row}].{p.column}", f"{p.path}：{p.message}", p.type) for p in result.problems],
            f"名单中有 {len(result.problems)} 处需要修改，请按提示改正后重新上传",
        )
    return {"candidates": result.candidates, "count": len(result.candidates)}
