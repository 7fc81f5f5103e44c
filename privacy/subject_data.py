"""What the portal holds about one person in one organisation (art. 15 AVG, right of access).

A coordinator names the person: a victim by the case reference(s) and the pseudonym the
case was opened with (``VictimSubject``), or a member by their account (``StaffSubject``).
``subject_collect`` gathers everything about that person *in the requesting organisation
only* (every read runs in ``scope(organisation=organisation)``; rows of another
organisation never come in, also when the same user or a look-alike case exists there),
as one JSON-serialisable dict with Dutch keys and ISO 8601 dates. ``subject_pdf`` and
``subject_zip`` turn it into the file the person receives.

Other people's data is left out where the portal knows it is someone else's: staff who
handled a case are named by their role ("een medewerker van …"), partner contact
persons' e-mail addresses are not included, no other victim appears. Free text written
by staff (a note, the signal, a partner's message) may still mention someone else: it
is included as written, listed under ``controleer_voor_verzenden`` and marked in the PDF,
so the coordinator reads it before sending. Nothing here claims to redact free text.

Training rows belong to the learner, not to an organisation (``training.models``). An
attempt counts for this organisation when its certificate was issued here, or when the
person was a member of this organisation and of no other when it started
(``training_rows``); the rest is left out, so a person known in two organisations gets
only this organisation's training.
"""

from __future__ import annotations

import functools
import io
import json
import tomllib
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from messaging.models import Notification, NotificationKind
from portal.models import AuditEvent, ExportJob, Invitation, Membership, Organisation, ProcessingLogEntry, User
from portal.processing_log import staff_subject, subject_entries, victim_subject
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    EvidenceItem,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
)
from referrals.selectors import destination_labels
from sso.models import SignInAttempt
from training.models import Answer, Assignment, Certificate, LessonProgress, ModuleAttempt


@dataclass(frozen=True)
class VictimSubject:
    """A victim: the case references the coordinator gave (1..n), and the pseudonym."""

    case_references: tuple[str, ...]
    pseudonym: str


@dataclass(frozen=True)
class StaffSubject:
    """A member (staff, volunteer, partner member) of the organisation."""

    user_id: int


PersonSubject = VictimSubject | StaffSubject

Progress = Callable[[int], None] | None

# --- Small helpers -------------------------------------------------------------------------


def references_of(subject: VictimSubject) -> list[str]:
    """The given references, trimmed, upper case, without doubles, in the given order."""
    seen: list[str] = []
    for raw in subject.case_references:
        reference = (raw or "").strip().upper()
        if reference and reference not in seen:
            seen.append(reference)
    return seen


def _reference_filter(references: Iterable[str], field: str = "reference") -> Q:
    query = Q(pk__in=[])
    for reference in references:
        query |= Q(**{f"{field}__iexact": reference})
    return query


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    return value.isoformat()


