"""Notifications: the in-app notification centre and the e-mail beside it.

``notify`` writes one row in a person's notification centre and, when they want
it (or the kind is mandatory), sends the e-mail. ``compose`` is the one place an
e-mail is made, for ``notify`` and for the reminders' sweep alike. E-mail text comes
from a ``MessageTemplate`` a platform administrator edited, else from the shipped
template files. Both see only the names in ``TEMPLATE_NAMES``: what a message is
about and a link, never victim data.

A kind about a victim's case (registered with ``neutral``, ``messaging.registry``)
gets a neutral e-mail by construction: ``mail_context`` gives its template the kind's
fixed text as ``title`` and ``body`` instead of the notification's, and no
organisation. So its e-mail says only that there is news about a case and links to
it; which partner, task or case, and what happened, is read in the portal after
sign-in with MFA. A mail can be forwarded, read on a lock screen or in a shared
mailbox and outlives the case's retention period; the portal's notification does not.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template import Context, Template, TemplateSyntaxError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from messaging import registry
from messaging.models import (
    MANDATORY_EMAIL_KINDS,
    MessageTemplate,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from portal.models import (
    Organisation,
    User,
)
from portal.worklist import WorkItem

if TYPE_CHECKING:
    from portal.models import Membership

# The names an e-mail template may use.
TEMPLATE_NAMES = ("title", "body", "link", "organisation", "recipient", "site_name")
# ... and for a kind about a case, where ``title`` and ``body`` are the kind's fixed text.
CASE_TEMPLATE_NAMES = ("title", "body", "link", "recipient", "site_name")


def template_names(kind: str) -> tuple[str, ...]:
    """The names the e-mail template of ``kind`` may use."""
    return CASE_TEMPLATE_NAMES if registry.neutral_mail(kind) is not None else TEMPLATE_NAMES


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def wants_email(user: User, kind: str) -> bool:
    if kind in MANDATORY_EMAIL_KINDS:
        return True
    preference = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    return True if preference is None else bool(preference)


def email_preferences(user: User) -> dict[str, bool]:
    """Every kind with whether this person gets e-mail for it."""
    stored = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: (kind in MANDATORY_EMAIL_KINDS) or stored.get(kind, True) for kind in NotificationKind.values}


def email_preferences_save(*, user: User, wanted: set[str]) -> None:
    """Store the kinds a person wants e-mail for. Mandatory kinds stay on; unknown kinds are refused."""
    unknown = set(wanted) - set(NotificationKind.values)
    if unknown:
        raise ValidationError(
            {"kinds": [_("Onbekende soort melding: %(kinds)s.") % {"kinds": ", ".join(sorted(unknown))}]}
        )
    for kind in NotificationKind.values:
        if kind in MANDATORY_EMAIL_KINDS:
            continue
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": kind in wanted})


def absolute(url: str) -> str:
    """A link for an e-mail: a path on this site gets the site's address in front."""
    return settings.SITE_URL + url if url.startswith("/") else url


def _context(
    *, title: str, body: str, link: str, organisation: Organisation | None, recipient: User | None
) -> dict[str, str]:
    return {
        "title": title,
        "body": body,
        "link": link,
        "organisation": organisation.name if organisation else "",
        "recipient": str(recipient) if recipient is not None else "",
        "site_name": "Veilig Online",
    }


def mail_context(kind: str, context: dict[str, str]) -> dict[str, str]:
    """What the e-mail template of ``kind`` sees. For a kind about a case only the
    names in ``CASE_TEMPLATE_NAMES``, with the kind's fixed neutral text as title and
    body, whatever the caller passed: the detail stays in the portal."""
    neutral = registry.neutral_mail(kind)
    if neutral is None:
        return context
    return {
        **{name: context.get(name, "") for name in CASE_TEMPLATE_NAMES},
        "title": str(neutral.title),
        "body": str(neutral.body),
    }


