"""The roster workbook: an XLSX template an HR clerk fills, and its parser into `schemas.forms.Candidate` dicts.

One row per candidate. Credentials, work periods and honours are flattened into numbered column groups
(证书1…, 工作经历1…, 荣誉1…); a group is read when any of its cells is filled. Every rule is the
Candidate schema's own: the parser only turns cells into the schema's input and maps each error back to
the row and the Chinese header the clerk sees.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from schemas._errors import zh_message
from schemas.eligibility import (
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    ISSUER_TYPES,
    RELATIONS,
    SCI_TECH_RANKS,
    SKILL_GRADES,
    TITLE_GRADES,
)
from schemas.fields import LEVEL_NAMES
from schemas.forms import Candidate
from schemas.reference import occupations
from schemas.xlsx_bounds import overfull

SHEET = "人员名单"
INSTRUCTIONS_SHEET = "填写说明"
CHOICES_SHEET = "选项"
HEADER_ROW = 1
FIRST_DATA_ROW = 2
MAX_ROWS = 2000  # the most candidates one report may carry
LAST_ROW = HEADER_ROW + MAX_ROWS  # the last row a roster may use: blank rows count, nothing below is read
# A sheet wrong in nearly every cell is not corrected from a list of 40,000 problems, and checking it all costs
# seconds: past this many, the rows left are still counted (the row limit holds) but no longer checked [choice].
MAX_PROBLEMS = 500
# What a filled template can need, uncompressed (2,000 believable rows are ~1.5 MB of sheet XML, all 45 columns
# filled ~6 MB): a larger XML part is refused before anything is parsed (zipfile never inflates a part past the
# size it declares), so every upload within the 20 MB limit is parsed in bounded time.
MAX_SHEET_BYTES = 12 * 1024 * 1024
MAX_PART_BYTES = 8 * 1024 * 1024
SKILL_CERTIFICATES, WORK_PERIODS, HONOURS = 2, 3, 3
CellKind = Literal["text", "id", "occupation", "choice", "date", "number"]


@dataclass(frozen=True, slots=True)
class RosterColumn:
    header: str
    field: str  # the Candidate field, or the field inside the group's item
    kind: CellKind = "text"
    group: str | None = None  # None: a field of the Candidate itself
    choices: Mapping[str, str] | None = None  # code -> Chinese name, for dropdowns
    width: int = 14
    note: str = ""


@dataclass(frozen=True, slots=True)
class RosterGroup:
    id: str
    list_name: Literal["credentials", "work_periods", "honours"]
    fixed: Mapping[str, str] = field(default_factory=dict)


def _skill_certificate(n: int) -> list[RosterColumn]:
    g = f"skill{n}"
    return [
        RosterColumn(f"职业技能等级证书{n}", "grade", "choice", g, SKILL_GRADES, 16, "技师、高级技师等，可填两本"),
        RosterColumn(f"证书{n}与参评职业关系", "relation", "choice", g, RELATIONS, 12, "必填：相应、相关或无关"),
        RosterColumn(f"证书{n}取得日期", "obtained_on", "date", g, width=14),
    ]


def _title() -> list[RosterColumn]:
    return [
        RosterColumn("职称", "grade", "choice", "title", TITLE_GRADES, 14, "专业技术职称等级"),
        RosterColumn("职称与参评职业关系", "relation", "choice", "title", RELATIONS, 12, "必填：相应、相关或无关"),
        RosterColumn("职称取得日期", "obtained_on", "date", "title", width=14),
    ]


def _work_period(n: int) -> list[RosterColumn]:
    g = f"work{n}"
    return [
        RosterColumn(f"工作经历{n}开始日期", "start", "date", g, width=14),
        RosterColumn(f"工作经历{n}结束日期", "end", "date", g, width=14, note="仍在职的留空"),
        RosterColumn(f"工作经历{n}与参评职业关系", "relation", "choice", g, RELATIONS, 12, "必填：本职业填“相应”"),
    ]


def _honour(n: int) -> list[RosterColumn]:
    g = f"honour{n}"
    return [
        RosterColumn(f"荣誉{n}类别", "category", "choice", g, HONOUR_CATEGORIES, 24),
        RosterColumn(f"荣誉{n}级别", "level", "choice", g, HONOUR_LEVELS, 12, "类别已定级别的可留空"),
        RosterColumn(f"荣誉{n}名称", "name", "text", g, width=24, note="如“广州市技术能手”"),
        RosterColumn(f"荣誉{n}获得日期", "granted_on", "date", g, width=14),
        RosterColumn(f"荣誉{n}奖励等级", "rank", "choice", g, SCI_TECH_RANKS, 10, "仅国家科学技术奖填写"),
        RosterColumn(f"荣誉{n}授予单位类型", "issuer_type", "choice", g, ISSUER_TYPES, 20, "仅突出贡献奖励填写"),
    ]


COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("姓名", "name", width=10),
    RosterColumn("身份证号码", "id_number", "id", width=21, note="18 位，单元格为文本格式"),
    RosterColumn("职业编码", "occupation", "occupation", width=14, note="大典 2022 细类编码，如 6-18-01-01"),
    RosterColumn("参评级别", "level", "choice", choices=LEVEL_NAMES, width=10),
    RosterColumn("评审成绩", "score", "number", "evaluation", width=10, note="0–100，可留空"),
    *(column for n in range(1, SKILL_CERTIFICATES + 1) for column in _skill_certificate(n)),
    *_title(),
    *(column for n in range(1, WORK_PERIODS + 1) for column in _work_period(n)),
    *(column for n in range(1, HONOURS + 1) for column in _honour(n)),
)
HEADERS = tuple(column.header for column in COLUMNS)
GROUPS: dict[str, RosterGroup] = {
    **{f"skill{n}": RosterGroup(f"skill{n}", "credentials", {"kind": "skill_certificate"}) for n in (1, 2)},
    "title": RosterGroup("title", "credentials", {"kind": "professional_title"}),
    **{f"work{n}": RosterGroup(f"work{n}", "work_periods") for n in range(1, WORK_PERIODS + 1)},
    **{f"honour{n}": RosterGroup(f"honour{n}", "honours") for n in range(1, HONOURS + 1)},
}


# ---- the result -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RosterProblem:
    row: int  # as Excel shows it
    column: str  # the Chinese header
    message: str
    type: str

    @property
    def path(self) -> str:
        return f"第 {self.row} 行“{self.column}”"


@dataclass(frozen=True, slots=True)
class RosterResult:
    candidates: list[dict[str, Any]]  # each validates as schemas.forms.Candidate; empty when there are problems
    problems: list[RosterProblem]
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # every valid row, problems or not

    def row_of(self, index: int) -> int:
        """The sheet row of the `index`-th valid row (for rules checked after parsing)."""
        return self.rows[index][0]

    @property
    def ok(self) -> bool:
        return not self.problems


class RosterFileError(ValueError):
    """The upload is not a roster at all (not XLSX, another workbook, too many rows); Chinese message."""

    def __init__(self, message: str, error_type: str) -> None:
        super().__init__(message)
        self.type = error_type


# ---- the template -----------------------------------------------------------------------------------------


def roster_template() -> bytes:
    """The blank roster workbook: headers, dropdowns of Chinese names, date and text formats, instructions."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    _write_instructions(book.create_sheet(INSTRUCTIONS_SHEET))
    choices = book.create_sheet(CHOICES_SHEET)
    choices.sheet_state = "hidden"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    last = FIRST_DATA_ROW + MAX_ROWS - 1
    lists: dict[int, str] = {}  # id(choices) -> range on the hidden sheet, one column per vocabulary
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.header)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[letter].width = column.width
        if column.kind == "date":
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"
        elif column.kind in ("id", "occupation", "text"):
            sheet.column_dimensions[letter].number_format = "@"  # 18 digits must not become 4.4E+17
        if column.choices is not None:
            if id(column.choices) not in lists:
                lists[id(column.choices)] = _write_choices(choices, len(lists) + 1, column.choices)
            rule = DataValidation(type="list", formula1=lists[id(column.choices)], allow_blank=True)
            rule.error, rule.errorTitle = "请从下拉列表中选择", column.header
            rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
            sheet.add_data_validation(rule)
    sheet.row_dimensions[HEADER_ROW].height = 32
    sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=3)  # header and name/ID stay in view
    book.properties.title = "特级技师、首席技师评价结果人员名单"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_choices(sheet: Any, index: int, choices: Mapping[str, str]) -> str:
    letter = get_column_letter(index)
    for row, name in enumerate(choices.values(), start=1):
        sheet.cell(row=row, column=index, value=name)
    return f"'{CHOICES_SHEET}'!${letter}$1:${letter}${len(choices)}"


