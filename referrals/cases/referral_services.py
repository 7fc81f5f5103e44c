"""The referral life cycle: drafting, the consent ledger, sending, the partner's
answers, redirection by the municipality, and links for partners without an
account.

A partner without an account gets one link by e-mail when the referral is sent,
and that same link serves the whole referral: acknowledge, accept or decline,
messages to the referrer, the outcome and closing. It ends when the referral is
closed (also withdrawn or redirected) or declined, when consent is withdrawn, when
it is revoked or replaced, or after ``PARTNER_LINK_VALID_DAYS``; the referrer can
then send a new one while the referral is under way. Chosen over a new link per
step because a partner keeps one mail to come back to, and nothing more is shared
through it than through the first: the summary while consent covers it, never
contact details.

A referral's status only moves along ``TRANSITIONS``::

    draft → sent → acknowledged → accepted | declined → closed

and any status but ``closed`` may also be closed early (a draft cancelled, a
referral withdrawn or redirected). Anything else raises ``TransitionNotAllowed``,
which the views answer with HTTP 409. Every transition locks the referral row,
re-checks its status and writes a chronology line on the case in the same
transaction; mail is queued with ``transaction.on_commit`` and holds only a link.
When the partner or the municipality moves a referral, the case handler is told in
the same transaction (``referrals.messages``: a notification row, its e-mail sent by
the reminder sweep).

Three kinds of actor appear here, each checked explicitly:

* the referrer: a case handler of the case's organisation (``Action.CASE_HANDLE``);
* the partner: an intake worker of the receiving organisation
  (``Action.REFERRAL_RECEIVE``), or the holder of an active ``PartnerLink``;
* the municipality: a coordinator of the referrer's municipality
  (``Action.REFERRAL_AREA``), who never sees victim data.

Nothing is shared without valid consent while the referral is under way with the
partner: ``shared_with_partner`` decides, on every read, what the partner may see
(``PARTNER_READABLE_STATUSES``); withdrawing consent, withdrawing, redirecting,
declining or closing the referral takes effect at the next request.
"""

from __future__ import annotations

import hashlib
import secrets
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from messaging import reminders
from messaging.subjects import Subject
from portal.models import Membership, Organisation, User
from portal.processing_log import trace_continued, trace_current
from portal.roles import Action, OrganisationKind, Role, can
from referrals import messages, selectors
from referrals.models import (
    Case,
    CaseEvent,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    VictimContact,
)

S = Referral.Status
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SENT, S.CLOSED}),
    S.SENT: frozenset({S.ACKNOWLEDGED, S.CLOSED}),
    S.ACKNOWLEDGED: frozenset({S.ACCEPTED, S.DECLINED, S.CLOSED}),
    S.ACCEPTED: frozenset({S.CLOSED}),
    S.DECLINED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}
# Statuses in which the referral is still under way (not a draft, not closed).
ACTIVE_STATUSES = (S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED)
# Statuses in which the partner may read what valid consent covers (summary, contact
# details, messages). Not a draft (not sent yet), not declined (the partner said no),
# not closed (done, withdrawn by the referrer or redirected by the municipality).
PARTNER_READABLE_STATUSES = frozenset({S.SENT, S.ACKNOWLEDGED, S.ACCEPTED})
# Outcomes a partner may report, and those that belong to the referrer or municipality.
PARTNER_OUTCOMES = (
    Referral.Outcome.HELPED,
    Referral.Outcome.REFERRED_ON,
    Referral.Outcome.NO_CONTACT,
    Referral.Outcome.VICTIM_STOPPED,
    Referral.Outcome.DECLINED,
)
REFERRER_OUTCOMES = (*PARTNER_OUTCOMES, Referral.Outcome.WITHDRAWN, Referral.Outcome.CANCELLED)
MIN_REASON_LENGTH = 5
REFERRAL_ENDED_MESSAGE = gettext_lazy(
    "De doorverwijzing loopt niet meer bij jullie. Daarom zie je geen gegevens over de persoon meer."
)


class TransitionNotAllowed(Exception):
    """A status change the state machine does not allow. ``message`` is Dutch and
    says what the status is now."""

    status_code = 409

    def __init__(self, referral: Referral, target: str) -> None:
        self.current = referral.status
        self.target = target
        self.message = _(
            "Dit kan niet: de doorverwijzing staat op “%(current)s”, niet meer te zetten op “%(target)s”."
        ) % {
            "current": Referral.Status(referral.status).label,
            "target": Referral.Status(target).label,
        }
        super().__init__(self.message)


