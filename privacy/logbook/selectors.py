"""The processing log about one person, as a coordinator reads it: what was done, by
whom (a member of this organisation by name, anyone else by organisation), why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from portal.models import Membership, Organisation, ProcessingLogEntry, User
from privacy.inventory.activities import ACTIVITIES

ACTIVITY_NAMES = {activity.id: activity.name for activity in ACTIVITIES}

# What each kind of entry means, in words (the names are the portal's operation names).
NAME_LABELS = {
    "case.open": _("Signaal gemeld (casus geopend)"),
    "case.facts.update": _("Feiten van de casus aangepast"),
    "case.route": _("Verwijsadvies gemaakt"),
    "case.actions.choose": _("Acties gekozen"),
    "case.evidence.record": _("Bewijs beschreven"),
    "case.wishes.record": _("Wensen en toestemming vastgelegd"),
    "case.contact_details.update": _("Contactgegevens vastgelegd"),
    "case.contact_details.read": _("Contactgegevens ingezien"),
    "case.file.read": _("Casusdossier bekeken"),
    "case.note.add": _("Notitie toegevoegd"),
    "case.task.complete": _("Taak afgerond"),
    "case.reminder.send": _("Herinnering over de casus verstuurd"),
    "case.close": _("Casus afgesloten"),
    "case.anonymise": _("Persoonsgegevens gewist (bewaartermijn)"),
    "case.delete": _("Casus verwijderd"),
    "case.export": _("Opgenomen in een export van casussen"),
    "referral.draft": _("Doorverwijzing voorbereid"),
    "referral.consent.record": _("Toestemming om te delen vastgelegd"),
    "referral.consent.withdraw": _("Toestemming om te delen ingetrokken"),
    "referral.send": _("Doorverwijzing verstuurd"),
    "referral.acknowledge": _("Doorverwijzing ontvangen door de partner"),
    "referral.accept": _("Doorverwijzing aangenomen door de partner"),
    "referral.decline": _("Doorverwijzing afgewezen door de partner"),
    "referral.message": _("Bericht over de doorverwijzing"),
    "referral.close": _("Doorverwijzing afgesloten"),
    "referral.redirect": _("Doorverwijzing omgeleid door de gemeente"),
    "referral.link.create": _("Link voor de partner gemaakt"),
    "referral.link.revoke": _("Link voor de partner ingetrokken"),
    "referral.summary.read": _("Samenvatting gelezen door de partner"),
    "membership.create": _("Lid geworden"),
    "membership.create.sso": _("Lid geworden via de inlog van de organisatie"),
    "membership.role.update": _("Rol gewijzigd"),
    "membership.deactivate": _("Lid gedeactiveerd"),
    "membership.reactivate": _("Lid weer actief"),
    "membership.list.read": _("Gezien in de ledenlijst"),
    "membership.detail.read": _("Ledenpagina bekeken"),
    "account.link.sso": _("Account gekoppeld aan de inlog van de organisatie"),
    "training.assignment.create": _("Training toegewezen"),
    "training.assignment.update": _("Datum van een toewijzing gewijzigd"),
    "training.assignment.delete": _("Toewijzing verwijderd"),
    "training.progress.read": _("Gezien in de voortgang van het team"),
    "training.progress.export": _("Opgenomen in een download van de voortgang"),
    "privacy_request.register": _("Privacyverzoek geregistreerd"),
    "privacy_request.extend": _("Termijn van een privacyverzoek verlengd"),
    "privacy_request.answer": _("Privacyverzoek beantwoord"),
    "privacy.subject_access.created": _("Overzicht voor een inzageverzoek gemaakt"),
    "privacy.subject_access.downloaded": _("Overzicht voor een inzageverzoek gedownload"),
    "privacy.erasure.apply": _("Gegevens verwijderd voor een verwijderverzoek"),
    "processing_log.read": _("Verwerkingslogboek over deze persoon bekeken"),
}


@dataclass(frozen=True)
class Row:
    entry: ProcessingLogEntry
    what: str
    activity: str
    by: str

    @property
    def started_at(self) -> datetime:
        return self.entry.started_at


def rows(entries: Sequence[ProcessingLogEntry], organisation: Organisation) -> list[Row]:
    """The entries of one page with their words, in two reads whatever the page holds:
    the actors who are members here (by name), the other organisations (by name)."""
    actor_ids = {e.actor_id for e in entries if e.actor_id is not None}
    members: dict[int, User] = {
        m.user_id: m.user for m in Membership.objects.filter(user_id__in=actor_ids).select_related("user")
    }
    other_ids = {
        e.actor_organisation_id
        for e in entries
        if e.actor_organisation_id is not None and e.actor_organisation_id != organisation.pk
    }
    others = Organisation.objects.in_bulk(other_ids) if other_ids else {}
    return [
        Row(
            entry=entry,
            what=str(NAME_LABELS.get(entry.name, entry.name)),
            activity=ACTIVITY_NAMES.get(entry.activity, entry.activity),
            by=_who(entry, organisation, members, others),
        )
        for entry in entries
    ]


def _who(
    entry: ProcessingLogEntry, organisation: Organisation, members: dict[int, User], others: dict[int, Organisation]
) -> str:
    if entry.actor_organisation_id is not None and entry.actor_organisation_id != organisation.pk:
        other = others.get(entry.actor_organisation_id)
        name = other.name if other else _("een andere organisatie")
        return str(_("Iemand van %(organisation)s") % {"organisation": name})
    if entry.actor_id is None:
        return str(_("Het portaal (automatisch) of via een link"))
    user = members.get(entry.actor_id)
    return str(user) if user is not None else str(_("Een account dat hier geen lid (meer) is"))
