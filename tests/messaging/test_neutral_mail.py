"""E-mails about a case are neutral by construction: they say that there is news and
link to it, nothing more. The notification in the portal (after sign-in with MFA)
keeps the detail: the partner, the task, the case reference.

Checked three ways: every registered kind is either about a case (with a fixed
neutral text) or on the short list of kinds that are not; ``compose`` gives each
case kind's template none of what the caller passed, with the shipped text and with
a text a platform administrator wrote; and each of referrals' kinds, sent for real
about a case referred to a centre for sexual violence, mails none of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging import registry, reminders
from messaging.models import MessageTemplate, Notification, NotificationKind, Reminder
from messaging.notifications import CASE_TEMPLATE_NAMES, compose
from messaging.subjects import Subject
from portal.roles import Role
from referrals.cases import referral_services as lifecycle
from referrals.messages import NOTICE_KINDS
from tests.factories import PartnerFactory
from tests.referrals.factories import CaseTaskFactory, PartnerLinkFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

K = NotificationKind

# Kinds not about a victim's case: their e-mail may say what the notification says.
NOT_ABOUT_A_CASE = frozenset(
    {
        K.TRAINING_DUE,
        K.TRAINING_OVERDUE,
        K.CERTIFICATE_EXPIRING,
        K.WEEKLY_DIGEST,
        K.DELIVERY_FAILED,
        K.PRIVACY_REQUEST_DUE,
    }
)

PARTNER = "Centrum Seksueel Geweld"
TASK = "Meld de beelden bij Offlimits"
PSEUDONYM = "Roos-14"
DETAIL = f"Taak over de datum bij casus VO-2026-0042: {TASK} ({PARTNER}, {PSEUDONYM})"


def case_kinds() -> list[str]:
    return sorted(name for name, kind in registry.registered().items() if kind.about_case)


def test_every_kind_is_about_a_case_or_on_the_short_list_of_kinds_that_are_not():
    kinds = registry.registered()
    assert set(case_kinds()) >= {
        K.CASE_FOLLOW_UP,
        K.PARTNER_ACKNOWLEDGE,
        K.PARTNER_ESCALATION,
        K.TASK_OVERDUE,
        *NOTICE_KINDS,
    }
    # A new kind must choose: a neutral e-mail, or a place on this list in review.
    assert [name for name, kind in kinds.items() if not kind.about_case and name not in NOT_ABOUT_A_CASE] == []
    for name in case_kinds():
        neutral = kinds[name].neutral
        assert neutral is not None and "%" not in str(neutral.title) + str(neutral.body)


@pytest.mark.parametrize("kind", case_kinds())
@pytest.mark.parametrize("custom", [False, True], ids=["shipped text", "admin's text"])
def test_compose_gives_a_case_kind_none_of_the_detail(kind, custom, org, member_factory):
    if custom:
        everything = " ".join("{{ " + name + " }}" for name in CASE_TEMPLATE_NAMES)
        # Straight into the table: the admin form would refuse {{ organisation }} already.
        MessageTemplate.objects.create(kind=kind, subject=everything + " {{ organisation }}", body=everything)
    partner = PartnerFactory(name=PARTNER)
    member = member_factory(org, Role.CASE_HANDLER)
    mail = compose(
        kind,
        to=member.user.email,
        title=DETAIL,
        body=DETAIL,
        url=f"/o/{org.slug}/casussen/42/",
        organisation=partner,
        recipient=member.user,
    )
    text = mail.subject + "\n" + mail.body
    for detail in (PARTNER, TASK, PSEUDONYM, "VO-2026-0042", "Taak over de datum"):
        assert detail not in text
    neutral = registry.get(kind).neutral
    assert neutral is not None and str(neutral.title) in mail.subject
    assert f"/o/{org.slug}/casussen/42/" in mail.body


def test_a_kind_not_about_a_case_keeps_its_title(org, member_factory):
    member = member_factory(org, Role.LEARNER)
    mail = compose(
        K.TRAINING_DUE,
        to=member.user.email,
        title="De training “Het gesprek” moet af zijn op 01-02-2027",
        body="",
        url="/",
        organisation=org,
        recipient=member.user,
    )
    assert "Het gesprek" in mail.subject


# --- Every case kind, sent for real --------------------------------------------------------


@pytest.fixture
def csg(db):
    return PartnerFactory(name=PARTNER, slug="csg", destination_code="csg")


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


@pytest.fixture
def case(org, handler):
    return RoutedCaseFactory(organisation=org, handler=handler.user, pseudonym=PSEUDONYM)


@pytest.fixture
def referral(org, case, csg):
    return ReferralFactory(
        organisation=org, case=case, partner=csg, destination="csg", destination_label=PARTNER, summary="Beelden."
    )


def _send_every_pending(now):
    with scopes_disabled():
        ids = list(Reminder.objects.filter(status=Reminder.Status.PENDING).values_list("pk", flat=True))
    return reminders.deliver_many(ids, now=now)


def test_every_case_kind_sent_for_real_mails_no_detail(org, case, referral, csg, handler, member_factory, mailoutbox):
    intake = member_factory(csg, Role.PARTNER_INTAKE)
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    task = CaseTaskFactory(
        organisation=org, case=case, title=TASK, destination="offlimits", due_date=timezone.localdate()
    )
    by_link = ReferralFactory(organisation=org, case=case, partner=None, destination="csg", destination_label=PARTNER)
    PartnerLinkFactory(referral=by_link, email="intake@csg.example")
    now = timezone.now()
    planned = [
        (K.CASE_FOLLOW_UP, Subject.case(case.pk)),
        (K.TASK_OVERDUE, Subject.task(task.pk)),
        (K.PARTNER_ACKNOWLEDGE, Subject.referral(referral.pk)),
        (K.PARTNER_ACKNOWLEDGE, Subject.referral(by_link.pk)),
        (K.PARTNER_ESCALATION, Subject.referral(referral.pk)),
    ]
    for kind, subject in planned:
        reminders.reminder_schedule(organisation=org, kind=kind, subject=subject, due_at=now - timedelta(minutes=1))
    first = _send_every_pending(now)
    # Then the partner acknowledges and writes: two notices, mailed by the next sweep.
    with scope(organisation=csg):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
        lifecycle.referral_post_update(referral=referral, text="Wij bellen morgen.", actor_membership=intake)
    second = _send_every_pending(timezone.now() + timedelta(seconds=1))
    assert set(first.values()) == set(second.values()) == {"sent"}, (first, second)

    sent_kinds = {kind for kind, _subject in planned} | {K.REFERRAL_ACKNOWLEDGED, K.REFERRAL_MESSAGE}
    with scopes_disabled():
        notified = set(Notification.objects.values_list("kind", flat=True))
    # Only the partner without an account has no notification centre.
    assert notified == sent_kinds
    recipients = {m.to[0] for m in mailoutbox}
    assert {handler.user.email, coordinator.user.email, "intake@csg.example"} <= recipients
    assert len(mailoutbox) >= len(planned)
    for mail in mailoutbox:
        text = mail.subject + "\n" + mail.body
        for detail in (PARTNER, TASK, PSEUDONYM, case.reference, org.name, "Beelden", "Wij bellen"):
            assert detail not in text, (mail.subject, detail)
        assert mail.subject in ("Er is nieuws over een casus", "Er is nieuws over een doorverwijzing")
    # The notifications in the portal keep the detail.
    with scopes_disabled():
        titles = list(Notification.objects.filter(user=handler.user).values_list("title", flat=True))
    assert any(TASK in title for title in titles) and any(PARTNER in title for title in titles)
