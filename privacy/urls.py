"""The privacy officer's and coordinator's pages under /o/<org_slug>/privacy/: subject
access and erasure requests, and the processing log about one person."""

from django.urls import URLPattern, URLResolver, path

from portal.http import case_page
from privacy.logbook import views as logbook_views
from privacy.requests import views as request_views

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    # The processing log about one person (privacy/logbook/).
    path("privacy/logboek/", case_page(logbook_views.logbook), name="logbook"),
    # Subject access and erasure requests (privacy/requests/): never cached, the ZIP neither.
    path("privacy/verzoeken/", case_page(request_views.request_list), name="request_list"),
    path("privacy/verzoeken/nieuw/", case_page(request_views.request_register), name="request_register"),
    path("privacy/verzoeken/<int:request_id>/", case_page(request_views.request_detail), name="request_detail"),
    path(
        "privacy/verzoeken/<int:request_id>/overzicht/", case_page(request_views.request_export), name="request_export"
    ),
    path(
        "privacy/verzoeken/<int:request_id>/overzicht/bestand/",
        case_page(request_views.request_download),
        name="request_download",
    ),
    path(
        "privacy/verzoeken/<int:request_id>/verwijderen/", case_page(request_views.request_erase), name="request_erase"
    ),
    path(
        "privacy/verzoeken/<int:request_id>/verlengen/", case_page(request_views.request_extend), name="request_extend"
    ),
    path(
        "privacy/verzoeken/<int:request_id>/afronden/", case_page(request_views.request_answer), name="request_answer"
    ),
]