class LinkInvalid(Exception):
    """A partner link that cannot be used; ``state`` is 'unknown', 'expired',
    'used' or 'revoked'."""

    def __init__(self, state: str) -> None:
        self.state = state
        super().__init__(state)


@dataclass(frozen=True)
class Shared:
    """What the partner may see of a referral right now."""

    summary: bool
    contact: bool
    consent: ReferralConsent | None
    # The referral is no longer under way with the partner (declined or closed):
    # nothing is shared, whatever the consent ledger says.
    ended: bool = False


# --- Helpers ---------------------------------------------------------------------------


def _locked(referral: Referral) -> Referral:
    """The referral row, locked for this transaction, with its case. The caller has
    already been checked against this referral; the lock itself reads unscoped
    because partners and municipalities act from their own scope."""
    with scopes_disabled():
        return Referral.objects.select_for_update(of=("self",)).select_related("case", "partner").get(pk=referral.pk)


def _move(referral: Referral, target: str) -> None:
    if target not in TRANSITIONS[referral.status]:
        raise TransitionNotAllowed(referral, target)
    referral.status = target


def _event(referral: Referral, kind: str, actor: User | None, detail: str = "") -> CaseEvent:
    return CaseEvent.objects.create(
        organisation_id=referral.organisation_id,
        case_id=referral.case_id,
        referral=referral,
        kind=kind,
        actor=actor,
        detail=detail[:200],
    )


def _require_referrer(actor_membership: Membership, referral_or_case: Referral | Case) -> None:
    """A case handler of the case's organisation."""
    if not can(actor_membership, Action.CASE_HANDLE):
        raise PermissionError(Action.CASE_HANDLE)
    if actor_membership.organisation_id != referral_or_case.organisation_id:
        raise PermissionError("organisation")


def _partner_party(
    referral: Referral, actor_membership: Membership | None, link: PartnerLink | None
) -> tuple[User | None, str]:
    """Check the partner side acting on ``referral``; returns (user, label for the chronology)."""
    if link is not None:
        if link.referral_id != referral.pk or link.state() != "active":
            raise PermissionError("link")
        return None, _("%(partner)s (via link)") % {"partner": referral.destination_label}
    if actor_membership is None or not can(actor_membership, Action.REFERRAL_RECEIVE):
        raise PermissionError(Action.REFERRAL_RECEIVE)
    if referral.partner_id is None or actor_membership.organisation_id != referral.partner_id:
        raise PermissionError("organisation")
    return actor_membership.user, actor_membership.organisation.name


def _link_scope(referral: Referral, link: PartnerLink | None) -> AbstractContextManager[object]:
    """A link's holder acts outside any organisation; the rows it writes belong to
    the referrer, so that is the scope for its writes."""
    return scope(organisation=referral.organisation_id) if link is not None else nullcontext()


def _require_area(actor_membership: Membership, referral: Referral) -> None:
    if not can(actor_membership, Action.REFERRAL_AREA):
        raise PermissionError(Action.REFERRAL_AREA)
    if referral.municipality_id is None or actor_membership.organisation_id != referral.municipality_id:
        raise PermissionError("organisation")


def consent_age(country: str) -> int:
    """From this age a victim in ``country`` consents alone (setting REFERRAL_CONSENT_AGE)."""
    return int(settings.REFERRAL_CONSENT_AGE.get(country, max(settings.REFERRAL_CONSENT_AGE.values())))


def partner_for(destination: str, country: str) -> Organisation | None:
    """The partner organisation on the portal that receives ``destination`` in ``country``, if any."""
    if destination.startswith("local:"):
        return None
    return Organisation.objects.filter(
        kind=OrganisationKind.PARTNER, destination_code=destination, country=country, is_active=True
    ).first()


# --- Drafting and consent --------------------------------------------------------------


