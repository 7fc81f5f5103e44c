"""Training URLs inside an organisation: mounted below /o/<org_slug>/ (portal/urls.py).

Fixed paths come before ``<module_slug>``, so a module cannot hide them.
"""

from django.urls import path

from training import views

app_name = "training"
urlpatterns = [
    path("mijn-training/", views.my_training, name="my_training"),
    path("training/", views.library, name="library"),
    path("training/zoeken/", views.search, name="search"),
    path("training/toewijzingen/", views.assignment_list, name="assignments"),
    path("training/toewijzingen/<int:assignment_id>/verwijderen/", views.assignment_delete, name="assignment_delete"),
    path("training/overzicht/", views.matrix, name="matrix"),
    path("training/certificaten/<str:code>.pdf", views.certificate_download, name="certificate_download"),
    path("training/<slug:module_slug>/", views.module_detail, name="module"),
    path("training/<slug:module_slug>/opnieuw/", views.module_restart, name="module_restart"),
    path("training/<slug:module_slug>/<slug:lesson_slug>/", views.lesson_detail, name="lesson"),
    path("training/<slug:module_slug>/<slug:lesson_slug>/antwoord/", views.lesson_answer, name="lesson_answer"),
    path("training/<slug:module_slug>/<slug:lesson_slug>/afronden/", views.lesson_complete, name="lesson_complete"),
]