def _write_instructions(sheet: Any) -> None:
    lines = [
        "特级技师、首席技师评价结果人员名单 — 填写说明",
        "",
        f"1. 在“{SHEET}”工作表从第 {FIRST_DATA_ROW} 行起每行填写一名通过评审的人员，最多 {MAX_ROWS} 人；"
        "不要增加、删除、移动或改名表头列。",
        "2. 日期填写为 Excel 日期或文本 YYYY-MM-DD（如 2023-06-30）。",
        "3. 身份证号码填写 18 位，单元格保持“文本”格式，否则 Excel 会把号码改成科学计数法。",
        "4. 带下拉箭头的列请从列表中选择（也可填写对应的英文代码）。",
        "5. 证书、职称、工作经历、荣誉各组中只要填了一格，就须把该组必填项填完整；不用的组整组留空。",
        "6. 上传后系统一次列出所有问题（行号、列名、原因），改正后重新上传即可。",
        "",
        "各列说明：",
    ]
    lines += [f"{column.header}：{column.note}" for column in COLUMNS if column.note]
    lines += ["", "下拉选项："]
    for title, names in (
        ("参评级别", LEVEL_NAMES),
        ("职业技能等级", SKILL_GRADES),
        ("职称", TITLE_GRADES),
        ("与参评职业关系", RELATIONS),
        ("荣誉类别", HONOUR_CATEGORIES),
        ("荣誉级别", HONOUR_LEVELS),
        ("国家科学技术奖奖励等级", SCI_TECH_RANKS),
        ("突出贡献奖励授予单位类型", ISSUER_TYPES),
    ):
        lines.append(f"{title}：{'、'.join(names.values())}")
    sheet.column_dimensions["A"].width = 110
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=True)
    sheet["A1"].font = Font(bold=True, size=14)