def referral_draft(*, actor_membership: Membership, case: Case, destination: str, summary: str) -> Referral:
    """Prepare a referral to one organisation from the case's advice.

    Only ``referral`` destinations of the stored advice; one referral under way per
    destination. The partner organisation is looked up by its destination code and
    the case's country; without one on the portal, the referral goes by link.
    """
    _require_referrer(actor_membership, case)
    if case.status != Case.Status.OPEN:
        raise ValidationError({NON_FIELD_ERRORS: [_("Deze casus is afgesloten.")]})
    recommended = {r["destination"]: r for r in case.recommendations if r.get("kind") == "referral"}
    if destination not in recommended:
        raise ValidationError({"destination": [_("Kies een organisatie uit het advies.")]})
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"summary": [_("Schrijf kort op wat de partner moet weten.")]})
    if len(summary) > 2000:
        raise ValidationError({"summary": [_("Houd de samenvatting korter dan 2000 tekens.")]})
    country = (case.facts or {}).get("country") or case.organisation.country
    labels = selectors.destination_labels(case)
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        if Referral.objects.filter(case=case, destination=destination).exclude(status=S.CLOSED).exists():
            raise ValidationError({"destination": [_("Er loopt al een doorverwijzing naar deze organisatie.")]})
        referral = Referral.objects.create(
            organisation_id=case.organisation_id,
            case=case,
            municipality=selectors.municipality_of(case.organisation),
            destination=destination,
            destination_label=labels.get(destination, destination)[:200],
            partner=partner_for(destination, country),
            urgency=recommended[destination].get("urgency", "normal"),
            summary=summary,
            created_by=actor_membership.user,
        )
        _event(referral, CaseEvent.Kind.REFERRAL_DRAFTED, actor_membership.user, referral.destination_label)
    return referral