def _same_pseudonym(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@functools.cache
def _portal_version() -> str:
    """The version in pyproject.toml (the portal is not installed as a package)."""
    try:
        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as file:
            return str(tomllib.load(file).get("project", {}).get("version", ""))
    except (OSError, tomllib.TOMLDecodeError):
        return ""


class _Counter:
    """Counts collected rows and reports them to the caller's progress bar."""

    def __init__(self, progress: Progress) -> None:
        self.done = 0
        self.progress = progress

    def add(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None and rows:
            self.progress(self.done)


# --- Validation and size ------------------------------------------------------------------


def subject_validate(*, organisation: Organisation, subject: PersonSubject) -> None:
    """Raise ``ValidationError`` (fields ``case_references``, ``pseudonym`` or ``user``) when
    the person is not known in this organisation.

    A reference that retention already deleted is no error when the access log or the
    processing log still knows it: then only those rows exist. An anonymised case has
    no pseudonym left to compare.
    """
    with scope(organisation=organisation):
        if isinstance(subject, StaffSubject):
            if not Membership.objects.filter(organisation=organisation, user_id=subject.user_id).exists():
                raise ValidationError({"user": [_("Deze persoon is geen lid van deze organisatie (geweest).")]})
            return
        references = references_of(subject)
        if not references:
            raise ValidationError({"case_references": [_("Vul minstens één kenmerk van een casus in.")]})
        cases = {
            case.reference.upper(): case
            for case in Case.objects.filter(_reference_filter(references), organisation=organisation).only(
                "reference", "pseudonym", "anonymised_at"
            )
        }
        missing = [reference for reference in references if reference not in cases]
        if missing:
            logged = {
                reference.upper()
                for reference in PersonalDataAccess.objects.filter(
                    _reference_filter(missing, "case_reference")
                ).values_list("case_reference", flat=True)
            }
            for reference in missing:
                if reference in logged:
                    continue
                if subject_entries(victim_subject(organisation.pk, reference)).exists():
                    continue
                raise ValidationError(
                    {
                        "case_references": [
                            _("Kenmerk %(reference)s is niet bekend in deze organisatie.") % {"reference": reference}
                        ]
                    }
                )
        pseudonym = (subject.pseudonym or "").strip()
        live = [case for case in cases.values() if case.anonymised_at is None]
        if live and not pseudonym:
            raise ValidationError({"pseudonym": [_("Vul de schuilnaam van de casus in.")]})
        for case in live:
            if not _same_pseudonym(case.pseudonym, pseudonym):
                raise ValidationError(
                    {
                        "pseudonym": [
                            _("De schuilnaam past niet bij casus %(reference)s.") % {"reference": case.reference}
                        ]
                    }
                )


def subject_size(*, organisation: Organisation, subject: PersonSubject) -> int:
    """A cheap estimate of the rows the export will hold (decides inline or a job)."""
    with scope(organisation=organisation):
        if isinstance(subject, VictimSubject):
            references = references_of(subject)
            counts = Case.objects.filter(_reference_filter(references), organisation=organisation).aggregate(
                cases=Count("pk", distinct=True),
                events=Count("events", distinct=True),
                notes=Count("notes", distinct=True),
                evidence=Count("evidence", distinct=True),
                tasks=Count("tasks", distinct=True),
                referrals=Count("referrals", distinct=True),
            )
            access = PersonalDataAccess.objects.filter(_reference_filter(references, "case_reference")).count()
            entries = ProcessingLogEntry.objects.filter(
                subject_type=ProcessingLogEntry.SubjectType.VICTIM,
                subject_ref__in=[victim_subject(organisation.pk, reference).ref for reference in references],
            ).count()
            return sum(value or 0 for value in counts.values()) + access + entries
        user_id = subject.user_id
        attempts = ModuleAttempt.objects.filter(user_id=user_id).aggregate(
            attempts=Count("pk", distinct=True),
            answers=Count("answers", distinct=True),
            lessons=Count("lesson_progress", distinct=True),
        )
        return (
            1
            + sum(value or 0 for value in attempts.values())
            + Certificate.objects.filter(user_id=user_id).count()
            + Notification.objects.filter(user_id=user_id, organisation=organisation).count()
            + AuditEvent.objects.filter(Q(actor_id=user_id) | Q(subject_user_id=user_id)).count()
            + PersonalDataAccess.objects.filter(user_id=user_id).count()
            + subject_entries(staff_subject(user_id)).count()
        )


# --- Labels for staff (never their names) ------------------------------------------------


class _StaffLabels:
    """ "Aandachtsfunctionaris … van <organisatie>" for a member of this organisation,
    "een medewerker van <organisatie>" for anyone else. One query for all of them."""

    def __init__(self, organisation: Organisation, user_ids: Iterable[int | None]) -> None:
        self.organisation = organisation
        ids = {user_id for user_id in user_ids if user_id is not None}
        self.roles: dict[int, str] = {
            user_id: str(Membership(role=role).get_role_display())
            for user_id, role in Membership.objects.filter(organisation=organisation, user_id__in=ids).values_list(
                "user_id", "role"
            )
        }

    def label(self, user_id: int | None, other_organisation: Organisation | None = None) -> str | None:
        if user_id is None:
            return None
        if user_id in self.roles:
            return _("%(role)s van %(organisation)s") % {
                "role": self.roles[user_id],
                "organisation": self.organisation.name,
            }
        if other_organisation is not None:
            return _("een medewerker van %(organisation)s") % {"organisation": other_organisation.name}
        return _("een medewerker")


# --- The victim --------------------------------------------------------------------------

FREE_TEXT_NOTICE = (
    "Dit overzicht bevat vrije tekst die medewerkers zelf hebben geschreven (bijvoorbeeld notities en berichten). "
    "Daarin kunnen gegevens over andere mensen staan. Het portaal haalt die er niet automatisch uit. "
    "Lees als coördinator de velden hieronder na en maak gegevens over anderen onleesbaar voordat je het "
    "bestand verstuurt."
)


class _Checks:
    """The paths of the free-text fields the coordinator must read before sending."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def text(self, path: str, value: str) -> str:
        if value:
            self.paths.append(path)
        return value


def _processing_rows(entries: QuerySet[ProcessingLogEntry]) -> list[dict[str, Any]]:
    return [
        {
            "handeling": entry.name,
            "soort_verwerking": str(entry.get_operation_display()),
            "status": str(entry.get_status_display()),
            "begin": _iso(entry.started_at),
            "einde": _iso(entry.ended_at),
            "verwerkingsactiviteit": entry.activity,
            "trace_id": entry.trace_id,
            "bewaren_tot": _iso(entry.retain_until),
        }
        for entry in entries
    ]


def _case_queryset(organisation: Organisation, references: list[str]) -> QuerySet[Case]:
    return (
        Case.objects.filter(_reference_filter(references), organisation=organisation)
        .select_related("contact")
        .prefetch_related(
            Prefetch("events", queryset=CaseEvent.objects.select_related("referral__partner").order_by("created_at")),
            Prefetch("notes", queryset=CaseNote.objects.order_by("created_at", "pk")),
            Prefetch("evidence", queryset=EvidenceItem.objects.order_by("created_at", "pk")),
            Prefetch("tasks", queryset=CaseTask.objects.order_by("created_at", "pk")),
            Prefetch(
                "referrals",
                queryset=Referral.objects.select_related("partner")
                .prefetch_related(
                    Prefetch("consents", queryset=ReferralConsent.objects.order_by("given_at", "pk")),
                    Prefetch("updates", queryset=ReferralUpdate.objects.order_by("created_at", "pk")),
                )
                .order_by("created_at", "pk"),
            ),
        )
    )


def _staff_ids_of(case: Case) -> list[int | None]:
    ids: list[int | None] = [case.handler_id, case.raised_by_id]
    ids += [event.actor_id for event in case.events.all()]
    ids += [note.author_id for note in case.notes.all()]
    ids += [item.recorded_by_id for item in case.evidence.all()]
    ids += [task.assignee_id for task in case.tasks.all()] + [task.done_by_id for task in case.tasks.all()]
    for referral in case.referrals.all():
        ids.append(referral.created_by_id)
        ids += [consent.recorded_by_id for consent in referral.consents.all()]
    return ids


def _victim_case(case: Case, labels: _StaffLabels, checks: _Checks, path: str) -> dict[str, Any]:
    from referrals.cases.forms import facts_in_words  # the wizard's own Dutch words for the facts

    contact = getattr(case, "contact", None)
    # The destinations' Dutch names, from the rule set in force (one read per case, cached).
    destinations = destination_labels(case) if case.recommendations else {}
    data: dict[str, Any] = {
        "kenmerk": case.reference,
        "schuilnaam": case.pseudonym,
        "status": str(case.get_status_display()),
        "uitkomst": str(case.get_outcome_display()) if case.outcome else None,
        "gemeld_op": _iso(case.created_at),
        "afgesloten_op": _iso(case.closed_at),
        "persoonsgegevens_gewist_op": _iso(case.anonymised_at),
        "gemeld_door": labels.label(case.raised_by_id),
        "behandelaar": labels.label(case.handler_id),
        "melding": checks.text(f"{path}.melding", case.signal),
        "eerste_indruk": checks.text(f"{path}.eerste_indruk", case.first_impressions),
        "wensen_toelichting": checks.text(f"{path}.wensen_toelichting", case.wishes_note),
        "land": (case.facts or {}).get("country"),
        "feiten": [{"vraag": question, "antwoord": answer} for question, answer in facts_in_words(case.facts or {})],
        "advies_gemaakt_op": _iso(case.routed_at),
        "advies": [
            {
                "bestemming": destinations.get(item.get("destination", ""), item.get("destination", "")),
                "uitleg": item.get("explanation", ""),
            }
            for item in case.recommendations
        ],
        "toestemming_contactgegevens_bewaren": case.consent_contact,
        "toestemming_doorverwijzen": case.consent_referral,
        "toestemming_vastgelegd_op": _iso(case.consent_recorded_at),
        "contactgegevens": None,
    }
    if contact is not None:
        # The victim's own data (or a parent's, see the note): decrypted for them.
        data["contactgegevens"] = {
            "naam": checks.text(f"{path}.contactgegevens.naam", contact.name),
            "telefoon": contact.phone,
            "e_mail": contact.email,
            "toelichting": checks.text(f"{path}.contactgegevens.toelichting", contact.note),
            "gewijzigd_op": _iso(contact.updated_at),
        }
    data["chronologie"] = [
        {
            "datum": _iso(event.created_at),
            "wat": str(event.get_kind_display()),
            "toelichting": event.detail,
            "door": labels.label(event.actor_id, event.referral.partner if event.referral else None),
        }
        for event in case.events.all()
    ]
    data["notities"] = [
        {
            "datum": _iso(note.created_at),
            "door": labels.label(note.author_id),
            "tekst": checks.text(f"{path}.notities[{index}].tekst", note.text),
        }
        for index, note in enumerate(case.notes.all())
    ]
    data["bewijs"] = [
        {
            "soort": str(item.get_kind_display()),
            "platform": item.platform,
            "datum": _iso(item.captured_on),
            "wat_is_bewaard": checks.text(f"{path}.bewijs[{index}].wat_is_bewaard", item.description),
            "waar_bewaard": checks.text(f"{path}.bewijs[{index}].waar_bewaard", item.kept_where),
            "vastgelegd_op": _iso(item.created_at),
        }
        for index, item in enumerate(case.evidence.all())
    ]
    data["taken"] = [
        {
            "taak": task.title,
            "status": str(task.get_status_display()),
            "uiterlijk_op": _iso(task.due_date),
            "gemaakt_op": _iso(task.created_at),
            "gedaan_op": _iso(task.done_at),
            "uitvoerder": labels.label(task.assignee_id),
        }
        for task in case.tasks.all()
    ]
    referrals = []
    for index, referral in enumerate(case.referrals.all()):
        referral_path = f"{path}.doorverwijzingen[{index}]"
        referrals.append(
            {
                "naar": referral.partner.name if referral.partner else referral.destination_label,
                "status": str(referral.get_status_display()),
                "uitkomst": str(referral.get_outcome_display()) if referral.outcome else None,
                "aangemaakt_op": _iso(referral.created_at),
                "verstuurd_op": _iso(referral.sent_at),
                "ontvangen_op": _iso(referral.acknowledged_at),
                "besloten_op": _iso(referral.decided_at),
                "afgesloten_op": _iso(referral.closed_at),
                "gedeelde_samenvatting": checks.text(f"{referral_path}.gedeelde_samenvatting", referral.summary),
                "reden_van_afwijzen": checks.text(f"{referral_path}.reden_van_afwijzen", referral.decline_reason),
                "toestemmingen": [
                    {
                        "voor": consent.recipient_label,
                        "samenvatting_delen": consent.shares_summary,
                        "contactgegevens_delen": consent.shares_contact,
                        "gegeven_door": str(consent.get_given_by_display()),
                        "leeftijd_toen": consent.victim_age,
                        "gegeven_op": _iso(consent.given_at),
                        "geldig_tot": _iso(consent.expires_at),
                        "ingetrokken_op": _iso(consent.withdrawn_at),
                    }
                    for consent in referral.consents.all()
                ],
                "berichten": [
                    {
                        "datum": _iso(update.created_at),
                        "van": update.author_label,
                        "van_de_partner": update.from_partner,
                        "bericht": checks.text(f"{referral_path}.berichten[{number}].bericht", update.text),
                    }
                    for number, update in enumerate(referral.updates.all())
                ],
            }
        )
    data["doorverwijzingen"] = referrals
    return data


def _access_rows(rows: Iterable[PersonalDataAccess], checks: _Checks, path: str) -> list[dict[str, Any]]:
    return [
        {
            "datum": _iso(row.created_at),
            "wat": str(row.get_kind_display()),
            "reden": checks.text(f"{path}[{index}].reden", row.reason),
            "organisatie_van_de_lezer": row.reader_organisation.name if row.reader_organisation else None,
        }
        for index, row in enumerate(rows)
    ]


def _case_rows(case: dict[str, Any]) -> int:
    return 1 + sum(
        len(case.get(key) or []) for key in ("chronologie", "notities", "bewijs", "taken", "doorverwijzingen")
    )


def _collect_victim(
    organisation: Organisation, subject: VictimSubject, counter: _Counter, checks: _Checks
) -> dict[str, Any]:
    references = references_of(subject)
    cases = {case.reference.upper(): case for case in _case_queryset(organisation, references)}
    labels = _StaffLabels(organisation, [user_id for case in cases.values() for user_id in _staff_ids_of(case)])
    access_by_reference: dict[str, list[PersonalDataAccess]] = {reference: [] for reference in references}
    for row in (
        PersonalDataAccess.objects.filter(_reference_filter(references, "case_reference"))
        .select_related("reader_organisation")
        .order_by("created_at", "pk")
    ):
        access_by_reference.setdefault(row.case_reference.upper(), []).append(row)

    result: list[dict[str, Any]] = []
    for index, reference in enumerate(references):
        path = f"casussen[{index}]"
        case = cases.get(reference)
        if case is not None:
            data = _victim_case(case, labels, checks, path)
            data["verwijderd"] = False
        else:
            data = {
                "kenmerk": reference,
                "verwijderd": True,
                "toelichting": _(
                    "Deze casus is al verwijderd omdat de bewaartermijn voorbij was. Alleen het inzagelog en het "
                    "verwerkingslogboek weten nog dat hij bestond; die bevatten geen inhoud."
                ),
            }
        counter.add(_case_rows(data))
        data["inzagelog"] = _access_rows(access_by_reference.get(reference, []), checks, f"{path}.inzagelog")
        counter.add(len(data["inzagelog"]))
        data["verwerkingslogboek"] = _processing_rows(subject_entries(victim_subject(organisation.pk, reference)))
        counter.add(len(data["verwerkingslogboek"]))
        result.append(data)
    return {
        "betrokkene": {
            "soort": "slachtoffer",
            "kenmerken": references,
            "schuilnaam": subject.pseudonym.strip(),
        },
        "casussen": result,
    }


# --- A member of staff -----------------------------------------------------------------


def _overlaps(membership: Membership, moment: datetime) -> bool:
    return membership.created_at <= moment and (
        membership.is_active or membership.deactivated_at is None or membership.deactivated_at > moment
    )


@dataclass
class TrainingRows:
    """The learner's training that counts for this organisation (see the module docstring)."""

    attempts: list[ModuleAttempt]
    certificates: list[Certificate]
    left_out: int  # attempts and certificates of the person that do not count here


def training_rows(*, organisation: Organisation, user_id: int) -> TrainingRows:
    """The person's attempts (with answers and lessons) and certificates that belong to this
    organisation: issued here, or done while the person was a member here and nowhere else.
    The person's other memberships are read through ``User`` (only this person's rows)."""
    here = Membership.objects.filter(organisation=organisation, user_id=user_id).first()
    # Read through ``User``, not the scoped ``Membership`` manager: only this person's rows.
    others = [
        (created, deactivated, bool(active))
        for organisation_id, created, deactivated, active in User.objects.filter(pk=user_id).values_list(
            "memberships__organisation_id",
            "memberships__created_at",
            "memberships__deactivated_at",
            "memberships__is_active",
        )
        if organisation_id is not None and organisation_id != organisation.pk
    ]

    def only_here(moment: datetime) -> bool:
        if here is None or not _overlaps(here, moment):
            return False
        return not any(
            created <= moment and (active or deactivated is None or deactivated > moment)
            for created, deactivated, active in others
        )

    certificates_all = list(Certificate.objects.filter(user_id=user_id).order_by("issued_at", "pk"))
    certificates = [
        certificate
        for certificate in certificates_all
        if certificate.organisation_id == organisation.pk
        or (certificate.organisation_id is None and only_here(certificate.issued_at))
    ]
    certified_elsewhere = {
        certificate.attempt_id
        for certificate in certificates_all
        if certificate not in certificates and certificate.attempt_id is not None
    }
    certified_here = {certificate.attempt_id for certificate in certificates if certificate.attempt_id is not None}
    attempts_all = list(
        ModuleAttempt.objects.filter(user_id=user_id)
        .select_related("module")
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("lesson").order_by("answered_at", "pk")),
            Prefetch(
                "lesson_progress", queryset=LessonProgress.objects.select_related("lesson").order_by("completed_at")
            ),
        )
        .order_by("started_at", "pk")
    )
    attempts = [
        attempt
        for attempt in attempts_all
        if attempt.pk in certified_here or (attempt.pk not in certified_elsewhere and only_here(attempt.started_at))
    ]
    left_out = len(attempts_all) - len(attempts) + len(certificates_all) - len(certificates)
    return TrainingRows(attempts=attempts, certificates=certificates, left_out=left_out)


