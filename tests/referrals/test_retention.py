"""Retention: closed cases are anonymised after the organisation's period and
deleted later; only counts are kept. The sweep is safe to run twice."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_scopes import scope

from referrals import services, tasks
from referrals.models import (
    Case,
    CaseNote,
    DeletionLog,
    EvidenceItem,
    OrganisationCaseSettings,
    PersonalDataAccess,
    VictimContact,
)
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def closed_case(org, handler, *, days_ago: int):
    closed_at = timezone.now() - timedelta(days=days_ago)
    case = CaseFactory(
        organisation=org,
        handler=handler.user,
        status=Case.Status.CLOSED,
        outcome="referred",
        closed_at=closed_at,
        consent_contact=True,
        first_impressions="Bang, huilde.",
        facts={"country": "NL", "forms": ["sextortion"], "victim_age": 15, "intimate_images": True},
    )
    with scope(organisation=org):
        VictimContact.objects.create(organisation=org, case=case, phone="06-1")
        CaseNote.objects.create(organisation=org, case=case, text="Moeder gebeld")
        EvidenceItem.objects.create(organisation=org, case=case, kind="url", kept_where="map", description="x")
        PersonalDataAccess.objects.create(organisation=org, case=case, case_reference=case.reference, reason="bellen")
    return case


def test_sweep_anonymises_then_deletes_and_is_idempotent(org, other_org, case_handler, member_factory):
    recent = closed_case(org, case_handler, days_ago=30)
    old = closed_case(org, case_handler, days_ago=400)
    very_old = closed_case(org, case_handler, days_ago=800)
    with scope(organisation=org):
        Case.objects.filter(pk=very_old.pk).update(anonymised_at=timezone.now() - timedelta(days=400))
    open_case = CaseFactory(
        organisation=org, handler=case_handler.user, created_at=timezone.now() - timedelta(days=900)
    )

    assert services.retention_apply(organisation=org) == (1, 1)
    assert services.retention_apply(organisation=org) == (0, 0)  # twice: nothing more happens

    with scope(organisation=org):
        kept = Case.objects.get(pk=old.pk)
        assert kept.anonymised_at is not None
        assert kept.pseudonym == "—" and kept.signal == "" and kept.first_impressions == ""
        assert kept.facts == {"country": "NL", "forms": ["sextortion"]}
        for model in (VictimContact, CaseNote, EvidenceItem):
            assert not model.objects.filter(case=kept).exists()
            assert model.objects.filter(case=recent).exists()
        assert not Case.objects.filter(pk=very_old.pk).exists()
        assert Case.objects.get(pk=recent.pk).anonymised_at is None
        assert Case.objects.get(pk=open_case.pk).anonymised_at is None
        # The access log outlives the case, by reference.
        assert PersonalDataAccess.objects.filter(case_reference=very_old.reference, case__isnull=True).exists()
        log = DeletionLog.objects.get()
        assert (log.anonymised, log.deleted) == (1, 1)
        assert log.month.day == 1


def test_organisation_period_is_used(org, case_handler):
    case = closed_case(org, case_handler, days_ago=100)
    OrganisationCaseSettings.objects.create(organisation=org, retention_months=3)
    assert services.retention_apply(organisation=org) == (1, 0)
    with scope(organisation=org):
        assert Case.objects.get(pk=case.pk).anonymised_at is not None


def test_sweep_task_fans_out_by_id(org, other_org, case_handler, member_factory):
    from portal.roles import Role

    closed_case(org, case_handler, days_ago=400)
    closed_case(other_org, member_factory(other_org, Role.CASE_HANDLER), days_ago=400)
    with mock.patch.object(tasks.retention_apply_organisation, "delay") as delay:
        assert tasks.retention_sweep() == 2
        assert tasks.retention_sweep() == 2
    assert {call.args[0] for call in delay.call_args_list} == {org.pk, other_org.pk}
    for organisation in (org, other_org):
        assert tasks.retention_apply_organisation(organisation.pk) == (1, 0)
        assert tasks.retention_apply_organisation(organisation.pk) == (0, 0)
    assert tasks.retention_apply_organisation(999999) == (0, 0)


def test_sweep_is_on_the_beat_schedule():
    from portal.celery import app

    assert "referrals.tasks.retention_sweep" in {entry["task"] for entry in app.conf.beat_schedule.values()}