def consent_record(
    *,
    actor_membership: Membership,
    referral: Referral,
    given_by: str,
    shares_summary: bool,
    shares_contact: bool,
    expires_at: datetime | None = None,
) -> ReferralConsent:
    """Add an entry to the referral's consent ledger.

    A victim younger than the country's consent age (``REFERRAL_CONSENT_AGE``), or
    of unknown age, cannot consent alone: a parent or guardian gives consent.
    Sharing contact details also needs the case's consent to keep them.
    """
    _require_referrer(actor_membership, referral)
    errors: dict[str, list[str]] = {}
    if given_by not in ReferralConsent.GivenBy.values:
        errors["given_by"] = [_("Kies wie de toestemming geeft.")]
    if not shares_summary and not shares_contact:
        errors["shares_summary"] = [_("Kies minstens één ding dat gedeeld mag worden.")]
    case = referral.case
    if shares_contact and not case.consent_contact:
        errors["shares_contact"] = [
            _("Er is geen toestemming om contactgegevens te bewaren. Leg die eerst vast bij Wensen en toestemming.")
        ]
    if expires_at is not None and expires_at <= timezone.now():
        errors["expires_at"] = [_("Kies een datum in de toekomst.")]
    age = (case.facts or {}).get("victim_age")
    country = (case.facts or {}).get("country") or case.organisation.country
    threshold = consent_age(country)
    if given_by == ReferralConsent.GivenBy.VICTIM:
        if age is None:
            errors["given_by"] = [
                _("De leeftijd is niet bekend. Vul die in bij Feiten, of leg toestemming van een ouder of voogd vast.")
            ]
        elif age < threshold:
            errors["given_by"] = [
                _("Onder de %(age)s jaar geeft een ouder of voogd toestemming (%(country)s).")
                % {"age": threshold, "country": country}
            ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        referral = _locked(referral)
        if referral.status == S.CLOSED:
            raise TransitionNotAllowed(referral, S.CLOSED)
        consent = ReferralConsent.objects.create(
            organisation_id=referral.organisation_id,
            referral=referral,
            recipient_label=referral.destination_label,
            shares_summary=bool(shares_summary),
            shares_contact=bool(shares_contact),
            given_by=given_by,
            victim_age=age,
            expires_at=expires_at,
            recorded_by=actor_membership.user,
        )
        shared = [
            str(label)
            for flag, label in ((shares_summary, _("samenvatting")), (shares_contact, _("contactgegevens")))
            if flag
        ]
        _event(
            referral,
            CaseEvent.Kind.CONSENT_GIVEN,
            actor_membership.user,
            f"{referral.destination_label}: {', '.join(shared)} ({consent.get_given_by_display()})",
        )
    return consent


def consent_withdraw(*, actor_membership: Membership, consent: ReferralConsent) -> ReferralConsent:
    """Withdraw consent: from the next request on the partner sees nothing it covered,
    and active partner links of the referral stop working."""
    with transaction.atomic():
        consent = ReferralConsent.objects.select_for_update(of=("self",)).select_related("referral").get(pk=consent.pk)
        _require_referrer(actor_membership, consent.referral)
        if consent.withdrawn_at is not None:
            return consent
        now = timezone.now()
        consent.withdrawn_at = now
        consent.withdrawn_by = actor_membership.user
        consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
        PartnerLink.objects.filter(referral=consent.referral, revoked_at__isnull=True, used_at__isnull=True).update(
            revoked_at=now, revoked_by=actor_membership.user
        )
        _event(consent.referral, CaseEvent.Kind.CONSENT_WITHDRAWN, actor_membership.user, consent.recipient_label)
    return consent


def consent_covers(referral: Referral, *, now: datetime | None = None) -> Shared:
    """What the consent ledger alone covers now: the union of the valid entries,
    whatever the referral's status. Reads the ledger unscoped by referral id:
    callers have been checked as a party to this referral."""
    now = now or timezone.now()
    with scopes_disabled():
        valid = [c for c in ReferralConsent.objects.filter(referral_id=referral.pk) if c.is_valid(now)]
    return Shared(
        summary=any(c.shares_summary for c in valid),
        contact=any(c.shares_contact for c in valid),
        consent=valid[0] if valid else None,
    )


def shared_with_partner(referral: Referral, *, now: datetime | None = None) -> Shared:
    """What the partner may see now: both the referral's status and the consent decide.

    * ``sent``, ``acknowledged``, ``accepted`` (``PARTNER_READABLE_STATUSES``): what the
      valid consent entries cover (``consent_covers``); withdrawn or expired consent
      hides it at once.
    * ``declined`` or ``closed`` (done, withdrawn by the referrer, redirected by the
      municipality, declined and closed): nothing, even while consent is still valid;
      ``ended`` is set so the page can say why.
    * ``draft``: what the partner will see once it is sent, for the referrer's send
      step. No partner reaches a draft (the inbox leaves it out, links are made on
      sending), and ``referral_summary_read``/``referral_contact_read`` refuse it.
    """
    if referral.status in (S.DECLINED, S.CLOSED):
        return Shared(summary=False, contact=False, consent=None, ended=True)
    return consent_covers(referral, now=now)


def _partner_may_read(referral: Referral) -> Shared:
    """What a partner's read may return now: nothing on a draft, else ``shared_with_partner``."""
    if referral.status not in PARTNER_READABLE_STATUSES:
        return Shared(summary=False, contact=False, consent=None, ended=referral.status != S.DRAFT)
    return shared_with_partner(referral)


# --- Sending ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkCreated:
    link: PartnerLink
    url: str  # shown once; only its hash is stored


def referral_send(*, actor_membership: Membership, referral: Referral, partner_email: str = "") -> LinkCreated | None:
    """Send a draft: needs valid consent to share at least the summary.

    A partner on the portal is told by mail (a link to its inbox, nothing more).
    A partner without an account needs ``partner_email``: it gets a link (see above),
    returned here so the handler can see where it went.
    """
    _require_referrer(actor_membership, referral)
    if not consent_covers(referral).summary:
        raise ValidationError(
            {NON_FIELD_ERRORS: [_("Leg eerst toestemming vast om de samenvatting met deze organisatie te delen.")]}
        )
    if referral.partner_id is None and not (partner_email or "").strip():
        raise ValidationError(
            {"partner_email": [_("Deze organisatie heeft geen account. Vul het e-mailadres van hun aanmelding in.")]}
        )
    with transaction.atomic():
        referral = _locked(referral)
        _move(referral, S.SENT)
        referral.sent_at = timezone.now()
        # The partner's work on it continues this trace in the processing log.
        referral.trace_id = trace_current().trace_id
        referral.save(update_fields=["status", "sent_at", "trace_id"])
        _event(referral, CaseEvent.Kind.REFERRAL_SENT, actor_membership.user, referral.destination_label)
        messages.plan_referral_acknowledgement(referral)
        created = None
        if referral.partner_id is None:
            created = _link_create(actor_membership, referral, partner_email)
        else:
            partner_id = referral.partner_id
            transaction.on_commit(lambda: _mail_partner_inbox(partner_id))
    return created


def _mail_partner_inbox(partner_id: int) -> None:
    """Tell the partner's intake workers there is a new referral: a link, no case data."""
    partner = Organisation.objects.get(pk=partner_id)
    with scopes_disabled():
        recipients = list(
            Membership.objects.filter(
                organisation_id=partner_id,
                role=Role.PARTNER_INTAKE,
                is_active=True,
                user__is_active=True,
                user__email__isnull=False,
            ).values_list("user__email", flat=True)
        )
    if not recipients:
        return
    context = {
        "partner": partner,
        "link": settings.SITE_URL + reverse("partner:inbox", kwargs={"org_slug": partner.slug}),
    }
    send_mail(
        subject=render_to_string("referrals/email/partner_new_subject.txt", context).strip(),
        message=render_to_string("referrals/email/partner_new_body.txt", context),
        from_email=None,
        recipient_list=[email for email in recipients if email],
    )


# --- Partner links ----------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _link_create(actor_membership: Membership, referral: Referral, email: str) -> LinkCreated:
    email = (email or "").strip().lower()
    try:
        from django.core.validators import validate_email

        validate_email(email)
    except ValidationError:
        raise ValidationError({"partner_email": [_("Vul een geldig e-mailadres in.")]}) from None
    now = timezone.now()
    # One link at a time: a new link ends the earlier ones.
    PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True, used_at__isnull=True).update(
        revoked_at=now, revoked_by=actor_membership.user
    )
    token = secrets.token_urlsafe(32)
    link = PartnerLink.objects.create(
        organisation_id=referral.organisation_id,
        referral=referral,
        email=email,
        token_hash=_hash(token),
        created_by=actor_membership.user,
        expires_at=now + timedelta(days=settings.PARTNER_LINK_VALID_DAYS),
    )
    _event(referral, CaseEvent.Kind.LINK_CREATED, actor_membership.user, referral.destination_label)
    url = settings.SITE_URL + reverse("partner_link", kwargs={"token": token})
    transaction.on_commit(lambda: _mail_link(link, url))
    return LinkCreated(link=link, url=url)