def _collect_staff(
    organisation: Organisation, subject: StaffSubject, counter: _Counter, checks: _Checks
) -> dict[str, Any]:
    user = User.objects.get(pk=subject.user_id)
    membership = Membership.objects.get(organisation=organisation, user=user)
    account = {
        "naam": user.get_full_name(),
        "e_mail": user.email,
        "account_gemaakt_op": _iso(user.date_joined),
        "laatst_ingelogd": _iso(user.last_login),
        "taal": None,  # the portal stores no language per person (the interface follows the browser)
    }
    member = {
        "organisatie": organisation.name,
        "rol": str(membership.get_role_display()),
        "actief": membership.is_active,
        "lid_sinds": _iso(membership.created_at),
        "gedeactiveerd_op": _iso(membership.deactivated_at),
    }
    counter.add(2)

    training = training_rows(organisation=organisation, user_id=user.pk)
    attempts = [
        {
            "module": attempt.module.title if attempt.module else None,
            "poging": attempt.number,
            "status": str(attempt.get_status_display()),
            "begonnen_op": _iso(attempt.started_at),
            "klaar_op": _iso(attempt.finished_at),
            "score_procent": attempt.score,
            "goede_antwoorden": attempt.correct_count,
            "aantal_vragen": attempt.question_count,
            "lessen_afgerond": [
                {"les": row.lesson.title, "afgerond_op": _iso(row.completed_at)}
                for row in attempt.lesson_progress.all()
            ],
            "antwoorden": [
                {
                    "les": answer.lesson.title,
                    "vraag": answer.question_id,
                    "gekozen": list(answer.option_ids or []),
                    "goed": answer.is_correct,
                    "beantwoord_op": _iso(answer.answered_at),
                }
                for answer in attempt.answers.all()
            ],
        }
        for attempt in training.attempts
    ]
    counter.add(sum(1 + len(a.lesson_progress.all()) + len(a.answers.all()) for a in training.attempts))
    certificates = [
        {
            "module": certificate.module_title,
            "naam_op_certificaat": certificate.holder_name,
            "controlecode": certificate.display_code,
            "uitgegeven_door": certificate.organisation_name or organisation.name,
            "uitgegeven_op": _iso(certificate.issued_at),
            "geldig_tot": _iso(certificate.expires_at),
        }
        for certificate in training.certificates
    ]
    assignments = [
        {
            "module": assignment.module.title,
            "voor": _("jou persoonlijk") if assignment.membership_id else _("iedereen met jouw rol"),
            "klaar_voor": _iso(assignment.due_date),
            "toegewezen_op": _iso(assignment.created_at),
        }
        for assignment in Assignment.objects.filter(Q(membership=membership) | Q(role=membership.role))
        .select_related("module")
        .order_by("due_date", "pk")
    ]
    counter.add(len(certificates) + len(assignments))

    notifications = [
        {
            "soort": str(NotificationKind(row.kind).label) if row.kind in NotificationKind.values else row.kind,
            "onderwerp": checks.text(f"meldingen[{index}].onderwerp", row.title),
            "ontvangen_op": _iso(row.created_at),
            "gelezen_op": _iso(row.read_at),
        }
        for index, row in enumerate(
            Notification.objects.filter(user=user, organisation=organisation).order_by("created_at", "pk")
        )
    ]
    counter.add(len(notifications))

    events = list(
        AuditEvent.objects.filter(Q(actor=user) | Q(subject_user=user), organisation=organisation).order_by(
            "created_at", "pk"
        )
    )
    labels = _StaffLabels(organisation, [event.actor_id for event in events])
    audit = [
        {
            "datum": _iso(event.created_at),
            "wat": str(event.get_kind_display()),
            "jouw_rol": _("over jou") if event.subject_user_id == user.pk else _("door jou gedaan"),
            "door": _("jij") if event.actor_id == user.pk else labels.label(event.actor_id),
            # Only when the row is about this person: otherwise the detail may name someone else.
            "toelichting": event.detail if event.subject_user_id == user.pk else None,
        }
        for event in events
    ]
    counter.add(len(audit))

    reads = [
        {"datum": _iso(row.created_at), "wat": str(row.get_kind_display()), "kenmerk": row.case_reference}
        for row in PersonalDataAccess.objects.filter(user=user).order_by("created_at", "pk")
    ]
    counter.add(len(reads))

    invitations = [
        {
            "rol": str(invitation.get_role_display()),
            "verstuurd_op": _iso(invitation.created_at),
            "status": str(invitation.status_label),
            "geaccepteerd_op": _iso(invitation.accepted_at),
        }
        for invitation in Invitation.objects.filter(
            Q(accepted_by=user) | (Q(email__iexact=user.email) if user.email else Q(pk__in=[]))
        ).order_by("created_at", "pk")
    ]
    exports = [
        {
            "soort": job.kind,
            "aangevraagd_op": _iso(job.created_at),
            "status": str(job.get_status_display()),
            "verloopt_op": _iso(job.expires_at),
        }
        for job in ExportJob.objects.filter(requested_by=user).order_by("created_at", "pk")
    ]
    sign_ins = [
        {
            "datum": _iso(row.created_at),
            "via": row.provider_id,
            "uitkomst": str(row.get_outcome_display()),
            "reden": row.reason,
        }
        for row in SignInAttempt.objects.filter(organisation=organisation, user=user).order_by("created_at", "pk")
    ]
    counter.add(len(invitations) + len(exports) + len(sign_ins))
    entries = _processing_rows(subject_entries(staff_subject(user.pk)))
    counter.add(len(entries))
    return {
        "betrokkene": {"soort": "medewerker", "naam": user.get_full_name(), "e_mail": user.email},
        "account": account,
        "lidmaatschap": member,
        "uitnodigingen": invitations,
        "training": {
            "pogingen": attempts,
            "certificaten": certificates,
            "toewijzingen": assignments,
            "niet_opgenomen": _("Trainingsgegevens die bij een andere organisatie horen, staan niet in dit overzicht.")
            if training.left_out
            else None,
        },
        "meldingen": notifications,
        "auditspoor": audit,
        "inzage_in_casussen": reads,
        "exports": exports,
        "inlogpogingen": sign_ins,
        "verwerkingslogboek": entries,
    }


