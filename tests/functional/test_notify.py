"""Notification mail on moto's SQS and SES: queued by the services, sent one by one, failures retried alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import boto3
import pytest
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends
from pydantic import ValidationError

from functions.notify import enqueue_notification
from functions.notify.handler import lambda_handler, ses_client
from schemas.notifications import Notification, notification_email
from tests.conftest import FakeLambdaContext

REGION = "us-east-1"
SENDER = "noreply@gdskills.example.cn"
CHINA = ZoneInfo("Asia/Shanghai")


def notification(**changes: Any) -> Notification:
    fields: dict[str, Any] = {
        "record_kind": "report",
        "record_id": "RPT-2024-000017",
        "enterprise_name": "广州数控设备有限公司",
        "contact_email": "hr@gsk.example.cn",
        "status": "returned",
        "version": 2,
        "comment": "第 3 位人员的高级技师证书取得日期与证书不符，请核对",
        "occurred_at": datetime(2024, 6, 20, 15, 30, tzinfo=CHINA),
    }
    return Notification(**(fields | changes))


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("MAIL_FROM", SENDER)
    ses_client.cache_clear()
    with mock_aws():
        sqs = boto3.client("sqs", region_name=REGION)
        dlq = sqs.create_queue(QueueName="gdskills-test-notify-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        queue = sqs.create_queue(
            QueueName="gdskills-test-notify",
            Attributes={"RedrivePolicy": f'{{"deadLetterTargetArn": "{dlq_arn}", "maxReceiveCount": "2"}}'},
        )["QueueUrl"]
        yield {"sqs": sqs, "ses": boto3.client("ses", region_name=REGION), "queue": queue, "dlq": dlq}
    ses_client.cache_clear()


def sent_mail() -> list[Any]:
    return list(ses_backends[DEFAULT_ACCOUNT_ID][REGION].sent_messages)


def deliver(aws: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Do what Lambda's SQS poller does once: receive a batch, invoke, delete what succeeded, release the rest."""
    sqs, queue = aws["sqs"], aws["queue"]
    messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, AttributeNames=["All"]).get("Messages", [])
    if not messages:  # Lambda never invokes with an empty batch
        return {"batchItemFailures": []}, 0
    event = {"Records": [sqs_record(m, queue) for m in messages]}
    answer = lambda_handler(event, FakeLambdaContext())
    failed = {item["itemIdentifier"] for item in answer["batchItemFailures"]}
    for m in messages:
        if m["MessageId"] in failed:
            sqs.change_message_visibility(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=0)
        else:
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
    return answer, len(messages)


def sqs_record(message: dict[str, Any], queue_url: str) -> dict[str, Any]:
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message["Body"],
        "attributes": message["Attributes"],
        "messageAttributes": {},
        "md5OfBody": message["MD5OfBody"],
        "eventSource": "aws:sqs",
        "eventSourceARN": f"arn:aws:sqs:{REGION}:{DEFAULT_ACCOUNT_ID}:{queue_url.rsplit('/', 1)[-1]}",
        "awsRegion": REGION,
    }


def test_a_status_change_becomes_a_chinese_mail_in_ses(aws: dict[str, Any]) -> None:
    # Given the stack's verified sender and a report returned for correction, queued by the service
    aws["ses"].verify_email_identity(EmailAddress=SENDER)
    message_id = enqueue_notification(aws["sqs"], aws["queue"], notification())
    assert message_id
    # When the mail function takes the batch
    answer, received = deliver(aws)
    # Then nothing failed, and SES holds one mail to the contact with the Chinese subject and body
    assert received == 1
    assert answer["batchItemFailures"] == []
    (mail,) = sent_mail()
    assert mail.source == SENDER
    assert mail.destinations["ToAddresses"] == ["hr@gsk.example.cn"]
    assert mail.subject == "【广东省特级技师、首席技师评聘】评价结果报备RPT-2024-000017已退回修改"
    assert "状态已更新为：已退回修改" in mail.body
    assert "审核意见：第 3 位人员的高级技师证书取得日期与证书不符" in mail.body
    assert "2024-06-20 15:30（北京时间）" in mail.body
    # And the queue is empty: the message was deleted after success
    assert deliver(aws)[1] == 0


