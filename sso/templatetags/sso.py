"""``{% connectable_providers as providers %}``: the providers a signed-in person may
link to their account: the federations, and the switched-on providers of the
organisations they are a member of. Never another organisation's provider."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest

from sso import services

register = template.Library()


@register.simple_tag(takes_context=True)
def connectable_providers(context: dict[str, Any]) -> list[dict[str, str]]:
    request: HttpRequest | None = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return services.connectable_providers(request)
