"""Periodic sweeps and small tasks for the portal. Task arguments are ids."""

from celery import shared_task

from portal import exports, services


@shared_task(name="portal.tasks.invitations_expire_sweep")
def invitations_expire_sweep() -> int:
    """Remove invitation rows that ended more than 90 days ago. Safe to run twice."""
    return services.invitations_expire_cleanup(older_than_days=90)


@shared_task(name="portal.tasks.sessions_clear_expired", ignore_result=True)
def sessions_clear_expired() -> None:
    """Daily: delete expired sessions (Django's ``clearsessions``); they hold who was signed in."""
    from importlib import import_module

    from django.conf import settings

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@shared_task(name="portal.tasks.user_sessions_purge", ignore_result=True)
def user_sessions_purge() -> int:
    """Daily: rows of the session list (IP address, browser) whose session has ended leave."""
    return services.user_sessions_purge()


@shared_task(name="portal.tasks.accounts_without_membership_sweep", ignore_result=True)
def accounts_without_membership_sweep() -> int:
    """Daily: accounts without any membership, unused for ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS, are deleted."""
    return services.accounts_without_membership_delete()


@shared_task(name="portal.tasks.processing_log_purge", ignore_result=True)
def processing_log_purge() -> int:
    """Daily: the processing log's entries past their own retention leave."""
    from portal.processing_log import expired_purge

    return expired_purge()


@shared_task(name="portal.tasks.ping")
def ping(value: str) -> str:
    """Echo a value back: proves a round trip through the broker and a worker."""
    return f"pong:{value}"


@shared_task(name="portal.tasks.exports_run", ignore_result=True, acks_late=True, reject_on_worker_lost=True)
def exports_run(job_id: int) -> str:
    """Write one export's file (``exports.export_run``: claims the row under a lock,
    runs in the organisation's scope, does nothing for a job that is not queued)."""
    return exports.export_run(job_id)


@shared_task(name="portal.tasks.exports_expire", ignore_result=True)
def exports_expire() -> dict[str, int]:
    """Hourly: queue again (or fail) exports whose worker died, delete expired files."""
    return exports.exports_expire()
