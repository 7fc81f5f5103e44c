"""Forms of the case pages. They check shape only; the routing contract's rules on
facts are checked by ``parse_facts`` in the service, whose errors come back per field.

The wizard's fact fields carry the contract's names, so an error for ``forms``
lands on the ``forms`` field. Yes/no questions have a third answer, "weet ik niet",
because a missing fact means unknown, never no; so do the questions with more
answers. Each step form lists the facts it asks in ``fact_fields``; the wizard
builds its map of fact → step from those lists.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.forms import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.forms import form_field
from portal.models import Country, Organisation
from portal.roles import OrganisationKind
from referrals.models import Case, EvidenceItem, PersonalDataAccess, Referral, ReferralConsent

FORM_LABELS = {
    "threat": _("Bedreiging"),
    "cyberbullying": _("Online pesten"),
    "stalking": _("Stalking"),
    "hate_speech": _("Haatzaaien of discriminatie"),
    "sexual_exposing": _("Seksueel beeldmateriaal verspreid (shame sexting)"),
    "sextortion": _("Afpersing met seksuele beelden (sextortion)"),
    "doxing": _("Persoonlijke gegevens online gezet (doxing)"),
    "grooming": _("Grooming"),
    "identity_fraud": _("Identiteitsfraude"),
    "online_fraud": _("Online oplichting"),
    "hacking": _("Hacken van een account"),
}
THREAT_LABELS = {
    "death": _("Met de dood"),
    "serious_injury": _("Met zwaar lichamelijk letsel"),
    "rape": _("Met verkrachting"),
    "sexual_assault": _("Met aanranding"),
    "hostage_taking": _("Met gijzeling"),
    "arson": _("Met brandstichting"),
    "property_damage": _("Met vernieling van spullen"),
}
VULNERABILITY_LABELS = {
    "intellectual_disability": _("Verstandelijke beperking"),
    "psychological_problems": _("Psychische problemen"),
    "dependency_on_offender": _("Afhankelijk van de dader"),
    "unwanted_relationship": _("In een ongewenste relatie met de dader"),
}
WISH_LABELS = {
    "report_police": _("Aangifte doen bij de politie"),
    "notify_police_only": _("Alleen een melding bij de politie"),
    "anonymous_report": _("Anoniem melden"),
    "mediation": _("Een gesprek met de dader (bemiddeling)"),
    "images_offline": _("Beelden of berichten offline halen"),
    "support": _("Hulp en steun"),
}

SETTING_LABELS = {
    "school": _("Op school"),
    "sports_club": _("Bij de sportclub"),
    "other": _("Ergens anders"),
}
OFFENDER_RELATION_LABELS = {
    "stranger": _("Een onbekende"),
    "online_acquaintance": _("Iemand die het slachtoffer alleen van internet kent"),
    "peer": _("Een klasgenoot, teamgenoot of ander lid"),
    "partner_or_ex": _("Een vriend of vriendin, of een ex"),
    "family": _("Iemand uit de familie, of iemand die in hetzelfde huis woont"),
    "trusted_adult": _("Een volwassene die het slachtoffer moet vertrouwen: leraar, trainer, vrijwilliger"),
}
PHYSICAL_SEXUAL_VIOLENCE_LABELS = {
    "none": _("Nee"),
    "recent": _("Ja, in de afgelopen 7 dagen"),
    "earlier": _("Ja, langer dan 7 dagen geleden"),
}
# Where the professional meets the victim follows from the kind of organisation.
SETTING_BY_ORGANISATION_KIND: dict[str, str] = {
    OrganisationKind.SCHOOL: "school",
    OrganisationKind.SPORTS_CLUB: "sports_club",
}

YES, NO, UNKNOWN = "ja", "nee", "onbekend"
TRISTATE = [(YES, _("Ja")), (NO, _("Nee")), (UNKNOWN, _("Weet ik niet"))]
BOOLEAN_FACTS = (
    "acute_danger",
    "offender_known",
    "meets_offender_again",
    "intimate_images",
    "images_online",
    "hate_motive",
    "offender_is_minor",
    "money_lost",
    "self_harm_signs",
    "unsafe_home",
)
CHOICE_FACTS = ("offender_relation", "physical_sexual_violence")  # one answer, or "weet ik niet"
LIST_FACTS = ("forms", "threatened_with", "vulnerabilities", "victim_wishes")

# Full-size NL Design System controls: real inputs, 24px, with a visible focus ring.
CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"


def setting_for(organisation: Organisation) -> str:
    """The ``setting`` fact for a case of ``organisation``: school, sports club or other."""
    return SETTING_BY_ORGANISATION_KIND.get(organisation.kind, "other")


def _radios() -> forms.RadioSelect:
    return forms.RadioSelect(attrs={"class": RADIO_CLASS})


class TriStateField(forms.TypedChoiceField):
    """Ja / nee / weet ik niet → True / False / None."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=TRISTATE,
            coerce=lambda value: {YES: True, NO: False}.get(value),
            empty_value=None,
            required=False,
            initial=UNKNOWN,
            widget=_radios(),
            **kwargs,
        )


