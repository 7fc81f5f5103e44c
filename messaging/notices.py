"""Notices: a notification written by the service that causes it, and its e-mail sent
later by the sweep.

``notices_write`` runs inside the caller's transaction (so a refused or rolled-back
step leaves nothing behind) and writes, per person, one ``Notification`` (the
notification centre shows it at once) and a ``Reminder`` due now about that
notification (``notification:<id>``). The sweep (every minute) mails it exactly once,
per the person's e-mail choices (``build_notice_mail``). Nothing is mailed inline.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from django_scopes import scopes_disabled

from messaging.models import Notification, Reminder
from messaging.reminders import Batch, Outgoing, subject_id
from messaging.subjects import Subject
from portal.models import User


def notices_write(
    *, users: Iterable[User], organisation_id: int, kind: str, title: str, body: str, url: str
) -> list[Notification]:
    """One notification per person in ``users`` and its e-mail planned for now.
    Call inside the caller's transaction. Returns the notifications written."""
    now = timezone.now()
    # The one who acts may work in another organisation's scope; the rows belong to
    # ``organisation_id``.
    with scopes_disabled():
        written = Notification.objects.bulk_create(
            [
                Notification(
                    user=user,
                    organisation_id=organisation_id,
                    kind=kind,
                    title=title[:200],
                    body=body[:1000],
                    url=url[:300],
                    created_at=now,
                )
                for user in users
            ]
        )
        Reminder.objects.bulk_create(
            [
                Reminder(
                    organisation_id=organisation_id,
                    kind=kind,
                    subject=str(Subject.notification(notice.pk)),
                    due_at=now,
                )
                for notice in written
            ]
        )
    return written


def build_notice_mail(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    """The e-mail beside a notification ``notices_write`` wrote: the row is there
    already, so only the mail goes, as the person's choices say."""
    notice = Notification.objects.select_related("user", "organisation").filter(pk=subject_id(reminder)).first()
    if notice is None or not notice.user.is_active:
        return []
    return [
        Outgoing(
            key=f"user:{notice.user_id}",
            user=notice.user,
            title=notice.title,
            body=notice.body,
            url=notice.url,
            organisation=notice.organisation,
            in_app=False,
        )
    ]
