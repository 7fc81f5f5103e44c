"""The notification centre: a person's own notifications, no organisation in the URL.

Included from ``portal/urls.py`` inside the ``portal`` namespace, so the names stay
``portal:notifications`` and friends."""

from django.urls import path

from messaging import views
from messaging.views import personal_page

urlpatterns = [
    path("meldingen/", personal_page(views.notification_list), name="notifications"),
    path("meldingen/aantal/", personal_page(views.notifications_count, poll=True), name="notifications_count"),
    path("meldingen/alles-gelezen/", personal_page(views.notifications_read_all), name="notifications_read_all"),
    path("meldingen/voorkeuren/", personal_page(views.notification_preferences), name="notification_preferences"),
    path(
        "meldingen/<int:notification_id>/gelezen/",
        personal_page(views.notification_read),
        name="notification_read",
    ),
    path(
        "meldingen/<int:notification_id>/openen/",
        personal_page(views.notification_open),
        name="notification_open",
    ),
]
