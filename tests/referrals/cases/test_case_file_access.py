"""Reads of the case file are logged: every page that shows the pseudonym, the
signal, the conversation notes or the evidence writes one access-log row per
request. The access-log page shows what was read and by which organisation,
filtered by kind through the URL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from portal.roles import Role
from referrals.cases import referral_services as lifecycle
from referrals.models import PersonalDataAccess, Referral
from tests.factories import PartnerFactory
from tests.referrals.factories import CaseFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

CASE_FILE = PersonalDataAccess.Kind.CASE_FILE
STEPS = {
    "gesprek": "Gesprek",
    "feiten": "Feiten",
    "kwetsbaarheid": "Veiligheid en kwetsbaarheid",
    "bewijs": "Bewijs",
    "wensen": "Wensen en toestemming",
    "advies": "Advies",
}


@pytest.fixture
def case(org, case_handler):
    return CaseFactory(organisation=org, handler=case_handler.user, pseudonym="Merel")


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


def rows(org):
    with scope(organisation=org):
        return list(PersonalDataAccess.objects.select_related("user").order_by("pk"))


def test_case_detail_logs_one_row_per_request(client, org, case, case_handler, coordinator):
    for membership in (case_handler, coordinator, case_handler):
        client.force_login(membership.user)
        assert client.get(f"/o/{org.slug}/casussen/{case.pk}/").status_code == 200
    logged = rows(org)
    assert [(r.user, r.kind, r.case, r.case_reference) for r in logged] == [
        (m.user, CASE_FILE, case, case.reference) for m in (case_handler, coordinator, case_handler)
    ]
    assert {r.reader_organisation_id for r in logged} == {org.pk}
    assert {r.reason for r in logged} == {"Casus bekeken"}
    assert all("Merel" not in r.reason for r in logged)


def test_a_learner_looking_at_their_own_signal_is_logged_too(client, org, member_factory):
    learner = member_factory(org, Role.LEARNER)
    own = CaseFactory(organisation=org, raised_by=learner.user)
    other = CaseFactory(organisation=org)
    client.force_login(learner.user)
    assert client.get(f"/o/{org.slug}/casussen/{own.pk}/").status_code == 200
    assert client.get(f"/o/{org.slug}/casussen/{other.pk}/").status_code == 404  # nothing shown, nothing logged
    assert [(r.user, r.case, r.reason) for r in rows(org)] == [(learner.user, own, "Eigen signaal bekeken")]


def test_the_case_list_shows_no_victim_data_and_logs_nothing(client, org, case, case_handler):
    client.force_login(case_handler.user)
    listing = client.get(f"/o/{org.slug}/casussen/")
    assert listing.status_code == 200
    assert case.reference in listing.text
    assert "Merel" not in listing.text and "Schuilnaam" not in listing.text
    assert rows(org) == []


def test_refused_pages_log_nothing(client, org, case, member_factory, other_org):
    editor = member_factory(org, Role.CONTENT_EDITOR)
    client.force_login(editor.user)
    assert client.get(f"/o/{org.slug}/casussen/{case.pk}/").status_code == 403
    foreign = CaseFactory(organisation=other_org)
    handler = member_factory(org, Role.CASE_HANDLER)
    client.force_login(handler.user)
    assert client.get(f"/o/{org.slug}/casussen/{foreign.pk}/").status_code == 404
    assert client.get(f"/o/{org.slug}/casussen/{foreign.pk}/intake/gesprek/").status_code == 404
    assert rows(org) == []
    with scope(organisation=other_org):
        assert not PersonalDataAccess.objects.exists()


def test_every_wizard_step_logs_its_read(client, org, case, case_handler):
    client.force_login(case_handler.user)
    for name in STEPS:
        assert client.get(f"/o/{org.slug}/casussen/{case.pk}/intake/{name}/").status_code == 200, name
    logged = rows(org)
    assert [r.reason for r in logged] == [f"Intake: {label}" for label in STEPS.values()]
    assert {(r.user_id, r.kind, r.case_id, r.reader_organisation_id) for r in logged} == {
        (case_handler.user_id, CASE_FILE, case.pk, org.pk)
    }


def test_saving_a_step_is_no_read_but_showing_errors_is(client, org, case, case_handler):
    client.force_login(case_handler.user)
    path = f"/o/{org.slug}/casussen/{case.pk}/intake/gesprek/"
    assert client.post(path, {"first_impressions": "Rustig."}).status_code == 302
    assert rows(org) == []
    # The evidence step shown again with an error lists the stored evidence: a read.
    response = client.post(f"/o/{org.slug}/casussen/{case.pk}/intake/bewijs/", {"kind": "url", "kept_where": ""})
    assert response.status_code == 200
    assert [r.reason for r in rows(org)] == ["Intake: Bewijs"]


def test_consent_page_shows_the_summary_and_logs(client, org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    referral = ReferralFactory(organisation=org, case=case, status=Referral.Status.DRAFT, consent=False)
    client.force_login(case_handler.user)
    page = client.get(reverse("cases:consent_record", kwargs={"org_slug": org.slug, "referral_id": referral.pk}))
    assert referral.summary in page.text
    assert [r.reason for r in rows(org)] == ["Doorverwijzing: toestemming vastleggen"]


# --- The access-log page ------------------------------------------------------------------


def _log_mix(org, case, case_handler, intake):
    """A case-file read, a contact read and a partner's read of the summary."""
    referral = ReferralFactory(organisation=org, case=RoutedCaseFactory(organisation=org), partner=intake.organisation)
    with scope(organisation=org):
        lifecycle.case_file_read(actor_membership=case_handler, case=case, reason="Casus bekeken")
    with scope(organisation=intake.organisation):
        assert lifecycle.referral_summary_read(referral=referral, actor_membership=intake) is not None
    with scope(organisation=org):
        PersonalDataAccess.objects.create(
            organisation=org,
            case=case,
            case_reference=case.reference,
            user=case_handler.user,
            reader_organisation=org,
            kind=PersonalDataAccess.Kind.CONTACT_DETAILS,
            reason="Ouder terugbellen",
        )
    return referral


