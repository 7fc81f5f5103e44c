"""Daily sweeps over accounts: the session list's rows of ended sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from portal.celery import app
from portal.tasks import user_sessions_purge
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def beat_tasks() -> set[str]:
    return {entry["task"] for entry in app.conf.beat_schedule.values()}


# --- The session list (allauth.usersessions) ---------------------------------------


def _session_row(user, key: str, *, expires_in: timedelta | None) -> UserSession:
    if expires_in is not None:
        Session.objects.create(session_key=key, session_data="x", expire_date=timezone.now() + expires_in)
    return UserSession.objects.create(user=user, session_key=key, ip="192.0.2.7", user_agent="Firefox")


def test_rows_of_ended_sessions_are_deleted_and_live_ones_kept():
    user = UserFactory()
    live = _session_row(user, "l" * 32, expires_in=timedelta(hours=1))
    _session_row(user, "e" * 32, expires_in=-timedelta(minutes=1))  # expired, not yet cleared
    _session_row(user, "g" * 32, expires_in=None)  # signed out or cleared: no session left
    other = _session_row(UserFactory(), "o" * 32, expires_in=timedelta(hours=1))

    assert user_sessions_purge() == 2

    assert set(UserSession.objects.values_list("pk", flat=True)) == {live.pk, other.pk}
    assert user_sessions_purge() == 0  # safe to run twice


def test_a_real_sign_in_keeps_its_row_until_sign_out(client, org, member_factory):
    member_factory(org, email="lotte@example.org")
    client.post("/accounts/login/", {"login": "lotte@example.org", "password": TEST_PASSWORD}, REMOTE_ADDR="192.0.2.9")
    assert UserSession.objects.filter(user__email="lotte@example.org").count() == 1
    other = Client()
    other.post("/accounts/login/", {"login": "lotte@example.org", "password": TEST_PASSWORD})

    assert user_sessions_purge() == 0
    client.post("/accounts/logout/")
    # allauth left the ended session's row (IP address, browser); the sweep takes it.
    assert UserSession.objects.filter(user__email="lotte@example.org").count() == 2
    assert user_sessions_purge() == 1
    assert UserSession.objects.get().session_key == other.session.session_key


def test_the_session_list_sweep_is_on_the_beat_schedule():
    assert "portal.tasks.user_sessions_purge" in beat_tasks()