def _mail_link(link: PartnerLink, url: str) -> None:
    context = {"link": url, "expires_at": link.expires_at, "referrer": link.referral.organisation.name}
    send_mail(
        subject=render_to_string("referrals/email/partner_link_subject.txt", context).strip(),
        message=render_to_string("referrals/email/partner_link_body.txt", context),
        from_email=None,
        recipient_list=[link.email],
    )


def partner_link_create(*, actor_membership: Membership, referral: Referral, email: str) -> LinkCreated:
    """A new link for a referral under way with a partner without an account (sent,
    acknowledged or accepted: say the first mail went to the wrong address, or the
    link expired before the partner reported the outcome). Earlier links stop working."""
    _require_referrer(actor_membership, referral)
    if referral.partner_id is not None:
        raise ValidationError({NON_FIELD_ERRORS: [_("Deze partner werkt in het portaal; een link is niet nodig.")]})
    if referral.status not in (S.SENT, S.ACKNOWLEDGED, S.ACCEPTED):
        raise TransitionNotAllowed(referral, S.ACKNOWLEDGED if referral.status == S.SENT else referral.status)
    if not shared_with_partner(referral).summary:
        raise ValidationError({NON_FIELD_ERRORS: [_("Er is geen geldige toestemming om te delen.")]})
    with transaction.atomic():
        referral = _locked(referral)
        return _link_create(actor_membership, referral, email)


def partner_link_revoke(*, actor_membership: Membership, link: PartnerLink) -> PartnerLink:
    with transaction.atomic():
        link = PartnerLink.objects.select_for_update(of=("self",)).select_related("referral").get(pk=link.pk)
        _require_referrer(actor_membership, link.referral)
        if link.revoked_at is None and link.used_at is None:
            link.revoked_at = timezone.now()
            link.revoked_by = actor_membership.user
            link.save(update_fields=["revoked_at", "revoked_by"])
            _event(link.referral, CaseEvent.Kind.LINK_REVOKED, actor_membership.user, link.referral.destination_label)
    return link