class ChoiceOrUnknownField(forms.TypedChoiceField):
    """One of ``labels``, or "weet ik niet" → None (unknown)."""

    def __init__(self, labels: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(
            choices=[*labels.items(), (UNKNOWN, _("Weet ik niet"))],
            coerce=lambda value: None if value == UNKNOWN else value,
            empty_value=None,
            required=False,
            initial=UNKNOWN,
            widget=_radios(),
            **kwargs,
        )


def tristate_initial(value: object) -> str:
    return YES if value is True else NO if value is False else UNKNOWN


def _checkboxes(
    labels: dict[str, Any], label: Any, *, required: bool = False, **kwargs: Any
) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=list(labels.items()),
        required=required,
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        **kwargs,
    )


class SignalForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Initialen of zelfgekozen naam van het slachtoffer"),
        max_length=60,
        help_text=_("Geen volledige naam. Bijvoorbeeld: J.B. of 'Vos'."),
    )
    signal = forms.CharField(
        label=_("Wat is er gebeurd?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Kort en feitelijk. Zet er geen beelden, links naar beelden of adressen in."),
    )


class ConversationForm(forms.Form):
    first_impressions = forms.CharField(
        label=_("Eerste indruk uit het gesprek"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class FactStepForm(forms.Form):
    """A wizard step that asks facts: ``fact_fields`` names them, in the routing
    contract's words; ``sections`` (if any) groups the fields under headings."""

    fact_fields: tuple[str, ...] = ()
    sections: tuple[tuple[Any, tuple[str, ...]], ...] = ()


class FactsForm(FactStepForm):
    """Wizard step 2: what happened, in the routing contract's words."""

    country = forms.ChoiceField(label=_("Waar woont het slachtoffer?"), choices=Country.choices)
    setting = forms.TypedChoiceField(
        label=_("Waar heb jij contact met het slachtoffer?"),
        choices=list(SETTING_LABELS.items()),
        coerce=str,
        empty_value=None,
        required=False,
        widget=_radios(),
        help_text=_(
            "Ingevuld vanuit je organisatie. Klopt het niet? Pas het dan aan. "
            "Gebeurde het binnen school of club? Dan komt de eigen vertrouwenspersoon in het advies."
        ),
    )
    victim_age = forms.IntegerField(label=_("Leeftijd van het slachtoffer"), min_value=0, max_value=120, required=False)
    threatened_with = _checkboxes(THREAT_LABELS, _("Is het slachtoffer (of iemand dichtbij) bedreigd?"))
    acute_danger = TriStateField(label=_("Is er nu gevaar voor het slachtoffer of iemand dichtbij?"))
    offender_known = TriStateField(label=_("Weet het slachtoffer wie de dader is?"))
    offender_relation = ChoiceOrUnknownField(
        OFFENDER_RELATION_LABELS,
        label=_("Wie is de dader voor het slachtoffer?"),
        help_text=_(
            "Is de dader iemand van school of club? Dan helpt je eigen organisatie eerst. "
            "Is het familie, een ex of iemand met gezag? Dan is een gesprek met de dader niet veilig."
        ),
    )
    offender_is_minor = TriStateField(
        label=_("Is de dader jonger dan 18?"),
        help_text=_("Voor een dader onder de 18 is andere hulp nodig dan voor een volwassene."),
    )
    meets_offender_again = TriStateField(label=_("Ziet het slachtoffer de dader weer (school, club, werk)?"))
    intimate_images = TriStateField(label=_("Gaat het om naaktbeelden of seksuele beelden van het slachtoffer?"))
    age_when_images_made = forms.IntegerField(
        label=_("Leeftijd toen de beelden gemaakt werden"), min_value=0, max_value=120, required=False
    )
    images_online = TriStateField(label=_("Staan de beelden of berichten nu online?"))
    money_lost = TriStateField(
        label=_("Heeft het slachtoffer geld betaald, of bankgegevens of inloggegevens gegeven?"),
        help_text=_("Dan moet de bank meteen gebeld worden. Soms kan het geld dan nog worden tegengehouden."),
    )
    # Declared last: the field's name shadows the ``forms`` module in this class body.
    forms = _checkboxes(
        FORM_LABELS,
        _("Wat voor online geweld is het?"),
        required=True,
        error_messages={"required": _("Kies minstens één soort online geweld.")},
    )

    fact_fields = (
        "country",
        "setting",
        "victim_age",
        "forms",
        "threatened_with",
        "acute_danger",
        "offender_known",
        "offender_relation",
        "offender_is_minor",
        "meets_offender_again",
        "intimate_images",
        "age_when_images_made",
        "images_online",
        "money_lost",
    )
    field_order = fact_fields
    sections = (
        (_("Over het slachtoffer"), ("country", "setting", "victim_age")),
        (_("Wat is er gebeurd?"), ("forms", "threatened_with", "acute_danger")),
        (_("Over de dader"), ("offender_known", "offender_relation", "offender_is_minor", "meets_offender_again")),
        (_("Beelden"), ("intimate_images", "age_when_images_made", "images_online")),
        (_("Geld"), ("money_lost",)),
    )

    def section_fields(self) -> list[tuple[Any, list[BoundField]]]:
        return _section_fields(self)


def _section_fields(form: FactStepForm) -> list[tuple[Any, list[BoundField]]]:
    """The form's fields under their headings (``sections``), for the template."""
    return [(title, [form[name] for name in names]) for title, names in form.sections]


class VulnerabilityForm(FactStepForm):
    """Wizard step 3: safety first (self-harm, sexual violence, home), then
    vulnerability and hate crime."""

    self_harm_signs = TriStateField(
        label=_("Praat het slachtoffer over zelfmoord of zichzelf pijn doen? Of zie je daar signalen van?"),
        help_text=_("Dan is meteen hulp nodig. Het advies noemt een hulplijn die je samen kunt bellen."),
    )
    physical_sexual_violence = ChoiceOrUnknownField(
        PHYSICAL_SEXUAL_VIOLENCE_LABELS,
        label=_("Is er na het online contact ook lichamelijk seksueel geweld gebeurd?"),
        help_text=_(
            "In de eerste 7 dagen is snelle medische hulp nodig, en kunnen sporen nog worden vastgelegd. "
            "Het advies noemt een centrum dat dag en nacht helpt."
        ),
    )
    unsafe_home = TriStateField(
        label=_("Zijn er signalen dat het thuis niet veilig is? Bijvoorbeeld geweld, misbruik of verwaarlozing."),
        help_text=_("Dan hoort er hulp bij voor huiselijk geweld en kindermishandeling. Het advies zegt waar."),
    )
    vulnerabilities = _checkboxes(VULNERABILITY_LABELS, _("Is het slachtoffer extra kwetsbaar?"))
    hate_motive = TriStateField(
        label=_("Is het slachtoffer aangevallen om wie hij of zij is (afkomst, geloof, geaardheid, gender)?")
    )

    fact_fields = ("self_harm_signs", "physical_sexual_violence", "unsafe_home", "vulnerabilities", "hate_motive")
    field_order = fact_fields
    sections = (
        (_("Veiligheid"), ("self_harm_signs", "physical_sexual_violence", "unsafe_home")),
        (_("Kwetsbaarheid en hate crime"), ("vulnerabilities", "hate_motive")),
    )

    def section_fields(self) -> list[tuple[Any, list[BoundField]]]:
        return _section_fields(self)


def facts_initial(facts: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name in fields:
        value = facts.get(name)
        if name in BOOLEAN_FACTS:
            value = tristate_initial(value)
        elif name in CHOICE_FACTS and value is None:
            value = UNKNOWN
        initial[name] = value
    return initial


def facts_changes(form: FactStepForm) -> dict[str, Any]:
    """The form's answers as fact changes; an empty answer means unknown (None)."""
    changes: dict[str, Any] = {}
    for name in form.fact_fields:
        value = form.cleaned_data.get(name)
        changes[name] = (value or None) if name in LIST_FACTS else value
    return changes


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Wat is er bewaard?"), choices=EvidenceItem.Kind.choices)
    platform = forms.CharField(
        label=_("Platform"),
        max_length=80,
        required=False,
        # The takedown guides' platforms are offered (a datalist on the page): a name
        # the advice page recognises is pre-selected there for the report.
        widget=forms.TextInput(attrs={"list": "platformen", "autocomplete": "off"}),
        help_text=_("Bijvoorbeeld Snapchat of Instagram. Bij het advies staat dit platform dan al aangevinkt."),
    )
    captured_on = forms.DateField(label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(
        label=_("Korte omschrijving"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: drie berichten van 12 maart. Beschrijf beelden niet."),
    )
    kept_where = forms.CharField(
        label=_("Waar wordt het bewaard?"), max_length=200, help_text=_("Bijvoorbeeld: telefoon van de ouder.")
    )


class WishesForm(FactStepForm):
    victim_wishes = _checkboxes(WISH_LABELS, _("Wat wil het slachtoffer?"))
    wishes_note = forms.CharField(
        label=_("Toelichting op de wensen"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    consent_referral = forms.BooleanField(
        label=_("Het slachtoffer (of de ouder) geeft toestemming om door te verwijzen"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": CHECKBOX_CLASS}),
    )
    consent_contact = forms.BooleanField(
        label=_("Het slachtoffer (of de ouder) geeft toestemming om contactgegevens te bewaren"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": CHECKBOX_CLASS}),
    )

    fact_fields = ("victim_wishes",)


class ActionsForm(forms.Form):
    """The advice page: which recommendations become tasks, and for a report on the
    platform, which platforms (each gets its takedown guide)."""

    destinations = forms.MultipleChoiceField(
        label=_("Welke acties zet je uit?"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        required=True,
        error_messages={"required": _("Kies minstens één actie uit het advies.")},
    )
    platforms = forms.MultipleChoiceField(
        label=_("Op welk platform staat het?"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        required=False,
        help_text=_(
            "Het platform dat je bij Bewijs noemde, staat al aangevinkt. Je krijgt per platform een handleiding."
        ),
    )

    def __init__(self, *args: Any, recommendations: list[dict[str, Any]], guides: list[Any], **kwargs: Any) -> None:
        """``recommendations``: the advice's, each with its Dutch ``label``."""
        super().__init__(*args, **kwargs)
        form_field(self, "destinations", forms.ChoiceField).choices = [
            (r["destination"], r["label"]) for r in recommendations
        ]
        form_field(self, "platforms", forms.ChoiceField).choices = [(guide.slug, guide.platform) for guide in guides]


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Notitie"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=300, required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=300, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=300, required=False)
    note = forms.CharField(label=_("Toelichting (bijvoorbeeld: bel de moeder)"), max_length=300, required=False)


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom heb je de contactgegevens nodig?"),
        max_length=200,
        help_text=_("Dit komt in het inzagelog. Zet er geen persoonsgegevens in."),
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=Case.Outcome.choices, widget=forms.RadioSelect)


# --- Referrals (the referrer's side) ----------------------------------------------------


class ReferralDraftForm(forms.Form):
    """Choose one organisation from the case's advice and write what the partner must know."""

    destination = forms.ChoiceField(label=_("Naar welke organisatie?"), widget=forms.RadioSelect)
    summary = forms.CharField(
        label=_("Samenvatting voor de partner"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Alleen wat de partner nodig heeft om te helpen. Geen volledige naam, geen adres, geen beelden. "
            "De partner ziet dit pas als er toestemming is."
        ),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "destination", forms.ChoiceField).choices = choices


def end_of_day(day: date) -> datetime:
    """A consent "valid until and including ``day``" ends at the start of the next day (local time)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


class ConsentForm(forms.Form):
    """One new entry in the consent ledger. The age rules are the service's."""

    given_by = forms.ChoiceField(
        label=_("Wie geeft toestemming?"), choices=ReferralConsent.GivenBy.choices, widget=forms.RadioSelect
    )
    shares_summary = forms.BooleanField(label=_("De samenvatting mag gedeeld worden"), required=False, initial=True)
    shares_contact = forms.BooleanField(label=_("De contactgegevens mogen gedeeld worden"), required=False)
    expires_at = forms.DateField(
        label=_("Toestemming geldt tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Laat leeg als er geen einddatum is afgesproken."),
    )

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "given_by": data["given_by"],
            "shares_summary": data["shares_summary"],
            "shares_contact": data["shares_contact"],
            "expires_at": end_of_day(data["expires_at"]) if data["expires_at"] else None,
        }


def link_help_text() -> str:
    days = settings.PARTNER_LINK_VALID_DAYS
    return ngettext(
        "Deze organisatie heeft geen account. Ze krijgt een link per e-mail die %(days)d dag werkt.",
        "Deze organisatie heeft geen account. Ze krijgt een link per e-mail die %(days)d dagen werkt.",
        days,
    ) % {"days": days}


class SendForm(forms.Form):
    """Send a draft. ``partner_email`` only for a partner without an account."""

    partner_email = forms.EmailField(
        label=_("E-mailadres van de organisatie voor aanmeldingen"),
        max_length=254,
        required=False,
    )

    def __init__(self, *args: Any, referral: Referral, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if referral.partner_id is not None:
            del self.fields["partner_email"]
        else:
            self.fields["partner_email"].help_text = link_help_text()


class LinkForm(forms.Form):
    """A new link for a partner without an account; earlier links stop working."""

    partner_email = forms.EmailField(
        label=_("E-mailadres van de organisatie voor aanmeldingen"),
        max_length=254,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        earlier = _("Eerdere links werken dan niet meer.")
        self.fields["partner_email"].help_text = f"{link_help_text()} {earlier}"


class ReferralCloseForm(forms.Form):
    """Cancel a draft or withdraw a sent referral. ``outcome`` says which one the
    handler saw, so a referral sent in the meantime is not withdrawn by accident."""

    outcome = forms.ChoiceField(
        choices=[
            (Referral.Outcome.CANCELLED, Referral.Outcome.CANCELLED.label),
            (Referral.Outcome.WITHDRAWN, Referral.Outcome.WITHDRAWN.label),
        ],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, referral: Referral, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.referral = referral

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        outcome, status = data.get("outcome"), self.referral.status
        if outcome == Referral.Outcome.CANCELLED and status not in (Referral.Status.DRAFT, Referral.Status.CLOSED):
            raise forms.ValidationError(_("Deze doorverwijzing is inmiddels verstuurd. Trek hem in als dat nodig is."))
        if outcome == Referral.Outcome.WITHDRAWN and status == Referral.Status.DRAFT:
            raise forms.ValidationError(_("Deze doorverwijzing is nog niet verstuurd. Gooi het concept weg."))
        return data


class ReferralUpdateForm(forms.Form):
    text = forms.CharField(
        label=_("Bericht aan de partner"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen wat de partner moet weten over deze doorverwijzing."),
    )


ACCESS_KIND_ANY = ""


class AccessLogFilterForm(forms.Form):
    """Filter the access log by what was read (in the URL, so a filtered page can be linked)."""

    soort = forms.ChoiceField(
        label=_("Wat is bekeken?"),
        required=False,
        choices=[(ACCESS_KIND_ANY, _("Alles")), *PersonalDataAccess.Kind.choices],
    )


# --- The case list and the case page ---------------------------------------------------

URGENCY_LABELS = {
    "immediate": _("Nu meteen"),
    "soon": _("Binnenkort"),
    "normal": _("Daarna"),
}
# In the URL in Dutch, so a filtered list reads as what it shows.
URGENCY_PARAMS = {"nu-meteen": "immediate", "binnenkort": "soon", "daarna": "normal", "geen-advies": "none"}
CASE_STATUS_PARAMS = {"open": Case.Status.OPEN, "afgesloten": Case.Status.CLOSED}
# Where a case stands (``selectors.CASE_STAGES``): URL value, selector code, words.
CASE_STAGE_PARAMS = {
    "nieuw": "new",
    "advies": "advised",
    "wacht-op-partner": "waiting",
    "partner-helpt": "helping",
    "afgesloten": "closed",
}
# Short enough for the filter's menu on a phone; the case page says more.
CASE_STAGE_LABELS = {
    "new": _("Nieuw"),
    "advised": _("Advies klaar"),
    "waiting": _("Wacht op partner"),
    "helping": _("Partner helpt"),
    "closed": _("Afgesloten"),
}
HANDLER_NOBODY, HANDLER_ME = "niemand", "ik"
# Sort keys in the URL (``?sort=urgentie``, ``?sort=-gemeld``), by column; the
# selector knows what each sorts on. Those who only raise signals see fewer columns.
CASE_SORT_LABELS = {
    "kenmerk": _("Kenmerk"),
    "gemeld": _("Gemeld op"),
    "vorm": _("Soort online geweld"),
    "urgentie": _("Urgentie"),
    "behandelaar": _("Behandelaar"),
    "volgende-stap": _("Volgende stap"),
    "status": _("Status"),
}
RAISER_SORTS = ("kenmerk", "gemeld", "status")
DEFAULT_CASE_SORT = "-gemeld"
# The same sorts in the "Sorteren op" menu (narrow screens have no column headers
# to click), in words a teacher uses; the default first.
CASE_SORT_CHOICES = {
    "-gemeld": _("Nieuwste eerst"),
    "gemeld": _("Oudste eerst"),
    "urgentie": _("Meest dringend eerst"),
    "-urgentie": _("Minst dringend eerst"),
    "volgende-stap": _("Volgende stap: eerst te doen eerst"),
    "-volgende-stap": _("Volgende stap: laatst te doen eerst"),
    "kenmerk": _("Kenmerk: laag naar hoog"),
    "-kenmerk": _("Kenmerk: hoog naar laag"),
    "vorm": _("Soort online geweld: A tot Z"),
    "-vorm": _("Soort online geweld: Z tot A"),
    "behandelaar": _("Behandelaar: A tot Z"),
    "-behandelaar": _("Behandelaar: Z tot A"),
    "status": _("Open eerst"),
    "-status": _("Afgesloten eerst"),
}


class CaseListForm(forms.Form):
    """Search, filters and sort of the case list, all in the URL (a filtered page can
    be bookmarked and works without JavaScript). Every field is optional; a value
    the form does not know is an error on that field, and the page then shows the
    list without filters."""

    zoek = forms.CharField(label=_("Zoek op kenmerk"), max_length=40, required=False)
    status = forms.ChoiceField(
        label=_("Open of afgesloten"),
        required=False,
        choices=[("", _("Alle")), ("open", _("Open")), ("afgesloten", _("Afgesloten"))],
    )
    fase = forms.ChoiceField(
        label=_("Fase"),
        required=False,
        choices=[("", _("Alle")), *((param, CASE_STAGE_LABELS[code]) for param, code in CASE_STAGE_PARAMS.items())],
    )
    vorm = forms.ChoiceField(
        label=_("Soort online geweld"), required=False, choices=[("", _("Alle")), *FORM_LABELS.items()]
    )
    urgentie = forms.ChoiceField(
        label=_("Urgentie"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("nu-meteen", URGENCY_LABELS["immediate"]),
            ("binnenkort", URGENCY_LABELS["soon"]),
            ("daarna", URGENCY_LABELS["normal"]),
            ("geen-advies", _("Nog geen advies")),
        ],
    )
    behandelaar = forms.ChoiceField(label=_("Behandelaar"), required=False)
    sort = forms.ChoiceField(label=_("Sorteren op"), required=False)

    def __init__(self, *args: Any, handlers: list[Any] | None = None, sees_cases: bool = True, **kwargs: Any) -> None:
        """``handlers``: the organisation's case handlers (users), offered as filter.
        ``sees_cases`` False (someone who only raises signals): search, open or
        closed and sort only – the other columns (and the case's phase) are not
        theirs to see."""
        super().__init__(*args, **kwargs)
        self.sees_cases = sees_cases
        form_field(self, "behandelaar", forms.ChoiceField).choices = [
            ("", _("Iedereen")),
            (HANDLER_ME, _("Ik")),
            (HANDLER_NOBODY, _("Nog niemand")),
            *((str(user.pk), str(user)) for user in handlers or ()),
        ]
        keys = CASE_SORT_LABELS if sees_cases else RAISER_SORTS
        form_field(self, "sort", forms.ChoiceField).choices = [
            (value, label) for value, label in CASE_SORT_CHOICES.items() if value.lstrip("-") in keys
        ]
        if not sees_cases:
            for name in ("fase", "vorm", "urgentie", "behandelaar"):
                del self.fields[name]

    def filters(self) -> dict[str, Any]:
        """The valid filters as the selector takes them (call after ``is_valid``)."""
        data = self.cleaned_data
        return {
            "reference": data.get("zoek", "").strip(),
            "status": CASE_STATUS_PARAMS.get(data.get("status") or ""),
            "stage": CASE_STAGE_PARAMS.get(data.get("fase") or ""),
            "form": data.get("vorm") or None,
            "urgency": URGENCY_PARAMS.get(data.get("urgentie") or ""),
            "handler": data.get("behandelaar") or None,
            "sort": data.get("sort") or DEFAULT_CASE_SORT,
        }

    def is_filtered(self) -> bool:
        return any(
            self.cleaned_data.get(name) for name in ("zoek", "status", "fase", "vorm", "urgentie", "behandelaar")
        )


_FACT_FORMS = ("FactsForm", "VulnerabilityForm", "WishesForm")


def facts_in_words(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """The case's known facts as (question, answer) in the wizard's own Dutch words,
    in the wizard's order. Unknown facts are left out; the country is not a fact a
    reader needs here."""
    rows: list[tuple[str, str]] = []
    for form_name in _FACT_FORMS:
        form_class = globals()[form_name]
        for name in form_class.fact_fields:
            value = facts.get(name)
            if name == "country" or value is None or value == [] or value == "":
                continue
            field = form_class.base_fields[name]
            if isinstance(value, bool):
                answer = str(_("Ja") if value else _("Nee"))
            elif isinstance(value, list):
                labels = dict(field.choices)
                answer = ", ".join(str(labels.get(item, item)) for item in value)
            elif name in CHOICE_FACTS or name == "setting":
                answer = str(dict(field.choices).get(value, value))
            else:
                answer = str(value)
            rows.append((str(field.label), answer))
    return rows
