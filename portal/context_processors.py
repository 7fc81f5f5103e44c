from functools import cached_property

from django.conf import settings
from django.http import HttpRequest

from portal.notifications import unread_count
from portal.roles import Action, can


class _Permissions:
    """``{% if perms_here.members_view %}``: what the current membership may do."""

    def __init__(self, membership) -> None:  # type: ignore[no-untyped-def]
        self._membership = membership

    def __getattr__(self, name: str) -> bool:
        action = name.replace("_", ".", 1)
        try:
            return can(self._membership, Action(action))
        except ValueError:
            raise AttributeError(name) from None


class _NotificationCentre:
    """``{{ notification_centre.unread }}``: the signed-in person's unread count for
    the header badge. One indexed count, run only when a template reads it (never
    for visitors); a view that counted already leaves it on the request."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    @cached_property
    def unread(self) -> int:
        counted = getattr(self._request, "notifications_unread", None)
        if counted is not None:
            return int(counted)
        user = getattr(self._request, "user", None)
        if user is None or not user.is_authenticated:
            return 0
        return unread_count(user)


def portal(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": membership,
        "perms_here": _Permissions(membership),
        "demo_mode": getattr(settings, "DEMO_MODE", False),
        "notification_centre": _NotificationCentre(request),
    }
