"""The retention settings page: only the organisation's coordinator sets how long
closed cases are kept; the sweep uses the new periods; every change is audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope

from portal.models import AuditEvent
from portal.roles import Role
from referrals import services
from referrals.models import Case, DeletionLog, OrganisationCaseSettings
from referrals.settings import services as services_settings
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def url(org) -> str:
    return f"/o/{org.slug}/casussen/bewaartermijn/"


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


def settings_of(org):
    with scope(organisation=org):
        return OrganisationCaseSettings.objects.filter(organisation=org).first()


def audit_rows(org):
    with scope(organisation=org):
        return list(
            AuditEvent.objects.filter(kind=services_settings.AUDIT_KIND)
            .order_by("pk")
            .values_list("actor_id", "detail")
        )


# --- Who may -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CASE_HANDLER, Role.CONTENT_EDITOR])
def test_other_roles_get_403_and_change_nothing(role, client, org, member_factory):
    client.force_login(member_factory(org, role).user)
    assert client.get(url(org)).status_code == 403
    response = client.post(url(org), {"retention_months": "3", "delete_after_months": "3"})
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    assert settings_of(org) is None


def test_coordinator_of_another_organisation_gets_404(client, org, other_org, member_factory):
    client.force_login(member_factory(other_org, Role.ORG_COORDINATOR).user)
    assert client.get(url(org)).status_code == 404
    assert client.post(url(org), {"retention_months": "3", "delete_after_months": "3"}).status_code == 404
    assert settings_of(org) is None


def test_service_refuses_other_roles(org, member_factory):
    for role in (Role.LEARNER, Role.CASE_HANDLER):
        membership = member_factory(org, role)
        with scope(organisation=org), pytest.raises(PermissionError):
            services_settings.case_settings_save(actor_membership=membership, retention_months=3, delete_after_months=3)
    assert settings_of(org) is None


# --- The page ------------------------------------------------------------------------------


def test_page_shows_the_defaults_and_explains(client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.get(url(org))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.text
    assert 'name="retention_months"' in page and 'value="12"' in page
    assert 'name="delete_after_months"' in page
    assert page.count('value="12"') == 2
    assert '<label class="utrecht-form-label" for="id_retention_months">' in page
    assert '<label class="utrecht-form-label" for="id_delete_after_months">' in page
    assert "Anonimiseren." in page and "Verwijderen." in page
    assert "alleen aantallen over" in page
    assert settings_of(org) is None  # looking changes nothing


def test_saving_stores_redirects_and_audits(client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.post(url(org), {"retention_months": "6", "delete_after_months": "24"})
    assert response.status_code == 302 and response["Location"] == url(org)
    row = settings_of(org)
    assert (row.retention_months, row.delete_after_months) == (6, 24)
    assert audit_rows(org) == [
        (coordinator.user_id, "Bewaren 12 → 6 maanden; verwijderen 12 → 24 maanden"),
    ]
    page = client.get(url(org)).text
    assert "De bewaartermijn is opgeslagen." in page
    assert 'value="6"' in page and 'value="24"' in page

    # The same values again: nothing changes, no second audit row.
    client.post(url(org), {"retention_months": "6", "delete_after_months": "24"})
    assert len(audit_rows(org)) == 1
    client.post(url(org), {"retention_months": "7", "delete_after_months": "24"})
    assert audit_rows(org)[-1] == (coordinator.user_id, "Bewaren 6 → 7 maanden; verwijderen 24 → 24 maanden")
    with scope(organisation=org):
        assert OrganisationCaseSettings.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"retention_months": "0", "delete_after_months": "12"}, "retention_months"),
        ({"retention_months": "121", "delete_after_months": "12"}, "retention_months"),
        ({"retention_months": "", "delete_after_months": "12"}, "retention_months"),
        ({"retention_months": "zes", "delete_after_months": "12"}, "retention_months"),
        ({"retention_months": "12", "delete_after_months": "-1"}, "delete_after_months"),
        ({"retention_months": "12", "delete_after_months": "1.5"}, "delete_after_months"),
        ({"retention_months": "12"}, "delete_after_months"),
        ({"retention_months": "12", "delete_after_months": "99999999999999999999"}, "delete_after_months"),
    ],
)
def test_bad_input_gives_a_field_error(data, field, client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.post(url(org), data)
    assert response.status_code == 200
    page = response.text
    assert f'id="id_{field}_error"' in page
    name = "Persoonsgegevens bewaren" if field == "retention_months" else "Casus helemaal verwijderen"
    assert f"{name}: vul een aantal maanden in van 1 tot en met 120." in page
    assert settings_of(org) is None
    assert audit_rows(org) == []


def test_service_validates_types_and_range(org, coordinator):
    with scope(organisation=org):
        for bad in (0, 121, "6", True, None, 6.0):
            with pytest.raises(ValidationError) as caught:
                services_settings.case_settings_save(
                    actor_membership=coordinator, retention_months=bad, delete_after_months=12
                )
            assert list(caught.value.message_dict) == ["retention_months"]
        row = services_settings.case_settings_save(
            actor_membership=coordinator, retention_months=1, delete_after_months=120
        )
    assert (row.retention_months, row.delete_after_months) == (1, 120)


def test_upload_is_refused(client, org, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator.user)
    response = client.post(
        url(org),
        {"retention_months": "3", "delete_after_months": "3", "bestand": SimpleUploadedFile("a.txt", b"x")},
    )
    assert response.status_code == 400
    assert settings_of(org) is None


# --- The sweep uses the new values ---------------------------------------------------------


def test_retention_apply_uses_the_saved_periods(client, org, other_org, coordinator, case_handler):
    now = timezone.now()
    closed = {
        days: CaseFactory(
            organisation=org,
            handler=case_handler.user,
            status=Case.Status.CLOSED,
            outcome="referred",
            closed_at=now - timedelta(days=days),
        )
        for days in (45, 200)
    }
    elsewhere = CaseFactory(
        organisation=other_org, status=Case.Status.CLOSED, outcome="referred", closed_at=now - timedelta(days=45)
    )

    # Under the defaults (12 + 12 months) nothing is due yet.
    assert services.retention_apply(organisation=org, now=now) == (0, 0)

    client.force_login(coordinator.user)
    client.post(url(org), {"retention_months": "1", "delete_after_months": "3"})
    # Anonymised after 1 month; deleted 1 + 3 months after closing.
    assert services.retention_apply(organisation=org, now=now) == (2, 1)
    with scope(organisation=org):
        assert Case.objects.get(pk=closed[45].pk).anonymised_at is not None
        assert not Case.objects.filter(pk=closed[200].pk).exists()
    # Another organisation keeps its own (default) period.
    assert services.retention_apply(organisation=other_org, now=now) == (0, 0)
    with scope(organisation=other_org):
        assert Case.objects.get(pk=elsewhere.pk).anonymised_at is None


# --- Cost ----------------------------------------------------------------------------------


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_page_costs_the_same_for_one_and_many_log_months(client, org, coordinator):
    client.force_login(coordinator.user)
    with scope(organisation=org):
        DeletionLog.objects.create(organisation=org, month=date(2025, 1, 1), anonymised=3, deleted=1)
    client.get(url(org))  # warm the session
    few = _count(client, url(org))
    with scope(organisation=org):
        DeletionLog.objects.bulk_create(
            DeletionLog(organisation=org, month=date(2020 + n // 12, n % 12 + 1, 1), anonymised=n, deleted=n)
            for n in range(40)
        )
        OrganisationCaseSettings.objects.create(organisation=org, retention_months=5, delete_after_months=5)
    many = _count(client, url(org))
    assert few == many
    page = client.get(url(org)).text
    assert page.count('<th class="utrecht-table__header-cell" scope="row">') == 12  # the latest 12 months


def test_deletion_log_of_another_organisation_is_not_shown(client, org, other_org, coordinator):
    with scope(organisation=other_org):
        DeletionLog.objects.create(organisation=other_org, month=date(2025, 3, 1), anonymised=777, deleted=555)
    client.force_login(coordinator.user)
    page = client.get(url(org)).text
    assert "777" not in page and "555" not in page
    assert "Er zijn nog geen casussen geanonimiseerd of verwijderd." in page
