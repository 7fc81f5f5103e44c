"""The sign-in record is kept for a limited time (``SIGN_IN_ATTEMPTS_KEEP_DAYS``)."""

from celery import shared_task

from sso import services


@shared_task(name="sso.tasks.sign_in_attempts_sweep", ignore_result=True)
def sign_in_attempts_sweep() -> int:
    """Daily: delete sign-in attempts older than the retention period. Safe to run twice."""
    return services.sign_in_attempts_cleanup()
