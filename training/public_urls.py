"""Public training URLs (certificate verification), outside any organisation."""

from django.urls import path  # noqa: F401

app_name = "training_public"
urlpatterns: list = []
