"""The JSON API of referrals, mounted at ``/api/`` by portal/urls.py."""

from django.urls import path

from referrals import api

app_name = "referrals_api"

urlpatterns = [
    path("routing/preview", api.routing_preview, name="routing_preview"),
]
