"""The demo's privacy requests: an open access request near its due date and an answered
erasure request in the demo school, made through the services, once, deleting nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from demo.accounts import seed_demo
from demo.cases import DEMO_ORGANISATION, seed_referrals_demo
from demo.privacy import seed_privacy_demo
from messaging.models import NotificationKind, Reminder
from portal.models import Organisation
from privacy.models import SubjectRequest
from referrals.models import Case

pytestmark = pytest.mark.django_db


def test_without_the_demo_it_does_nothing():
    assert seed_privacy_demo() == 0


def test_demo_requests_are_made_once_and_delete_nothing():
    seed_demo()
    seed_referrals_demo()
    school = Organisation.objects.get(slug=DEMO_ORGANISATION)
    with scope(organisation=school):
        cases_before = Case.objects.count()

    assert seed_privacy_demo() == 2
    assert seed_privacy_demo() == 0

    with scope(organisation=school):
        assert Case.objects.count() == cases_before
        access = SubjectRequest.objects.get(kind=SubjectRequest.Kind.ACCESS)
        erasure = SubjectRequest.objects.get(kind=SubjectRequest.Kind.ERASURE)
    assert access.is_open
    assert 0 < access.days_left() <= 7
    assert erasure.status == SubjectRequest.Status.ANSWERED
    assert erasure.erasure_result and not any(item["erased"] for item in erasure.erasure_result)
    with scopes_disabled():
        pending = Reminder.objects.filter(kind=NotificationKind.PRIVACY_REQUEST_DUE, status=Reminder.Status.PENDING)
        assert [r.subject for r in pending] == [f"privacy_request:{access.pk}"]
    assert timezone.localdate() - erasure.answered_on == timedelta(days=20)
