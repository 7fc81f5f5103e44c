"""The pages of an organisation in the referrals app, mounted once at ``/o/<org_slug>/`` by
portal/urls.py. Each sub-package keeps its own URL namespace:

- ``cases:…``          the case pages and the referrer's side of a referral (``referrals.cases``)
- ``partner:…``        the partner's inbox and received referrals (``referrals.partners``)
- ``area:…``           the municipality's referrals and sociale kaart (``referrals.area``)
- ``case_settings:…``  the organisation's case settings (``referrals.settings``)

Two entrances live outside any organisation and are mounted apart by portal/urls.py: the
partner's one-time link (``referrals.partners.public_urls``, at ``/verwijzing/<token>/``) and
the JSON API (``referrals.api_urls``, at ``/api/``).
"""

from django.urls import include, path

urlpatterns = [
    path("", include("referrals.cases.urls")),
    path("", include("referrals.partners.urls")),
    path("", include("referrals.area.urls")),
    path("", include("referrals.settings.urls")),
]