# ---- the parser -------------------------------------------------------------------------------------------


def parse_roster(xlsx_bytes: bytes) -> RosterResult:
    """Every candidate of a filled template, or every problem of every row at once. Reads rows 1..LAST_ROW and
    the one after (to refuse a longer list), never further, whatever size the sheet declares."""
    sheet = _open_sheet(xlsx_bytes)
    rows = sheet.iter_rows(min_row=HEADER_ROW, max_row=LAST_ROW + 1, max_col=len(COLUMNS), values_only=True)
    _check_header(next(rows, ()))
    candidates: list[dict[str, Any]] = []
    problems: list[RosterProblem] = []
    seen_ids: dict[str, int] = {}
    valid_rows: list[tuple[int, dict[str, Any]]] = []
    count = 0
    unchecked: list[int] = []
    for row_number, cells in enumerate(rows, start=FIRST_DATA_ROW):
        values = tuple(cells[: len(COLUMNS)]) + (None,) * (len(COLUMNS) - len(cells))
        if all(_blank(value) for value in values):
            continue
        count += 1
        if count > MAX_ROWS or row_number > LAST_ROW:
            raise _too_many_rows(row_number)
        if len(problems) >= MAX_PROBLEMS:
            unchecked.append(row_number)
            continue
        candidate, row_problems = _parse_row(row_number, values)
        if candidate is not None:
            first = seen_ids.setdefault(candidate["id_number"], row_number)
            if first != row_number:
                row_problems.append(
                    RosterProblem(
                        row_number, "身份证号码", f"与第 {first} 行重复，每人只能报备一次", "id_number_duplicate"
                    )
                )
            else:
                candidates.append(candidate)
                valid_rows.append((row_number, candidate))
        problems += row_problems
    if unchecked:
        problems.append(_not_checked(unchecked))
    if not count and not problems:
        raise RosterFileError(f"名单是空的：请从第 {FIRST_DATA_ROW} 行起填写人员", "roster_empty")
    return RosterResult([] if problems else candidates, problems, valid_rows)