# --- Collecting ----------------------------------------------------------------------------


def subject_collect(
    *, organisation: Organisation, subject: PersonSubject, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    """Everything this organisation holds about the person, as a JSON-serialisable dict.

    Reads only, all inside ``scope(organisation=organisation)``; a fixed number of
    queries per case reference, whatever the number of rows in a case. ``progress``
    gets the number of rows collected so far, now and then.
    """
    counter = _Counter(progress)
    checks = _Checks()
    with scope(organisation=organisation), translation.override("nl"):
        if isinstance(subject, VictimSubject):
            body = _collect_victim(organisation, subject, counter, checks)
        else:
            body = _collect_staff(organisation, subject, counter, checks)
        header = {
            "organisatie": organisation.name,
            "land": organisation.country,
            "gemaakt_op": _iso(timezone.now()),
            "soort_verzoek": "inzage",
            "grondslag": _("Artikel 15 AVG: recht op inzage in je persoonsgegevens"),
            "portaal": "Veilig Online",
            "portaalversie": _portal_version(),
        }
    return {
        "kop": header,
        "controleer_voor_verzenden": {"uitleg": FREE_TEXT_NOTICE, "velden": checks.paths},
        **body,
    }


# --- Logging the coordinator's read ---------------------------------------------------------

EXPORT_READ_REASON = "Inzageverzoek van het slachtoffer (artikel 15 AVG)"


def subject_reads_record(*, organisation: Organisation, subject: PersonSubject, actor: User) -> int:
    """Log, in the access log, that ``actor`` read a victim's case file and contact details
    to answer their access request: one row per kind and case that still holds them, as
    every other read of them does (the processing-log entries follow from those rows).
    Call it in the transaction that makes the export. Returns the number of rows; a
    member's own data needs none (0)."""
    if not isinstance(subject, VictimSubject):
        return 0
    with scope(organisation=organisation):
        cases = list(
            Case.objects.filter(
                _reference_filter(references_of(subject)), organisation=organisation, anonymised_at__isnull=True
            )
            .select_related("contact")
            .only("pk", "reference", "contact__id")
        )
        rows = [
            PersonalDataAccess(
                organisation=organisation,
                case=case,
                case_reference=case.reference,
                user=actor,
                reader_organisation=organisation,
                kind=kind,
                reason=EXPORT_READ_REASON,
            )
            for case in cases
            for kind in (
                [PersonalDataAccess.Kind.CASE_FILE]
                + ([PersonalDataAccess.Kind.CONTACT_DETAILS] if getattr(case, "contact", None) is not None else [])
            )
        ]
        for row in rows:
            row.save()  # one by one: the processing log's hook writes an entry per saved row
    return len(rows)


# --- The files ---------------------------------------------------------------------------

# Dutch headings for the JSON's keys, for the PDF.
LABELS: dict[str, str] = {
    "kenmerk": "Kenmerk",
    "schuilnaam": "Schuilnaam",
    "status": "Status",
    "uitkomst": "Uitkomst",
    "gemeld_op": "Gemeld op",
    "afgesloten_op": "Afgesloten op",
    "persoonsgegevens_gewist_op": "Persoonsgegevens gewist op",
    "gemeld_door": "Gemeld door",
    "behandelaar": "Behandeld door",
    "melding": "Wat is er gebeurd",
    "eerste_indruk": "Eerste indruk uit het gesprek",
    "wensen_toelichting": "Wensen, toelichting",
    "land": "Land",
    "feiten": "Wat we weten",
    "vraag": "Vraag",
    "antwoord": "Antwoord",
    "advies_gemaakt_op": "Advies gemaakt op",
    "advies": "Advies",
    "bestemming": "Bestemming",
    "uitleg": "Uitleg",
    "toestemming_contactgegevens_bewaren": "Toestemming om contactgegevens te bewaren",
    "toestemming_doorverwijzen": "Toestemming om door te verwijzen",
    "toestemming_vastgelegd_op": "Toestemming vastgelegd op",
    "contactgegevens": "Contactgegevens",
    "naam": "Naam",
    "telefoon": "Telefoon",
    "e_mail": "E-mail",
    "toelichting": "Toelichting",
    "gewijzigd_op": "Gewijzigd op",
    "chronologie": "Wat er gebeurde (chronologie)",
    "datum": "Datum",
    "wat": "Wat",
    "door": "Door",
    "notities": "Notities",
    "tekst": "Tekst",
    "bewijs": "Bewijs (alleen beschrijvingen)",
    "soort": "Soort",
    "platform": "Platform",
    "wat_is_bewaard": "Wat is bewaard",
    "waar_bewaard": "Waar het bewaard wordt",
    "vastgelegd_op": "Vastgelegd op",
    "taken": "Taken",
    "taak": "Taak",
    "uiterlijk_op": "Uiterlijk op",
    "gemaakt_op": "Gemaakt op",
    "gedaan_op": "Gedaan op",
    "uitvoerder": "Uitvoerder",
    "doorverwijzingen": "Doorverwijzingen",
    "naar": "Naar",
    "aangemaakt_op": "Aangemaakt op",
    "verstuurd_op": "Verstuurd op",
    "ontvangen_op": "Ontvangen op",
    "besloten_op": "Besloten op",
    "gedeelde_samenvatting": "Samenvatting die met de partner is gedeeld",
    "reden_van_afwijzen": "Reden van afwijzen",
    "toestemmingen": "Toestemmingen",
    "voor": "Voor",
    "samenvatting_delen": "Samenvatting delen",
    "contactgegevens_delen": "Contactgegevens delen",
    "gegeven_door": "Gegeven door",
    "leeftijd_toen": "Leeftijd op dat moment",
    "gegeven_op": "Gegeven op",
    "geldig_tot": "Geldig tot",
    "ingetrokken_op": "Ingetrokken op",
    "berichten": "Berichten",
    "van": "Van",
    "van_de_partner": "Van de partner",
    "bericht": "Bericht",
    "verwijderd": "Al verwijderd",
    "inzagelog": "Wie je gegevens inzag (inzagelog)",
    "reden": "Reden",
    "organisatie_van_de_lezer": "Organisatie van de lezer",
    "verwerkingslogboek": "Verwerkingslogboek",
    "handeling": "Handeling",
    "soort_verwerking": "Soort verwerking",
    "begin": "Begin",
    "einde": "Einde",
    "verwerkingsactiviteit": "Verwerkingsactiviteit",
    "trace_id": "Trace-id",
    "bewaren_tot": "Bewaard tot",
    "account": "Account",
    "account_gemaakt_op": "Account gemaakt op",
    "laatst_ingelogd": "Laatst ingelogd",
    "taal": "Taal",
    "lidmaatschap": "Lidmaatschap",
    "organisatie": "Organisatie",
    "rol": "Rol",
    "actief": "Actief",
    "lid_sinds": "Lid sinds",
    "gedeactiveerd_op": "Gedeactiveerd op",
    "uitnodigingen": "Uitnodigingen",
    "geaccepteerd_op": "Geaccepteerd op",
    "training": "Training",
    "pogingen": "Pogingen",
    "module": "Module",
    "poging": "Poging",
    "begonnen_op": "Begonnen op",
    "klaar_op": "Klaar op",
    "score_procent": "Score (procent)",
    "goede_antwoorden": "Goede antwoorden",
    "aantal_vragen": "Aantal vragen",
    "lessen_afgerond": "Lessen afgerond",
    "les": "Les",
    "afgerond_op": "Afgerond op",
    "antwoorden": "Antwoorden",
    "gekozen": "Gekozen antwoorden",
    "goed": "Goed",
    "beantwoord_op": "Beantwoord op",
    "certificaten": "Certificaten",
    "naam_op_certificaat": "Naam op het certificaat",
    "controlecode": "Controlecode",
    "uitgegeven_door": "Uitgegeven door",
    "uitgegeven_op": "Uitgegeven op",
    "toewijzingen": "Toewijzingen",
    "klaar_voor": "Klaar voor",
    "toegewezen_op": "Toegewezen op",
    "niet_opgenomen": "Niet opgenomen",
    "meldingen": "Meldingen",
    "onderwerp": "Onderwerp",
    "gelezen_op": "Gelezen op",
    "auditspoor": "Auditspoor",
    "jouw_rol": "Over jou of door jou",
    "inzage_in_casussen": "Casussen die je inzag",
    "exports": "Exports",
    "aangevraagd_op": "Aangevraagd op",
    "verloopt_op": "Verloopt op",
    "inlogpogingen": "Inloggen via je organisatie",
    "via": "Via",
}

SECTION_TITLES = {
    "casussen": "Casus",
    "account": "Account",
    "lidmaatschap": "Lidmaatschap",
    "uitnodigingen": "Uitnodigingen",
    "training": "Training",
    "meldingen": "Meldingen",
    "auditspoor": "Auditspoor",
    "inzage_in_casussen": "Casussen die je inzag",
    "exports": "Exports",
    "inlogpogingen": "Inloggen via je organisatie",
    "verwerkingslogboek": "Verwerkingslogboek",
}


@dataclass
class Block:
    """One piece of the PDF: a heading, a list of fields, a table of rows, or a note."""

    kind: str  # "heading", "fields", "table", "empty"
    level: int = 2
    text: str = ""
    fields: list[tuple[str, str, bool]] | None = None  # (label, value, check before sending)
    headers: list[str] | None = None
    rows: list[list[tuple[str, bool]]] | None = None  # per row: (value, check before sending) per column


def _label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " ").capitalize())


