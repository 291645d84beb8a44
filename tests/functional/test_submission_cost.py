"""What keeps a large submission cheap without changing what it does: the collector's policy set at cold start,
and the form written to JSON once, stored as those very bytes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.functional._workflow import Flow

ROOT = Path(__file__).resolve().parents[2]


def test_the_handler_sets_the_collector_for_large_requests_when_it_is_imported():
    # A fresh interpreter: what importing the Lambda entry point leaves behind, and nothing else
    code = (
        "import gc; before = gc.get_threshold()[0]; import functions.api.handler as h; "
        "print(before, gc.get_threshold()[0], h.GC_FIRST_THRESHOLD, gc.get_freeze_count())"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    before, after, wanted, frozen = (int(n) for n in done.stdout.split())
    assert before == 700  # CPython's default
    assert after == wanted >= 10_000
    assert frozen > 10_000  # the cold start's modules, models and schemas are out of every later scan


@pytest.fixture
def flow(aws, call_api, upload) -> Flow:
    return Flow(call_api, upload)


def test_a_report_is_stored_as_the_json_of_its_form(flow):
    from functions.api.deps import stores
    from functions.dal.items import pack
    from functions.dal.records import rec_pk, version_sk
    from schemas.forms import ReportRequest

    # Given a report of awkward but valid text (quotes, backslashes, non-BMP characters, a score with decimals)
    body = flow.report_body(flow.approved_plan("T"), count=3)
    body["candidates"][0]["name"] = '欧阳"𠀾"\\明'
    body["candidates"][1]["evaluation"]["score"] = 86.25
    # When it is submitted
    report_id = flow.created("reports", body)
    # Then what is stored is the form as data would dump it, byte for byte once unpacked
    stored = stores().records.get(rec_pk(report_id), version_sk(1))
    assert stored is not None
    text = gzip.decompress(bytes(stored["body"].value)).decode()
    form = ReportRequest.model_validate(body)
    assert text == json.dumps(form.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    assert json.loads(text)["candidates"][0]["name"] == '欧阳"𠀾"\\明'
    # And packing the text or the data gives the same stored bytes
    assert pack(form.model_dump_json()) == pack(form.model_dump(mode="json"))
