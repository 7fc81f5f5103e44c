"""Erasure (art. 17 AVG): what the portal wipes for one person in one organisation, and
why it keeps the rest.

``erasure_plan`` says, item by item, what would be wiped and what is kept with its
reason, without writing anything; ``erasure_apply`` does the same work in one
transaction and returns the same list. Both run in ``scope(organisation=organisation)``:
nothing of another organisation is read or touched, also when the same user is a
member there.

The rules (B1 Dutch reasons in the items):

* A victim's case that is still open, or whose referral a partner is still working on,
  is not wiped: the help is still going on (art. 17 lid 3 AVG). Close it first.
* A closed case is wiped as the retention sweep does it (contact details, notes,
  evidence, tasks, chronology, referrals and their messages, reminders and the
  notifications that link to it), and counted in the organisation's ``DeletionLog``
  (anonymised and deleted), so the deletion figures stay right.
* A referral that reached a partner: what the partner received is theirs (they are a
  controller themselves); the portal cannot wipe it there, so the item says to tell
  that partner (art. 19 AVG).
* The access log and the processing log are kept: they hold no content and show who
  did what (art. 5 lid 2 and art. 32 AVG); they have their own retention.
* The seeds (``/work/shared/seeds``) name no legal duty to keep a case file, also not
  for a step to Veilig Thuis; the inventory names the meldcode as a ground to process,
  not a retention period. So the portal does not hold a case back for it; when a case
  has such a step, the plan asks the coordinator to check the organisation's meldcode
  before applying.
* A member: refused when they are the organisation's last active coordinator.
  Otherwise this organisation's training, certificates, notifications, reminders,
  invitations and the membership go; audit rows, access-log rows and the cases they
  handled stay. The account goes only when no membership in another organisation is
  left and it has no platform role; the reason never names the other organisation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope

from messaging.models import Notification, Reminder
from messaging.subjects import Subject as ReminderSubject
from portal.models import AuditEvent, ExportJob, Invitation, Membership, Organisation, User
from portal.processing_log import Operation, record, staff_subject, subject_entries, victim_subject
from portal.roles import MANAGER_ROLES, Action, Role, can
from portal.selectors import active_manager_count
from portal.services import user_end_sessions, user_sync_staff_flags
from privacy.inventory.base import RETENTION_TEXT, Retention
from privacy.subject_data import PersonSubject, StaffSubject, VictimSubject, references_of, training_rows
from referrals.models import (
    Case,
    PersonalDataAccess,
    Referral,
    VictimContact,
)
from referrals.services import deletion_log_add
from sso.models import SignInAttempt
from training.models import Assignment, Certificate, ModuleAttempt


@dataclass(frozen=True)
class ErasureItem:
    what: str  # Dutch, e.g. "Contactgegevens bij casus 2026-0001"
    erased: bool
    reason: str  # Dutch: what was done, or why it is kept (legal ground)


# Referral statuses in which the partner is still working on it.
REFERRAL_RUNNING = frozenset({Referral.Status.SENT, Referral.Status.ACKNOWLEDGED, Referral.Status.ACCEPTED})
# Destinations that mean a report to or advice from Veilig Thuis (the meldcode's step in the Netherlands).
MELDCODE_DESTINATIONS = frozenset({"veilig_thuis"})


class _Work:
    """The items, and the writes that go with them (run only by ``erasure_apply``)."""

    def __init__(self) -> None:
        self.items: list[ErasureItem] = []
        self.actions: list[Callable[[], Any]] = []

    def keep(self, what: str, reason: str) -> None:
        self.items.append(ErasureItem(what=what, erased=False, reason=reason))

    def erase(self, what: str, reason: str, *actions: Callable[[], Any]) -> None:
        self.items.append(ErasureItem(what=what, erased=True, reason=reason))
        self.actions.extend(actions)


def _logs_kept(work: _Work, *, access_what: str | None = None, entries_what: str | None = None) -> None:
    if access_what:
        work.keep(
            access_what,
            _(
                "Blijft bewaard. Hier staat alleen wie de gegevens inzag en wanneer, niet wat erin stond. De "
                "organisatie moet kunnen laten zien wie bij de gegevens kon (artikel 5 lid 2 en artikel 32 AVG). "
                "Bewaartermijn: %(retention)s"
            )
            % {"retention": RETENTION_TEXT[Retention.AUDIT]},
        )
    if entries_what:
        work.keep(
            entries_what,
            _(
                "Blijft bewaard. Het logboek zegt alleen welke verwerking er was en wanneer, zonder inhoud en "
                "zonder naam. Zo kan de organisatie verantwoorden wat er met de gegevens is gebeurd (artikel 5 "
                "lid 2 AVG). Bewaartermijn: %(retention)s"
            )
            % {"retention": RETENTION_TEXT[Retention.PROCESSING_LOG]},
        )


# --- A victim ------------------------------------------------------------------------------------


def _case_delete(organisation: Organisation, case: Case) -> Callable[[], None]:
    def run() -> None:
        VictimContact.objects.filter(case=case).delete()
        # Notes, evidence, tasks, chronology, referrals with their consent, messages and
        # links go with the case (on_delete=CASCADE); its notifications and reminders go
        # through the case-deleting hook (referrals.messages); the access log keeps the
        # reference. Counted as the retention sweep counts: wiped and deleted.
        Case.objects.filter(pk=case.pk).delete()
        deletion_log_add(organisation, timezone.now(), anonymised=1, deleted=1)

    return run


def _victim_work(organisation: Organisation, subject: VictimSubject, *, lock: bool) -> tuple[_Work, list[str]]:
    work = _Work()
    references = references_of(subject)
    query = Q(pk__in=[])
    for reference in references:
        query |= Q(reference__iexact=reference)
    cases_qs = Case.objects.filter(query, organisation=organisation)
    if lock:
        cases_qs = cases_qs.select_for_update(of=("self",))
    cases = {
        case.reference.upper(): case
        for case in cases_qs.select_related("contact").prefetch_related("referrals__partner", "tasks")
    }
    access_query = Q(pk__in=[])
    for reference in references:
        access_query |= Q(case_reference__iexact=reference)
    access_counts: dict[str, int] = {}
    for reference in PersonalDataAccess.objects.filter(access_query).values_list("case_reference", flat=True):
        access_counts[reference.upper()] = access_counts.get(reference.upper(), 0) + 1
    erased_references: list[str] = []

    for reference in references:
        case = cases.get(reference)
        if case is None:
            work.keep(
                _("Casus %(reference)s") % {"reference": reference},
                _(
                    "Deze casus is al eerder verwijderd, omdat de bewaartermijn voorbij was. Er is niets meer te "
                    "wissen behalve de logregels hieronder."
                ),
            )
        else:
            running = [r for r in case.referrals.all() if r.status in REFERRAL_RUNNING]
            if case.status == Case.Status.OPEN:
                work.keep(
                    _("Casus %(reference)s (alle gegevens)") % {"reference": reference},
                    _(
                        "Niet gewist: de hulp loopt nog, want de casus is open. De organisatie heeft de gegevens "
                        "nodig om het slachtoffer te helpen (artikel 17 lid 3 AVG). Sluit de casus af als de hulp "
                        "klaar is en voer het verzoek daarna opnieuw uit."
                    ),
                )
            elif running:
                work.keep(
                    _("Casus %(reference)s (alle gegevens)") % {"reference": reference},
                    _(
                        "Niet gewist: de hulp loopt nog bij %(partner)s. Die organisatie werkt nog met de "
                        "doorverwijzing in het portaal (artikel 17 lid 3 AVG). Sluit de doorverwijzing eerst af en "
                        "voer het verzoek daarna opnieuw uit."
                    )
                    % {"partner": ", ".join(_partner_name(r) for r in running)},
                )
            else:
                _closed_case(work, organisation, case)
                erased_references.append(reference)
        access = access_counts.get(reference, 0)
        entries = subject_entries(victim_subject(organisation.pk, reference)).count()
        _logs_kept(
            work,
            access_what=ngettext(
                "Inzagelog bij casus %(reference)s: %(count)s regel",
                "Inzagelog bij casus %(reference)s: %(count)s regels",
                access,
            )
            % {"reference": reference, "count": access}
            if access
            else None,
            entries_what=ngettext(
                "Verwerkingslogboek over casus %(reference)s: %(count)s regel",
                "Verwerkingslogboek over casus %(reference)s: %(count)s regels",
                entries,
            )
            % {"reference": reference, "count": entries}
            if entries
            else None,
        )
    return work, erased_references


def _partner_name(referral: Referral) -> str:
    return referral.partner.name if referral.partner is not None else referral.destination_label


def _closed_case(work: _Work, organisation: Organisation, case: Case) -> None:
    reference = case.reference
    contact = getattr(case, "contact", None)
    if contact is not None:
        work.erase(
            _("Contactgegevens bij casus %(reference)s") % {"reference": reference},
            _("Het portaal wist de naam, het telefoonnummer, het e-mailadres en de toelichting."),
        )
    reason = _(
        "Het portaal wist de schuilnaam, de melding, de feiten, de notities, het bewijs, de taken, de chronologie en de "
        "doorverwijzingen in het portaal, met de herinneringen en meldingen over deze casus. Dat gaat zoals na de "
        "bewaartermijn, en telt mee in de cijfers over verwijderde casussen."
    )
    meldcode = organisation.country == "NL" and (
        any(task.destination in MELDCODE_DESTINATIONS for task in case.tasks.all())
        or any(referral.destination in MELDCODE_DESTINATIONS for referral in case.referrals.all())
    )
    if meldcode:
        reason += " " + _(
            "Let op: bij deze casus is Veilig Thuis ingeschakeld. Het portaal kent daarvoor geen wettelijke "
            "bewaartermijn. Kijk vóór het uitvoeren in de meldcode van je organisatie of je de vastlegging "
            "elders moet bewaren."
        )
    work.erase(_("Casus %(reference)s") % {"reference": reference}, reason, _case_delete(organisation, case))
    for referral in case.referrals.all():
        if referral.sent_at is None:
            continue  # never left the organisation: wiped with the case
        partner = _partner_name(referral)
        work.keep(
            _("Wat %(partner)s ontving bij casus %(reference)s") % {"partner": partner, "reference": reference},
            _(
                "Het portaal wist zijn eigen kopie, maar niet wat %(partner)s zelf heeft vastgelegd. %(partner)s "
                "kreeg de gegevens bij de doorverwijzing en is daarvoor zelf verantwoordelijk. Laat %(partner)s "
                "weten dat het slachtoffer vraagt om de gegevens te wissen (artikel 19 AVG)."
            )
            % {"partner": partner},
        )


# --- A member of staff -------------------------------------------------------------------------


def _counted(singular: str, plural: str, count: int) -> str:
    return ngettext(singular, plural, count) % {"count": count}


def _account_keep_reason(user: User, membership: Membership, has_other_membership: bool) -> str | None:
    """Why the account stays, or None when it goes."""
    if has_other_membership:
        return _(
            "Blijft bestaan: deze persoon is ook lid van een andere organisatie. Die organisatie beslist zelf over "
            "haar eigen gegevens."
        )
    platform_role = user.is_superuser or (
        user.is_staff and membership.role not in (Role.CONTENT_EDITOR, Role.PLATFORM_ADMIN)
    )
    if platform_role:
        return _("Blijft bestaan: het account heeft ook een beheerrol voor het hele platform.")
    return None


def _staff_work(organisation: Organisation, subject: StaffSubject, *, lock: bool) -> _Work:
    work = _Work()
    members = Membership.objects.filter(organisation=organisation, user_id=subject.user_id)
    if lock:
        members = members.select_for_update(of=("self",))
    membership = members.select_related("user").get()
    user = membership.user
    if membership.is_active and membership.role in MANAGER_ROLES and active_manager_count(exclude=membership) == 0:
        work.keep(
            _("Alle gegevens van dit lid"),
            _(
                "Niet gewist: dit is de laatste actieve coördinator van %(organisation)s. De organisatie moet "
                "iemand houden die de leden en verzoeken beheert. Geef eerst iemand anders die rol en voer het "
                "verzoek daarna opnieuw uit."
            )
            % {"organisation": organisation.name},
        )
        return work

    # Other memberships are read through User (only this person's rows), not the scoped manager.
    has_other_membership = any(
        organisation_id not in (None, organisation.pk)
        for organisation_id in User.objects.filter(pk=user.pk).values_list("memberships__organisation_id", flat=True)
    )
    account_reason = _account_keep_reason(user, membership, has_other_membership)
    account_goes = account_reason is None

    training = training_rows(organisation=organisation, user_id=user.pk)
    if account_goes:
        # Everything the learner has goes with the account, also what counts nowhere.
        attempt_ids = list(ModuleAttempt.objects.filter(user=user).values_list("pk", flat=True))
        certificate_ids = list(Certificate.objects.filter(user=user).values_list("pk", flat=True))
    else:
        attempt_ids = [attempt.pk for attempt in training.attempts]
        certificate_ids = [certificate.pk for certificate in training.certificates]
    if attempt_ids:
        work.erase(
            _counted(
                "Training: %(count)s poging met antwoorden en voortgang",
                "Training: %(count)s pogingen met antwoorden en voortgang",
                len(attempt_ids),
            ),
            _("Het portaal wist dit. Er is geen plicht om het te bewaren."),
            lambda: ModuleAttempt.objects.filter(pk__in=attempt_ids).delete(),
        )
    if certificate_ids:
        work.erase(
            _counted("Certificaten: %(count)s", "Certificaten: %(count)s", len(certificate_ids)),
            _(
                "Het portaal wist ze. Er is geen wettelijke plicht om certificaten te bewaren. De controlecode op "
                "een geprint certificaat werkt daarna niet meer."
            ),
            lambda: Certificate.objects.filter(pk__in=certificate_ids).delete(),
        )
    if not account_goes and training.left_out:
        work.keep(
            _("Training die niet bij deze organisatie hoort"),
            _(
                "Niet gewist: deze persoon is ook lid van een andere organisatie, en deze training hoort (ook) "
                "daar. Die organisatie beslist daar zelf over."
            ),
        )

    personal = list(Assignment.objects.filter(membership=membership).values_list("pk", flat=True))
    if personal:
        work.erase(
            _counted(
                "Persoonlijke toewijzing van training: %(count)s",
                "Persoonlijke toewijzingen van training: %(count)s",
                len(personal),
            ),
            _("Het portaal wist dit."),
            lambda: Assignment.objects.filter(pk__in=personal).delete(),
        )
    notifications = Notification.objects.filter(user=user, organisation=organisation)
    reminder_subjects = [
        *(str(ReminderSubject.assignment(pk)) for pk in personal),
        *(str(ReminderSubject.certificate(pk)) for pk in certificate_ids),
        str(ReminderSubject.digest(membership.pk)),
    ]
    reminders = Reminder.objects.filter(organisation=organisation, subject__in=reminder_subjects)
    notification_count, reminder_count = notifications.count(), reminders.count()
    if notification_count or reminder_count:
        work.erase(
            _("Meldingen (%(notifications)s) en herinneringen (%(reminders)s) voor deze persoon")
            % {"notifications": notification_count, "reminders": reminder_count},
            _("Het portaal wist dit."),
            lambda: Notification.objects.filter(user=user, organisation=organisation).delete(),
            lambda: Reminder.objects.filter(organisation=organisation, subject__in=reminder_subjects).delete(),
        )
    invitation_query = Q(accepted_by=user) | (Q(email__iexact=user.email) if user.email else Q(pk__in=[]))
    invitations = Invitation.objects.filter(invitation_query).count()
    if invitations:
        work.erase(
            _counted("Uitnodiging: %(count)s", "Uitnodigingen: %(count)s", invitations),
            _("Het portaal wist dit."),
            lambda: Invitation.objects.filter(invitation_query).delete(),
        )

    def membership_delete() -> None:
        Membership.objects.filter(pk=membership.pk).delete()
        if not account_goes:
            user_sync_staff_flags(user=user)

    work.erase(
        _("Lidmaatschap van %(organisation)s (rol: %(role)s)")
        % {"organisation": organisation.name, "role": membership.get_role_display()},
        _("Het portaal wist het lidmaatschap. Deze persoon kan daarna niet meer inloggen bij %(organisation)s.")
        % {"organisation": organisation.name},
        membership_delete,
    )

    audit = AuditEvent.objects.filter(Q(actor=user) | Q(subject_user=user), organisation=organisation).count()
    if audit:
        work.keep(
            _counted("Auditspoor: %(count)s regel", "Auditspoor: %(count)s regels", audit),
            _(
                "Blijft bewaard. Het auditspoor laat zien wie wat deed in de organisatie, bijvoorbeeld wie welke "
                "rol gaf. De organisatie moet dat kunnen verantwoorden (artikel 5 lid 2 en artikel 32 AVG). "
                "Bewaartermijn: %(retention)s"
            )
            % {"retention": RETENTION_TEXT[Retention.AUDIT]},
        )
    reads = PersonalDataAccess.objects.filter(user=user).count()
    if reads:
        work.keep(
            _counted(
                "Inzagelog: %(count)s keer gegevens ingezien", "Inzagelog: %(count)s keer gegevens ingezien", reads
            ),
            _(
                "Blijft bewaard. Het inzagelog laat zien wie de gegevens van een slachtoffer inzag. Dat moet de "
                "organisatie kunnen verantwoorden (artikel 5 lid 2 en artikel 32 AVG). Bewaartermijn: "
                "%(retention)s"
            )
            % {"retention": RETENTION_TEXT[Retention.AUDIT]},
        )
    handled = Case.objects.filter(Q(handler=user) | Q(raised_by=user)).count()
    if handled:
        work.keep(
            _counted(
                "Casussen die deze persoon meldde of behandelde: %(count)s",
                "Casussen die deze persoon meldde of behandelde: %(count)s",
                handled,
            ),
            _(
                "Blijven bij de organisatie. Het casusdossier laat zien wie wat deed bij de hulp aan een slachtoffer; "
                "dat hoort bij die hulp (artikel 17 lid 3 AVG). Als het account verdwijnt, staat er geen naam meer "
                "bij."
            ),
        )
    exports = ExportJob.objects.filter(requested_by=user).count()
    if exports:
        work.keep(
            _counted("Export: %(count)s", "Exports: %(count)s", exports),
            _(
                "Blijft bewaard zonder bestand: de regel laat zien wie een export maakte (artikel 5 lid 2 AVG). "
                "Het bestand zelf verloopt na een dag."
            ),
        )
    sign_ins = SignInAttempt.objects.filter(organisation=organisation, user=user).count()
    if sign_ins:
        work.keep(
            _counted(
                "Inloggen via de organisatie: %(count)s keer", "Inloggen via de organisatie: %(count)s keer", sign_ins
            ),
            _("Blijft bewaard voor de beveiliging van het portaal (artikel 32 AVG). Bewaartermijn: %(retention)s")
            % {"retention": RETENTION_TEXT[Retention.SIGN_IN_ATTEMPTS]},
        )
    entries = subject_entries(staff_subject(user.pk)).count()
    if entries:
        _logs_kept(
            work,
            entries_what=_counted(
                "Verwerkingslogboek over deze persoon: %(count)s regel",
                "Verwerkingslogboek over deze persoon: %(count)s regels",
                entries,
            ),
        )

    if account_reason is None:

        def account_delete() -> None:
            user_end_sessions(user=user)
            User.objects.filter(pk=user.pk).delete()

        work.erase(
            _("Account (naam, e-mailadres, inloggegevens)"),
            _("Het portaal wist het account, want deze persoon is nergens anders lid."),
            account_delete,
        )
    else:
        work.keep(_("Account (naam, e-mailadres, inloggegevens)"), account_reason)
    return work


# --- Plan and apply ------------------------------------------------------------------------------


def erasure_plan(*, organisation: Organisation, subject: PersonSubject) -> list[ErasureItem]:
    """What ``erasure_apply`` would wipe and what it would keep, with the reasons. No writes."""
    with scope(organisation=organisation):
        if isinstance(subject, VictimSubject):
            work, _erased = _victim_work(organisation, subject, lock=False)
        else:
            work = _staff_work(organisation, subject, lock=False)
    return work.items


def _require_privacy_manager(organisation: Organisation, actor: User) -> None:
    membership = Membership.objects.filter(organisation=organisation, user=actor).first()
    if can(membership, Action.PRIVACY_MANAGE) or actor.is_superuser:
        return
    raise PermissionError("privacy.manage")


def erasure_apply(*, organisation: Organisation, subject: PersonSubject, actor: User) -> list[ErasureItem]:
    """Wipe what the rules allow, in one transaction, and return what was done and kept.

    The actor needs ``Action.PRIVACY_MANAGE`` here (or is a platform administrator).
    Writes one processing-log ``delete`` entry per data subject that lost data (a
    victim: per case reference); the case deletions add their own entries
    (``referrals.processing``). The audit row (``AuditEvent.Kind.PRIVACY_ERASURE_DONE``)
    is the caller's, in the same transaction: ``privacy.requests.services.subject_request_erase``.
    """
    with scope(organisation=organisation), transaction.atomic():
        _require_privacy_manager(organisation, actor)
        if isinstance(subject, VictimSubject):
            work, erased_references = _victim_work(organisation, subject, lock=True)
            log_subjects = [
                (victim_subject(organisation.pk, reference), "case_handling") for reference in erased_references
            ]
        else:
            work = _staff_work(organisation, subject, lock=True)
            log_subjects = (
                [(staff_subject(subject.user_id), "accounts")] if any(item.erased for item in work.items) else []
            )
        for action in work.actions:
            action()
        for log_subject, activity in log_subjects:
            record(
                organisation_id=organisation.pk,
                operation=Operation.DELETE,
                name="privacy.erasure.apply",
                activity=activity,
                subject=log_subject,
                actor=actor,
                actor_organisation_id=organisation.pk,
            )
    return work.items
