"""Every change to and read of a case is an entry in the processing log about the
victim; a partner's read is a share; the partner's work continues the referral's
trace; an entry stands or falls with the work."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from portal.models import ProcessingLogEntry
from portal.processing_log import TraceContextMiddleware, victim_subject
from portal.roles import Role
from referrals import services
from referrals.cases import referral_services as lifecycle
from referrals.models import Case, CaseEvent, Referral
from referrals.processing import EVENT_PROCESSING
from tests.factories import PartnerFactory
from tests.referrals.factories import ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db


def entries(org, reference, *, after_factory=False):
    """The case's entries; ``after_factory``: without the opening the factory wrote."""
    with scope(organisation=org):
        rows = list(
            ProcessingLogEntry.objects.filter(subject_ref=victim_subject(org.pk, reference).ref)
            .order_by("pk")
            .values_list("name", "operation", "actor_id", "actor_organisation_id")
        )
    return [row for row in rows if row[0] != "case.open"] if after_factory else rows


def test_every_kind_of_chronology_line_has_a_decision():
    assert set(EVENT_PROCESSING) == set(CaseEvent.Kind.values)


def test_opening_and_changing_a_case_are_entries(org, case_handler):
    with scope(organisation=org):
        case = services.case_open(actor_membership=case_handler, pseudonym="Sam", signal="Dreigt beelden te delen.")
        services.case_add_note(actor_membership=case_handler, case=case, text="Gesprek gehad.")
    assert entries(org, case.reference) == [
        ("case.open", "create", case_handler.user_id, org.pk),
        ("case.note.add", "create", case_handler.user_id, org.pk),
    ]
    with scopes_disabled():
        entry = ProcessingLogEntry.objects.first()
    assert "Sam" not in str(entry.__dict__) and case.reference not in entry.subject_ref


def test_reading_contact_details_is_one_read_entry(org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    with scope(organisation=org):
        services.victim_contact_read(actor_membership=case_handler, case=case, reason="Moeder terugbellen.")
    assert entries(org, case.reference, after_factory=True) == [
        ("case.contact_details.read", "read", case_handler.user_id, None)
    ]


def test_a_refused_read_leaves_no_entry(org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    with scope(organisation=org), pytest.raises(ValidationError):
        services.victim_contact_read(actor_membership=case_handler, case=case, reason="")
    assert entries(org, case.reference, after_factory=True) == []


def test_the_partner_continues_the_trace_of_the_referral(org, case_handler, member_factory):
    partner = PartnerFactory(destination_code="slachtofferhulp")
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user, age=17)
    with scope(organisation=org):
        referral = lifecycle.referral_draft(
            actor_membership=case_handler, case=case, destination="slachtofferhulp", summary="Afpersing."
        )
        lifecycle.consent_record(
            actor_membership=case_handler,
            referral=referral,
            given_by="parent_guardian",
            shares_summary=True,
            shares_contact=False,
        )
        lifecycle.referral_send(actor_membership=case_handler, referral=referral)
    with scopes_disabled():
        referral = Referral.objects.get(pk=referral.pk)
    assert len(referral.trace_id) == 32

    # The partner's request is a new trace of its own; its work joins the referral's.
    def partner_request(request):
        with scope(organisation=partner):
            lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
            lifecycle.referral_summary_read(referral=referral, actor_membership=intake)
        from django.http import HttpResponse

        return HttpResponse()

    from django.test import RequestFactory

    TraceContextMiddleware(partner_request)(RequestFactory().get("/"))

    with scopes_disabled():
        rows = {
            e.name: e for e in ProcessingLogEntry.objects.filter(subject_ref=victim_subject(org.pk, case.reference).ref)
        }
    assert rows["referral.send"].operation == "share"
    assert rows["referral.acknowledge"].trace_id == referral.trace_id
    assert rows["referral.acknowledge"].actor_organisation_id == partner.pk
    assert rows["referral.summary.read"].operation == "share"
    assert rows["referral.summary.read"].trace_id == referral.trace_id
    assert rows["referral.summary.read"].actor_organisation_id == partner.pk
    assert rows["referral.summary.read"].organisation_id == org.pk  # the case's organisation keeps the log


def test_a_deleted_case_leaves_a_delete_entry(org):
    case = RoutedCaseFactory(organisation=org)
    with scope(organisation=org):
        Case.objects.filter(pk=case.pk).delete()
    assert entries(org, case.reference)[-1][:2] == ("case.delete", "delete")


def test_a_rolled_back_change_leaves_no_entry(org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    with scope(organisation=org), pytest.raises(RuntimeError):
        from django.db import transaction

        with transaction.atomic():
            services.case_add_note(actor_membership=case_handler, case=case, text="Wordt teruggedraaid.")
            raise RuntimeError("crash")
    assert entries(org, case.reference, after_factory=True) == []


def test_another_organisations_reference_is_another_subject(org, case_handler):
    other = ReferralFactory().organisation
    assert victim_subject(org.pk, "2026-0001") != victim_subject(other.pk, "2026-0001")
