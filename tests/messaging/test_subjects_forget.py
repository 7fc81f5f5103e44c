"""``subjects_forget``: messaging deletes what it holds about subjects that are gone —
the reminders about them in any state, the notifications that link into them, and the
reminders that would mail those notifications — and nothing else."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from messaging import reminders
from messaging.models import Notification, NotificationKind, Reminder
from messaging.notices import notices_write
from messaging.services import subjects_forget
from messaging.subjects import Subject
from portal.roles import Role

pytestmark = pytest.mark.django_db

K = NotificationKind


def test_it_deletes_only_what_is_about_the_subjects(org, other_org, member_factory):
    me = member_factory(org, Role.CASE_HANDLER)
    elsewhere = member_factory(other_org, Role.PARTNER_INTAKE)
    now = timezone.now()
    gone, kept = Subject.case(1), Subject.case(12)
    for subject in (gone, kept):
        planned = reminders.reminder_schedule(organisation=org, kind=K.CASE_FOLLOW_UP, subject=subject, due_at=now)
        with scopes_disabled():
            Reminder.objects.filter(pk=planned.pk).update(status=Reminder.Status.SENT)
        reminders.reminder_schedule(
            organisation=org, kind=K.CASE_FOLLOW_UP, subject=subject, due_at=now + timezone.timedelta(days=7)
        )
    reminders.reminder_schedule(organisation=other_org, kind=K.TRAINING_DUE, subject=Subject.assignment(1), due_at=now)
    # A notice (with its mail planned) about case 1 in the handler's centre, one about
    # case 12; and a notification in the partner's centre about case 1's referral.
    about_gone = [
        *notices_write(
            users=[me.user],
            organisation_id=org.pk,
            kind=K.REFERRAL_MESSAGE,
            title="a",
            body="",
            url=f"/o/{org.slug}/casussen/1/#doorverwijzing-3",
        ),
        Notification.objects.create(
            user=elsewhere.user,
            organisation=other_org,
            kind=K.PARTNER_ACKNOWLEDGE,
            title="b",
            url=f"/o/{other_org.slug}/doorverwijzingen/3/",
        ),
    ]
    about_kept = notices_write(
        users=[me.user],
        organisation_id=org.pk,
        kind=K.REFERRAL_MESSAGE,
        title="c",
        body="",
        url=f"/o/{org.slug}/casussen/12/",
    )
    unrelated = Notification.objects.create(user=me.user, organisation=org, kind=K.TRAINING_DUE, title="d", url="/")

    deleted = subjects_forget(
        organisation=org,
        subjects=[gone, Subject.referral(3)],
        links=[f"/o/{org.slug}/casussen/1/", f"/o/{other_org.slug}/doorverwijzingen/3/"],
    )

    assert deleted == (2, 3)  # two notifications; two follow-ups and the notice's mail
    with scopes_disabled():
        assert set(Notification.objects.values_list("pk", flat=True)) == {about_kept[0].pk, unrelated.pk}
        left = set(Reminder.objects.values_list("subject", flat=True))
    assert left == {str(kept), str(Subject.assignment(1)), str(Subject.notification(about_kept[0].pk))}
    assert not {str(Subject.notification(n.pk)) for n in about_gone} & left
    # Twice: nothing more to do.
    assert subjects_forget(organisation=org, subjects=[gone], links=[f"/o/{org.slug}/casussen/1/"]) == (0, 0)


def test_a_link_must_be_a_whole_path(org):
    # "/o/x/casussen/1" would also match case 12, 100, …: refused.
    with pytest.raises(ValueError, match="starts and ends"):
        subjects_forget(organisation=org, subjects=[], links=[f"/o/{org.slug}/casussen/1"])
