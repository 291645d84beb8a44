"""Compaction of the local journal (`infra/local_store.py`): the same state in fewer requests.

The journal keeps every request that changed moto, so it grows with every autosaved draft, every counter and
every status change, most of them long superseded. Compacting rewrites it as a snapshot of what is stored now:

- every request that is not a DynamoDB item write is kept as it was, in its order (tables, TTL settings,
  buckets and their objects, queues and their messages, user pools); a repeated `CreateQueue` or
  `VerifyEmailIdentity` that each start sends again with the same body is kept once;
- DynamoDB item writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems, PartiQL) are
  replaced by the items each table holds now, read with Scan and written back in BatchWriteItems of 25.

Crash-safe: the snapshot is written to a temporary file beside the journal, fsync'd, and renamed over it in
one step (then the folder is fsync'd); a kill at any moment leaves either the old journal or the new one.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

DYNAMODB = "DynamoDB_20120810."
ITEM_WRITES = frozenset(
    {
        "PutItem",
        "UpdateItem",
        "DeleteItem",
        "BatchWriteItem",
        "TransactWriteItems",
        "ExecuteStatement",
        "BatchExecuteStatement",
        "ExecuteTransaction",
    }
)
# Sent again at every start with the same body; one is enough unless something deleted what they made.
REPEATED = {"AmazonSQS.CreateQueue": "AmazonSQS.DeleteQueue", "VerifyEmailIdentity": "DeleteIdentity"}
BATCH = 25  # DynamoDB's BatchWriteItem limit
SUFFIX = ".compacting"

Run = Callable[[dict[str, Any], bytes], tuple[str, list[tuple[str, str]], bytes]]


def operation(entry: dict[str, Any]) -> str:
    """The AWS operation of a journaled request: its X-Amz-Target, or the Action of a query-protocol form."""
    target = str(entry.get("HTTP_X_AMZ_TARGET", ""))
    if target:
        return target
    if str(entry.get("CONTENT_TYPE", "")).startswith("application/x-www-form-urlencoded"):
        found = re.search(rb"(?:^|&)Action=([A-Za-z]+)", base64.b64decode(entry.get("body", "")))
        if found:
            return found.group(1).decode()
    return f"{entry.get('REQUEST_METHOD', '')} {entry.get('PATH_INFO', '')}"


def _item_write(name: str) -> bool:
    return name.startswith(DYNAMODB) and name[len(DYNAMODB) :] in ITEM_WRITES


def _kept(entries: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    names = [operation(e) for e in entries]
    deleted = set(names)
    seen: set[tuple[str, str, str]] = set()
    for entry, name in zip(entries, names, strict=True):
        if _item_write(name):
            continue
        if name in REPEATED and REPEATED[name] not in deleted:
            same = (name, str(entry.get("PATH_INFO")), str(entry.get("body")))
            if same in seen:
                continue
            seen.add(same)
        yield entry


def _json_request(template: dict[str, Any], target: str, payload: dict[str, Any]) -> dict[str, Any]:
    entry = {k: v for k, v in template.items() if k != "body"}
    entry["HTTP_X_AMZ_TARGET"] = DYNAMODB + target
    entry["body"] = base64.b64encode(json.dumps(payload).encode()).decode()
    return entry


def _items(run: Run, template: dict[str, Any], table: str) -> Iterator[dict[str, Any]]:
    """Every item `table` holds now (none if it no longer exists)."""
    start: dict[str, Any] | None = None
    while True:
        scan: dict[str, Any] = {"TableName": table, **({"ExclusiveStartKey": start} if start else {})}
        request = _json_request(template, "Scan", scan)
        status, _, payload = run(request, base64.b64decode(request["body"]))
        if int(status.split()[0]) >= 400:
            return
        page = json.loads(payload)
        yield from page.get("Items", [])
        start = page.get("LastEvaluatedKey")
        if not start:
            return


def snapshot(entries: list[dict[str, Any]], run: Run) -> Iterator[dict[str, Any]]:
    """The journal entries that rebuild the state `run` (moto, already holding `entries`) has now."""
    kept = list(_kept(entries))
    yield from kept
    tables: dict[str, dict[str, Any]] = {}
    for entry in kept:
        if operation(entry) == DYNAMODB + "CreateTable":
            tables[json.loads(base64.b64decode(entry["body"]))["TableName"]] = entry
    for table, template in tables.items():
        batch: list[dict[str, Any]] = []
        for item in _items(run, template, table):
            batch.append({"PutRequest": {"Item": item}})
            if len(batch) == BATCH:
                yield _json_request(template, "BatchWriteItem", {"RequestItems": {table: batch}})
                batch = []
        if batch:
            yield _json_request(template, "BatchWriteItem", {"RequestItems": {table: batch}})


def read(path: Path) -> list[dict[str, Any]]:
    """The journal's whole lines (a torn last line, never answered, is left out)."""
    entries = []
    if path.exists():
        with path.open("rb") as journal:
            for line in journal:
                if not line.endswith(b"\n"):
                    break
                try:
                    entries.append(json.loads(line))
                except ValueError:
                    break
    return entries


def rewrite(path: Path, entries: Iterator[dict[str, Any]]) -> int:
    """Replace the journal at `path` by `entries`, crash-safe; answers the new size in bytes."""
    temporary = path.with_name(path.name + SUFFIX)
    with temporary.open("wb") as out:
        for entry in entries:
            out.write(json.dumps(entry).encode() + b"\n")
        out.flush()
        os.fsync(out.fileno())
        size = out.tell()
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return size
