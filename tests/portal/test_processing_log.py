"""The processing log (Logboek Dataverwerkingen): entries with the standard's fields,
W3C trace context, pseudonymous subjects, append-only in code and in the database,
and kept for their own retention period."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.celery import app
from portal.models import ProcessingLogEntry
from portal.processing_log import (
    Operation,
    Status,
    TraceContextMiddleware,
    expired_purge,
    processing,
    record,
    staff_subject,
    subject_entries,
    trace_continued,
    trace_current,
    trace_parse,
    victim_subject,
)
from tests.factories import SchoolFactory, UserFactory

pytestmark = pytest.mark.django_db

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def _entry(org, **kwargs):
    defaults = {
        "organisation_id": org.pk,
        "operation": Operation.READ,
        "name": "case.contact_details.read",
        "activity": "case_handling",
        "subject": victim_subject(org.pk, "VO-ABC123"),
    }
    defaults.update(kwargs)
    return record(**defaults)


def test_an_entry_has_the_standards_fields():
    org = SchoolFactory()
    user = UserFactory()
    entry = _entry(org, actor=user, actor_organisation_id=org.pk)

    assert re.fullmatch(r"[0-9a-f]{32}", entry.trace_id)
    assert re.fullmatch(r"[0-9a-f]{16}", entry.span_id)
    assert re.fullmatch(r"[0-9a-f]{16}", entry.parent_span_id)
    assert entry.span_id != entry.parent_span_id
    assert (entry.name, entry.operation, entry.status, entry.activity) == (
        "case.contact_details.read",
        "read",
        "ok",
        "case_handling",
    )
    assert entry.started_at <= entry.ended_at
    assert entry.subject_type == "victim"
    assert re.fullmatch(r"[0-9a-f]{32}", entry.subject_ref)
    assert "VO-ABC123" not in entry.subject_ref
    assert entry.actor_id == user.pk
    assert entry.retain_until - entry.started_at >= timedelta(days=729)


def test_pseudonyms_are_stable_and_differ_per_organisation_and_person():
    assert victim_subject(1, "VO-A") == victim_subject(1, " vo-a ")
    assert victim_subject(1, "VO-A") != victim_subject(2, "VO-A")
    assert victim_subject(1, "VO-A") != victim_subject(1, "VO-B")
    assert staff_subject(5) == staff_subject(5)
    assert staff_subject(5).ref != staff_subject(6).ref
    assert staff_subject(5).type == "staff"


def test_the_pseudonym_depends_on_the_key(settings):
    before = victim_subject(1, "VO-A")
    settings.PSEUDONYM_KEY = "another-key-for-the-log"
    assert victim_subject(1, "VO-A") != before


def test_an_unknown_activity_or_operation_is_refused():
    org = SchoolFactory()
    with pytest.raises(ValueError, match="activities.py"):
        _entry(org, activity="marketing")
    with pytest.raises(ValueError):
        _entry(org, operation="peek")


def test_processing_times_the_work_and_records_an_error():
    org = SchoolFactory()
    subject = victim_subject(org.pk, "VO-1")
    with processing(
        organisation_id=org.pk,
        operation=Operation.UPDATE,
        name="case.update",
        activity="case_handling",
        subjects=[subject],
    ):
        pass
    with (
        pytest.raises(RuntimeError),
        processing(
            organisation_id=org.pk,
            operation=Operation.DELETE,
            name="case.delete",
            activity="case_handling",
            subjects=[subject],
        ),
    ):
        raise RuntimeError("boom")

    with scope(organisation=org):
        statuses = list(subject_entries(subject).order_by("pk").values_list("name", "status"))
    assert statuses == [("case.update", Status.OK), ("case.delete", Status.ERROR)]


def test_entries_of_one_request_share_its_trace_and_the_caller_trace_is_kept():
    org = SchoolFactory()
    seen = {}

    def view(request):
        seen["a"] = _entry(org)
        seen["b"] = _entry(org, name="case.file.read")
        return HttpResponse("ok")

    response = TraceContextMiddleware(view)(RequestFactory().get("/", headers={"traceparent": TRACEPARENT}))

    assert seen["a"].trace_id == seen["b"].trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert seen["a"].parent_span_id == seen["b"].parent_span_id != "00f067aa0ba902b7"
    answered = trace_parse(response.headers["traceparent"])
    assert answered is not None and answered.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert answered.span_id == seen["a"].parent_span_id


def test_a_bad_traceparent_starts_a_new_trace():
    org = SchoolFactory()
    seen = {}

    def view(request):
        seen["a"] = _entry(org)
        return HttpResponse("ok")

    TraceContextMiddleware(view)(RequestFactory().get("/", headers={"traceparent": "00-" + "0" * 32 + "-1-01"}))
    TraceContextMiddleware(view)(RequestFactory().get("/"))
    assert seen["a"].trace_id != "0" * 32
    assert trace_parse("garbage") is None


def test_a_continued_trace_links_work_to_an_earlier_hand_off():
    org = SchoolFactory()
    sent = _entry(org, operation=Operation.SHARE, name="referral.send", activity="referral")
    with trace_continued(sent.trace_id):
        answered = _entry(org, operation=Operation.READ, name="referral.partner_read", activity="referral")
    assert answered.trace_id == sent.trace_id
    assert trace_current().trace_id  # the outer context is back
    with trace_continued(None):
        other = _entry(org)
    assert other.span_id != answered.span_id


def test_subject_entries_stay_in_the_organisation():
    school, other = SchoolFactory(), SchoolFactory()
    user = UserFactory()
    _entry(school, subject=staff_subject(user.pk), activity="training")
    _entry(other, subject=staff_subject(user.pk), activity="training")
    with scope(organisation=school):
        assert subject_entries(staff_subject(user.pk)).count() == 1


def test_the_model_refuses_update_and_delete():
    org = SchoolFactory()
    entry = _entry(org)
    entry.status = Status.ERROR
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with scopes_disabled():
        rows = ProcessingLogEntry.objects.all()
        with pytest.raises(PermissionError):
            rows.update(status=Status.ERROR)
        with pytest.raises(PermissionError):
            rows.delete()
        assert ProcessingLogEntry.objects.get().status == Status.OK


def test_the_database_refuses_an_update():
    entry = _entry(SchoolFactory())
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE portal_processinglogentry SET status = 'error' WHERE id = %s", [entry.pk])
    with scopes_disabled():
        assert ProcessingLogEntry.objects.get().status == Status.OK


def test_the_database_refuses_to_delete_a_live_entry():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite (the demo) refuses deletes in the model only: Django empties its tables with DELETE")
    entry = _entry(SchoolFactory())
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_processinglogentry WHERE id = %s", [entry.pk])
    with scopes_disabled():
        assert ProcessingLogEntry.objects.filter(pk=entry.pk).exists()


def test_entries_leave_only_after_their_retention(time_machine):
    org = SchoolFactory()
    time_machine.move_to(timezone.now() - timedelta(days=731))
    old = _entry(org)
    time_machine.move_to(timezone.now() + timedelta(days=731))
    new = _entry(org)

    assert expired_purge() == 1

    with scopes_disabled():
        assert list(ProcessingLogEntry.objects.values_list("pk", flat=True)) == [new.pk]
    assert old.pk != new.pk


def test_the_purge_is_on_the_beat_schedule():
    assert "portal.tasks.processing_log_purge" in {entry["task"] for entry in app.conf.beat_schedule.values()}
