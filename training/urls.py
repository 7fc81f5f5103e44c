"""Training URLs inside an organisation: mounted below /o/<org_slug>/ (portal/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "training"
urlpatterns: list = []
