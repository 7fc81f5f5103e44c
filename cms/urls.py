"""Organisation pages and takedown guides: mounted below /o/<org_slug>/ (portal/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "cms"
urlpatterns: list = []