def partner_link_resolve(token: str) -> PartnerLink:
    """The link for ``token`` if it can be used; else ``LinkInvalid`` with its state.
    Unscoped on purpose: the token is the credential (see ``PartnerLink``)."""
    if not token or len(token) > 100:
        raise LinkInvalid("unknown")
    with scopes_disabled():
        link = (
            PartnerLink.objects.select_related("referral", "referral__case", "referral__organisation")
            .filter(token_hash=_hash(token))
            .first()
        )
    if link is None:
        raise LinkInvalid("unknown")
    state = link.state()
    if state != "active":
        raise LinkInvalid(state)
    if not _partner_may_read(link.referral).summary:
        # Consent withdrawn, or the referral declined or closed without the link
        # being revoked on the way: the link ends with the sharing.
        raise LinkInvalid("revoked")
    return link


# --- The partner's answers ---------------------------------------------------------------


def referral_acknowledge(
    *, referral: Referral, actor_membership: Membership | None = None, link: PartnerLink | None = None
) -> Referral:
    """The partner has seen the referral. Acknowledging twice is refused (409)."""
    user, label = _partner_party(referral, actor_membership, link)
    with _link_scope(referral, link), transaction.atomic():
        referral = _locked(referral)
        _move(referral, S.ACKNOWLEDGED)
        referral.acknowledged_at = timezone.now()
        referral.save(update_fields=["status", "acknowledged_at"])
        _event(referral, CaseEvent.Kind.ACKNOWLEDGED, user, label)
        reminders.reminders_cancel(subjects=[Subject.referral(referral.pk)])
        messages.referral_moved(referral=referral, kind=messages.K.REFERRAL_ACKNOWLEDGED)
    return referral


def referral_accept(
    *,
    referral: Referral,
    message: str = "",
    actor_membership: Membership | None = None,
    link: PartnerLink | None = None,
) -> Referral:
    """The partner takes the referral on. Via a link, the same link keeps working
    after this, until the referral is closed: with it the partner writes to the
    referrer (``referral_post_update``) and reports the outcome (``referral_close``)."""
    user, label = _partner_party(referral, actor_membership, link)
    with _link_scope(referral, link), transaction.atomic():
        referral = _locked(referral)
        _move(referral, S.ACCEPTED)
        referral.decided_at = timezone.now()
        referral.save(update_fields=["status", "decided_at"])
        _event(referral, CaseEvent.Kind.REFERRAL_ACCEPTED, user, label)
        _update_add(referral, user, label, message, from_partner=True)
        messages.referral_moved(referral=referral, kind=messages.K.REFERRAL_ACCEPTED)
    return referral


def referral_decline(
    *,
    referral: Referral,
    reason: str,
    actor_membership: Membership | None = None,
    link: PartnerLink | None = None,
) -> Referral:
    """The partner does not take the referral on, and says why (required). Via a
    link this is its last use: a declined referral shares nothing any more."""
    user, label = _partner_party(referral, actor_membership, link)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": [_("Schrijf op waarom jullie de doorverwijzing niet aannemen.")]})
    with _link_scope(referral, link), transaction.atomic():
        referral = _locked(referral)
        _move(referral, S.DECLINED)
        referral.decided_at = timezone.now()
        referral.decline_reason = reason[:500]
        referral.save(update_fields=["status", "decided_at", "decline_reason"])
        _event(referral, CaseEvent.Kind.REFERRAL_DECLINED, user, label)
        messages.referral_moved(referral=referral, kind=messages.K.REFERRAL_DECLINED)
        _link_use(link)
    return referral


def _link_use(link: PartnerLink | None) -> None:
    if link is not None:
        PartnerLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())


def _update_add(
    referral: Referral, user: User | None, label: str, text: str, *, from_partner: bool
) -> ReferralUpdate | None:
    text = (text or "").strip()
    if not text:
        return None
    update = ReferralUpdate.objects.create(
        organisation_id=referral.organisation_id,
        referral=referral,
        author=user,
        author_label=label[:200],
        from_partner=from_partner,
        text=text[:2000],
    )
    _event(referral, CaseEvent.Kind.REFERRAL_UPDATE, user, label)
    return update


