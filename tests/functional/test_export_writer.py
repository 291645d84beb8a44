"""Export files: XLSX read back with openpyxl, CSV with a BOM, and the S3 upload with its presigned link (moto)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlparse

import boto3
import openpyxl
import pytest
import requests
from botocore.config import Config
from moto import mock_aws
from stdnum.cn import ric

from functions.exports import export_bytes, export_filename, export_to_s3, write_csv, write_xlsx
from schemas.exports import EXPORTS

BUCKET = "gdskills-exports-test"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def id_number(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum ignores the last character


def result_rows() -> list[dict[str, Any]]:
    """Two rows as the workflow reads them from DynamoDB: Decimal numbers and ISO date strings."""
    common = {
        "campaign": "2024",
        "phase": Decimal(1),
        "city_name": "广州市",
        "enterprise_name": "广州数控设备有限公司",
        "uscc": "91440101MA59CDX462",
        "report_id": "RPT-2024-000017",
        "occupation_code": "6-18-01-01",
        "occupation_name": "车工",
        "level": "特级技师",
        "status": "已通过",
    }
    return [
        common
        | {
            "name": "陈志强",
            "id_number": id_number("44010619850315123"),
            "score": Decimal("92.5"),
            "review_date": "2024-06-18",
        },
        common
        | {
            "name": '=HYPERLINK("http://x")',  # a hostile cell must stay text
            "id_number": id_number("44030519880612004"),
            "score": None,
            "review_date": date(2024, 6, 18),
        },
    ]


def test_xlsx_has_chinese_headers_frozen_row_widths_and_real_dates() -> None:
    # Given the results export's columns and two rows
    export = EXPORTS["results"]
    buffer = io.BytesIO()
    # When written as XLSX and read back with openpyxl
    count = write_xlsx(export.columns, result_rows(), buffer, export.title)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    # Then the sheet has the title, the Chinese headers in bold, a frozen header row and the column widths
    assert count == 2
    assert sheet.title == "评价结果汇总表"
    headers = [cell.value for cell in sheet[1]]
    assert headers == [column.header for column in export.columns]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["H"].width == pytest.approx(21, abs=1)  # 身份证号码
    # And dates are dates formatted yyyy-mm-dd, numbers are numbers, ID numbers and formulas stay text
    review = sheet.cell(row=2, column=headers.index("评审日期") + 1)
    assert isinstance(review.value, datetime)
    assert review.value.date() == date(2024, 6, 18)
    assert review.number_format == "yyyy-mm-dd"
    assert sheet.cell(row=2, column=headers.index("评审成绩") + 1).value == 92.5
    assert sheet.cell(row=2, column=headers.index("期次") + 1).value == 1
    assert sheet.cell(row=2, column=headers.index("身份证号码") + 1).value == id_number("44010619850315123")
    hostile = sheet.cell(row=3, column=headers.index("姓名") + 1)
    assert hostile.data_type == "s"
    assert hostile.value == '=HYPERLINK("http://x")'
    assert sheet.cell(row=3, column=headers.index("评审成绩") + 1).value is None


def test_columns_not_in_the_export_never_reach_the_file() -> None:
    # Given a published-list row that carries an ID number by mistake
    row = {
        "name": "李明",
        "id_number": id_number("44010619850315123"),
        "enterprise_name": "广东省机场管理集团有限公司",
        "occupation_name": "民航乘务员",
        "city_name": "广州市",
        "campaign": "2024",
    }
    # When the public chief-technicians list is exported in both formats
    xlsx = export_bytes("chief-technicians", "xlsx", [row])
    text = export_bytes("chief-technicians", "csv", [row]).decode("utf-8-sig")
    # Then the ID number appears in neither
    values = [c.value for r in openpyxl.load_workbook(io.BytesIO(xlsx)).active.iter_rows() for c in r]
    assert "李明" in values
    assert row["id_number"] not in values
    assert row["id_number"] not in text
    assert "李明" in text


def test_csv_starts_with_the_bom_and_parses_with_chinese_headers() -> None:
    # Given the results rows
    export = EXPORTS["results"]
    buffer = io.BytesIO()
    # When written as CSV
    count = write_csv(export.columns, result_rows(), buffer)
    raw = buffer.getvalue()
    # Then it starts with the UTF-8 BOM, and parses back to Chinese headers and the values
    assert raw.startswith(b"\xef\xbb\xbf")
    assert count == 2
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(table[0]) == [column.header for column in export.columns]
    assert table[0]["姓名"] == "陈志强"
    assert table[0]["评审日期"] == "2024-06-18"
    assert table[0]["评审成绩"] == "92.5"
    assert table[0]["身份证号码"] == id_number("44010619850315123")
    # And a cell that a spreadsheet would run as a formula is defused
    assert table[1]["姓名"] == '\'=HYPERLINK("http://x")'
    assert table[1]["评审成绩"] == ""


def test_csv_leaves_the_callers_file_open() -> None:
    buffer = io.BytesIO()
    write_csv(EXPORTS["scope"].columns, [], buffer)
    assert not buffer.closed
    assert buffer.getvalue().decode("utf-8-sig").strip() == ",".join(c.header for c in EXPORTS["scope"].columns)


def test_an_empty_export_still_has_its_header_row() -> None:
    export = EXPORTS["filings"]
    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes("filings", "xlsx", []))).active
    assert sheet.max_row == 1
    assert [c.value for c in sheet[1]] == [column.header for column in export.columns]


@pytest.fixture
def s3() -> Iterator[Any]:
    with mock_aws():
        # SigV4 presigned links, as the deployed functions use (SigV2 is retired for new buckets)
        client = boto3.client("s3", region_name="us-east-1", config=Config(signature_version="s3v4"))
        client.create_bucket(Bucket=BUCKET)
        yield client


def lazy_filings(count: int) -> Iterator[dict[str, Any]]:
    for n in range(1, count + 1):
        yield {
            "site_sequence": f"{n:06d}",
            "enterprise_name": f"佛山市顺德区第{n}精密机械有限公司",
            "uscc": "91440101MA59CDX462",
            "city_code": "440600",
            "city_name": "佛山市",
            "categories": ["规模以上企业", "大型企业"],
            "levels": "特级技师、首席技师",
            "occupation_count": 3,
            "contact_name": "黄丽",
            "contact_phone": "0757-22223333",
            "status": "已通过",
            "approved_on": "2024-05-20",
        }


def test_export_to_s3_uploads_with_type_and_chinese_filename_and_answers_a_presigned_link(s3: Any) -> None:
    # Given 500 filings produced lazily
    # When exported to S3
    url = export_to_s3(
        s3, BUCKET, "exports/filings/abc.xlsx", "filings", "xlsx", lazy_filings(500), on=date(2024, 7, 1)
    )
    # Then the object has the XLSX type and an RFC 5987 Chinese file name
    head = s3.head_object(Bucket=BUCKET, Key="exports/filings/abc.xlsx")
    assert head["ContentType"] == XLSX_TYPE
    disposition = head["ContentDisposition"]
    assert disposition.startswith('attachment; filename="filings-20240701.xlsx"; ')
    assert "filename*=UTF-8''" + quote("评价机构汇总表-20240701.xlsx") in disposition
    assert unquote(disposition.split("UTF-8''")[1]) == export_filename("filings", "xlsx", date(2024, 7, 1))
    # And the link is a presigned GET of that object
    parsed = urlparse(url)
    assert parsed.path.endswith("/exports/filings/abc.xlsx")
    assert "X-Amz-Signature" in parse_qs(parsed.query)
    download = requests.get(url, timeout=5)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == disposition
    # And the stored workbook holds every row, with categories joined by 、
    body = s3.get_object(Bucket=BUCKET, Key="exports/filings/abc.xlsx")["Body"].read()
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 501
    assert rows[1][5] == "规模以上企业、大型企业"
    assert rows[500][0] == "000500"


def test_export_to_s3_csv_has_the_csv_type(s3: Any) -> None:
    export_to_s3(s3, BUCKET, "exports/scope.csv", "scope", "csv", [], on=date(2024, 7, 1))
    head = s3.head_object(Bucket=BUCKET, Key="exports/scope.csv")
    assert head["ContentType"] == "text/csv; charset=utf-8"
    assert quote("评价机构信息与认定范围清单-20240701.csv") in head["ContentDisposition"]


@pytest.mark.parametrize(("name", "fmt"), [("nonsense", "xlsx"), ("filings", "pdf")])
def test_unknown_export_or_format_is_refused_before_anything_is_uploaded(s3: Any, name: str, fmt: str) -> None:
    with pytest.raises(ValueError, match="导出"):
        export_to_s3(s3, BUCKET, "exports/x", name, fmt, [])
    assert s3.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0
