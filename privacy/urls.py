"""The privacy officer's and coordinator's pages under /o/<org_slug>/privacy/: subject
access and erasure requests, and the processing log about one person."""

from django.urls import URLPattern, URLResolver

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = []
