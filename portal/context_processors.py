from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest

from portal import navigation
from portal.roles import Action, can

if TYPE_CHECKING:
    from portal.models import Membership, Organisation


class _Permissions:
    """``{% if perms_here.members_view %}``: what the current membership may do."""

    def __init__(self, membership: Membership | None) -> None:
        self._membership = membership

    def __getattr__(self, name: str) -> bool:
        action = name.replace("_", ".", 1)
        try:
            return can(self._membership, Action(action))
        except ValueError:
            raise AttributeError(name) from None


class _Navigation:
    """``{% for link in navigation.menu %}``: the organisation menu of the current
    member (``portal.navigation``), built only when a template reads it."""

    def __init__(self, request: HttpRequest, membership: Membership | None, organisation: Organisation | None) -> None:
        self._request = request
        self._membership = membership
        self._organisation = organisation

    def _links(self, *, menu_only: bool) -> list[navigation.Link]:
        match = getattr(self._request, "resolver_match", None)
        return navigation.links(
            self._membership, self._organisation, view_name=match.view_name if match else "", menu_only=menu_only
        )

    @cached_property
    def menu(self) -> list[navigation.Link]:
        return self._links(menu_only=True)

    @cached_property
    def everything(self) -> list[navigation.Link]:
        return self._links(menu_only=False)


def portal(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    organisation = getattr(request, "organisation", None)
    return {
        "navigation": _Navigation(request, membership, organisation),
        "organisation": organisation,
        "membership": membership,
        "perms_here": _Permissions(membership),
        "demo_mode": getattr(settings, "DEMO_MODE", False),
    }
