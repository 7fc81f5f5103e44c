"""Certificates: issued on passing, an accessible PDF, and a public check that shows
no more than name, module and validity."""

from __future__ import annotations

import re
import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from portal.roles import Role
from tests.factories import MembershipFactory
from tests.training.builders import RIGHT, build_module
from tests.training.factories import CertificateFactory
from training import services
from training.certificates import certificate_html
from training.models import CODE_ALPHABET, CODE_LENGTH, Certificate

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def pass_module(membership, module, lessons):
    for lesson in lessons:
        for check in lesson.knowledge_checks():
            services.progress_record_answer(
                learner=membership.user,
                module=module,
                lesson=lesson,
                attempt_id=None,
                question_id=check.id,
                option_ids=RIGHT[check.id],
            )
        result = services.progress_complete_lesson(
            learner=membership.user, module=module, lesson=lesson, attempt_id=None
        )
    return result.certificate


def inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams unpacked, to look for text and tags."""
    out = pdf
    # The end-of-line before "endstream" stays with the data: a compressed stream may
    # itself end in a CR byte, which a pattern that takes "\r?\n" off would cut away
    # (then the stream did not inflate and the test failed now and then). A
    # decompressobj stops at the end of the compressed data and ignores what follows.
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            out += zlib.decompressobj().decompress(stream)
        except zlib.error:
            pass
    return out


# --- Issuing -------------------------------------------------------------------------


def test_passing_issues_a_certificate_with_name_dates_and_code(learner, module, lessons):
    with time_machine.travel(datetime(2026, 3, 10, 14, 0, tzinfo=AMS), tick=False):
        certificate = pass_module(learner, module, lessons)
    assert certificate.holder_name == "Lotte Leerling"
    assert certificate.module_title == module.title
    assert certificate.issued_at == datetime(2026, 3, 10, 14, 0, tzinfo=AMS)
    assert certificate.expires_at == datetime(2027, 3, 10, 14, 0, tzinfo=AMS)  # 12 months
    assert len(certificate.code) == CODE_LENGTH
    assert set(certificate.code) <= set(CODE_ALPHABET)
    assert not set("01IOL") & set(CODE_ALPHABET)
    assert certificate.display_code == f"{certificate.code[:4]}-{certificate.code[4:8]}-{certificate.code[8:]}"


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (datetime(2026, 1, 31, 9, 0), 1, datetime(2026, 2, 28, 9, 0)),
        (datetime(2027, 12, 31, 9, 0), 2, datetime(2028, 2, 29, 9, 0)),
        (datetime(2026, 11, 15, 9, 0), 24, datetime(2028, 11, 15, 9, 0)),
        (datetime(2026, 3, 1, 12, 0), 7, datetime(2026, 10, 1, 12, 0)),  # across a clock change
    ],
)
def test_validity_is_counted_in_calendar_months(start, months, end):
    assert services.add_months(start.replace(tzinfo=AMS), months) == end.replace(tzinfo=AMS)


def test_codes_are_random_and_unique():
    codes = {services.new_certificate_code() for _ in range(2000)}
    assert len(codes) == 2000


def test_normalising_what_people_type():
    assert services.normalise_certificate_code(" abcd-efgh jkmn ") == "ABCDEFGHJKMN"


# --- The PDF -----------------------------------------------------------------------------


def test_own_certificate_downloads_as_an_accessible_pdf(login_as, org, learner, module, lessons):
    certificate = pass_module(learner, module, lessons)
    response = login_as(learner).get(f"/o/{org.slug}/training/certificaten/{certificate.code}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="certificaat-{certificate.code}.pdf"' in response["Content-Disposition"]
    assert "private" in response["Cache-Control"]
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    content = inflated(pdf)
    assert certificate.code.encode() in content  # in the verification link
    # PDF/UA-1: identification, tagged structure, language and real headings.
    assert b"pdfuaid" in content
    assert b"/StructTreeRoot" in content
    assert b"/Lang" in content
    assert b"/H1" in content and b"/H2" in content
    # Nothing about the person beyond the name: no e-mail address.
    assert learner.user.email.encode() not in content


def test_certificate_names_the_organisation_and_links_to_the_check_at_site_url(
    settings, login_as, org, learner, module
):
    settings.SITE_URL = "https://veilig.example.nl"
    certificate = CertificateFactory(user=learner.user, module=module)
    check = f"https://veilig.example.nl/certificaat/{certificate.code}/"
    html = certificate_html(certificate=certificate, organisation=org)
    assert "<dt>Organisatie</dt><dd>Basisschool Eén</dd>" in html
    assert f'<a href="{check}">{check}</a>' in html
    response = login_as(learner).get(f"/o/{org.slug}/training/certificaten/{certificate.code}.pdf")
    content = inflated(response.content)
    assert f"/URI ({check})".encode() in content  # a live link in the PDF
    # The title (document metadata, read out by screen readers) names the organisation too.
    title = "Leerling, Basisschool Eén".encode("utf-16-be")
    assert title.hex().encode() in content


def test_someone_elses_certificate_is_404(login_as, org, learner, other_learner, module):
    theirs = CertificateFactory(user=other_learner.user, module=module)
    response = login_as(learner).get(f"/o/{org.slug}/training/certificaten/{theirs.code}.pdf")
    assert response.status_code == 404
    assert login_as(learner).get(f"/o/{org.slug}/training/certificaten/ONBEKEND1234.pdf").status_code == 404


def test_coordinator_downloads_certificates_of_members_only(login_as, org, other_org, coordinator, learner, module):
    mine = CertificateFactory(user=learner.user, module=module)
    elsewhere = CertificateFactory(user=MembershipFactory(organisation=other_org).user, module=module)
    client = login_as(coordinator)
    assert client.get(f"/o/{org.slug}/training/certificaten/{mine.code}.pdf").status_code == 200
    assert client.get(f"/o/{org.slug}/training/certificaten/{elsewhere.code}.pdf").status_code == 404


# --- The public check ----------------------------------------------------------------------


def test_public_check_of_a_valid_certificate(client, org, learner, module):
    certificate = CertificateFactory(user=learner.user, module=module)
    response = client.get(f"/certificaat/{certificate.code}/")
    assert response.status_code == 200
    html = response.text
    assert "Dit certificaat is geldig." in html
    assert "Lotte Leerling" in html and module.title in html
    assert certificate.display_code in html
    # No more than name, module and validity.
    assert learner.user.email not in html
    assert org.name not in html and org.slug not in html
    assert "score" not in html.lower() and "poging" not in html.lower()
    assert response["X-Robots-Tag"] == "noindex"


def test_public_check_of_an_expired_certificate(client, learner, module):
    certificate = CertificateFactory(
        user=learner.user,
        module=module,
        issued_at=timezone.now() - timedelta(days=800),
        expires_at=timezone.now() - timedelta(days=70),
    )
    html = client.get(f"/certificaat/{certificate.code}/").text
    assert "Dit certificaat is verlopen." in html
    assert "geldig." not in html


def test_public_check_of_an_unknown_code_says_so_on_the_check_page(client, db):
    """Not the error page: the check page itself says the code is unknown, in Dutch,
    and offers the form again with the code filled in. Still a 404 for scripts."""
    response = client.get("/certificaat/ABCDEFGHJKMN/")
    assert response.status_code == 404
    html = response.text
    assert "Deze pagina bestaat niet" not in html
    assert "Er is geen certificaat met controlecode ABCD-EFGH-JKMN." in html
    assert "<h1>Certificaat controleren</h1>" in html
    assert 'value="ABCD-EFGH-JKMN"' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_lookup_form_with_an_unknown_code_ends_on_the_check_page(client, db):
    response = client.get("/certificaat/", {"code": "zzzz-zzzz-zzzz"}, follow=True)
    assert response.redirect_chain == [("/certificaat/ZZZZZZZZZZZZ/", 302)]
    assert "Er is geen certificaat met controlecode ZZZZ-ZZZZ-ZZZZ." in response.text


def test_public_check_of_a_code_without_letters_or_digits(client, db):
    response = client.get("/certificaat/----/")
    assert response.status_code == 404
    assert "Er is geen certificaat met deze controlecode." in response.text


def test_public_check_still_works_after_the_module_is_gone(client, learner, module):
    certificate = CertificateFactory(user=learner.user, module=module)
    module.delete()
    certificate.refresh_from_db()
    assert certificate.module is None
    html = client.get(f"/certificaat/{certificate.code}/").text
    assert "Omgaan met sextortion" in html and "geldig" in html


def test_lookup_form_sends_a_typed_code_to_its_page(client, learner, module):
    certificate = CertificateFactory(user=learner.user, module=module)
    assert client.get("/certificaat/").status_code == 200
    typed = certificate.display_code.lower()
    response = client.get("/certificaat/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/certificaat/{certificate.code}/"
    # A typed address in another form goes to the same page.
    response = client.get(f"/certificaat/{typed}/")
    assert response.status_code == 302 and response["Location"] == f"/certificaat/{certificate.code}/"


def test_lookup_form_without_a_code_shows_the_error(client, db):
    response = client.get("/certificaat/", {"code": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert "id_code_error" in response.text


def test_recertification_issues_a_new_certificate_and_keeps_the_old(learner, module, lessons):
    with time_machine.travel(datetime(2026, 1, 5, 10, 0, tzinfo=AMS), tick=False):
        first = pass_module(learner, module, lessons)
    with time_machine.travel(datetime(2027, 1, 20, 10, 0, tzinfo=AMS), tick=False):
        assert not first.is_valid()
        services.attempt_start(learner=learner.user, module=module)
        second = pass_module(learner, module, lessons)
    assert second.code != first.code
    assert second.attempt.number == 2
    assert Certificate.objects.filter(user=learner.user).count() == 2


def test_certificate_is_issued_once_per_attempt(learner, module, lessons):
    certificate = pass_module(learner, module, lessons)
    again = services.certificate_issue(attempt=certificate.attempt, module=module)
    assert again == certificate
    assert Certificate.objects.count() == 1


def test_a_second_module_certificate_names_that_module(learner):
    other, lessons = build_module(slug="doxing", title="Doxing herkennen")
    certificate = pass_module(learner, other, lessons)
    assert certificate.module_title == "Doxing herkennen"
    assert learner.role == Role.LEARNER


def test_a_certificate_never_shows_an_address_in_place_of_a_name(client, org, member_factory, module, lessons):
    """The code shows the name on a public page: a learner without a name gets an
    empty name there, never their e-mail address."""
    nameless = member_factory(org, Role.LEARNER, first_name="", last_name="", email="zonder.naam@example.org")

    certificate = pass_module(nameless, module, lessons)

    assert certificate.holder_name == ""
    page = client.get(f"/certificaat/{certificate.code}/").content.decode()
    assert "zonder.naam@example.org" not in page
