"""Where a member finds their work: the organisation menu and the pages listed on
the start page ("Overzicht"), decided in one place.

Each ``Entry`` names a page by its URL name, the label it has in the menu (the
page's own title, so a link and the page it opens use the same words), and which
members may see it (``PERMISSIONS`` in ``portal.roles``, never a role compared by
name). ``in_menu`` entries are the role's daily work and stand in the menu bar;
the others (settings, invitations, logs) are listed on the start page only, so the
bar stays short enough to read at 400 px. ``tests/portal/test_navigation.py``
follows these links per role and checks that every page the role may open is
reached.

URL names are strings here: the kernel imports no domain app to build its menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal import exports
from portal.roles import Action, OrganisationKind, can

if TYPE_CHECKING:
    from portal.models import Membership, Organisation

CASE_ORGANISATIONS = (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB)


# --- Which dashboard a member gets -------------------------------------------------------


class DashboardKind:
    PLATFORM = "platform"
    MUNICIPAL = "municipal"
    ORGANISATION = "organisation"
    PARTNER = "partner"
    CASE_HANDLER = "case_handler"


DASHBOARD_TITLES: dict[str, Promise] = {
    DashboardKind.PLATFORM: _("Dashboard van het platform"),
    DashboardKind.MUNICIPAL: _("Dashboard van de gemeente"),
    DashboardKind.ORGANISATION: _("Dashboard van de organisatie"),
    DashboardKind.PARTNER: _("Dashboard doorverwijzingen"),
    DashboardKind.CASE_HANDLER: _("Mijn dashboard"),
}


def dashboard_kind(membership: Membership | None, organisation: Organisation | None) -> str | None:
    """The dashboard ``/o/<slug>/dashboard/`` shows this member, or None (a learner:
    the page sends them on to "Mijn training"). The view and the menu both ask here."""
    if membership is None or organisation is None:
        return None
    if can(membership, Action.PLATFORM_ADMIN):
        return DashboardKind.PLATFORM
    if can(membership, Action.DASHBOARD_AREA):
        return DashboardKind.MUNICIPAL
    # The organisation coordinator: the one role that sets a school's or club's case settings.
    if can(membership, Action.CASE_SETTINGS) and organisation.kind in CASE_ORGANISATIONS:
        return DashboardKind.ORGANISATION
    # A partner's coordinator sees what its intake workers see.
    if can(membership, Action.MEMBERS_MANAGE) and organisation.kind == OrganisationKind.PARTNER:
        return DashboardKind.PARTNER
    if can(membership, Action.CASE_HANDLE):
        return DashboardKind.CASE_HANDLER
    if can(membership, Action.REFERRAL_RECEIVE):
        return DashboardKind.PARTNER
    return None


# --- The entries -----------------------------------------------------------------------------

Rule = Callable[["Membership", "Organisation"], bool]
Label = Callable[["Membership", "Organisation"], Promise | str]


def _may(*actions: Action) -> Rule:
    """Visible when the member may do any of ``actions``."""
    return lambda membership, organisation: any(can(membership, action) for action in actions)


def _everyone(membership: Membership, organisation: Organisation) -> bool:
    return True


@dataclass(frozen=True)
class Entry:
    url_name: str
    label: Promise | Label
    visible: Rule
    in_menu: bool = True
    # Other pages under this one: the entry is marked current there too.
    also_current: tuple[str, ...] = ()
    # The sentence on the start page: what you do there.
    explains: Promise | Label | None = None

    def label_for(self, membership: Membership, organisation: Organisation) -> Promise | str:
        return self.label(membership, organisation) if callable(self.label) else self.label

    def explains_for(self, membership: Membership, organisation: Organisation) -> Promise | str | None:
        return self.explains(membership, organisation) if callable(self.explains) else self.explains


ENTRIES: tuple[Entry, ...] = (
    Entry("portal:organisation_home", _("Overzicht"), _everyone),
    Entry(
        "dashboards:dashboard",
        lambda membership, organisation: DASHBOARD_TITLES[dashboard_kind(membership, organisation) or ""],
        lambda membership, organisation: dashboard_kind(membership, organisation) is not None,
        explains=_("Cijfers en wat er openstaat, met downloads"),
    ),
    Entry(
        "cases:case_list",
        lambda membership, organisation: _("Casussen") if can(membership, Action.CASE_VIEW) else _("Mijn signalen"),
        _may(Action.CASE_VIEW, Action.CASE_RAISE),
        also_current=("cases:case_detail",),
        explains=lambda membership, organisation: (
            _("Casussen zoeken, openen en behandelen")
            if can(membership, Action.CASE_VIEW)
            else _("De signalen die je hebt gemeld, en wat ermee gebeurt")
        ),
    ),
    Entry(
        "cases:case_raise",
        _("Signaal melden"),
        _may(Action.CASE_RAISE),
        explains=_("Een zorg over een leerling of lid melden"),
    ),
    Entry(
        "signalenwijzer:walk",
        _("Signalenwijzer"),
        _everyone,
        explains=_("Een niet-pluis-gevoel over iemand? Stap voor stap naar wat je kunt doen"),
    ),
    Entry(
        "signalenwijzer:counts",
        _("Signalenwijzer in cijfers"),
        _may(Action.MEMBERS_MANAGE),
        in_menu=False,
        also_current=("signalenwijzer:contact",),
        explains=_("Hoe vaak de Signalenwijzer per maand is gebruikt, en wie jullie vertrouwenspersoon is"),
    ),
    Entry(
        "partner:inbox",
        _("Doorverwijzingen"),
        _may(Action.REFERRAL_RECEIVE),
        also_current=("partner:referral_detail",),
        explains=_("Doorverwijzingen aan jullie organisatie lezen en beantwoorden"),
    ),
    Entry(
        "area:referral_list",
        _("Doorverwijzingen in de gemeente"),
        _may(Action.REFERRAL_AREA),
        also_current=("area:referral_detail",),
        explains=_("Doorverwijzingen in de gemeente volgen en omleiden"),
    ),
    Entry(
        "area:directory",
        _("Sociale kaart"),
        lambda membership, organisation: (
            can(membership, Action.DIRECTORY_MANAGE) and organisation.kind == OrganisationKind.MUNICIPALITY
        ),
        explains=_("De organisaties in de gemeente waar je naar kunt verwijzen"),
    ),
    Entry(
        "training:library",
        _("Training"),
        _may(Action.TRAINING_TAKE),
        also_current=("training:module", "training:lesson", "training:search"),
        explains=_("Alle modules van de e-learning"),
    ),
    Entry(
        "training:my_training",
        _("Mijn training"),
        _may(Action.TRAINING_TAKE),
        explains=_("Wat je moet doen, voor wanneer, en je certificaten"),
    ),
    Entry(
        "training:matrix",
        _("Voortgang van het team"),
        _may(Action.TRAINING_VIEW_MATRIX),
        explains=_("Wie welke training af heeft"),
    ),
    Entry(
        "training:assignments",
        _("Training toewijzen"),
        _may(Action.TRAINING_ASSIGN),
        in_menu=False,
        explains=_("Een module aan een rol of een persoon geven, met een datum"),
    ),
    Entry(
        "portal:member_list",
        _("Leden"),
        _may(Action.MEMBERS_VIEW),
        also_current=("portal:member_detail",),
        explains=_("Leden bekijken en rollen beheren"),
    ),
    Entry(
        "portal:invitation_list",
        _("Uitnodigingen"),
        _may(Action.MEMBERS_INVITE),
        in_menu=False,
        explains=_("Nieuwe mensen uitnodigen"),
    ),
    Entry(
        "sso:settings",
        _("Inloggen via de organisatie"),
        _may(Action.SIGN_IN_MANAGE),
        in_menu=False,
        also_current=("sso:provider",),
        explains=_("Inloggen met het account van school of werk (Microsoft, Google, SAML) instellen"),
    ),
    Entry(
        "privacy:request_list",
        _("Privacyverzoeken"),
        _may(Action.PRIVACY_MANAGE),
        also_current=(
            "privacy:request_register",
            "privacy:request_detail",
            "privacy:request_extend",
            "privacy:request_answer",
        ),
        explains=_("Verzoeken om inzage of om gegevens te verwijderen bijhouden en op tijd beantwoorden"),
    ),
    Entry(
        "privacy:logbook",
        _("Verwerkingslogboek"),
        _may(Action.PRIVACY_MANAGE),
        in_menu=False,
        explains=_("Zien wat het portaal met de gegevens van één persoon heeft gedaan, en door wie"),
    ),
    Entry(
        "cases:access_log",
        _("Inzagelog"),
        _may(Action.ACCESS_LOG_VIEW),
        in_menu=False,
        explains=_("Bekijken wie persoonsgegevens heeft ingezien"),
    ),
    Entry(
        "dashboards:export_list",
        _("Exports"),
        lambda membership, organisation: any(kind.may_start(membership) for kind in exports.REGISTRY.values()),
        in_menu=False,
        also_current=("dashboards:export_detail",),
        explains=_("Alle casussen downloaden als CSV of Excel"),
    ),
    Entry(
        "case_settings:retention",
        _("Bewaartermijn en nazorg"),
        _may(Action.CASE_SETTINGS),
        in_menu=False,
        explains=_("Hoe lang casussen bewaard blijven en wanneer je nazorg doet"),
    ),
    Entry(
        "cms:guide_list",
        _("Handleidingen offline halen"),
        _everyone,
        also_current=("cms:guide_detail",),
        explains=_("Per platform: bewijs bewaren en beelden laten verwijderen"),
    ),
    Entry(
        "cms:page_list",
        _("Onze afspraken"),
        _everyone,
        also_current=("cms:page_detail",),
        explains=_("Het protocol en de contactpersonen van je organisatie"),
    ),
)


@dataclass(frozen=True)
class Link:
    url: str
    label: Promise | str
    current: bool
    explains: Promise | str | None


def links(
    membership: Membership | None, organisation: Organisation | None, *, view_name: str = "", menu_only: bool
) -> list[Link]:
    """The entries this member sees, in order: the menu bar (``menu_only``) or the
    start page's list. No queries."""
    if membership is None or organisation is None:
        return []
    found = []
    for entry in ENTRIES:
        if (menu_only and not entry.in_menu) or not entry.visible(membership, organisation):
            continue
        found.append(
            Link(
                url=reverse(entry.url_name, kwargs={"org_slug": organisation.slug}),
                label=entry.label_for(membership, organisation),
                current=view_name == entry.url_name or view_name in entry.also_current,
                explains=entry.explains_for(membership, organisation),
            )
        )
    return found
