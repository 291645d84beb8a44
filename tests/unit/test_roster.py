"""The roster template and its parser: a filled template becomes Candidates, a broken one lists every problem."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import openpyxl
import pytest
from stdnum.cn import ric

from schemas.forms import Candidate
from schemas.roster import (
    COLUMNS,
    HEADERS,
    MAX_PROBLEMS,
    MAX_ROWS,
    RosterFileError,
    parse_roster,
    roster_template,
)

SURNAMES = "陈李张王黄林刘吴周梁何郑谢罗冯许邓曾彭萧蔡潘卢钟叶莫"
GIVEN = ["志强", "建华", "丽娟", "海涛", "晓东", "秀英", "伟明", "振国", "燕玲", "家豪"]
REGIONS = ("440106", "440304", "440305", "440104", "440103")
OCCUPATIONS = ("6-18-01-01", "6-18-01-02", "6-18-01-04", "6-31-01-03", "6-31-01-02")


def id_number(n: int) -> str:
    """A valid resident ID for a person born 1986–1995 in Guangzhou or Shenzhen."""
    birth = date(1986, 1, 1) + timedelta(days=(n * 113) % 3600)
    first17 = f"{REGIONS[n % len(REGIONS)]}{birth:%Y%m%d}{(n * 7) % 1000:03d}"
    number = first17 + ric.calc_check_digit(first17 + "0")  # stdnum ignores the last character
    assert ric.is_valid(number)
    return number


def fill(rows: list[dict[str, Any]], template: bytes | None = None) -> bytes:
    """The downloaded template, filled as a clerk would: one dict of header -> value per row."""
    book = openpyxl.load_workbook(io.BytesIO(template or roster_template()))
    sheet = book["人员名单"]
    for offset, row in enumerate(rows):
        for header, value in row.items():
            sheet.cell(row=2 + offset, column=HEADERS.index(header) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def believable(n: int) -> dict[str, Any]:
    """Candidate n: T rows with a senior technician certificate, every fifth an S row with a provincial honour."""
    level = "首席技师" if n % 5 == 0 else "特级技师"
    row: dict[str, Any] = {
        "姓名": SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)],
        "身份证号码": id_number(n),
        "职业编码": OCCUPATIONS[n % len(OCCUPATIONS)],
        "参评级别": level,
        "评审成绩": 80 + (n % 20),
        "职业技能等级证书1": "高级技师",
        "证书1与参评职业关系": "相应",
        "证书1取得日期": datetime(2015 + n % 6, 3, 1),  # a real Excel date
        "工作经历1开始日期": "2008-07-01",  # a text date
        "工作经历1与参评职业关系": "相应",
    }
    if n % 3 == 0:
        row |= {"职业技能等级证书2": "技师", "证书2与参评职业关系": "相应", "证书2取得日期": datetime(2010, 6, 30)}
    if n % 4 == 0:
        row |= {"职称": "副高级职称", "职称与参评职业关系": "相关", "职称取得日期": datetime(2019, 12, 20)}
    if level == "首席技师":
        row |= {
            "荣誉1类别": "技术能手",
            "荣誉1级别": "省级",
            "荣誉1名称": "南粤技术能手",
            "荣誉1获得日期": "2020-11-18",
        }
    return row


def test_a_group_without_its_relation_is_refused_at_that_column() -> None:
    # Given a certificate and a work period whose relation to the occupation was left blank
    row = believable(1)
    del row["证书1与参评职业关系"], row["工作经历1与参评职业关系"]
    result = parse_roster(fill([row]))
    # Then nothing defaults to 相应: both columns are named on row 2
    assert {(p.row, p.column, p.type) for p in result.problems} == {
        (2, "证书1与参评职业关系", "missing"),
        (2, "工作经历1与参评职业关系", "missing"),
    }


def test_a_filled_template_of_30_candidates_parses_into_candidates() -> None:
    # Given the template filled with 30 believable candidates
    rows = [believable(n) for n in range(1, 31)]
    # When parsed
    result = parse_roster(fill(rows))
    # Then there are no problems and 30 candidates, each valid for the report's Candidate schema
    assert result.problems == []
    assert result.ok
    assert len(result.candidates) == 30
    parsed = [Candidate.model_validate(c) for c in result.candidates]
    first = parsed[0]
    assert first.name == rows[0]["姓名"]
    assert first.id_number == rows[0]["身份证号码"]
    assert first.level == "T"
    assert first.evaluation.passed
    assert first.evaluation.score == 81
    assert first.credentials[0].grade == "senior_technician"
    assert first.credentials[0].obtained_on == date(2016, 3, 1)
    assert first.work_periods[0].start == date(2008, 7, 1)
    assert first.work_periods[0].end is None
    # And the optional groups appear only where filled
    chief = parsed[4]  # n = 5
    assert chief.level == "S"
    assert chief.honours[0].category == "technical_expert"
    assert chief.honours[0].level == "provincial"
    with_title = parsed[3]  # n = 4
    assert [c.kind for c in with_title.credentials] == ["skill_certificate", "professional_title"]
    assert with_title.credentials[1].relation == "related"


def test_codes_are_accepted_where_names_are_offered() -> None:
    # Given a clerk who typed codes instead of choosing Chinese names, and an occupation name for the code
    row = believable(1) | {
        "参评级别": "T",
        "职业编码": "车工",
        "职业技能等级证书1": "senior_technician",
        "证书1与参评职业关系": "corresponding",
    }
    # Then the row reads the same
    candidate = parse_roster(fill([row])).candidates[0]
    assert candidate["level"] == "T"
    assert candidate["occupation"] == "6-18-01-01"
    assert candidate["credentials"][0]["grade"] == "senior_technician"


def test_blank_rows_between_candidates_are_skipped() -> None:
    rows = [believable(1), {}, {}, believable(2)]
    result = parse_roster(fill(rows))
    assert [c["name"] for c in result.candidates] == [rows[0]["姓名"], rows[3]["姓名"]]


def problems_of(rows: list[dict[str, Any]]) -> set[tuple[int, str]]:
    return {(p.row, p.column) for p in parse_roster(fill(rows)).problems}


def test_every_broken_row_is_reported_with_row_and_column_at_once() -> None:
    # Given a roster whose rows 3, 5, 6, 7, 8 and 9 each carry a different mistake (row 2 and 4 are fine)
    good = believable(1)
    bad_check = id_number(2)[:17] + ("0" if id_number(2)[-1] != "0" else "1")
    rows = [
        good,
        believable(2) | {"身份证号码": bad_check},
        believable(3),
        believable(4) | {"职业编码": "6-99-99-99"},
        believable(6) | {"证书1取得日期": None},
        believable(7) | {"参评级别": "高级技师"},
        believable(8) | {"工作经历1开始日期": "2008/13/01", "评审成绩": 130},
        believable(9) | {"荣誉1类别": "国家科学技术奖", "荣誉1获得日期": datetime(2021, 11, 3)},
    ]
    # When parsed
    result = parse_roster(fill(rows))
    # Then every problem is listed, each with the Excel row and the Chinese header, and no candidate is taken
    assert not result.ok
    assert result.candidates == []
    found = {(p.row, p.column): p for p in result.problems}
    assert set(found) == {
        (3, "身份证号码"),
        (5, "职业编码"),
        (6, "证书1取得日期"),
        (7, "参评级别"),
        (8, "工作经历1开始日期"),
        (8, "评审成绩"),
        (9, "荣誉1奖励等级"),
    }
    # And each message is the schema's own Chinese
    assert found[3, "身份证号码"].message == "身份证号码校验位错误"
    assert "大典" in found[5, "职业编码"].message
    assert found[6, "证书1取得日期"].message == "必填项，请填写"
    assert "特级技师、首席技师" in found[7, "参评级别"].message
    assert "YYYY-MM-DD" in found[8, "工作经历1开始日期"].message
    assert found[8, "评审成绩"].message.startswith("不能大于 100")
    assert "奖励等级" in found[9, "荣誉1奖励等级"].message
    assert found[3, "身份证号码"].path == "第 3 行“身份证号码”"


def test_a_sheet_wrong_almost_everywhere_lists_the_first_problems_and_names_the_rows_left() -> None:
    # Given 600 rows whose ID number, occupation, level and score are all wrong (4 problems a row)
    wrong = {"身份证号码": "4401061986", "职业编码": "6-99-99-99", "参评级别": "高级技师", "评审成绩": 130}
    rows = [believable(n) | wrong for n in range(600)]
    # When parsed
    result = parse_roster(fill(rows))
    # Then the first rows' problems are listed in full, up to the cap, and one more line names the rows not checked
    *listed, last = result.problems
    assert len(listed) == MAX_PROBLEMS
    assert {p.row for p in listed} == set(range(2, 2 + MAX_PROBLEMS // 4))
    assert last.type == "roster_not_checked"
    assert last.row == 2 + MAX_PROBLEMS // 4
    assert f"第 {last.row}–601 行" in last.message
    assert result.candidates == []


def test_an_id_number_excel_turned_into_a_number_is_explained() -> None:
    # Given an ID typed into a General cell: Excel keeps it as a float with lost digits
    row = believable(1) | {"身份证号码": float(id_number(1)[:17] + "0")}
    (problem,) = parse_roster(fill([row])).problems
    assert (problem.row, problem.column) == (2, "身份证号码")
    assert "文本" in problem.message


def test_the_same_person_twice_is_reported_on_the_second_row() -> None:
    rows = [believable(1), believable(2), believable(1) | {"姓名": "陈志强"}]
    (problem,) = parse_roster(fill(rows)).problems
    assert (problem.row, problem.column, problem.type) == (4, "身份证号码", "id_number_duplicate")
    assert "第 2 行" in problem.message


def test_a_partly_filled_group_asks_for_the_rest() -> None:
    # Given a second work period with only its relation chosen
    row = believable(1) | {"工作经历2与参评职业关系": "相关"}
    assert problems_of([row]) == {(2, "工作经历2开始日期")}


def test_a_date_typed_into_a_general_cell_is_read_from_its_serial() -> None:
    row = believable(1) | {"证书1取得日期": 42430}  # 2016-03-01 as Excel counts days
    candidate = parse_roster(fill([row])).candidates[0]
    assert candidate["credentials"][0]["obtained_on"] == "2016-03-01"


@pytest.mark.parametrize(
    ("make", "error_type", "words"),
    [
        (lambda: b"%PDF-1.7 not a workbook", "roster_not_xlsx", ".xlsx"),
        (lambda: _workbook_with_sheet("Sheet1"), "roster_wrong_template", "人员名单"),
        (lambda: _template_with_header(3, "职业名称"), "roster_wrong_template", "第 C 列应为“职业编码”"),
        (lambda: fill([]), "roster_empty", "名单是空的"),
    ],
)
def test_a_file_that_is_not_a_filled_roster_is_refused_clearly(
    make: Callable[[], bytes], error_type: str, words: str
) -> None:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(make())
    assert caught.value.type == error_type
    assert words in str(caught.value)


def test_more_than_2000_rows_are_refused() -> None:
    book = openpyxl.load_workbook(io.BytesIO(roster_template()))
    sheet = book["人员名单"]
    for offset in range(MAX_ROWS + 1):
        sheet.cell(row=2 + offset, column=1, value=f"人员{offset}")
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(RosterFileError, match="2000"):
        parse_roster(out.getvalue())


def _workbook_with_sheet(title: str) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _template_with_header(column: int, header: str) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(roster_template()))
    book["人员名单"].cell(row=1, column=column, value=header)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_template_offers_chinese_dropdowns_text_ids_and_instructions() -> None:
    # Given the downloaded template
    book = openpyxl.load_workbook(io.BytesIO(roster_template()))
    sheet = book["人员名单"]
    # Then the header row is the roster's Chinese headers, frozen, and the ID column is text
    assert tuple(c.value for c in sheet[1]) == HEADERS
    assert sheet.freeze_panes == "C2"
    assert sheet.column_dimensions["B"].number_format == "@"
    # And every dropdown column has a list validation over Chinese names on the hidden options sheet
    options = book["选项"]
    assert options.sheet_state == "hidden"
    validated = {}
    for rule in sheet.data_validations.dataValidation:
        sheet_name, cells = rule.formula1.split("!")
        assert sheet_name == "'选项'"
        first, last = cells.replace("$", "").split(":")
        names = [cell.value for (cell,) in options[first:last]]
        for ref in str(rule.sqref).split():
            validated[ref.split(":")[0].rstrip("0123456789")] = names
    dropdowns = [(i, c) for i, c in enumerate(COLUMNS) if c.choices is not None]
    assert len(validated) == len(dropdowns)
    level_letter = openpyxl.utils.get_column_letter(HEADERS.index("参评级别") + 1)
    assert validated[level_letter] == ["特级技师", "首席技师"]
    relation_letter = openpyxl.utils.get_column_letter(HEADERS.index("证书1与参评职业关系") + 1)
    assert validated[relation_letter] == ["相应", "相关", "无关"]
    honour_letter = openpyxl.utils.get_column_letter(HEADERS.index("荣誉1类别") + 1)
    assert "劳动模范" in validated[honour_letter]
    # And a second sheet explains how to fill it
    instructions = "\n".join(str(c.value) for (c,) in book["填写说明"].iter_rows(max_col=1) if c.value)
    assert "YYYY-MM-DD" in instructions
    assert "2000" in instructions


# ---- bounded parsing: never read past the rows a roster may hold -------------------------------------------


def _with_cell_at(data: bytes, row: int, keep_dimension: bool = True) -> bytes:
    """`data` with one blank-looking cell at `row` (20,000,000 rows in a few KB), its <dimension> kept or not."""
    import re
    import zipfile

    excel_last = 1_048_576  # openpyxl writes no further than Excel's last row; the XML is edited past it
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["人员名单"].cell(row=excel_last, column=2, value=" ")
    out = io.BytesIO()
    book.save(out)
    edited = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(str(excel_last).encode(), str(row).encode())
                if not keep_dimension:
                    body = re.sub(rb"<dimension [^>]*/>", b"", body)
            target.writestr(info.filename, body)
    return edited.getvalue()


def test_a_sheet_declaring_20_million_rows_is_refused_clearly() -> None:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(_with_cell_at(roster_template(), 20_000_000))
    assert caught.value.type == "roster_too_many_rows"
    assert "20,000,000" in str(caught.value)
    assert "2001" in str(caught.value)


def test_rows_past_the_limit_are_never_read_when_the_sheet_does_not_declare_its_size() -> None:
    # Given three candidates and a lone blank cell at row 20,000,000, the sheet's size not declared
    data = _with_cell_at(fill([believable(n) for n in range(3)]), 20_000_000, keep_dimension=False)
    # Then the three parse: nothing past row 2,002 is read (reading on would take minutes)
    assert len(parse_roster(data).candidates) == 3


def test_blank_rows_count_toward_the_limit() -> None:
    # Given a candidate on row 2,002 after 2,000 blank rows (the sheet's dimension removed)
    book = openpyxl.load_workbook(io.BytesIO(fill([believable(1)])))
    sheet = book["人员名单"]
    for header, value in believable(2).items():
        sheet.cell(row=MAX_ROWS + 2, column=HEADERS.index(header) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    # Then it is refused: the list ends at row 2,001 however many rows are blank
    with pytest.raises(RosterFileError) as caught:
        parse_roster(out.getvalue())
    assert caught.value.type == "roster_too_many_rows"


def test_an_oversized_part_is_refused_before_it_is_parsed() -> None:
    import zipfile

    from schemas.roster import MAX_PART_BYTES

    padded = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(roster_template())) as source, zipfile.ZipFile(padded, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/styles.xml":
                body = body.replace(b"</styleSheet>", b"<!--" + b"x" * MAX_PART_BYTES + b"--></styleSheet>")
            target.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(RosterFileError) as caught:
        parse_roster(padded.getvalue())
    assert caught.value.type == "roster_too_large"
