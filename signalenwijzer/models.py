"""The Signalenwijzer: a guided walk for a teacher or coach with a worried feeling.

Two kinds of rows, and nothing else:

* national content that platform editors change in Wagtail (snippets): the steps
  (their question, help text and order), the signals to tick (each with its group
  and one line on why it matters) and the guidance per country and kind of
  organisation (urgent numbers, the advice line, the name of the confidential
  contact). ``signalenwijzer.services.signalenwijzer_load`` ships the defaults;
  ``loaded_hash`` tells it whether an editor changed a row since.
* per organisation: its own confidential contact (set by its coordinator) and an
  anonymous count per month of walks started, finished and handed over to
  "Signaal melden". A walk's answers are never stored: they travel in the form.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from portal.models import Country, TenantOwned


class StepKey(models.TextChoices):
    SIGNALS = "signalen", _("Wat valt je op?")
    CERTAINTY = "zekerheid", _("Hoe zeker ben je?")
    URGENCY = "urgentie", _("Is het dringend?")
    CONVERSATION = "gesprek", _("Het gesprek")
    INVOLVE = "betrekken", _("Wie betrek je erbij?")
    NEXT = "verder", _("Wat nu?")


class SignalGroup(models.TextChoices):
    BEHAVIOUR = "gedrag", _("Veranderingen in gedrag")
    ONLINE = "online", _("Tekens online")
    OTHERS = "anderen", _("Wat anderen zeggen")
    SAID = "gezegd", _("Wat de persoon zelf zei")


class Urgency(models.TextChoices):
    DANGER = "gevaar", _("Er is nu gevaar voor iemand")
    SELF_HARM = "zelfbeschadiging", _("Ik zie tekenen dat iemand zichzelf iets wil aandoen")
    UNSAFE_HOME = "thuis", _("Ik denk dat het thuis niet veilig is voor een kind")
    EXTORTION = "afpersing", _("Iemand wordt nu afgeperst, of naaktbeelden gaan nu rond")


class GuidanceKey(models.TextChoices):
    DANGER = "gevaar", _("Gevaar nu (112)")
    SELF_HARM = "zelfbeschadiging", _("Tekenen van zelfbeschadiging of zelfdoding")
    UNSAFE_HOME = "thuis", _("Thuis niet veilig")
    EXTORTION = "afpersing", _("Afpersing of naaktbeelden die rondgaan")
    ADVICE_LINE = "advieslijn", _("Advieslijn voor professionals")
    COLLEAGUE = "collega", _("Een collega")
    CONFIDENTIAL = "vertrouwenspersoon", _("De eigen vertrouwenspersoon")


class Audience(models.TextChoices):
    ALL = "all", _("Iedereen")
    SCHOOL = "school", _("Scholen")
    SPORTS_CLUB = "sports_club", _("Sportclubs")


class WalkStep(models.Model):
    """One screen of the walk. Editors change the question, the help text and the
    order; the key says what the screen asks and cannot change."""

    key = models.CharField(_("stap"), max_length=20, choices=StepKey.choices, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lager komt eerder. 'Wat nu?' staat altijd aan het eind.")
    )
    title = models.CharField(_("vraag of titel"), max_length=150)
    intro = models.TextField(_("uitleg"), max_length=1000, blank=True)
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("stap van de Signalenwijzer")
        verbose_name_plural = _("stappen van de Signalenwijzer")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_key_display()}: {self.title}"


class WalkSignal(models.Model):
    """A signal someone can tick, with one line on why it matters."""

    key = models.SlugField(_("vaste code"), max_length=40, unique=True, help_text=_("Verander deze code niet."))
    group = models.CharField(_("groep"), max_length=20, choices=SignalGroup.choices)
    text = models.CharField(_("signaal"), max_length=200)
    why = models.CharField(_("waarom het ertoe doet"), max_length=300)
    points_to = models.CharField(
        _("wijst op"),
        max_length=20,
        choices=Urgency.choices,
        blank=True,
        help_text=_("Is dit signaal dringend? Dan staat het antwoord bij 'Is het dringend?' al aangevinkt."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("tonen"), default=True)
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("signaal in de Signalenwijzer")
        verbose_name_plural = _("signalen in de Signalenwijzer")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.text


class WalkGuidance(models.Model):
    """Who to call or involve, per country and kind of organisation. A row for one
    kind (scholen, sportclubs) goes before the row for everyone."""

    key = models.CharField(_("onderwerp"), max_length=30, choices=GuidanceKey.choices)
    country = models.CharField(_("land"), max_length=2, choices=Country.choices)
    audience = models.CharField(_("voor wie"), max_length=20, choices=Audience.choices, default=Audience.ALL)
    title = models.CharField(_("titel"), max_length=150)
    phone = models.CharField(_("telefoon"), max_length=60, blank=True)
    text = models.TextField(_("tekst"), max_length=2000, help_text=_("Elke nieuwe regel wordt een eigen alinea."))
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("hulp in de Signalenwijzer")
        verbose_name_plural = _("hulp in de Signalenwijzer")
        ordering = ["country", "key", "audience"]
        constraints = [
            models.UniqueConstraint(fields=["key", "country", "audience"], name="walkguidance_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_country_display()} · {self.get_audience_display()} · {self.title}"


class OrganisationContact(models.Model):
    """The organisation's own confidential contact, named in the walk. Set by the
    organisation's coordinator; a role and a way to reach them, no private data needed."""

    organisation = models.OneToOneField(
        "portal.Organisation", on_delete=models.CASCADE, related_name="signalenwijzer_contact"
    )
    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(_("functie"), max_length=120)
    how_to_reach = models.CharField(_("zo bereik je deze persoon"), max_length=250, blank=True)

    objects: ClassVar[models.Manager[OrganisationContact]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("vertrouwenspersoon voor de Signalenwijzer")
        verbose_name_plural = _("vertrouwenspersonen voor de Signalenwijzer")

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class WalkCount(TenantOwned):
    """How many walks started, finished and went on to "Signaal melden" in one
    organisation in one month. Counts only: no person, no answer, no time of day."""

    month = models.DateField(_("maand"))
    started = models.PositiveIntegerField(_("begonnen"), default=0)
    finished = models.PositiveIntegerField(_("afgemaakt"), default=0)
    signalled = models.PositiveIntegerField(_("naar Signaal melden"), default=0)

    objects: ClassVar[models.Manager[WalkCount]]

    class Meta:
        verbose_name = _("telling van de Signalenwijzer")
        verbose_name_plural = _("tellingen van de Signalenwijzer")
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["organisation", "month"], name="walkcount_unique_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.started}/{self.finished}/{self.signalled}"
