"""A submission's debarment check (`services.integrity.debarred`: the enterprise and every candidate) on moto,
with 10 and with 100,000 debarments on the list: keyed reads, so the cost must not follow the list's length."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from typing import Any

from bench.registry import Row, benchmark
from bench.samples import id_number
from bench.timing import ROOT, best_of

SMALL, LARGE = 10, 100_000
CANDIDATES = 500  # the parties of one submission: a report's candidates, and its enterprise
DEBARRED = 5  # of them on the list at both sizes, so both checks find (and word) the same problems
LIMIT_RATIO = 1.5
TODAY = date(2025, 5, 9)


def _finding(n: int, subject_id: str) -> dict[str, Any]:
    return {
        "id": f"DBR-bench{n:07d}",
        "subject_type": "person",
        "subject_id": subject_id,
        "subject_name": f"被处理人{n:06d}",
        "reason": "伪造工作年限证明",
        "decided_on": "2024-09-02",
        "until": "2029-09-02",
        "campaign": "2024",
        "city": "440100",
        "created_at": "2024-09-02T10:00:00+08:00",
        "by": "bench",
        "by_role": "province_reviewer",
    }


def _store(name: str, debarments: int) -> Any:
    """A table of its own holding `debarments` findings, each with its what-holds-now item, in the dal's item shapes.

    Seeded straight into moto's table rather than 25 items per BatchWriteItem: 200,000 items in seconds, not
    minutes. The first DEBARRED findings name the submission's own candidates; the rest name other people."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    from functions.dal.aws import client
    from functions.dal.debarments import DebarmentStore, finding_items, in_force
    from functions.dal.items import to_item
    from functions.dal.local import table_definition
    from functions.dal.parties import DEBARRED as IN_FORCE
    from functions.dal.parties import party_key
    from functions.dal.records import RecordStore

    ddb = client("dynamodb")
    ddb.create_table(**table_definition(name))
    backend = dynamodb_backends[DEFAULT_ACCOUNT_ID][ddb.meta.region_name]
    for n in range(debarments):
        finding, _ = finding_items(_finding(n, id_number(n if n < DEBARRED else CANDIDATES + n)))
        backend.put_item(name, to_item(finding))
        pk, sk = party_key(finding["subject_id"])
        backend.put_item(name, to_item({"pk": pk, "sk": sk, IN_FORCE: in_force(finding)}))
    return DebarmentStore(RecordStore(ddb, name))


def child() -> None:
    """Run in a fresh interpreter (200,000 items in moto would stay in the bench's own memory, and every later
    child, such as the exports' peak-memory figure, would inherit that high-water mark): print both times."""
    from bench.cases.report_store import USCC, _moto
    from functions.services.integrity import debarred

    subjects = {"enterprise": USCC}
    subjects.update({f"candidates[{i}].id_number": id_number(i) for i in range(CANDIDATES)})
    with _moto():
        lists = {size: _store(f"gdskills-bench-debarments-{size}", size) for size in (SMALL, LARGE)}
        for store in lists.values():
            assert len(debarred(store, subjects, TODAY)) == DEBARRED
        # The two sizes take turns, so that a busy moment on the machine touches both alike.
        best = dict.fromkeys(lists, float("inf"))
        for _ in range(7):
            for size, store in lists.items():
                best[size] = min(best[size], best_of(lambda s=store: debarred(s, subjects, TODAY), repeat=1))
    print(json.dumps({"small": best[SMALL], "large": best[LARGE]}))


@benchmark("debarments")
def debarment_check_at_any_length() -> list[Row]:
    code = "from bench.cases.debarments import child; child()"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    small, large = figures["small"], figures["large"]
    return [
        Row(
            f"debarment check, {CANDIDATES + 1} parties, {SMALL} on the list",
            small * 1000,
            "ms",
            note="BatchGetItem of each party's what-holds-now item (6 calls) on moto, best of 7",
        ),
        Row(f"  the same with {LARGE:,} on the list", large * 1000, "ms"),
        Row(
            f"  debarment check cost, {LARGE:,} / {SMALL} debarments",
            large / small,
            "×",
            limit=LIMIT_RATIO,
            note="a submission's check costs the same whatever the list's length",
        ),
    ]
