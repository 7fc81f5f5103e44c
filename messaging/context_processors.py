"""The header badge of the notification centre, for every template."""

from functools import cached_property

from django.http import HttpRequest

from messaging.notifications import unread_count


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


def notification_centre(request: HttpRequest) -> dict[str, object]:
    return {"notification_centre": _NotificationCentre(request)}
