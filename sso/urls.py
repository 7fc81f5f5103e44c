"""The organisation's sign-in settings under /o/<org_slug>/inloggen/ (the login pages
are in ``sso/account_urls.py``)."""

from django.urls import path

from sso import settings_views

app_name = "sso"
urlpatterns = (
    []
    if settings_views is None
    else [
        path("inloggen/", settings_views.overview, name="settings"),
        path("inloggen/provider/", settings_views.provider_edit, name="provider"),
        path("inloggen/provider/testen/", settings_views.provider_test, name="provider_test"),
        path("inloggen/provider/aan-uit/", settings_views.provider_switch, name="provider_switch"),
        path("inloggen/beleid/", settings_views.policy, name="policy"),
        path("inloggen/domeinen/", settings_views.domain_add, name="domain_add"),
        path("inloggen/domeinen/<int:domain_id>/verwijderen/", settings_views.domain_remove, name="domain_remove"),
    ]
)
