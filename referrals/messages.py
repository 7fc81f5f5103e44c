"""What referrals sends: its reminder kinds, planned by its services and built at
send time, and the notices that tell a case handler a referral moved.

Registered from ``ReferralsConfig.ready`` (``register_kinds``); the engine that plans,
sweeps and sends is ``messaging.reminders``.

Planning (called by the services, in their transaction): ``plan_case_follow_ups``
(``case_open``), ``plan_referral_acknowledgement`` (``referral_send``: the partner's
reminder and the escalation), ``plan_task``.

Notices: the transitions in ``referrals.cases.referral_services`` call ``referral_moved`` inside
their own transaction, after the chronology line, when the *other* side acted: the
partner acknowledged, accepted, declined, wrote or closed the referral (signed in or
by link), or the municipality redirected it. The handler's own steps tell nobody.
It writes one ``Notification`` per case handler (the case's handler, else every
active member who may handle cases) and plans its e-mail for the sweep
(``messaging.notices``).

Neither holds victim data: who acted, the case reference, what happened, the next
step and a link. Never the summary, a message, a decline reason or the
municipality's reason: those are read in the portal.

Every kind here is about a victim's case, so each is registered with a neutral
e-mail (``registry.NeutralMail``): the notification in the portal names the case,
the partner or the task (read after sign-in with MFA), the e-mail says only that
there is news and links to it. Which partner a case went to (a centre for sexual
violence, the police) or which task is open says something about what happened; a
mail can be forwarded, read on a lock screen or in a shared mailbox, and it outlives
the case's retention period. Even the case reference is left out: the link leads to
the case, and a reference in a mailbox is an identifier the retention sweep cannot
reach.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from messaging import registry
from messaging.digest import digest_counter
from messaging.models import Notification, NotificationKind, Reminder
from messaging.notices import build_notice_mail, notices_write
from messaging.recipients import members_who_can
from messaging.reminders import (
    Batch,
    Outgoing,
    morning,
    reminder_move,
    reminder_schedule,
    subject_id,
)
from messaging.services import subjects_forget
from messaging.subjects import Subject
from portal.models import Membership, Organisation, User
from portal.roles import Action
from referrals.models import Case, CaseEvent, CaseTask, OrganisationCaseSettings, Referral
from referrals.workdays import add_working_days

K = NotificationKind
DEFAULT_FOLLOW_UP_DAYS = (7, 30, 90)
MAX_FOLLOW_UP_DAY = 730
PARTNER_REMINDER_WORKING_DAYS = 2
PARTNER_ESCALATION_WORKING_DAYS = 5
CONVERSATION_MODULE_SLUG = "het-gesprek"

# The whole e-mail text of referrals' kinds (see the module docstring): fixed, no placeholders.
CASE_NEWS = registry.NeutralMail(
    title=gettext_lazy("Er is nieuws over een casus"),
    body=gettext_lazy("Meld je aan in het portaal en lees daar wat er is en wat je nu kunt doen."),
)
REFERRAL_NEWS = registry.NeutralMail(
    title=gettext_lazy("Er is nieuws over een doorverwijzing"),
    body=gettext_lazy("Meld je aan in het portaal en lees daar wat er is en wat je nu kunt doen."),
)
# For a partner, also one without an account (who works through a one-time link).
PARTNER_NEWS = registry.NeutralMail(
    title=gettext_lazy("Er is nieuws over een doorverwijzing"),
    body=gettext_lazy(
        "Meld je aan in het portaal en lees daar wat er is en wat je nu kunt doen. Werk je zonder account? "
        "Open de doorverwijzing dan met de link uit de e-mail die je eerder kreeg, of vraag de verwijzer om een "
        "nieuwe link."
    ),
)

# Kinds whose notification is written by the transition that causes it; the reminder only mails it.
NOTICE_KINDS = frozenset(
    {
        K.REFERRAL_ACKNOWLEDGED,
        K.REFERRAL_ACCEPTED,
        K.REFERRAL_DECLINED,
        K.REFERRAL_MESSAGE,
        K.REFERRAL_CLOSED,
        K.REFERRAL_REDIRECTED,
    }
)


# --- Planning ---------------------------------------------------------------------------


def follow_up_days_validate(days: object) -> list[int]:
    """A follow-up schedule: whole days after opening, each 1–730, no doubles.
    Raises ValidationError on ``follow_up_days``."""
    if not isinstance(days, (list, tuple)) or not days:
        raise ValidationError({"follow_up_days": [_("Geef minstens één aantal dagen.")]})
    if any(isinstance(d, bool) or not isinstance(d, int) for d in days):
        raise ValidationError({"follow_up_days": [_("Gebruik alleen hele getallen.")]})
    if any(d < 1 or d > MAX_FOLLOW_UP_DAY for d in days):
        raise ValidationError(
            {"follow_up_days": [_("Elk aantal dagen ligt tussen 1 en %(max)s.") % {"max": MAX_FOLLOW_UP_DAY}]}
        )
    if len(set(days)) != len(days):
        raise ValidationError({"follow_up_days": [_("Elk aantal dagen mag maar één keer voorkomen.")]})
    return sorted(days)


def follow_up_days_for(organisation_id: int) -> list[int]:
    with scopes_disabled():
        stored = (
            OrganisationCaseSettings.objects.filter(organisation_id=organisation_id)
            .values_list("follow_up_days", flat=True)
            .first()
        )
    return list(stored) if stored else list(DEFAULT_FOLLOW_UP_DAYS)


def plan_case_follow_ups(case: Case) -> None:
    for days in follow_up_days_for(case.organisation_id):
        reminder_schedule(
            organisation=case.organisation,
            kind=K.CASE_FOLLOW_UP,
            subject=Subject.case(case.pk),
            due_at=case.created_at + timedelta(days=days),
        )


def plan_referral_acknowledgement(referral: Referral) -> None:
    country = (referral.case.facts or {}).get("country") or referral.organisation.country
    sent = timezone.localtime(referral.sent_at)
    for kind, days in (
        (K.PARTNER_ACKNOWLEDGE, PARTNER_REMINDER_WORKING_DAYS),
        (K.PARTNER_ESCALATION, PARTNER_ESCALATION_WORKING_DAYS),
    ):
        reminder_schedule(
            organisation=referral.organisation,
            kind=kind,
            subject=Subject.referral(referral.pk),
            due_at=add_working_days(sent, days, country),
        )


def plan_task(task: CaseTask) -> None:
    if task.due_date is not None:
        reminder_move(
            organisation=task.organisation,
            kind=K.TASK_OVERDUE,
            subject=Subject.task(task.pk),
            due_at=morning(task.due_date + timedelta(days=1)),
        )


# --- What each kind says, to whom (decided at send time) ------------------------------------


def case_handlers(case: Case) -> list[User]:
    """The case's handler, else every active member of its organisation who may handle cases."""
    if case.handler is not None and case.handler.is_active:
        return [case.handler]
    return [m.user for m in members_who_can(Action.CASE_HANDLE, organisation_id=case.organisation_id)]