def validate_template(*, subject: str, body: str) -> None:
    """Refuse a template that does not compile, per field."""
    errors: dict[str, list[str]] = {}
    for field, text in (("subject", subject), ("body", body)):
        try:
            Template(text)
        except TemplateSyntaxError as exc:
            errors[field] = [_("Deze tekst klopt niet als sjabloon: %(error)s") % {"error": exc}]
    if errors:
        raise ValidationError(errors)


class _LookUp(enum.Enum):
    LOOK_UP = "look up"


# ``template``'s default: read the kind's MessageTemplate row.
_LOOK_UP: Final = _LookUp.LOOK_UP
TemplateRow = MessageTemplate | None | Literal[_LookUp.LOOK_UP]


def render_message(kind: str, context: dict[str, str], *, template: TemplateRow = _LOOK_UP) -> Message:
    """``template``: the kind's MessageTemplate row (or None) when the caller read it already.
    The template sees ``mail_context(kind, context)``: neutral for a kind about a case."""
    context = mail_context(kind, context)
    row = MessageTemplate.objects.filter(kind=kind).first() if template is _LOOK_UP else template
    if row is not None:
        ctx = Context(context, autoescape=False)
        subject = Template(row.subject).render(ctx)
        body = Template(row.body).render(ctx)
    else:
        subject = render_to_string("messaging/email/notification_subject.txt", {**context, "kind": kind})
        body = render_to_string("messaging/email/notification_body.txt", {**context, "kind": kind})
    return Message(subject=" ".join(subject.split())[:200], body=body)


def compose(
    kind: str,
    *,
    to: str,
    title: str,
    body: str,
    url: str,
    organisation: Organisation | None,
    recipient: User | None,
    message_id: str = "",
    template: TemplateRow = _LOOK_UP,
) -> EmailMessage:
    """The one place an e-mail is made. ``recipient``: the person it is for (None for
    an address without an account: then the mail names no person and no organisation).
    ``message_id``: a stable Message-ID, so that a mail sent again after a crash
    (between sending and recording it) is recognisable as the same message by mail
    servers and clients. ``template``: as for ``render_message``. For a kind about a
    case, ``title`` and ``body`` are not used (``mail_context``)."""
    context = _context(title=title, body=body, link=absolute(url), organisation=organisation, recipient=recipient)
    message = render_message(kind, context, template=template)
    headers = {"Message-ID": message_id} if message_id else None
    return EmailMessage(subject=message.subject, body=message.body, to=[to], headers=headers)


def notify(
    *,
    user: User,
    kind: str,
    title: str,
    url: str = "",
    body: str = "",
    organisation: Organisation | None = None,
    send_email: bool = True,
    message_id: str = "",
) -> Notification:
    """Add a notification for ``user`` and mail it when wanted. A mail error is
    raised to the caller (after the row is written in the caller's transaction),
    so the caller decides about retrying."""
    notification = Notification.objects.create(
        user=user, organisation=organisation, kind=kind, title=title[:200], body=body[:1000], url=url[:300]
    )
    if send_email and user.is_active and wants_email(user, kind):
        email_send(
            user=user, kind=kind, title=title, body=body, url=url, organisation=organisation, message_id=message_id
        )
    return notification


def email_send(
    *,
    user: User,
    kind: str,
    title: str,
    body: str,
    url: str,
    organisation: Organisation | None,
    message_id: str = "",
) -> None:
    """Mail one notification (``compose``) over the default connection; nothing for an
    account without an address (signed in through a federation that sends none)."""
    if not user.email:
        return
    compose(
        kind,
        to=user.email,
        title=title,
        body=body,
        url=url,
        organisation=organisation,
        recipient=user,
        message_id=message_id,
    ).send()


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def unread_work(membership: Membership, user: User) -> list[WorkItem]:
    """The start page's "Ongelezen meldingen" line (``portal.worklist``)."""
    return [
        WorkItem(
            key="meldingen",
            count=unread_count(user),
            label=gettext_lazy("Ongelezen meldingen"),
            url=reverse("portal:notifications"),
        )
    ]
