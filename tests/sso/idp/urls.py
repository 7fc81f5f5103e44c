"""URLs of the test provider, all under ``IDP_PREFIX``: the OpenID provider
(``allauth.idp.urls``), allauth's account pages (its login form) and the
control API of ``views.py``."""

from __future__ import annotations

from django.conf import settings
from django.urls import include, path

from . import views

_prefix = f"{settings.IDP_PREFIX}/" if settings.IDP_PREFIX else ""

urlpatterns = [
    path(
        _prefix,
        include(
            [
                path("", include("allauth.idp.urls")),
                path("accounts/", include("allauth.account.urls")),
                path("_control/users", views.users),
                path("_control/users/remove", views.remove_user),
                path("_control/clients", views.clients),
                path("_control/sign-in-as", views.sign_in_as),
            ]
        ),
    ),
]
