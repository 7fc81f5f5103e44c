"""The Celery application. Periodic work is a static beat schedule of sweep tasks
(django-celery-beat does not support Django 6.1)."""

import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def _database_connections_per_task(**kwargs: object) -> None:
    """Each task is a request for Django's connection handling: a connection older than
    CONN_MAX_AGE or broken is closed, a persistent one is reused (health-checked)."""
    from django.db import close_old_connections

    close_old_connections()


app.conf.beat_schedule = {
    "invitations-expire-sweep": {
        "task": "portal.tasks.invitations_expire_sweep",
        "schedule": crontab(minute=15),
    },
    "referrals-retention-sweep": {"task": "referrals.tasks.retention_sweep", "schedule": crontab(hour=3, minute=30)},
    # Every reminder goes through this one sweep; there is never an entry per reminder.
    "reminders-sweep": {"task": "referrals.tasks.reminders_sweep", "schedule": crontab()},
    "reminders-weekly-digest": {
        "task": "referrals.tasks.weekly_digest_plan",
        "schedule": crontab(day_of_week="mon", hour=7, minute=50),
    },
}
