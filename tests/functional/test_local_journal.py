"""The local journal stays bounded: compaction rewrites it as a snapshot of what moto holds now, smaller, and a
restart reads every table item, object and message back; a compaction cut short loses nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.local_server import free_port
from infra.local_store import COMPACTING, JOURNAL, DurableMoto

TABLE = "gdskills-journal"
DRAFT = {"pk": {"S": "DRAFT#91440101MA5CXXXX1X"}, "sk": {"S": "DRAFT#d1"}}
COUNTER = {"pk": {"S": "COUNTER#2024"}, "sk": {"S": "CERT#440100"}}


class Moto:
    """A durable moto on `folder`, started as a new process would start it (moto empty, then the journal
    replayed), with clients signed as the local server signs."""

    def __init__(self, folder: Path) -> None:
        from moto.moto_api import _internal

        _internal.moto_api_backend.reset()  # moto's state is per process; each start here is a new process
        self.server = DurableMoto(folder, free_port())
        self.server.start()
        options: dict[str, Any] = {
            "endpoint_url": f"http://127.0.0.1:{self.server.port}",
            "region_name": "us-east-1",
            "aws_access_key_id": "local",
            "aws_secret_access_key": "local-secret",
        }
        self.ddb = boto3.client("dynamodb", **options)
        self.s3 = boto3.client("s3", **options)
        self.sqs = boto3.client("sqs", **options)

    def state(self) -> dict[str, Any]:
        items = self.ddb.scan(TableName=TABLE)["Items"]
        queue = self.sqs.get_queue_url(QueueName="gdskills-notify")["QueueUrl"]
        messages = self.sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, VisibilityTimeout=0)
        return {
            "items": sorted(json.dumps(i, sort_keys=True) for i in items),
            "queues": [url.rsplit("/", 1)[-1] for url in self.sqs.list_queues()["QueueUrls"]],
            "messages": sorted(m["Body"] for m in messages.get("Messages", [])),
            "object": self.s3.get_object(Bucket="gdskills-materials", Key="a/plan.pdf")["Body"].read(),
        }


@pytest.fixture
def moto(tmp_path: Path) -> Iterator[Moto]:
    running = Moto(tmp_path)
    yield running
    running.server.stop()


def _a_day_of_work(moto: Moto) -> None:
    """What a day at the local server writes: tables made, a draft autosaved 300 times, a counter moved 200
    times, records written and one deleted, an upload, a queue made at each of three starts, a mail queued."""
    moto.ddb.create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    for version in range(300):
        moto.ddb.put_item(TableName=TABLE, Item={**DRAFT, "body": {"S": "广州市" * 40 + str(version)}})
    for _ in range(200):
        moto.ddb.update_item(
            TableName=TABLE, Key=COUNTER, UpdateExpression="ADD n :one", ExpressionAttributeValues={":one": {"N": "1"}}
        )
    for n in range(60):
        record = {"pk": {"S": f"REPORT#{n:04d}"}, "sk": {"S": "HEAD"}, "status": {"S": "submitted"}}
        moto.ddb.transact_write_items(TransactItems=[{"Put": {"TableName": TABLE, "Item": record}}])
    moto.ddb.delete_item(TableName=TABLE, Key={"pk": {"S": "REPORT#0007"}, "sk": {"S": "HEAD"}})
    moto.s3.create_bucket(Bucket="gdskills-materials")
    moto.s3.put_object(Bucket="gdskills-materials", Key="a/plan.pdf", Body=b"%PDF-1.4 plan")
    for _ in range(3):
        queue = moto.sqs.create_queue(QueueName="gdskills-notify")["QueueUrl"]
    moto.sqs.send_message(QueueUrl=queue, MessageBody='{"record": "REPORT#0001"}')


def test_superseded_writes_compact_to_a_smaller_journal_that_restarts_whole(
    moto: Moto, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a journal full of superseded writes
    _a_day_of_work(moto)
    before = moto.state()
    assert len(before["items"]) == 61  # the draft, the counter, 59 records
    moto.server.stop()
    size_before = (tmp_path / JOURNAL).stat().st_size
    lines_before = len((tmp_path / JOURNAL).read_bytes().splitlines())
    # When the server starts with the journal past the compaction size
    monkeypatch.setenv("GDSKILLS_JOURNAL_COMPACT_BYTES", "4096")
    second = Moto(tmp_path)
    try:
        # Then the journal is a snapshot: much smaller, the queue made once, and the state is the same
        size_after = (tmp_path / JOURNAL).stat().st_size
        lines_after = len((tmp_path / JOURNAL).read_bytes().splitlines())
        assert size_after < size_before / 5, (size_before, size_after)
        assert lines_after < lines_before / 10, (lines_before, lines_after)
        assert (tmp_path / JOURNAL).read_bytes().count(b"CreateQueue") == 1
        assert second.state() == before
        assert not (tmp_path / COMPACTING).exists()
    finally:
        second.server.stop()
    # And a start from the compacted journal alone reads everything back
    monkeypatch.delenv("GDSKILLS_JOURNAL_COMPACT_BYTES")
    third = Moto(tmp_path)
    try:
        assert third.state() == before
        assert (tmp_path / JOURNAL).stat().st_size == size_after  # nothing to compact at this size
    finally:
        third.server.stop()


def test_a_serving_journal_compacts_itself_once_it_passes_the_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a server whose journal compacts past 64 KiB
    monkeypatch.setenv("GDSKILLS_JOURNAL_COMPACT_BYTES", str(64 * 1024))
    moto = Moto(tmp_path)
    try:
        # When a day of work is done while it serves
        _a_day_of_work(moto)
        before = moto.state()
    finally:
        moto.server.stop()
    # Then the journal never grew far past the size, and a restart reads everything back
    assert (tmp_path / JOURNAL).stat().st_size < 2 * 64 * 1024
    again = Moto(tmp_path)
    try:
        assert again.state() == before
    finally:
        again.server.stop()


def test_a_compaction_cut_short_leaves_the_journal_whole(
    moto: Moto, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a day of work, and a compaction killed before its rename (the snapshot half written)
    _a_day_of_work(moto)
    before = moto.state()
    journal = (tmp_path / JOURNAL).read_bytes()

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("infra.local_compact.os.replace", killed)
    with pytest.raises(KeyboardInterrupt):
        moto.server.journal.compact()
    moto.server.stop()
    assert (tmp_path / JOURNAL).read_bytes() == journal
    assert (tmp_path / COMPACTING).exists()
    # When the server starts again
    monkeypatch.undo()
    again = Moto(tmp_path)
    try:
        # Then nothing is lost and the half-written snapshot is gone
        assert again.state() == before
        assert not (tmp_path / COMPACTING).exists()
    finally:
        again.server.stop()


def test_moto_answers_only_the_functions_own_calls(moto: Moto) -> None:
    import requests

    base = f"http://127.0.0.1:{moto.server.port}"
    moto.sqs.create_queue(QueueName="gdskills-notify")
    # Given a page that rebound its name to 127.0.0.1 and found moto's port, or a caller of moto's own API
    for method, path, host in (
        ("GET", "/moto-api/data.json", None),
        ("POST", "/moto-api/reset", None),
        ("GET", "/", f"rebind.attacker.example:{moto.server.port}"),
    ):
        headers = {"Host": host} if host else {}
        # Then each is refused, and nothing was reset
        assert requests.request(method, base + path, headers=headers, timeout=10).status_code == 403, path
    assert len(moto.sqs.list_queues()["QueueUrls"]) == 1  # the functions' calls still pass
