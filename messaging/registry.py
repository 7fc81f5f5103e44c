"""The kinds of message, each registered by the app it belongs to.

Like pretix's ``NotificationType``: the engine (``messaging.reminders``) knows no
case, referral or training. Each app registers its kinds from its
``AppConfig.ready`` (``referrals/messages.py``, ``training/messages.py``), and the
engine asks the kind, at send time, what to send and to whom.

A kind has

* ``name``: a ``NotificationKind`` value (stored in ``Reminder.kind``,
  ``Notification.kind``, ``NotificationPreference.kind``; unchanged);
* ``build(reminder, now, batch) -> list[Outgoing]``: who gets what, decided from the
  subject as it is *now*; an empty list cancels the reminder, ``Skip`` skips it;
* ``after_send(reminder, now, batch)``: an optional hook once every recipient got it
  (a chronology line, a marker on the subject), in the batch's transaction;
* ``prefetch(ids) -> {id: object}``: optional, the subjects of one batch's
  reminders of this kind read in one query (``batch.prefetched(reminder)``);
* ``receivers``: the permissions (``portal.roles.Action``) that choose who may receive
  it, for the reader and for ``messaging.recipients``;
* ``neutral``: for a kind about a victim's case, the fixed e-mail text (``NeutralMail``).
  Its e-mail then says only that there is news and links to it (the page asks for
  sign-in and MFA): ``messaging.notifications.compose`` never gives such a mail the
  notification's title or body, so neither the shipped text nor a text a platform
  administrator wrote can print a partner, a task, a reference or anything else
  about the case. The notification in the portal keeps the detail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

from messaging.models import NotificationKind
from portal.roles import Action

if TYPE_CHECKING:
    from datetime import datetime

    from django_stubs_ext import StrPromise

    from messaging.reminders import Batch, Outgoing

    Builder = Callable[[Any, datetime, Batch], list[Outgoing]]
    AfterSend = Callable[[Any, datetime, Batch], None]


@dataclass(frozen=True)
class NeutralMail:
    """The whole e-mail text of a kind about a case: fixed when the kind is registered
    (lazy translations, no placeholders), so nothing about one case can get in."""

    title: StrPromise
    body: StrPromise


@dataclass(frozen=True)
class Kind:
    name: str
    build: Builder
    after_send: AfterSend | None = None
    prefetch: Callable[[list[int]], dict[int, Any]] | None = None
    receivers: tuple[Action, ...] = field(default=())
    neutral: NeutralMail | None = None

    @property
    def about_case(self) -> bool:
        """Whether its messages are about a victim's case: then its e-mail is neutral."""
        return self.neutral is not None

    @property
    def label(self) -> str:
        return str(NotificationKind(self.name).label)


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add a kind. Its name must be a ``NotificationKind`` value (the database knows
    only those); registering the same kind again is a no-op, another one under a
    taken name is an error."""
    if kind.name not in NotificationKind.values:
        raise ImproperlyConfigured(f"Unknown notification kind {kind.name!r}: add it to NotificationKind first.")
    existing = _KINDS.get(kind.name)
    if existing is not None and existing != kind:
        raise ImproperlyConfigured(f"Notification kind {kind.name!r} is registered twice.")
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> Kind:
    """The registered kind ``name``; a KeyError for a kind no app registered."""
    return _KINDS[name]


def neutral_mail(name: str) -> NeutralMail | None:
    """The fixed e-mail text of kind ``name`` when it is about a case, else None (also
    for a kind no app registered)."""
    kind = _KINDS.get(name)
    return kind.neutral if kind is not None else None


def registered() -> dict[str, Kind]:
    return dict(_KINDS)