def _display(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if value is True:
        return "Ja"
    if value is False:
        return "Nee"
    if isinstance(value, list):
        return ", ".join(_display(item) for item in value) or "–"
    text = str(value)
    if len(text) >= 19 and text[4] == "-" and text[10] == "T":  # an ISO moment: date and time, readable
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        return moment.strftime("%d-%m-%Y %H:%M")
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text).strftime("%d-%m-%Y")
        except ValueError:
            return text
    return text


def _is_nested(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and bool(value) and isinstance(value[0], dict))


def _flat_rows(rows: list[Any]) -> bool:
    """A list of rows with only plain values: shown as one table."""
    return all(isinstance(row, dict) and not any(_is_nested(value) for value in row.values()) for row in rows)


def _blocks(value: dict[str, Any], path: str, level: int, checked: set[str]) -> list[Block]:
    blocks: list[Block] = []
    fields: list[tuple[str, str, bool]] = []
    nested: list[tuple[str, Any]] = []
    for key, item in value.items():
        if _is_nested(item) or (isinstance(item, list) and not item and key in SECTION_LISTS):
            nested.append((key, item))
        else:
            fields.append((_label(key), _display(item), f"{path}.{key}" in checked))
    if fields:
        blocks.append(Block(kind="fields", fields=fields))
    for key, item in nested:
        blocks.append(Block(kind="heading", level=min(level, 4), text=_label(key)))
        blocks += _rows_blocks(item, f"{path}.{key}", level + 1, checked)
    return blocks


