from django.conf import settings
from django.http import HttpRequest

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


def portal(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": membership,
        "perms_here": _Permissions(membership),
        "demo_mode": getattr(settings, "DEMO_MODE", False),
    }
