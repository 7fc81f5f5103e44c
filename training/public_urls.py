"""Public training URLs (certificate verification), outside any organisation."""

from django.urls import path

from training import views

app_name = "training_public"
urlpatterns = [
    path("certificaat/", views.certificate_lookup, name="certificate_lookup"),
    path("certificaat/<str:code>/", views.certificate_verify, name="certificate_verify"),
]
