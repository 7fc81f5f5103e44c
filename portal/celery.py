"""The Celery application. Periodic work is a static beat schedule of sweep tasks
(django-celery-beat does not support Django 6.1)."""

import os
from typing import Any

from celery import Celery
from celery.schedules import crontab
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def _database_connections_per_task(task: Any = None, **kwargs: object) -> None:
    """Each task is a request for Django's connection handling: a connection older than
    CONN_MAX_AGE or broken is closed, a persistent one is reused (health-checked).
    Not for a task run eagerly (``apply()``, tests): it runs inside its caller's
    request or transaction, whose connection is not the task's to close."""
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()


@task_prerun.connect
def _trace_per_task(task: Any = None, **kwargs: object) -> None:
    """Each task (not one run eagerly inside a request) is a trace of its own in the
    processing log."""
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from portal.processing_log import trace_start

    trace_start()


app.conf.beat_schedule = {
    "invitations-expire-sweep": {
        "task": "portal.tasks.invitations_expire_sweep",
        "schedule": crontab(minute=15),
    },
    "referrals-retention-sweep": {"task": "referrals.tasks.retention_sweep", "schedule": crontab(hour=3, minute=30)},
    # Every reminder goes through this one sweep; there is never an entry per reminder.
    "reminders-sweep": {"task": "referrals.tasks.reminders_sweep", "schedule": crontab()},
    # The dashboards' rollups: rebuilt every 5 minutes, so they are at most ~5 minutes behind.
    "reporting-rollups-refresh": {"task": "reporting.tasks.rollups_refresh", "schedule": crontab(minute="*/5")},
    "reminders-weekly-digest": {
        "task": "referrals.tasks.weekly_digest_plan",
        "schedule": crontab(day_of_week="mon", hour=7, minute=50),
    },
    # Expired sessions (Django's clearsessions): they say who was signed in.
    "sessions-clear-expired": {"task": "portal.tasks.sessions_clear_expired", "schedule": crontab(hour=4, minute=20)},
    # The session list's rows (IP address, browser) of sessions that have ended.
    "user-sessions-purge": {"task": "portal.tasks.user_sessions_purge", "schedule": crontab(hour=4, minute=25)},
    # Accounts without any membership, unused for ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS.
    "accounts-without-membership-sweep": {
        "task": "portal.tasks.accounts_without_membership_sweep",
        "schedule": crontab(hour=4, minute=35),
    },
    # The record of sign-ins through providers is kept SIGN_IN_ATTEMPTS_KEEP_DAYS.
    "sso-sign-in-attempts-sweep": {"task": "sso.tasks.sign_in_attempts_sweep", "schedule": crontab(hour=4, minute=10)},
    # Exports: a job whose worker died is queued again after 10 minutes; files expire after a day.
    "exports-expire": {"task": "portal.tasks.exports_expire", "schedule": crontab(minute="*/10")},
    # The processing log: entries past PROCESSING_LOG_KEEP_DAYS leave (the one delete path).
    "processing-log-purge": {"task": "portal.tasks.processing_log_purge", "schedule": crontab(hour=4, minute=40)},
    # Privacy requests answered SUBJECT_REQUESTS_KEEP_MONTHS ago are reduced to counts.
    "privacy-requests-reduce": {
        "task": "privacy.tasks.subject_requests_reduce",
        "schedule": crontab(hour=4, minute=50),
    },
}