def _rows_blocks(value: Any, path: str, level: int, checked: set[str]) -> list[Block]:
    if isinstance(value, dict):
        return _blocks(value, path, level, checked)
    if not value:
        return [Block(kind="empty", text="Niets vastgelegd.")]
    if _flat_rows(value):
        keys = list(value[0].keys())
        return [
            Block(
                kind="table",
                headers=[_label(key) for key in keys],
                rows=[
                    [(_display(row.get(key)), f"{path}[{index}].{key}" in checked) for key in keys]
                    for index, row in enumerate(value)
                ],
            )
        ]
    blocks: list[Block] = []
    for index, row in enumerate(value):
        blocks += _blocks(row, f"{path}[{index}]", level, checked)
    return blocks


# Lists that say "Niets vastgelegd." when empty, rather than being left out.
SECTION_LISTS = frozenset(
    {
        "feiten",
        "chronologie",
        "notities",
        "bewijs",
        "taken",
        "doorverwijzingen",
        "toestemmingen",
        "berichten",
        "inzagelog",
        "verwerkingslogboek",
        "pogingen",
        "certificaten",
        "toewijzingen",
    }
)


def _sections(data: dict[str, Any]) -> list[Block]:
    checked = set(data.get("controleer_voor_verzenden", {}).get("velden", []))
    blocks: list[Block] = []
    for key, value in data.items():
        if key in ("kop", "controleer_voor_verzenden", "betrokkene"):
            continue
        if key == "casussen":
            for index, case in enumerate(value):
                blocks.append(Block(kind="heading", level=2, text=f"Casus {case.get('kenmerk', '')}"))
                blocks += _blocks(case, f"casussen[{index}]", 3, checked)
            continue
        blocks.append(Block(kind="heading", level=2, text=SECTION_TITLES.get(key, _label(key))))
        blocks += _rows_blocks(value, key, 3, checked)
    return blocks


