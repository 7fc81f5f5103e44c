"""Victim contact details: only with consent, encrypted at rest, and every read
logged with who, when, which case and why."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_scopes import scope

from portal.roles import Role
from referrals import services
from referrals.models import CaseEvent, PersonalDataAccess, VictimContact
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.django_db

PHONE = "06-12345678"
NAME = "Jasmijn Bakker"


@pytest.fixture
def case(org, case_handler):
    return CaseFactory(organisation=org, handler=case_handler.user, consent_contact=True)


@pytest.fixture
def contact(org, case, case_handler):
    with scope(organisation=org):
        return services.victim_contact_set(actor_membership=case_handler, case=case, name=NAME, phone=PHONE)


def raw_row(contact):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name, phone, email FROM {VictimContact._meta.db_table} WHERE id = %s",  # noqa: S608
            [contact.pk],
        )
        return cursor.fetchone()


def test_contact_needs_consent(org, case_handler):
    case = CaseFactory(organisation=org, handler=case_handler.user, consent_contact=False)
    with scope(organisation=org), pytest.raises(ValidationError):
        services.victim_contact_set(actor_membership=case_handler, case=case, phone=PHONE)


def test_ciphertext_in_the_database_is_not_the_plaintext(contact):
    name, phone, email = raw_row(contact)
    assert NAME not in name and PHONE not in phone
    assert name.startswith("gAAAA") and phone.startswith("gAAAA")  # Fernet tokens
    assert email == ""
    assert name != raw_row(contact)[1]


def test_every_read_is_logged_in_the_same_transaction(org, case, contact, case_handler):
    with scope(organisation=org):
        for reason in ("Terugbellen over afspraak", "Doorverwijzing voorbereiden"):
            read = services.victim_contact_read(actor_membership=case_handler, case=case, reason=reason)
            assert (read.name, read.phone) == (NAME, PHONE)
        rows = list(PersonalDataAccess.objects.order_by("pk"))
        assert [r.reason for r in rows] == ["Terugbellen over afspraak", "Doorverwijzing voorbereiden"]
        assert {(r.user_id, r.case_id, r.case_reference) for r in rows} == {
            (case_handler.user_id, case.pk, case.reference)
        }
        assert CaseEvent.objects.filter(case=case, kind="personal_data_viewed").count() == 2
        # Neither the chronology nor the log holds the details themselves.
        for event in CaseEvent.objects.filter(case=case):
            assert PHONE not in event.detail and NAME not in event.detail


def test_no_reason_no_read(org, case, contact, case_handler):
    with scope(organisation=org):
        with pytest.raises(ValidationError):
            services.victim_contact_read(actor_membership=case_handler, case=case, reason=" ")
        assert not PersonalDataAccess.objects.exists()


def test_coordinator_cannot_read_contact(org, case, contact, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    with scope(organisation=org), pytest.raises(PermissionError):
        services.victim_contact_read(actor_membership=coordinator, case=case, reason="Nieuwsgierig")


def test_show_contact_page_asks_a_reason_and_logs(client, org, case, contact, case_handler, member_factory):
    client.force_login(case_handler.user)
    detail = client.get(f"/o/{org.slug}/casussen/{case.pk}/")
    assert PHONE not in detail.text  # the case page never shows the details
    path = f"/o/{org.slug}/casussen/{case.pk}/contact/bekijken/"
    assert PHONE not in client.get(path).text
    refused = client.post(path, {"reason": ""})
    assert PHONE not in refused.text and 'id="id_reason_error"' in refused.text
    shown = client.post(path, {"reason": "Ouder terugbellen"})
    assert shown.status_code == 200
    assert PHONE in shown.text
    assert "no-store" in shown["Cache-Control"]
    with scope(organisation=org):
        # Opening the case page is a read of the case file; showing the details is one more.
        kinds = list(PersonalDataAccess.objects.order_by("pk").values_list("kind", flat=True))
        assert kinds == [PersonalDataAccess.Kind.CASE_FILE, PersonalDataAccess.Kind.CONTACT_DETAILS]

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    assert client.post(path, {"reason": "Even kijken"}).status_code == 403
    log = client.get(f"/o/{org.slug}/casussen/inzagelog/")
    assert log.status_code == 200
    assert "Ouder terugbellen" in log.text and case.reference in log.text
    assert PHONE not in log.text


def test_access_log_is_for_coordinators_only(client, org, case_handler):
    client.force_login(case_handler.user)
    assert client.get(f"/o/{org.slug}/casussen/inzagelog/").status_code == 403


def test_withdrawn_consent_deletes_the_details(org, case, contact, case_handler):
    with scope(organisation=org):
        services.case_update_facts(actor_membership=case_handler, case=case, changes={"forms": ["threat"]})
        services.case_record_wishes(
            actor_membership=case_handler, case=case, victim_wishes=None, consent_contact=False, consent_referral=False
        )
        assert not VictimContact.objects.exists()


def test_contact_form_stores_encrypted(client, org, case, case_handler):
    client.force_login(case_handler.user)
    response = client.post(f"/o/{org.slug}/casussen/{case.pk}/contact/", {"phone": PHONE})
    assert response.status_code == 302
    with scope(organisation=org):
        stored = VictimContact.objects.get()
    assert stored.phone == PHONE
    assert PHONE not in raw_row(stored)[1]