def test_one_bad_address_fails_alone_and_ends_in_the_dlq(aws: dict[str, Any]) -> None:
    # Given three queued messages, the middle one unusable (its address garbled: a comma typed for a dot)
    aws["ses"].verify_email_identity(EmailAddress=SENDER)
    good_plan = notification(record_kind="plan", record_id="PLN-2024-000031", status="approved", comment="")
    bad = notification(record_id="RPT-2024-000018").model_dump_json().replace("hr@", "li,ming@")
    good_filing = notification(record_kind="filing", record_id="FIL-2024-000005", status="city_review", comment="")
    enqueue_notification(aws["sqs"], aws["queue"], good_plan)
    aws["sqs"].send_message(QueueUrl=aws["queue"], MessageBody=bad)
    enqueue_notification(aws["sqs"], aws["queue"], good_filing)
    # When the batch is delivered
    answer, received = deliver(aws)
    # Then only the bad one is reported back for retry; the other two are mailed
    assert received == 3
    assert len(answer["batchItemFailures"]) == 1
    subjects = sorted(mail.subject for mail in sent_mail())
    assert len(subjects) == 2
    assert any("评价计划PLN-2024-000031已通过" in s for s in subjects)
    assert any("评价机构备案FIL-2024-000005地市审核中" in s for s in subjects)
    # And after the queue's maxReceiveCount (2 here) it moves to the dead-letter queue, not lost
    answer, received = deliver(aws)
    assert (received, len(answer["batchItemFailures"])) == (1, 1)
    assert deliver(aws)[1] == 0
    dead = aws["sqs"].receive_message(QueueUrl=aws["dlq"]).get("Messages", [])
    assert [m["Body"] for m in dead] == [bad]
    assert len(sent_mail()) == 2


def test_an_unverified_sender_fails_every_message_without_losing_any(aws: dict[str, Any]) -> None:
    # Given a sender identity SES has not verified
    enqueue_notification(aws["sqs"], aws["queue"], notification())
    enqueue_notification(aws["sqs"], aws["queue"], notification(record_id="RPT-2024-000019"))
    # When delivered
    answer, received = deliver(aws)
    # Then both are reported as failures, so SQS keeps them, and no mail went out
    assert received == 2
    assert len(answer["batchItemFailures"]) == 2
    assert sent_mail() == []


def test_a_malformed_queue_message_is_a_failure_not_a_crash(aws: dict[str, Any]) -> None:
    # Given a verified sender, one good message and one body that is not a notification
    aws["ses"].verify_email_identity(EmailAddress=SENDER)
    enqueue_notification(aws["sqs"], aws["queue"], notification())
    aws["sqs"].send_message(QueueUrl=aws["queue"], MessageBody='{"record_kind": "certificate"}')
    # When delivered
    answer, received = deliver(aws)
    # Then the good one is mailed and the bad one goes back to the queue
    assert (received, len(answer["batchItemFailures"]), len(sent_mail())) == (2, 1, 1)


def test_an_id_number_in_a_comment_is_masked_in_the_mail(aws: dict[str, Any]) -> None:
    aws["ses"].verify_email_identity(EmailAddress=SENDER)
    enqueue_notification(aws["sqs"], aws["queue"], notification(comment="440106198503151235 的证书日期有误"))
    deliver(aws)
    (mail,) = sent_mail()
    assert "440106198503151235" not in mail.body
    assert "440106***********5 的证书日期有误" in mail.body


def test_enqueue_never_raises_when_the_queue_is_unreachable(aws: dict[str, Any]) -> None:
    # Given a queue URL that does not exist
    missing = aws["queue"].replace("gdskills-test-notify", "no-such-queue")
    # When a service queues a notification after storing its decision
    # Then it gets None back instead of an exception that would undo the decision
    assert enqueue_notification(aws["sqs"], missing, notification()) is None


def test_the_message_refuses_what_the_mail_could_not_use() -> None:
    with pytest.raises(ValidationError):
        notification(contact_email="not-an-address")
    with pytest.raises(ValidationError):
        notification(occurred_at=datetime(2024, 6, 20, 15, 30))  # no time zone
    with pytest.raises(ValidationError):
        notification(status="archived")


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("submitted", "已提交"),
        ("city_review", "地市审核中"),
        ("province_review", "省级审核中"),
        ("approved", "已通过"),
        ("returned", "修改后重新提交"),
        ("rejected", "未通过"),
    ],
)
def test_every_status_has_its_chinese_name_and_next_step(status: str, words: str) -> None:
    email = notification_email(notification(status=status, comment=""))
    assert words in email.subject + email.body
    assert "审核意见：" not in email.body
    assert email.body.startswith("广州数控设备有限公司：")
