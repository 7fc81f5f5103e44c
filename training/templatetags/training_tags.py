"""Small presentation helpers for the training templates."""

from __future__ import annotations

from django import template

from training.selectors import TrainingStatus

register = template.Library()

BADGES = {
    TrainingStatus.OVERDUE: "danger",
    TrainingStatus.EXPIRED: "error",
    TrainingStatus.EXPIRING: "warning",
    TrainingStatus.IN_PROGRESS: "active",
    TrainingStatus.TODO: "neutral",
    TrainingStatus.DONE: "success",
    TrainingStatus.NOT_ASSIGNED: "inactive",
}


@register.filter
def status_badge(status: str) -> str:
    """The NL Design System status badge modifier for a training status."""
    return BADGES.get(status, "neutral")
