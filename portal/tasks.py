"""Periodic sweeps and small tasks for the portal. Task arguments are ids."""

from celery import shared_task

from portal import services


@shared_task(name="portal.tasks.invitations_expire_sweep")
def invitations_expire_sweep() -> int:
    """Remove invitation rows that ended more than 90 days ago. Safe to run twice."""
    return services.invitations_expire_cleanup(older_than_days=90)


@shared_task(name="portal.tasks.ping")
def ping(value: str) -> str:
    """Echo a value back: proves a round trip through the broker and a worker."""
    return f"pong:{value}"
