"""The case handler is told when a referral moves: the partner acknowledges, accepts,
declines, writes or closes it, or the municipality redirects it.

Each move writes the notification row in its own transaction and plans its e-mail as
a reminder due at once, which the sweep sends exactly once (messaging/reminders.py).
Neither holds victim data: what happened, what to do next, and a link. The
notification (read after sign-in with MFA) names the partner and the case; the e-mail
says only that there is news about a case and links to it (``assert_neutral_mail``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging import reminders
from messaging.models import Notification, NotificationKind, NotificationPreference, Reminder
from messaging.subjects import Subject
from portal.roles import Role
from referrals.cases import referral_services as lifecycle
from referrals.cases.referral_services import TransitionNotAllowed
from referrals.models import Referral
from tests.factories import PartnerFactory
from tests.referrals.factories import PartnerLinkFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

K = NotificationKind
S = Referral.Status
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."
SECRET_TEXT = "Moeder belde: J.B. durft niet naar school"


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Slachtofferhulp Nederland", slug="shn", destination_code="slachtofferhulp")


@pytest.fixture
def intake(partner, member_factory):
    return member_factory(partner, Role.PARTNER_INTAKE)


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


@pytest.fixture
def referral(org, partner, handler):
    case = RoutedCaseFactory(organisation=org, handler=handler.user)
    return ReferralFactory(organisation=org, case=case, partner=partner)


def notifications(user):
    with scopes_disabled():
        return list(Notification.objects.filter(user=user).order_by("pk"))


def mail_reminders():
    with scopes_disabled():
        return list(Reminder.objects.filter(subject__startswith=Subject.prefix("notification")).order_by("pk"))


def send_due(mailoutbox):
    """What the sweep's task does a minute later: deliver every due reminder."""
    ids = [r.pk for r in mail_reminders() if r.status == Reminder.Status.PENDING]
    outcomes = reminders.deliver_many(ids, now=timezone.now() + timedelta(seconds=1))
    return outcomes, mailoutbox


def assert_no_victim_data(*texts):
    for text in texts:
        assert SUMMARY not in text and "J.B." not in text and SECRET_TEXT not in text


def assert_neutral_mail(mail, referral, *, names=("Slachtofferhulp Nederland",)):
    """The e-mail says there is news about a case, and no more: no partner or other
    destination, no case reference, no pseudonym, no summary."""
    assert mail.subject == "Er is nieuws over een casus"
    text = mail.subject + mail.body
    for detail in (*names, referral.destination_label, referral.case.reference, referral.case.pseudonym):
        assert detail not in text
    assert_no_victim_data(text)


def test_acknowledging_tells_the_handler_once_in_app_and_by_mail(org, referral, handler, intake, mailoutbox):
    with scope(organisation=intake.organisation):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
    [notice] = notifications(handler.user)
    assert notice.kind == K.REFERRAL_ACKNOWLEDGED
    assert "Slachtofferhulp Nederland" in notice.title and referral.case.reference in notice.title
    assert notice.body.startswith("Je hoeft nu niets te doen.")  # the next step, in words
    assert notice.url == f"/o/{org.slug}/casussen/{referral.case_id}/#doorverwijzing-{referral.pk}"
    # The mail is not sent inline: it waits, due now, for the sweep.
    assert mailoutbox == []
    [planned] = mail_reminders()
    assert (planned.kind, planned.subject, planned.status) == (
        K.REFERRAL_ACKNOWLEDGED,
        str(Subject.notification(notice.pk)),
        "pending",
    )
    assert planned.due_at <= timezone.now()

    outcomes, outbox = send_due(mailoutbox)
    assert list(outcomes.values()) == ["sent"]
    [mail] = outbox
    assert mail.to == [handler.user.email]
    # The notification names partner and case; the e-mail only that there is news, and the link.
    assert notice.title not in mail.subject + mail.body
    assert_neutral_mail(mail, referral)
    assert f"/o/{org.slug}/casussen/{referral.case_id}/#doorverwijzing-{referral.pk}" in mail.body
    assert_no_victim_data(notice.title, notice.body)
    # Exactly once: no second row in the notification centre, no second mail.
    assert len(notifications(handler.user)) == 1
    assert reminders.deliver(planned.pk) == "done" and len(mailoutbox) == 1


def test_accepting_with_a_message_names_the_next_step(referral, handler, intake, mailoutbox):
    with scope(organisation=intake.organisation):
        lifecycle.referral_accept(referral=_acknowledged(referral), actor_membership=intake, message=SECRET_TEXT)
    kinds = [n.kind for n in notifications(handler.user)]
    assert kinds == [K.REFERRAL_ACCEPTED]
    [notice] = notifications(handler.user)
    assert "aangenomen" in notice.title
    assert_no_victim_data(notice.title, notice.body)
    send_due(mailoutbox)
    assert_neutral_mail(mailoutbox[0], referral)


def _acknowledged(referral):
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(status=S.ACKNOWLEDGED, acknowledged_at=timezone.now())
        return Referral.objects.get(pk=referral.pk)


def test_declining_says_choose_another_organisation_without_the_reason(referral, handler, intake, mailoutbox):
    with scope(organisation=intake.organisation):
        lifecycle.referral_decline(referral=_acknowledged(referral), actor_membership=intake, reason=SECRET_TEXT)
    [notice] = notifications(handler.user)
    assert notice.kind == K.REFERRAL_DECLINED
    assert "Kies een andere organisatie" in notice.body
    send_due(mailoutbox)
    [mail] = mailoutbox
    # The next step is in the portal; the e-mail says there is news and where to read it.
    assert "Kies een andere organisatie" not in mail.body and "Meld je aan in het portaal" in mail.body
    assert_neutral_mail(mail, referral)
    assert_no_victim_data(notice.title, notice.body)


