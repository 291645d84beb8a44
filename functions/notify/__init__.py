"""Notification mail: services queue a `schemas.notifications.Notification`; `handler` sends it through SES."""

from functions.notify.queue import enqueue_notification

__all__ = ["enqueue_notification"]
