"""Wagtail content: the national training library (modules and lessons), platform
takedown guides (snippets), and each organisation's own section of pages.

Pages hold content only. Progress, scoring and certificates live in ``training``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import GuideStepBlock, LessonStreamBlock, LinkBlock, OrganisationStreamBlock


class Audience(models.TextChoices):
    ALL = "all", _("Iedereen")
    SCHOOL = "school", _("Scholen")
    SPORTS_CLUB = "sports_club", _("Sportclubs")


class TrainingLibraryPage(Page):
    """The national e-learning library: shared by every organisation, read-only for them."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ModulePage"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("trainingsbibliotheek")

    def modules(self) -> PageQuerySet:
        return ModulePage.objects.child_of(self).live().specific().order_by("path")


class ModulePage(Page):
    intro = RichTextField(_("inleiding"), features=["bold", "italic", "link"])
    learning_goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Leerdoel"), max_length=250))],
        verbose_name=_("leerdoelen"),
        blank=True,
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("geschatte tijd in minuten"), default=20, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    audience = models.CharField(_("voor wie"), max_length=20, choices=Audience.choices, default=Audience.ALL)
    pass_mark = models.PositiveSmallIntegerField(
        _("minimale score (procent)"), default=80, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificaat geldig (maanden)"), default=24, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("audience"),
                FieldPanel("pass_mark"),
                FieldPanel("certificate_validity_months"),
            ],
            heading=_("Instellingen"),
        ),
    ]
    parent_page_types = ["cms.TrainingLibraryPage"]
    subpage_types = ["cms.LessonPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.FilterField("audience")]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def lessons(self) -> PageQuerySet:
        return LessonPage.objects.child_of(self).live().order_by("path")


@dataclass(frozen=True)
class KnowledgeCheck:
    """One scored question of a lesson, with its stable ids. ``country`` is "NL" or
    "BE" for a question inside a country block, "" for one that counts everywhere."""

    id: str
    question: str
    multiple: bool
    options: tuple[dict[str, Any], ...]  # {"id", "text", "correct", "feedback"}
    country: str = ""

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(option["id"] for option in self.options if option["correct"])


@dataclass(frozen=True)
class LessonBlock:
    """A block as a learner meets it: ``country`` is "" outside a country block."""

    block: Any  # a StreamChild: block_type, value, id
    country: str = ""


class LessonPage(Page):
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["cms.ModulePage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def blocks_for(self, country: str | None = None) -> list[LessonBlock]:
        """The body with country blocks opened up: for ``country`` ("NL"/"BE") the
        blocks for everyone plus those of that country; for ``None`` (no country
        known, such as an editor) every block, each marked with its country."""
        result = []
        for child in self.body:
            if child.block_type != "country":
                result.append(LessonBlock(block=child))
                continue
            block_country = child.value["country"]
            if country is None or country == block_country:
                result.extend(LessonBlock(block=inner, country=block_country) for inner in child.value["body"])
        return result

    def knowledge_checks(self, country: str | None = None) -> list[KnowledgeCheck]:
        """The scored questions for a learner of ``country``; every one for ``None``."""
        checks = []
        for item in self.blocks_for(country):
            child = item.block
            if child.block_type != "knowledge_check":
                continue
            value = child.value
            options = tuple(
                {
                    "id": bound.id,
                    "text": bound.value["text"],
                    "correct": bool(bound.value["correct"]),
                    "feedback": bound.value["feedback"],
                }
                for bound in value["options"].bound_blocks
            )
            checks.append(
                KnowledgeCheck(
                    id=child.id,
                    question=value["question"],
                    multiple=bool(value["multiple"]),
                    options=options,
                    country=item.country,
                )
            )
        return checks


class TakedownGuide(index.Indexed, models.Model):
    """How to get content offline on one platform. Referrals attach these to
    ``platform_report`` tasks by their stable ``slug``."""

    platform = models.CharField(_("platform"), max_length=80)
    slug = models.SlugField(_("vaste code"), max_length=60, unique=True, help_text=_("Verander deze code niet."))
    summary = models.TextField(_("korte uitleg"))
    evidence_first = StreamField(
        [("item", blocks.CharBlock(label=_("Bewaar"), max_length=250))],
        verbose_name=_("eerst bewijs bewaren"),
    )
    steps = StreamField([("step", GuideStepBlock())], verbose_name=_("stappen, in volgorde"))
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"), blank=True)
    account_needed = models.BooleanField(_("account nodig om te melden"), default=False)
    account_note = models.CharField(_("toelichting over het account"), max_length=300, blank=True)
    works_with_stopncii = models.BooleanField(_("werkt samen met StopNCII"), default=False)
    language_notes = models.CharField(_("taal"), max_length=300, blank=True)
    report_text_en = models.TextField(
        _("kant-en-klare meldtekst in het Engels"),
        blank=True,
        help_text=_(
            "Voor platforms die een melding in het Engels vragen. Zonder namen: de melder vult zelf de link in."
        ),
    )

    panels = [
        FieldPanel("platform"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("evidence_first"),
        FieldPanel("steps"),
        FieldPanel("links"),
        MultiFieldPanel(
            [
                FieldPanel("account_needed"),
                FieldPanel("account_note"),
                FieldPanel("works_with_stopncii"),
                FieldPanel("language_notes"),
                FieldPanel("report_text_en"),
            ],
            heading=_("Goed om te weten"),
        ),
    ]
    search_fields = [index.SearchField("platform"), index.SearchField("summary"), index.AutocompleteField("platform")]

    class Meta:
        verbose_name = _("handleiding offline halen")
        verbose_name_plural = _("handleidingen offline halen")
        ordering = ["platform"]

    def __str__(self) -> str:
        return self.platform


class OrganisationsIndexPage(Page):
    """Holds one section per organisation. Editors get permission here once; hooks
    narrow it to their own organisation's section (no per-tenant permission rows)."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.OrganisationSectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("organisatiepagina's")


class OrganisationSectionPage(Page):
    organisation = models.OneToOneField(
        "portal.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="cms_section"
    )
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    # Only platform administrators (superusers) see or change which organisation a
    # section belongs to; the organisation's own editors edit the intro.
    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation", permission="portal.change_organisation"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["cms.OrganisationsIndexPage"]
    subpage_types = ["cms.OrganisationContentPage"]

    class Meta:
        verbose_name = _("sectie van een organisatie")


class OrganisationContentPage(Page):
    """An organisation's own page, such as its protocol or its contact persons.
    Visible only to members of that organisation."""

    body = StreamField(OrganisationStreamBlock(), verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["cms.OrganisationSectionPage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("pagina van een organisatie")
        verbose_name_plural = _("pagina's van een organisatie")


class OrganisationCollection(models.Model):
    """An organisation's own Wagtail collection: its images and documents (its logo,
    files for its pages). ``cms.permissions`` lets a content editor see, choose and
    change only what lies in the collections of the organisations they edit for.
    Made with the organisation (``cms.setup.organisation_collection``)."""

    organisation = models.OneToOneField(
        "portal.Organisation", verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="cms_collection"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collectie"),
        on_delete=models.PROTECT,
        related_name="organisation_link",
    )

    class Meta:
        verbose_name = _("collectie van een organisatie")
        verbose_name_plural = _("collecties van organisaties")

    def __str__(self) -> str:
        return str(self.collection)