@pytest.fixture
def intake(member_factory):
    partner = PartnerFactory(name="Slachtofferhulp Nederland", destination_code="slachtofferhulp")
    return member_factory(partner, Role.PARTNER_INTAKE)


def test_access_log_shows_kind_and_reader_organisation(client, org, case, case_handler, coordinator, intake):
    _log_mix(org, case, case_handler, intake)
    client.force_login(coordinator.user)
    page = client.get(f"/o/{org.slug}/casussen/inzagelog/")
    assert page.status_code == 200
    text = page.text
    for heading in ("Wat", "Organisatie van de lezer", "Reden"):
        assert f'scope="col">{heading}</th>' in text
    for label in PersonalDataAccess.Kind.labels:
        assert str(label) in text
    assert "Slachtofferhulp Nederland" in text and org.name in text
    assert "Doorverwijzing gelezen door de partner" in text and "Ouder terugbellen" in text
    assert "Merel" not in text


@pytest.mark.parametrize(
    ("kind", "shown", "hidden"),
    [
        ("contact_details", ["Ouder terugbellen"], ["Casus bekeken", "Doorverwijzing gelezen"]),
        ("case_file", ["Casus bekeken"], ["Ouder terugbellen", "Doorverwijzing gelezen"]),
        ("referral", ["Doorverwijzing gelezen door de partner"], ["Ouder terugbellen", "Casus bekeken"]),
    ],
)
def test_access_log_filters_by_kind_in_the_url(
    client, org, case, case_handler, coordinator, intake, kind, shown, hidden
):
    _log_mix(org, case, case_handler, intake)
    client.force_login(coordinator.user)
    page = client.get(f"/o/{org.slug}/casussen/inzagelog/?soort={kind}")
    assert page.status_code == 200
    body = page.text.split("<tbody", 1)[1]
    for text in shown:
        assert text in body
    for text in hidden:
        assert text not in body
    assert f'<option value="{kind}" selected>' in page.text


def test_access_log_bad_filter_says_so_and_shows_everything(client, org, case, case_handler, coordinator, intake):
    _log_mix(org, case, case_handler, intake)
    client.force_login(coordinator.user)
    page = client.get(f"/o/{org.slug}/casussen/inzagelog/?soort=alles-van-iedereen")
    assert page.status_code == 200
    assert "Dit filter bestaat niet" in page.text
    body = page.text.split("<tbody", 1)[1]
    assert "Ouder terugbellen" in body and "Casus bekeken" in body and "Doorverwijzing gelezen" in body
    # An empty choice is no filter and no complaint.
    page = client.get(f"/o/{org.slug}/casussen/inzagelog/?soort=")
    assert "Dit filter bestaat niet" not in page.text and "Ouder terugbellen" in page.text


def test_access_log_filter_survives_paging(client, org, case, case_handler, coordinator):
    with scope(organisation=org):
        for _ in range(55):
            lifecycle.case_file_read(actor_membership=case_handler, case=case, reason="Casus bekeken")
    client.force_login(coordinator.user)
    page = client.get(f"/o/{org.slug}/casussen/inzagelog/?soort=case_file")
    assert "?soort=case_file&amp;pagina=2" in page.text
    second = client.get(f"/o/{org.slug}/casussen/inzagelog/?soort=case_file&pagina=2")
    assert second.text.split("<tbody", 1)[1].count("Casus bekeken") == 5


def test_access_log_is_for_coordinators_and_of_the_own_organisation(client, org, other_org, case, member_factory):
    foreign = CaseFactory(organisation=other_org, pseudonym="Ander")
    foreign_handler = member_factory(other_org, Role.CASE_HANDLER)
    with scope(organisation=other_org):
        lifecycle.case_file_read(actor_membership=foreign_handler, case=foreign, reason="Daar bekeken")
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    page = client.get(f"/o/{org.slug}/casussen/inzagelog/")
    assert "Daar bekeken" not in page.text and foreign.reference not in page.text
    assert client.get(f"/o/{other_org.slug}/casussen/inzagelog/").status_code == 404
    for role in (Role.CASE_HANDLER, Role.LEARNER):
        client.force_login(member_factory(org, role).user)
        assert client.get(f"/o/{org.slug}/casussen/inzagelog/").status_code == 403


def test_access_log_costs_the_same_for_5_and_50_rows(client, org, case, case_handler, coordinator, intake):
    def fill(n):
        with scope(organisation=org):
            PersonalDataAccess.objects.bulk_create(
                PersonalDataAccess(
                    organisation=org,
                    case=case,
                    case_reference=case.reference,
                    user=case_handler.user if i % 2 else None,
                    reader_organisation=org if i % 3 else intake.organisation,
                    kind=PersonalDataAccess.Kind.values[i % 3],
                    reason="Casus bekeken",
                )
                for i in range(n)
            )

    client.force_login(coordinator.user)
    path = f"/o/{org.slug}/casussen/inzagelog/?soort="
    fill(5)
    client.get(path)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    few = count()
    fill(45)
    assert count() == few
