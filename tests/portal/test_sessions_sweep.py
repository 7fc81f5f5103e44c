"""Expired sessions are deleted daily: they say who was signed in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from portal.celery import app
from portal.tasks import sessions_clear_expired

pytestmark = pytest.mark.django_db


def test_expired_sessions_are_deleted_and_live_ones_kept(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    now = timezone.now()
    Session.objects.create(session_key="a" * 32, session_data="x", expire_date=now - timedelta(minutes=1))
    Session.objects.create(session_key="b" * 32, session_data="x", expire_date=now + timedelta(hours=1))

    sessions_clear_expired()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]


def test_the_sweep_is_on_the_beat_schedule():
    assert "portal.tasks.sessions_clear_expired" in {entry["task"] for entry in app.conf.beat_schedule.values()}