def _case_url(case: Case) -> str:
    return reverse("cases:case_detail", kwargs={"org_slug": case.organisation.slug, "case_id": case.pk})


def _cases(ids: list[int]) -> dict[int, Any]:
    """The cases of one batch's follow-ups, in one query."""
    return Case.objects.select_related("organisation", "handler").in_bulk(ids)


def _build_case_follow_up(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    case = batch.prefetched(reminder)
    if case is None:
        case = Case.objects.select_related("organisation", "handler").filter(pk=subject_id(reminder)).first()
    if case is None or case.status != Case.Status.OPEN:
        return []
    days = (reminder.due_at - case.created_at).days
    lesson = reverse(
        "training:module", kwargs={"org_slug": case.organisation.slug, "module_slug": CONVERSATION_MODULE_SLUG}
    )
    title = _("Nazorg: neem contact op over casus %(ref)s (dag %(days)s)") % {"ref": case.reference, "days": days}
    body = _(
        "Vraag hoe het nu gaat en of er nog iets nodig is. Tips voor dat gesprek staan in de training: %(url)s"
    ) % {"url": settings.SITE_URL + lesson}
    return [
        Outgoing(
            key=f"user:{u.pk}", user=u, title=title, body=body, url=_case_url(case), organisation=case.organisation
        )
        for u in case_handlers(case)
    ]


def _after_case_follow_up(reminder: Reminder, now: datetime, batch: Batch) -> None:
    if reminder.organisation_id is None:  # planned with the case's organisation: never
        raise ValueError(f"The case follow-up reminder {reminder.pk} has no organisation.")
    batch.add(
        CaseEvent(
            organisation_id=reminder.organisation_id,
            case_id=subject_id(reminder),
            kind=CaseEvent.Kind.REMINDER_SENT,
            detail=str(NotificationKind.CASE_FOLLOW_UP.label),
        )
    )


def partner_referral_url(referral: Referral) -> str:
    """The referral in the partner's inbox."""
    if referral.partner is None:
        raise ValueError(f"Referral {referral.pk} has no partner on the portal.")
    return reverse("partner:referral_detail", kwargs={"org_slug": referral.partner.slug, "received_id": referral.pk})


def area_referral_url(referral: Referral) -> str:
    """The referral on its municipality's pages."""
    if referral.municipality is None:
        raise ValueError(f"Referral {referral.pk} has no municipality.")
    return reverse(
        "area:referral_detail", kwargs={"org_slug": referral.municipality.slug, "area_referral_id": referral.pk}
    )


def _referral(reminder: Reminder) -> Referral | None:
    return (
        Referral.objects.select_related("case", "organisation", "partner", "municipality", "case__handler")
        .filter(pk=subject_id(reminder))
        .first()
    )


def _build_partner_acknowledge(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    referral = _referral(reminder)
    if referral is None or referral.status != Referral.Status.SENT:
        return []
    title = _("Herinnering: bevestig de doorverwijzing van %(org)s") % {"org": referral.organisation.name}
    if referral.partner is not None:
        url = partner_referral_url(referral)
        members = members_who_can(Action.REFERRAL_RECEIVE, organisation_id=referral.partner.pk)
        return [
            Outgoing(key=f"user:{m.user_id}", user=m.user, title=title, url=url, organisation=referral.partner)
            for m in members
        ]
    link = referral.links.filter(revoked_at__isnull=True, used_at__isnull=True, expires_at__gt=now).first()
    if link is None:
        return []
    body = _("Gebruik de link uit de eerste e-mail van %(date)s. Kwijt? Vraag de verwijzer om een nieuwe.") % {
        "date": timezone.localtime(link.created_at).strftime("%d-%m-%Y")
    }
    return [Outgoing(key=f"email:{link.email}", email=link.email, title=title, body=body, url="", organisation=None)]


def _build_partner_escalation(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    referral = _referral(reminder)
    if referral is None or referral.status != Referral.Status.SENT:
        return []
    title = _("Escalatie: %(dest)s heeft de doorverwijzing bij casus %(ref)s na 5 werkdagen niet bevestigd") % {
        "dest": referral.destination_label,
        "ref": referral.case.reference,
    }
    out = [
        Outgoing(
            key=f"user:{u.pk}", user=u, title=title, url=_case_url(referral.case), organisation=referral.organisation
        )
        for u in case_handlers(referral.case)
    ]
    municipality = referral.municipality  # read with the referral (select_related)
    if municipality is not None:
        area_title = _(
            "Escalatie: doorverwijzing D-%(pk)s van %(org)s naar %(dest)s is na 5 werkdagen niet bevestigd"
        ) % {
            "pk": referral.pk,
            "org": referral.organisation.name,
            "dest": referral.destination_label,
        }
        url = area_referral_url(referral)
        coordinators = members_who_can(Action.REFERRAL_AREA, organisation_id=municipality.pk)
        out.extend(
            Outgoing(key=f"user:{m.user_id}", user=m.user, title=area_title, url=url, organisation=municipality)
            for m in coordinators
        )
    return out


def _after_escalation(reminder: Reminder, now: datetime, batch: Batch) -> None:
    referral = Referral.objects.filter(pk=subject_id(reminder)).first()
    if referral is not None:
        Referral.objects.filter(pk=referral.pk, escalated_at__isnull=True).update(escalated_at=now)
        CaseEvent.objects.create(
            organisation_id=referral.organisation_id,
            case_id=referral.case_id,
            referral=referral,
            kind=CaseEvent.Kind.REMINDER_SENT,
            detail=str(NotificationKind.PARTNER_ESCALATION.label),
        )


def _build_task_overdue(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    task = (
        CaseTask.objects.select_related("case", "case__organisation", "assignee", "case__handler")
        .filter(pk=subject_id(reminder))
        .first()
    )
    if task is None or task.status != CaseTask.Status.OPEN or task.case.status != Case.Status.OPEN:
        return []
    title = _("Taak over de datum bij casus %(ref)s: %(task)s") % {"ref": task.case.reference, "task": task.title}
    users = [task.assignee] if task.assignee is not None and task.assignee.is_active else case_handlers(task.case)
    return [
        Outgoing(key=f"user:{u.pk}", user=u, title=title, url=_case_url(task.case), organisation=task.case.organisation)
        for u in users
    ]


@digest_counter
def _digest_counts(membership: Membership, now: datetime) -> dict[str, int]:
    """The digest's follow-ups sent this week and referrals not yet acknowledged."""
    org_id = membership.organisation_id
    follow_ups = Reminder.objects.filter(
        organisation_id=org_id,
        kind=K.CASE_FOLLOW_UP,
        status=Reminder.Status.SENT,
        sent_at__gte=now - timedelta(days=7),
    ).count()
    unacknowledged = Referral.objects.filter(organisation_id=org_id, status=Referral.Status.SENT).count()
    return {"follow_ups": follow_ups, "unacknowledged": unacknowledged}


# --- Notices: a referral moved ---------------------------------------------------------------


def _referral_url(referral: Referral) -> str:
    case_url = reverse(
        "cases:case_detail", kwargs={"org_slug": referral.organisation.slug, "case_id": referral.case_id}
    )
    return f"{case_url}#doorverwijzing-{referral.pk}"


def _compose(referral: Referral, kind: str, new: Referral | None) -> tuple[str, str, str]:
    """(title, next step, link) for ``kind``. The title says what happened, the body
    what the handler does now."""
    names = {"partner": referral.destination_label, "ref": referral.case.reference}
    url = _referral_url(referral)
    if kind == K.REFERRAL_ACKNOWLEDGED:
        title = _("%(partner)s heeft de doorverwijzing bij casus %(ref)s ontvangen") % names
        body = _("Je hoeft nu niets te doen. %(partner)s laat weten of ze de doorverwijzing aannemen.") % names
    elif kind == K.REFERRAL_ACCEPTED:
        title = _("%(partner)s heeft de doorverwijzing bij casus %(ref)s aangenomen") % names
        body = (
            _("Vertel het slachtoffer dat %(partner)s gaat helpen. Kijk in het portaal of er een bericht bij staat.")
            % names
        )
    elif kind == K.REFERRAL_DECLINED:
        title = _("%(partner)s heeft de doorverwijzing bij casus %(ref)s afgewezen") % names
        body = _(
            "Lees de reden in het portaal. Kies een andere organisatie uit het advies en maak een nieuwe doorverwijzing."
        )
    elif kind == K.REFERRAL_MESSAGE:
        title = _("Nieuw bericht van %(partner)s bij casus %(ref)s") % names
        body = _("Lees het bericht en antwoord in het portaal, bij de doorverwijzing.")
    elif kind == K.REFERRAL_CLOSED:
        title = _("%(partner)s heeft de doorverwijzing bij casus %(ref)s afgesloten") % names
        body = _(
            "Uitkomst: %(outcome)s. Kijk of de casus nog iets nodig heeft. Is alles gedaan? Sluit dan de casus."
        ) % {"outcome": referral.get_outcome_display()}
    elif kind == K.REFERRAL_REDIRECTED and new is not None:
        title = _("De gemeente heeft de doorverwijzing bij casus %(ref)s omgeleid naar %(new)s") % {
            **names,
            "new": new.destination_label,
        }
        body = _("Leg toestemming vast voor %(new)s. Verstuur daarna de nieuwe doorverwijzing.") % {
            "new": new.destination_label
        }
        url = reverse("cases:consent_record", kwargs={"org_slug": referral.organisation.slug, "referral_id": new.pk})
    else:
        raise ValueError(kind)
    return title, body, url


def referral_moved(*, referral: Referral, kind: str, new: Referral | None = None) -> list[Notification]:
    """Tell the case handler(s) that ``referral`` moved (``kind``, one of
    ``NOTICE_KINDS``); ``new`` is the draft a redirect made. Call inside the
    transition's transaction. Returns the notifications written."""
    title, body, url = _compose(referral, kind, new)
    # The partner or the municipality acts from its own scope; the handlers and the
    # rows belong to the referrer.
    with scopes_disabled():
        handlers = case_handlers(referral.case)
    return notices_write(
        users=handlers, organisation_id=referral.organisation_id, kind=kind, title=title, body=body, url=url
    )


# --- Forgetting: a case's messages go with its personal data ---------------------------------


def cases_forget(cases: list[Case]) -> tuple[int, int]:
    """Delete the notifications and reminders about ``cases``: reminders about the case,
    its referrals and its tasks (planned or sent), and every notification that links
    to the case's page, a referral's consent page, or the referral in the partner's
    inbox or on the municipality's pages, in whichever organisation's notification
    centre. Called by the retention sweep when it anonymises cases (in its
    transaction) and, through ``_case_deleting``, whenever a case is deleted. Returns
    (notifications, reminders) deleted.

    A notification's link holds the organisation's slug as it was when it was written;
    one written before an organisation's slug changed is not found here (it goes with
    the recipient's account)."""
    if not cases:
        return 0, 0
    organisation_ids = {case.organisation_id for case in cases}
    if len(organisation_ids) != 1:
        raise ValueError(f"Cases of one organisation at a time, not of {sorted(organisation_ids)}.")
    organisation_id = organisation_ids.pop()
    ids = [case.pk for case in cases]
    # In the cases' organisation's scope: the case, its referrals and tasks are its rows.
    with scope(organisation=organisation_id):
        slug = Organisation.objects.filter(pk=organisation_id).values_list("slug", flat=True).get()
        referrals = list(Referral.objects.filter(case_id__in=ids).select_related("partner", "municipality"))
        task_ids = list(CaseTask.objects.filter(case_id__in=ids).values_list("pk", flat=True))
    subjects = [
        *(Subject.case(pk) for pk in ids),
        *(Subject.referral(referral.pk) for referral in referrals),
        *(Subject.task(pk) for pk in task_ids),
    ]
    links = [reverse("cases:case_detail", kwargs={"org_slug": slug, "case_id": pk}) for pk in ids]
    for referral in referrals:
        links.append(reverse("cases:consent_record", kwargs={"org_slug": slug, "referral_id": referral.pk}))
        if referral.partner is not None:
            links.append(partner_referral_url(referral))
        if referral.municipality is not None:
            links.append(area_referral_url(referral))
    return subjects_forget(organisation=organisation_id, subjects=subjects, links=links)


def _case_deleting(sender: Any, instance: Case, **kwargs: Any) -> None:
    """Any deletion of a case (retention, erasure, the shell): its messages go first,
    while its referrals and tasks still exist to say which they are."""
    cases_forget([instance])


# Connected when the app loads this module (``ReferralsConfig.ready``), like the kinds below.
pre_delete.connect(_case_deleting, sender=Case, dispatch_uid="referrals.messages.case_forget")


def register_kinds() -> None:
    """referrals' kinds, from ``ReferralsConfig.ready``."""
    handle = (Action.CASE_HANDLE,)
    for kind in (
        registry.Kind(
            name=K.CASE_FOLLOW_UP,
            build=_build_case_follow_up,
            after_send=_after_case_follow_up,
            prefetch=_cases,
            receivers=handle,
            neutral=CASE_NEWS,
        ),
        registry.Kind(
            name=K.PARTNER_ACKNOWLEDGE,
            build=_build_partner_acknowledge,
            receivers=(Action.REFERRAL_RECEIVE,),
            neutral=PARTNER_NEWS,
        ),
        registry.Kind(
            name=K.PARTNER_ESCALATION,
            build=_build_partner_escalation,
            after_send=_after_escalation,
            receivers=(Action.CASE_HANDLE, Action.REFERRAL_AREA),
            neutral=REFERRAL_NEWS,
        ),
        registry.Kind(name=K.TASK_OVERDUE, build=_build_task_overdue, receivers=handle, neutral=CASE_NEWS),
        *(
            registry.Kind(name=name, build=build_notice_mail, receivers=handle, neutral=CASE_NEWS)
            for name in sorted(NOTICE_KINDS)
        ),
    ):
        registry.register(kind)
