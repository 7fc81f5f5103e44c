"""What waits for a member in their training, counted for their start page
(``portal.worklist``; registered in ``TrainingConfig.ready``): the modules assigned
to them that are late, and those still to do. Read with ``selectors.my_training``
(three queries, however many assignments and certificates), so the start page and
"Mijn training" never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.roles import Action, can
from portal.worklist import WorkItem
from training.selectors import TrainingStatus, my_training

if TYPE_CHECKING:
    from portal.models import Membership, User

LATE = (TrainingStatus.OVERDUE, TrainingStatus.EXPIRED)
TO_DO = (TrainingStatus.TODO, TrainingStatus.IN_PROGRESS, TrainingStatus.EXPIRING)


def training_work(membership: Membership, user: User) -> list[WorkItem]:
    if not can(membership, Action.TRAINING_TAKE):
        return []
    training = my_training(membership=membership, user=user)
    url = reverse("training:my_training", kwargs={"org_slug": membership.organisation.slug})
    return [
        WorkItem(
            key="training-te-laat",
            count=sum(1 for row in training.assigned if row.status in LATE),
            label=_("Trainingen die te laat zijn"),
            url=url,
            urgent=True,
        ),
        WorkItem(
            key="training-te-doen",
            count=sum(1 for row in training.assigned if row.status in TO_DO),
            label=_("Trainingen die je nog moet doen"),
            url=url,
        ),
    ]
