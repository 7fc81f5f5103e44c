"""What privacy sends: a reminder that a subject access or erasure request must be
answered soon.

Seven days before the (extended) due date, at 09:00, every active member of the
organisation who may handle privacy requests (``Action.PRIVACY_MANAGE``) gets a
notification and an e-mail. The text is neutral: no name, no case reference, no kind
of request, only that a request must be answered soon and a link to it (the page asks
for sign-in and MFA). Planned by ``subject_request_register`` and
``subject_request_extend`` in their transaction; cancelled by ``subject_request_answer``.
Registered from ``PrivacyConfig.ready`` (``register_kinds``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from messaging import recipients, registry
from messaging.models import NotificationKind
from messaging.reminders import Batch, Outgoing, morning, reminder_move, reminders_cancel, subject_id
from messaging.subjects import Subject
from portal.roles import Action

if TYPE_CHECKING:
    from privacy.models import SubjectRequest

K = NotificationKind
DUE_WARNING = timedelta(days=7)


def plan_due(request: SubjectRequest) -> None:
    """The reminder 7 days before the final due date (or now, when that is sooner).
    Moving it (after an extension) replaces the pending one."""
    due_at = max(morning(request.final_due_on) - DUE_WARNING, timezone.now())
    reminder_move(
        organisation=request.organisation,
        kind=K.PRIVACY_REQUEST_DUE,
        subject=Subject.privacy_request(request.pk),
        due_at=due_at,
    )


def cancel_due(request: SubjectRequest) -> None:
    reminders_cancel(subjects=[Subject.privacy_request(request.pk)], kinds=[K.PRIVACY_REQUEST_DUE])


def _build_due(reminder: Any, now: datetime, batch: Batch) -> list[Outgoing]:
    from privacy.models import SubjectRequest

    # The sweep reads outside any scope: the reminder's organisation decides.
    request = (
        SubjectRequest.objects.select_related("organisation")
        .filter(pk=subject_id(reminder), organisation_id=reminder.organisation_id)
        .first()
    )
    if request is None or not request.is_open:
        return []
    organisation = request.organisation
    url = reverse("privacy:request_detail", kwargs={"org_slug": organisation.slug, "request_id": request.pk})
    title = _("Er staat een privacyverzoek open dat binnenkort af moet")
    body = _("Bekijk het verzoek in het portaal en beantwoord het op tijd.")
    members = recipients.members_who_can(
        Action.PRIVACY_MANAGE, organisation_id=organisation.pk, organisation_kind=organisation.kind
    )
    return [
        Outgoing(key=f"user:{m.user_id}", user=m.user, title=title, body=body, url=url, organisation=organisation)
        for m in members
    ]


def register_kinds() -> None:
    """privacy's kinds, from ``PrivacyConfig.ready``."""
    registry.register(registry.Kind(name=K.PRIVACY_REQUEST_DUE, build=_build_due, receivers=(Action.PRIVACY_MANAGE,)))
