"""URL arguments of the case pages, for the URL walks in tests/portal/urlwalk.py.

``case_id`` and ``task_id`` name rows of one organisation. Referrals are seen from
three tenants, so each side has its own argument name, each owned by the
organisation in the URL:

* ``referral_id``: a referral *made by* the organisation (case pages);
* ``received_id``: a referral *to* the organisation (partner pages);
* ``area_referral_id``: a referral *in the area of* the municipality;
* ``consent_id`` and ``link_id``: ledger entries and partner links of the referrer;
* ``destination_id``: an entry of the municipality's local directory.
"""

from __future__ import annotations

from itertools import count

from django_scopes import scopes_disabled

from referrals.models import LocalDestination
from tests.factories import PartnerFactory, SchoolFactory
from tests.referrals.factories import CaseFactory, CaseTaskFactory, PartnerLinkFactory, ReferralFactory


def _received(organisation):
    return ReferralFactory(organisation=SchoolFactory(), partner=organisation).pk


def _in_area(organisation):
    return ReferralFactory(
        organisation=SchoolFactory(parent=organisation) if organisation.kind == "municipality" else SchoolFactory(),
        municipality=organisation,
    ).pk


def _consent(organisation):
    with scopes_disabled():
        return ReferralFactory(organisation=organisation).consents.get().pk


_codes = count(1)


def _local_destination(organisation):
    with scopes_disabled():
        return LocalDestination.objects.create(
            organisation=organisation, code=f"lokaal_{next(_codes)}", label="Jongerenwerk"
        ).pk


TENANT_OBJECTS = {
    "case_id": lambda organisation: CaseFactory(organisation=organisation).pk,
    "task_id": lambda organisation: CaseTaskFactory(organisation=organisation).pk,
    "referral_id": lambda organisation: ReferralFactory(organisation=organisation, partner=PartnerFactory()).pk,
    "received_id": _received,
    "area_referral_id": _in_area,
    "consent_id": _consent,
    "link_id": lambda organisation: (
        PartnerLinkFactory(referral=ReferralFactory(organisation=organisation), token=f"walk-{organisation.pk}").pk
    ),
    "destination_id": _local_destination,
}

NOT_TENANT_URLS = {
    "partner_link": "the token is the credential; covered in test_partner_link.py",
}