def _not_checked(rows: list[int]) -> RosterProblem:
    message = (
        f"前面已有 {MAX_PROBLEMS} 处以上需要修改，第 {rows[0]}–{rows[-1]} 行的 {len(rows)} 行未检查："
        "请先按上面的提示改正（或重新下载模板填写），再上传检查其余各行"
    )
    return RosterProblem(rows[0], HEADERS[0], message, "roster_not_checked")


def _too_many_rows(rows: int) -> RosterFileError:
    return RosterFileError(
        f"名单最多 {MAX_ROWS} 人（第 {FIRST_DATA_ROW}–{LAST_ROW} 行，空行也计算在内），工作表“{SHEET}”有 {rows:,} 行："
        f"请删除第 {LAST_ROW} 行以下的所有内容和格式，或分批报备",
        "roster_too_many_rows",
    )


def _open_sheet(xlsx_bytes: bytes) -> Any:
    not_xlsx = RosterFileError(
        "文件不是 Excel 工作簿（.xlsx）：请下载人员名单模板，填写后以 .xlsx 格式上传", "roster_not_xlsx"
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(xlsx_bytes))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise not_xlsx from exc
    for part in parts:  # openpyxl parses the XML parts; pictures and the like it leaves alone
        limit = MAX_SHEET_BYTES if part.filename.startswith("xl/worksheets/") else MAX_PART_BYTES
        if part.filename.endswith((".xml", ".rels", ".vml")) and part.file_size > limit:
            raise RosterFileError(
                f"名单文件过大（{part.filename} 解压后 {part.file_size:,} 字节）：请使用系统提供的模板，只填写人员名单",
                "roster_too_large",
            )
    try:
        found = overfull(archive, (LAST_ROW + 1) * len(COLUMNS))
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, RuntimeError, EOFError) as exc:
        raise not_xlsx from exc  # corrupt, encrypted, or compressed in a way zipfile cannot read
    if found is not None:
        name, what, count, limit = found
        raise RosterFileError(
            f"名单文件内容过多（{name} 有 {count:,} 个{what}，名单最多需要 {limit:,} 个）："
            f"请使用系统提供的模板，只填写人员名单，删除模板以外的列、内容和格式",
            "roster_too_large",
        )
    try:
        book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise not_xlsx from exc
    if SHEET not in book.sheetnames:
        raise RosterFileError(f"这不是人员名单模板：找不到工作表“{SHEET}”，请下载最新模板填写", "roster_wrong_template")
    sheet = book[SHEET]
    declared = sheet.max_row  # the sheet's <dimension>: what it claims to hold
    if declared is not None and declared > LAST_ROW:
        raise _too_many_rows(declared)
    return sheet


