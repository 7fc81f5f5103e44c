"""The access log (who read a victim's data) is kept as long as the processing log,
``PROCESSING_LOG_KEEP_DAYS``, then the daily retention task deletes its rows, also the
ones that keep a deleted case's reference. Per organisation; the processing log's own
entries are not touched (append-only, their own purge)."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.models import ProcessingLogEntry
from referrals import services, tasks
from referrals.models import PersonalDataAccess
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def read(org, *, days_ago, case=None, reference="2020-0001"):
    with scope(organisation=org):
        return PersonalDataAccess.objects.create(
            organisation=org,
            case=case,
            case_reference=case.reference if case else reference,
            reason="bellen",
            created_at=timezone.now() - timedelta(days=days_ago),
        )


def test_rows_past_the_processing_logs_period_are_deleted_and_no_others(org, other_org, settings):
    settings.PROCESSING_LOG_KEEP_DAYS = 730
    case = CaseFactory(organisation=org)
    old_of_deleted_case = read(org, days_ago=731)  # its case is gone: only the reference is left
    old_of_open_case = read(org, days_ago=800, case=case)
    young = read(org, days_ago=729, case=case)
    elsewhere = read(other_org, days_ago=900)
    with scopes_disabled():
        entries = ProcessingLogEntry.objects.count()
    assert entries > 0  # each read wrote its entry (referrals.processing)

    assert services.access_log_purge(organisation=org) == 2
    assert services.access_log_purge(organisation=org) == 0  # twice: nothing more

    with scopes_disabled():
        left = set(PersonalDataAccess.objects.values_list("pk", flat=True))
        assert ProcessingLogEntry.objects.count() == entries
    assert left == {young.pk, elsewhere.pk}
    assert not {old_of_deleted_case.pk, old_of_open_case.pk} & left


def test_the_period_follows_the_setting(org, settings):
    read(org, days_ago=40)
    settings.PROCESSING_LOG_KEEP_DAYS = 60
    assert services.access_log_purge(organisation=org) == 0
    settings.PROCESSING_LOG_KEEP_DAYS = 30
    assert services.access_log_purge(organisation=org) == 1


def test_the_daily_task_reaches_an_organisation_with_only_old_reads(org, other_org, settings):
    """No closed case, so nothing for the case retention; the old reads alone queue it."""
    settings.PROCESSING_LOG_KEEP_DAYS = 730
    read(org, days_ago=1000)
    read(other_org, days_ago=10)  # young: nothing to sweep there
    with mock.patch.object(tasks.retention_apply_organisation, "delay") as delay:
        assert tasks.retention_sweep() == 1
    assert [call.args[0] for call in delay.call_args_list] == [org.pk]
    assert tasks.retention_apply_organisation(org.pk) == (0, 0)
    with scopes_disabled():
        assert not PersonalDataAccess.objects.filter(organisation=org).exists()
        assert PersonalDataAccess.objects.filter(organisation=other_org).count() == 1