def referral_post_update(
    *,
    referral: Referral,
    text: str,
    actor_membership: Membership | None = None,
    link: PartnerLink | None = None,
) -> ReferralUpdate:
    """A message on the referral: the partner reports back (signed in, or by its
    link), or the referrer answers. Not on a draft or a closed referral, nor by link
    once the referral is declined (the link has ended then)."""
    if actor_membership is None and link is None:
        raise PermissionError("membership")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Schrijf een bericht.")]})
    if len(text) > 2000:
        raise ValidationError({"text": [_("Houd het bericht korter dan 2000 tekens.")]})
    user: User | None
    if link is None and actor_membership is not None and actor_membership.organisation_id == referral.organisation_id:
        _require_referrer(actor_membership, referral)
        user, label, from_partner = actor_membership.user, actor_membership.organisation.name, False
    else:
        user, label = _partner_party(referral, actor_membership, link)
        from_partner = True
    closed_to_it = (S.DRAFT, S.CLOSED) if link is None else (S.DRAFT, S.DECLINED, S.CLOSED)
    with _link_scope(referral, link), transaction.atomic():
        referral = _locked(referral)
        if referral.status in closed_to_it:
            raise TransitionNotAllowed(referral, referral.status)
        update = _update_add(referral, user, label, text, from_partner=from_partner)
        assert update is not None  # the text was checked above
        if from_partner:
            messages.referral_moved(referral=referral, kind=messages.K.REFERRAL_MESSAGE)
        return update


def referral_close(
    *,
    referral: Referral,
    outcome: str,
    actor_membership: Membership | None = None,
    link: PartnerLink | None = None,
) -> Referral:
    """Close the referral with an outcome. The partner (signed in, or by its link)
    closes what it accepted or declined; the referrer may also cancel a draft or
    withdraw a sent referral. Closing ends every link of the referral."""
    is_referrer = (
        link is None and actor_membership is not None and actor_membership.organisation_id == referral.organisation_id
    )
    user: User | None
    allowed: tuple[str, ...]
    if is_referrer:
        assert actor_membership is not None
        _require_referrer(actor_membership, referral)
        allowed = REFERRER_OUTCOMES
        user, label = actor_membership.user, actor_membership.organisation.name
    else:
        user, label = _partner_party(referral, actor_membership, link)
        allowed = PARTNER_OUTCOMES
    if outcome not in allowed:
        raise ValidationError({"outcome": [_("Kies een uitkomst.")]})
    with _link_scope(referral, link), transaction.atomic():
        referral = _locked(referral)
        if not is_referrer and referral.status not in (S.ACCEPTED, S.DECLINED):
            # The partner first accepts or declines; closing comes after.
            raise TransitionNotAllowed(referral, S.CLOSED)
        _move(referral, S.CLOSED)
        referral.outcome = outcome
        referral.closed_at = timezone.now()
        referral.save(update_fields=["status", "outcome", "closed_at"])
        _link_use(link)
        PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True, used_at__isnull=True).update(
            revoked_at=referral.closed_at, revoked_by=user
        )
        _event(referral, CaseEvent.Kind.REFERRAL_CLOSED, user, f"{label}: {referral.get_outcome_display()}")
        reminders.reminders_cancel(subjects=[Subject.referral(referral.pk)])
        if not is_referrer:
            messages.referral_moved(referral=referral, kind=messages.K.REFERRAL_CLOSED)
    return referral


# --- The municipality ---------------------------------------------------------------------


def referral_redirect(*, actor_membership: Membership, referral: Referral, destination: str, reason: str) -> Referral:
    """A municipal coordinator sends a referral on to another organisation.

    The old referral is closed as redirected; a new draft to ``destination`` (any
    ``referral`` destination of the municipality's rule set, local ones included)
    waits for the case handler. Consent is per organisation, so the handler records
    consent for the new organisation before it is sent. The coordinator sees no
    victim data on the way: the summary is copied inside the case's organisation.
    """
    _require_area(actor_membership, referral)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": [_("Schrijf op waarom de doorverwijzing wordt omgeleid.")]})
    rule_set = selectors.rule_set_for_municipality(actor_membership.organisation)
    target = rule_set.destinations.get(destination)
    country = actor_membership.organisation.country
    if target is None or target.kind != "referral" or (target.country not in (None, country)):
        raise ValidationError({"destination": [_("Kies een organisatie uit de lijst.")]})
    if destination == referral.destination:
        raise ValidationError({"destination": [_("Kies een andere organisatie dan de huidige.")]})
    with transaction.atomic():
        referral = _locked(referral)
        if referral.status not in ACTIVE_STATUSES:
            raise TransitionNotAllowed(referral, S.CLOSED)
        now = timezone.now()
        _move(referral, S.CLOSED)
        referral.outcome = Referral.Outcome.REDIRECTED
        referral.closed_at = now
        referral.save(update_fields=["status", "outcome", "closed_at"])
        PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True, used_at__isnull=True).update(
            revoked_at=now, revoked_by=actor_membership.user
        )
        reminders.reminders_cancel(subjects=[Subject.referral(referral.pk)])
        new = Referral.objects.create(
            organisation_id=referral.organisation_id,
            case_id=referral.case_id,
            municipality_id=referral.municipality_id,
            destination=destination,
            destination_label=target.label_for(country)[:200],
            partner=partner_for(destination, country),
            urgency=referral.urgency,
            summary=referral.summary,
            redirected_from=referral,
            created_by=actor_membership.user,
        )
        _event(
            referral,
            CaseEvent.Kind.REFERRAL_REDIRECTED,
            actor_membership.user,
            f"{referral.destination_label} → {new.destination_label}: {reason}",
        )
        messages.referral_moved(referral=referral, kind=messages.K.REFERRAL_REDIRECTED, new=new)
    return new


