"""The one page outside any organisation: a partner's one-time link.

No sign-in and no scope: the token is the credential (``referral_services.partner_link_resolve``).
Wrapped in ``case_page`` like every page with case data: no caching, no uploaded files.
"""

from django.urls import path

from portal.http import case_page
from referrals.partners import views

urlpatterns = [
    path("verwijzing/<str:token>/", case_page(views.link_page), name="partner_link"),
]
