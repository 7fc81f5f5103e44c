"""The start page ("Overzicht") answers "what needs me now": per role, each count
with its link, read in a fixed number of queries (the same with few or many rows),
and never for another organisation's member."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from messaging.models import Notification, NotificationKind, Reminder
from messaging.subjects import Subject
from portal.roles import Role
from referrals.models import CaseTask
from tests.factories import MunicipalityFactory, PartnerFactory, SchoolFactory
from tests.helpers import make_member
from tests.referrals.factories import CaseFactory, CaseTaskFactory, ReferralFactory
from tests.training.builders import build_module


def _home(client, organisation):
    return client.get(f"/o/{organisation.slug}/")


def _counts(response) -> dict[str, int]:
    return {item.key: item.count for item in response.context["work"]}


def _notify(user, n: int) -> None:
    with scopes_disabled():
        Notification.objects.bulk_create(
            Notification(user=user, kind=NotificationKind.TASK_OVERDUE, title="Taak", url="/") for _ in range(n)
        )


def _handler_work(organisation, handler, n: int) -> None:
    yesterday = timezone.localdate() - timedelta(days=1)
    for _ in range(n):
        case = CaseFactory(organisation=organisation, handler=handler.user)
        CaseTaskFactory(organisation=organisation, case=case, due_date=yesterday)
        ReferralFactory(organisation=organisation, case=case, partner=PartnerFactory())
        with scopes_disabled():
            Reminder.objects.create(
                organisation=organisation,
                kind=NotificationKind.CASE_FOLLOW_UP,
                subject=str(Subject.case(case.pk)),
                due_at=timezone.now() + timedelta(days=3),
            )
    _notify(handler.user, n)


@pytest.fixture
def school(db):
    return SchoolFactory(slug="school", parent=MunicipalityFactory(slug="gemeente"))


def test_a_case_handler_sees_their_late_tasks_follow_ups_waiting_referrals_and_notifications(client, school):
    handler = make_member(school, Role.CASE_HANDLER)
    _handler_work(school, handler, 3)
    # Someone else's work and a done task do not count.
    CaseTaskFactory(organisation=school, due_date=timezone.localdate() - timedelta(days=1))
    CaseTaskFactory(
        organisation=school, case=CaseFactory(organisation=school, handler=handler.user), status=CaseTask.Status.DONE
    )
    client.force_login(handler.user)
    response = _home(client, school)
    assert _counts(response) == {
        "taken": 3,
        "nazorg": 3,
        "wacht-op-partner": 3,
        "meldingen": 3,
        "training-te-laat": 0,
        "training-te-doen": 0,
    }
    text = response.content.decode()
    assert f'href="/o/{school.slug}/dashboard/#taken-kop"' in text
    assert 'href="/meldingen/"' in text


def test_a_partner_sees_referrals_waiting_for_acknowledgement(client, school):
    partner = PartnerFactory(slug="partner")
    ReferralFactory(organisation=school, partner=partner)
    ReferralFactory(organisation=school, partner=partner)
    intake = make_member(partner, Role.PARTNER_INTAKE)
    client.force_login(intake.user)
    response = _home(client, partner)
    assert _counts(response)["nieuwe-doorverwijzingen"] == 2
    assert f'href="/o/{partner.slug}/doorverwijzingen/?status=new"' in response.content.decode()


def test_a_municipal_coordinator_sees_the_areas_waiting_referrals(client, school):
    ReferralFactory(organisation=school, partner=PartnerFactory())
    coordinator = make_member(school.parent, Role.MUNICIPAL_COORDINATOR)
    client.force_login(coordinator.user)
    response = _home(client, school.parent)
    assert _counts(response)["wacht-op-partner"] == 1
    assert "geescaleerd" in _counts(response)
    link = f"/o/{school.parent.slug}/gebied/doorverwijzingen/?status=sent"
    assert f'href="{link}"' in response.content.decode()
    assert client.get(link).status_code == 200


def test_a_learners_start_page_points_to_their_training(client, school):
    from training.models import Assignment

    module, _lessons = build_module()
    with scopes_disabled():
        Assignment.objects.create(
            organisation=school, module=module, role=Role.LEARNER, due_date=timezone.localdate() - timedelta(days=1)
        )
    learner = make_member(school, Role.LEARNER)
    client.force_login(learner.user)
    response = _home(client, school)
    assert _counts(response) == {"training-te-laat": 1, "training-te-doen": 0, "meldingen": 0}
    text = response.content.decode()
    assert "Naar mijn training" in text
    assert f'href="/o/{school.slug}/mijn-training/"' in text


def test_a_case_handler_does_not_get_the_training_first(client, school):
    client.force_login(make_member(school, Role.CASE_HANDLER).user)
    assert "Naar mijn training" not in _home(client, school).content.decode()


@pytest.mark.parametrize("role", [Role.CASE_HANDLER, Role.ORG_COORDINATOR, Role.LEARNER], ids=lambda role: role.value)
def test_the_start_page_reads_a_fixed_number_of_queries(role, client, school):
    member = make_member(school, role)
    client.force_login(member.user)
    _handler_work(school, member, 1)
    _home(client, school)  # warm caches (site, session)
    with CaptureQueriesContext(connection) as few:
        assert _home(client, school).status_code == 200
    _handler_work(school, member, 12)
    with CaptureQueriesContext(connection) as many:
        assert _home(client, school).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_another_organisations_member_gets_404(client, school):
    other = SchoolFactory(slug="andere")
    client.force_login(make_member(other, Role.CASE_HANDLER).user)
    assert _home(client, school).status_code == 404
