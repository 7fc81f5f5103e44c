"""What waits for a coordinator in privacy requests, counted on their start page
(``portal.worklist``; registered in ``PrivacyConfig.ready``): the open requests that
must be answered within 7 days, or are late. One query."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.roles import Action, can
from portal.worklist import WorkItem
from privacy.requests.selectors import due_soon_count

if TYPE_CHECKING:
    from portal.models import Membership, User


def privacy_work(membership: Membership, user: User) -> list[WorkItem]:
    if not can(membership, Action.PRIVACY_MANAGE):
        return []
    return [
        WorkItem(
            key="privacyverzoeken-binnenkort",
            count=due_soon_count(timezone.localdate()),
            label=_("Privacyverzoeken die binnen 7 dagen af moeten"),
            url=reverse("privacy:request_list", kwargs={"org_slug": membership.organisation.slug}),
            urgent=True,
        )
    ]
