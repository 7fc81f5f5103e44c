"""Telling the case handler when a referral moves.

The transitions in ``referrals.lifecycle`` call ``referral_moved`` inside their own
transaction, after the chronology line, when the *other* side acted: the partner
acknowledged, accepted, declined, wrote or closed the referral (signed in or by
link), or the municipality redirected it. The handler's own steps tell nobody.

What is written, in that same transaction (so a refused or rolled-back step leaves
nothing behind):

* one ``Notification`` per case handler (the case's handler, else every active case
  handler of the organisation): the notification centre shows it at once;
* for each, a ``Reminder`` due now about that notification (``notification:<id>``).
  The sweep (every minute) mails it exactly once, per the person's e-mail choices
  (``reminders._build_notice_mail``). Nothing is mailed inline.

Neither holds victim data: who acted, the case reference, what happened, the next
step and a link. Never the summary, a message, a decline reason or the
municipality's reason: those are read in the portal.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from portal.models import Notification, NotificationKind
from referrals import reminders
from referrals.models import Referral, Reminder

K = NotificationKind


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
    ``reminders.NOTICE_KINDS``); ``new`` is the draft a redirect made. Call inside the
    transition's transaction. Returns the notifications written."""
    title, body, url = _compose(referral, kind, new)
    now = timezone.now()
    # The partner or the municipality acts from its own scope; the handlers and the
    # rows belong to the referrer.
    with scopes_disabled():
        handlers = reminders._case_handlers(referral.case)
        written = Notification.objects.bulk_create(
            [
                Notification(
                    user=user,
                    organisation_id=referral.organisation_id,
                    kind=kind,
                    title=title[:200],
                    body=body[:1000],
                    url=url[:300],
                    created_at=now,
                )
                for user in handlers
            ]
        )
        Reminder.objects.bulk_create(
            [
                Reminder(
                    organisation_id=referral.organisation_id,
                    kind=kind,
                    subject=f"notification:{notice.pk}",
                    due_at=now,
                )
                for notice in written
            ]
        )
    return written
