"""The record of sign-ins through providers names people: it is kept for a limited time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.celery import app
from sso.models import SignInAttempt
from sso.tasks import sign_in_attempts_sweep

pytestmark = pytest.mark.django_db


def test_attempts_older_than_the_retention_period_are_deleted(settings, org):
    settings.SIGN_IN_ATTEMPTS_KEEP_DAYS = 30
    now = timezone.now()
    old = SignInAttempt.objects.create(
        provider_id="entree", outcome="signed_in", organisation=org, created_at=now - timedelta(days=31)
    )
    recent = SignInAttempt.objects.create(
        provider_id="entree", outcome="refused", reason="student", created_at=now - timedelta(days=29)
    )

    assert sign_in_attempts_sweep() == 1
    assert sign_in_attempts_sweep() == 0

    assert list(SignInAttempt.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not SignInAttempt.objects.filter(pk=old.pk).exists()


def test_the_sweep_is_on_the_beat_schedule():
    assert "sso.tasks.sign_in_attempts_sweep" in {entry["task"] for entry in app.conf.beat_schedule.values()}
