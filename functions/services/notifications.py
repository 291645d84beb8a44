"""Tell the enterprise's contact about every status change, through the mail queue (never blocking it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError

from functions.observability import logger


def announce(head: dict[str, Any], status: str, version: int, at: str, comment: str = "") -> None:
    """Queue the notification of `head` reaching `status`; a queue or data problem is logged, never raised."""
    from functions.dal.aws import client, settings
    from functions.notify.queue import enqueue_notification
    from schemas.notifications import Notification

    queue_url = settings().notify_queue_url
    if not queue_url or not head.get("contact_email"):
        return
    try:
        message = Notification(
            record_kind=head["kind"],
            record_id=head["id"],
            enterprise_name=head["enterprise_name"],
            contact_email=head["contact_email"],
            status=status,
            version=version,
            comment=comment,
            occurred_at=datetime.fromisoformat(at),
        )
    except ValidationError:
        logger.warning("notification not built", extra={"record_id": head.get("id")})
        return
    enqueue_notification(client("sqs"), queue_url, message)
