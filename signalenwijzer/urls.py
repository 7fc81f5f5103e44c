"""Mounted at ``/o/<org_slug>/`` by portal/urls.py."""

from django.urls import path

from signalenwijzer import views

app_name = "signalenwijzer"

urlpatterns = [
    path("signalenwijzer/", views.walk, name="walk"),
    path("signalenwijzer/melden/", views.handoff, name="handoff"),
    path("signalenwijzer/cijfers/", views.counts, name="counts"),
    path("signalenwijzer/vertrouwenspersoon/", views.contact_settings, name="contact"),
]