def _context(data: dict[str, Any]) -> dict[str, Any]:
    header = data.get("kop", {})
    subject = data.get("betrokkene", {})
    return {
        "header": header,
        "generated_at": _display(header.get("gemaakt_op")),
        "subject": subject,
        "is_victim": subject.get("soort") == "slachtoffer",
        "country": header.get("land", "NL"),
        "checks": data.get("controleer_voor_verzenden", {}),
        "blocks": _sections(data),
    }


def subject_html(data: dict[str, Any]) -> str:
    """The overview's page, which ``subject_pdf`` prints: a short explanation in B1 Dutch
    (what this is, what the person can do, where to complain: the Autoriteit
    Persoonsgegevens in the Netherlands, the Gegevensbeschermingsautoriteit in Belgium),
    the coordinator's notice about free text, then every section."""
    with translation.override("nl"):
        return render_to_string("privacy/subject_export/overzicht.html", _context(data))


def subject_pdf(data: dict[str, Any]) -> bytes:
    """The readable overview (B1 Dutch, accessible PDF/UA-1) of ``subject_collect``'s data."""
    import weasyprint  # imported here: it loads Pango, which no other page needs

    html = subject_html(data)
    result: bytes = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
    return result


def subject_readme(data: dict[str, Any]) -> str:
    with translation.override("nl"):
        return render_to_string("privacy/subject_export/leesmij.txt", _context(data))


def subject_zip(data: dict[str, Any]) -> bytes:
    """One ZIP: ``gegevens.json`` (UTF-8, indent 2), ``overzicht.pdf`` and ``LEESMIJ.txt``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gegevens.json", json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        archive.writestr("overzicht.pdf", subject_pdf(data))
        archive.writestr("LEESMIJ.txt", subject_readme(data).encode("utf-8"))
    return buffer.getvalue()
