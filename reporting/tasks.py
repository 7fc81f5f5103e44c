"""The rollup refresh on the static beat schedule (portal/celery.py, every 5 minutes)."""

from __future__ import annotations

from celery import shared_task

from reporting.rollups import rollups_refresh


@shared_task(name="reporting.tasks.rollups_refresh", ignore_result=True)
def rollups_refresh_task() -> float:
    """Rebuild the dashboards' rollups. Safe to run twice: the refresh locks its state
    row, so a second run waits and then rebuilds the same rows."""
    return rollups_refresh().seconds