# --- Reading shared data ---------------------------------------------------------------


def _log_read(
    referral: Referral, *, user: User | None, reader: Organisation | None, kind: str, reason: str, event: bool
) -> None:
    with trace_continued(referral.trace_id or None):
        PersonalDataAccess.objects.create(
            organisation_id=referral.organisation_id,
            case_id=referral.case_id,
            case_reference=referral.case.reference,
            user=user,
            reader_organisation=reader,
            kind=kind,
            reason=reason[:200],
        )
    if event:
        _event(referral, CaseEvent.Kind.PERSONAL_DATA_VIEWED, user, str(PersonalDataAccess.Kind(kind).label))


def referral_summary_read(
    *, referral: Referral, actor_membership: Membership | None = None, link: PartnerLink | None = None
) -> dict[str, Any] | None:
    """What the partner may read of the case, logged as a read of personal data;
    None (and nothing logged) when no valid consent covers the summary or the
    referral is not under way with the partner (see ``shared_with_partner``)."""
    user, _label = _partner_party(referral, actor_membership, link)
    shared = _partner_may_read(referral)
    if not shared.summary:
        return None
    case = referral.case
    facts = case.facts or {}
    reader = actor_membership.organisation if actor_membership else None
    reason = _("Doorverwijzing gelezen door de partner") if link is None else _("Doorverwijzing gelezen via link")
    with _link_scope(referral, link), transaction.atomic():
        _log_read(referral, user=user, reader=reader, kind=PersonalDataAccess.Kind.REFERRAL, reason=reason, event=False)
    return {
        "pseudonym": case.pseudonym,
        "summary": referral.summary,
        "victim_age": facts.get("victim_age"),
        "forms": list(facts.get("forms", [])),
        "urgency": referral.urgency,
        "contact_shared": shared.contact,
    }


def referral_contact_read(*, referral: Referral, actor_membership: Membership, reason: str) -> VictimContact | None:
    """The victim's contact details for a partner intake worker (signed in, with MFA;
    never through a link), when valid consent covers them and the referral is under
    way with the partner (see ``shared_with_partner``). Needs a reason; logged."""
    user, _label = _partner_party(referral, actor_membership, None)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": [_("Schrijf kort op waarom je de contactgegevens nodig hebt.")]})
    shared = _partner_may_read(referral)
    if shared.ended:
        raise ValidationError({NON_FIELD_ERRORS: [REFERRAL_ENDED_MESSAGE]})
    if not shared.contact:
        raise ValidationError({NON_FIELD_ERRORS: [_("Er is geen geldige toestemming om contactgegevens te delen.")]})
    with transaction.atomic():
        _log_read(
            referral,
            user=user,
            reader=actor_membership.organisation,
            kind=PersonalDataAccess.Kind.CONTACT_DETAILS,
            reason=reason,
            event=True,
        )
        with scopes_disabled():
            return VictimContact.objects.filter(case_id=referral.case_id).first()


def case_file_read(*, actor_membership: Membership, case: Case, reason: str = "") -> None:
    """Log that a member of the case's organisation opened the case file (pseudonym,
    signal, notes). Called by every page that shows them."""
    PersonalDataAccess.objects.create(
        organisation_id=case.organisation_id,
        case=case,
        case_reference=case.reference,
        user=actor_membership.user,
        reader_organisation_id=actor_membership.organisation_id,
        kind=PersonalDataAccess.Kind.CASE_FILE,
        reason=(reason or _("Casus bekeken"))[:200],
    )