def test_a_partner_message_says_read_and_answer_but_not_the_message(referral, handler, intake, mailoutbox):
    with scope(organisation=intake.organisation):
        lifecycle.referral_post_update(referral=referral, text=SECRET_TEXT, actor_membership=intake)
    [notice] = notifications(handler.user)
    assert notice.kind == K.REFERRAL_MESSAGE
    assert "Lees het bericht en antwoord" in notice.body
    send_due(mailoutbox)
    assert_no_victim_data(notice.title, notice.body)
    assert_neutral_mail(mailoutbox[0], referral)


def test_the_handlers_own_moves_tell_nobody(referral, handler, mailoutbox):
    with scope(organisation=handler.organisation):
        lifecycle.referral_post_update(referral=referral, text="Dank voor het bericht.", actor_membership=handler)
        lifecycle.referral_close(referral=referral, outcome=Referral.Outcome.WITHDRAWN, actor_membership=handler)
    assert notifications(handler.user) == [] and mail_reminders() == []


def test_closing_by_the_partner_names_the_outcome(referral, handler, intake, mailoutbox):
    accepted = _acknowledged(referral)
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(status=S.ACCEPTED)
        accepted.refresh_from_db()
    with scope(organisation=intake.organisation):
        lifecycle.referral_close(referral=accepted, outcome=Referral.Outcome.HELPED, actor_membership=intake)
    [notice] = notifications(handler.user)
    assert notice.kind == K.REFERRAL_CLOSED
    assert str(Referral.Outcome.HELPED.label) in notice.body


def test_a_redirect_asks_for_consent_for_the_new_organisation(org, referral, handler, member_factory, mailoutbox):
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    with scope(organisation=org.parent):
        new = lifecycle.referral_redirect(
            actor_membership=coordinator, referral=referral, destination="helpwanted", reason="Past beter bij beelden."
        )
    [notice] = notifications(handler.user)
    assert notice.kind == K.REFERRAL_REDIRECTED
    assert f"Leg toestemming vast voor {new.destination_label}" in notice.body
    assert notice.url == f"/o/{org.slug}/casussen/doorverwijzingen/{new.pk}/toestemming/"
    assert notice.organisation_id == org.pk
    # The coordinator's reason is theirs to give in the portal; the mail says what happened.
    send_due(mailoutbox)
    [mail] = mailoutbox
    assert "Past beter" not in mail.body
    # Neither the old nor the new destination is in the e-mail.
    assert_neutral_mail(mail, referral, names=("Slachtofferhulp Nederland", new.destination_label))
    assert f"/o/{org.slug}/casussen/doorverwijzingen/{new.pk}/toestemming/" in mail.body
    assert notifications(coordinator.user) == []


def test_a_partner_by_link_also_tells_the_handler(org, handler):
    case = RoutedCaseFactory(organisation=org, handler=handler.user)
    referral = ReferralFactory(organisation=org, case=case, partner=None)
    link = PartnerLinkFactory(referral=referral)
    lifecycle.referral_acknowledge(referral=referral, link=link)
    [notice] = notifications(handler.user)
    assert notice.kind == K.REFERRAL_ACKNOWLEDGED and referral.destination_label in notice.title


def test_without_a_handler_every_case_handler_of_the_organisation_is_told(org, partner, intake, member_factory):
    first, second = member_factory(org, Role.CASE_HANDLER), member_factory(org, Role.CASE_HANDLER)
    member_factory(org, Role.LEARNER)
    referral = ReferralFactory(
        organisation=org, case=RoutedCaseFactory(organisation=org, handler=None), partner=partner
    )
    with scope(organisation=intake.organisation):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
    assert len(notifications(first.user)) == len(notifications(second.user)) == 1
    assert len(mail_reminders()) == 2


def test_e_mail_follows_the_handlers_choice(referral, handler, intake, mailoutbox):
    NotificationPreference.objects.create(user=handler.user, kind=K.REFERRAL_ACKNOWLEDGED, email=False)
    with scope(organisation=intake.organisation):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
    outcomes, _ = send_due(mailoutbox)
    assert list(outcomes.values()) == ["sent"]
    assert mailoutbox == []
    assert len(notifications(handler.user)) == 1  # the notification centre always shows it


def test_a_refused_move_leaves_no_notification(referral, handler, intake):
    with scope(organisation=intake.organisation), pytest.raises(TransitionNotAllowed):
        lifecycle.referral_accept(referral=referral, actor_membership=intake)  # not acknowledged yet
    assert notifications(handler.user) == [] and mail_reminders() == []


def test_the_notification_centre_and_preferences_show_the_new_kinds(login_as, referral, handler, intake):
    with scope(organisation=intake.organisation):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
    client = login_as(handler)
    page = client.get("/meldingen/").text
    assert "heeft de doorverwijzing" in page and "Je hoeft nu niets te doen." in page
    preferences = client.get("/meldingen/voorkeuren/").text
    for kind in (K.REFERRAL_ACKNOWLEDGED, K.REFERRAL_DECLINED, K.REFERRAL_MESSAGE, K.REFERRAL_REDIRECTED):
        assert str(kind.label) in preferences