def _check_header(header: Sequence[Any]) -> None:
    found = [str(value).strip() if value is not None else "" for value in header]
    for index, expected in enumerate(HEADERS):
        actual = found[index] if index < len(found) else ""
        if actual != expected:
            letter = get_column_letter(index + 1)
            raise RosterFileError(
                f"表头与模板不一致：第 {letter} 列应为“{expected}”，实际为“{actual}”。请下载最新模板，不要增删或移动列",
                "roster_wrong_template",
            )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_row(row: int, values: Sequence[Any]) -> tuple[dict[str, Any] | None, list[RosterProblem]]:
    problems: list[RosterProblem] = []
    top: dict[str, Any] = {}
    evaluation: dict[str, Any] = {"passed": True}  # the roster lists those who passed
    items: dict[str, dict[str, Any]] = {}
    for column, raw in zip(COLUMNS, values, strict=True):
        if _blank(raw):
            continue
        try:
            value = _cell_value(column, raw)
        except ValueError as exc:
            problems.append(RosterProblem(row, column.header, str(exc), "roster_cell"))
            continue
        if column.group is None:
            top[column.field] = value
        elif column.group == "evaluation":
            evaluation[column.field] = value
        else:
            items.setdefault(column.group, {})[column.field] = value
    data: dict[str, Any] = {**top, "evaluation": evaluation, "credentials": [], "work_periods": [], "honours": []}
    where: dict[tuple[str, int], str] = {}  # (list, index) -> group id, to map errors back to columns
    for group in GROUPS.values():
        if group.id in items or any(p.column in _group_headers(group.id) for p in problems if p.row == row):
            target = data[group.list_name]
            where[group.list_name, len(target)] = group.id
            target.append({**group.fixed, **items.get(group.id, {})})
    try:
        candidate = Candidate.model_validate(data)
    except ValidationError as exc:
        failed = {p.column for p in problems}
        for error in exc.errors():
            header = _header_for(tuple(error["loc"]), where)
            if header not in failed:  # a cell we could not read already has its own message
                problems.append(RosterProblem(row, header, zh_message(error), str(error["type"])))
                failed.add(header)
        return None, _in_column_order(problems)
    if problems:
        return None, _in_column_order(problems)
    return candidate.model_dump(mode="json"), []


def _group_headers(group: str) -> set[str]:
    return {column.header for column in COLUMNS if column.group == group}


def _header_for(loc: tuple[Any, ...], where: Mapping[tuple[str, int], str]) -> str:
    if loc and loc[0] in ("credentials", "work_periods", "honours") and len(loc) >= 2:
        group = where.get((loc[0], loc[1]))
        fields = [c for c in COLUMNS if c.group == group]
        wanted = loc[2] if len(loc) >= 3 else None
        return next((c.header for c in fields if c.field == wanted), fields[0].header if fields else str(loc[0]))
    group = "evaluation" if loc and loc[0] == "evaluation" else None
    wanted = loc[-1] if group else (loc[0] if loc else "")
    return next((c.header for c in COLUMNS if c.group == group and c.field == wanted), "姓名")


def _in_column_order(problems: list[RosterProblem]) -> list[RosterProblem]:
    return sorted(problems, key=lambda p: HEADERS.index(p.column) if p.column in HEADERS else len(HEADERS))


def _cell_value(column: RosterColumn, raw: Any) -> Any:
    """A cell as the schema's input; ValueError (Chinese) for what the schema could not be given at all."""
    if column.kind == "date":
        return _date_value(raw)
    if column.kind == "number":
        return raw
    if column.kind == "id" and isinstance(raw, int | float):
        raise ValueError("身份证号码被 Excel 存成了数字，末几位可能已丢失：请把单元格设为“文本”后重新填写")
    text = _text(raw)
    if column.kind == "choice" and column.choices is not None:
        return _choice(text, column.choices)
    if column.kind == "occupation":
        return _occupation_code(text)
    return text


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def _date_value(raw: Any) -> Any:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float):  # a date typed into a General cell arrives as its serial number
        return from_excel(raw).date()
    return str(raw).strip()  # text is left to the schema, which names the YYYY-MM-DD format


def _choice(text: str, choices: Mapping[str, str]) -> str:
    if text in choices:
        return text
    by_name = {name: code for code, name in choices.items()}
    if text in by_name:
        return by_name[text]
    raise ValueError(f"“{text}”不是可选项，请从下拉列表中选择：{'、'.join(choices.values())}")


def _occupation_code(text: str) -> str:
    """A catalogue code as given, or the code of an exact, unique occupation name; otherwise the schema decides."""
    if text in occupations():
        return text
    head = text.split()[0] if text.split() else text  # "6-18-01-01 车工"
    if head in occupations():
        return head
    matches = [o.code for o in occupations().values() if o.name == text]
    return matches[0] if len(matches) == 1 else text


__all__ = [
    "COLUMNS",
    "HEADERS",
    "MAX_ROWS",
    "RosterColumn",
    "RosterFileError",
    "RosterProblem",
    "RosterResult",
    "parse_roster",
    "roster_template",
]
