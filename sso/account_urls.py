"""The e-mail-first login and home-realm discovery, included by portal/urls.py at
/accounts/ ahead of allauth's own URLs (``account_login`` resolves here first)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from sso import views

urlpatterns = [
    path("login/", never_cache(views.portal_login), name="account_login"),
    path("login/organisatie/", never_cache(views.discover), name="sso_discover"),
    path("login/ander-adres/", never_cache(views.other_address), name="sso_other_address"),
]
