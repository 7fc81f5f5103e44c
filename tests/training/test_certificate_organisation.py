"""A certificate names the organisation the learner finished the module in: stored
at issue (its name copied), shown on the PDF and the public check, whatever
organisation it is downloaded in later. Older certificates stay blank and their
PDF names the downloading organisation, as before."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from portal.models import Organisation
from tests.factories import MembershipFactory, SchoolFactory
from tests.training.builders import RIGHT
from tests.training.factories import CertificateFactory
from training.certificates import certificate_html
from training.models import Certificate

pytestmark = pytest.mark.django_db


def pass_in_view(client, organisation, module, lessons):
    for lesson in lessons:
        url = f"/o/{organisation.slug}/training/{module.slug}/{lesson.slug}/"
        for check in lesson.knowledge_checks():
            assert client.post(url + "antwoord/", {"vraag": check.id, "antwoord": RIGHT[check.id]}).status_code == 302
        assert client.post(url + "afronden/", {"poging": ""}).status_code == 302
    return Certificate.objects.get()


def test_the_certificate_stores_where_the_module_was_finished(login_as, org, learner, module, lessons):
    certificate = pass_in_view(login_as(learner), org, module, lessons)
    assert certificate.organisation == org
    assert certificate.organisation_name == "Basisschool Eén"


def test_the_pdf_and_the_check_show_the_stored_name_wherever_it_is_downloaded(client, org, learner, module, lessons):
    club = SchoolFactory(name="Tweede School", slug="tweede-school")
    MembershipFactory(organisation=club, user=learner.user)
    client.force_login(learner.user)
    certificate = pass_in_view(client, org, module, lessons)
    Organisation.objects.filter(pk=org.pk).update(name="Basisschool Eén (nieuwe naam)")

    html = certificate_html(certificate=certificate, organisation=club)  # downloaded in the other school
    assert "<dt>Organisatie</dt><dd>Basisschool Eén</dd>" in html
    assert "Tweede School" not in html
    assert client.get(f"/o/{club.slug}/training/certificaten/{certificate.code}.pdf").status_code == 200

    page = client.get(f"/certificaat/{certificate.code}/").text
    assert "Uitgegeven door" in page and "Basisschool Eén" in page and "nieuwe naam" not in page


def test_an_older_certificate_without_a_name_falls_back_to_the_downloading_organisation(client, org, learner, module):
    certificate = CertificateFactory(user=learner.user, module=module)
    assert certificate.organisation_name == ""
    assert "<dt>Organisatie</dt><dd>Basisschool Eén</dd>" in certificate_html(certificate=certificate, organisation=org)
    assert "Uitgegeven door" not in client.get(f"/certificaat/{certificate.code}/").text


def test_the_migration_leaves_older_certificates_blank(org, learner, module):
    migration = importlib.import_module("training.migrations.0002_certificate_organisation")
    certificate = CertificateFactory(user=learner.user, module=module, organisation=org, organisation_name="Gok")
    migration.leave_old_certificates_blank(apps, None)
    certificate.refresh_from_db()
    assert (certificate.organisation, certificate.organisation_name) == (None, "")
