"""Anonymising a case (retention) removes what identifies the victim or says what
happened: also the routing advice, the chronology's details, the tasks' titles,
destinations and guides and the one-time links with the partner's address. What the
dashboards count stays: the rollups before and after are the same."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.roles import Role
from referrals import services
from referrals.models import Case, CaseEvent, CaseTask, PartnerLink, Referral, ReferralConsent
from reporting import rollups
from reporting.models import (
    AreaCaseMonthRollup,
    AreaReferralMonthRollup,
    CaseMonthRollup,
    PartnerReferralDayRollup,
    ReferralMonthRollup,
)
from tests.factories import PartnerFactory
from tests.referrals.factories import CaseTaskFactory, PartnerLinkFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

PARTNER = "Centrum Seksueel Geweld"
TASK = "Meld de beelden bij Offlimits"


def case_referred(org, handler, partner, *, closed_days_ago, token):
    """A closed case routed to ``partner``: a task, a referral to the partner on the
    portal and one by link, chronology lines that name them."""
    case = RoutedCaseFactory(organisation=org, handler=handler.user, pseudonym="Roos-14")
    task = CaseTaskFactory(organisation=org, case=case, title=TASK, destination="offlimits")
    on_portal = ReferralFactory(
        organisation=org, case=case, partner=partner, destination="csg", destination_label=PARTNER
    )
    by_link = ReferralFactory(organisation=org, case=case, partner=None, destination="csg", destination_label=PARTNER)
    PartnerLinkFactory(referral=by_link, email="intake@csg.example", token=token)
    with scopes_disabled():
        for kind, detail, referral in (
            (CaseEvent.Kind.ACTIONS_CHOSEN, TASK, None),
            (CaseEvent.Kind.REFERRAL_SENT, PARTNER, on_portal),
            (CaseEvent.Kind.LINK_CREATED, PARTNER, by_link),
        ):
            CaseEvent.objects.create(organisation=org, case=case, kind=kind, detail=detail, referral=referral)
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED,
            outcome="referred",
            closed_at=timezone.now() - timedelta(days=closed_days_ago),
        )
    return case, task, on_portal


def rollup_rows():
    """Every dashboard rollup's rows, without their ids."""
    rollups.rollups_refresh()
    with scopes_disabled():
        return {
            model.__name__: sorted(
                (tuple(sorted((k, str(v)) for k, v in model_to_dict(row, exclude=["id"]).items())))
                for row in model.objects.all()
            )
            for model in (
                CaseMonthRollup,
                ReferralMonthRollup,
                PartnerReferralDayRollup,
                AreaCaseMonthRollup,
                AreaReferralMonthRollup,
            )
        }


def test_anonymising_clears_advice_chronology_tasks_and_links_and_keeps_the_counts(org, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER)
    partner = PartnerFactory(name=PARTNER, slug="csg", destination_code="csg")
    old, old_task, old_referral = case_referred(org, handler, partner, closed_days_ago=400, token="old-" + "x" * 30)
    recent, recent_task, _recent_referral = case_referred(
        org, handler, partner, closed_days_ago=30, token="recent-" + "x" * 30
    )
    before = rollup_rows()
    assert before["ReferralMonthRollup"] and before["PartnerReferralDayRollup"] and before["CaseMonthRollup"]

    assert services.retention_apply(organisation=org) == (1, 0)

    with scope(organisation=org):
        case = Case.objects.get(pk=old.pk)
        assert case.anonymised_at is not None and case.routing_result is None
        details = list(CaseEvent.objects.filter(case=case).values_list("detail", flat=True))
        assert details and set(details) == {""}
        task = CaseTask.objects.get(pk=old_task.pk)
        assert (task.title, task.destination, task.takedown_guide_id) == ("—", "", None)
        assert not PartnerLink.objects.filter(referral__case=case).exists()
        # What the counts need stays: destination, partner, municipality, status, outcome, moments.
        referral = Referral.objects.get(pk=old_referral.pk)
        assert (referral.destination, referral.destination_label, referral.partner_id) == ("csg", PARTNER, partner.pk)
        assert referral.summary == "" and referral.sent_at is not None
        assert ReferralConsent.objects.filter(referral__case=case, victim_age__isnull=False).count() == 0
        # Nothing of the case names the partner, the task or the victim any more, but the referral's label.
        searchable = [
            str(case.routing_result),
            case.pseudonym,
            *details,
            task.title,
            *CaseTask.objects.filter(case=case).values_list("title", flat=True),
        ]
        for text in searchable:
            assert PARTNER not in text and TASK not in text and "Roos" not in text
        # The recent case is untouched.
        kept = Case.objects.get(pk=recent.pk)
        assert kept.routing_result is not None and kept.pseudonym == "Roos-14"
        assert CaseTask.objects.get(pk=recent_task.pk).title == TASK
        assert set(CaseEvent.objects.filter(case=kept).values_list("detail", flat=True)) >= {TASK, PARTNER}
        assert PartnerLink.objects.filter(referral__case=kept, email="intake@csg.example").exists()

    # The dashboards count the same.
    assert rollup_rows() == before
