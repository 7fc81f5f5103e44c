"""Organisation pages and takedown guides: mounted below /o/<org_slug>/ (portal/urls.py)."""

from django.urls import path

from cms import views

app_name = "cms"
urlpatterns = [
    path("handleidingen/", views.guide_list, name="guide_list"),
    path("handleidingen/<slug:guide_slug>/", views.guide_detail, name="guide_detail"),
    path("paginas/", views.page_list, name="page_list"),
    path("paginas/<slug:page_slug>/", views.page_detail, name="page_detail"),
]
