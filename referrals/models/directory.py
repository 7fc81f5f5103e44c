"""The national directory (sociale kaart): help organisations per country."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Country


class DirectoryEntry(models.Model):
    """The organisation (or the action) behind one destination code in one country,
    with the contact details the advice page shows.

    ``loaded_hash`` is a hash of the values the loader last wrote. When the row's
    values no longer match it, someone edited the row and the loader leaves it alone
    (unless ``--force``)."""

    code = models.CharField(_("bestemmingscode"), max_length=70)
    country = models.CharField(_("land"), max_length=2, choices=Country.choices)
    name = models.CharField(_("naam"), max_length=200)
    phone = models.CharField(
        _("telefoon"), max_length=40, blank=True, help_text=_("Zoals mensen het bellen, bijvoorbeeld 0900-0101.")
    )
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("openingstijden"), max_length=200, blank=True)
    description = models.TextField(
        _("wat doet deze organisatie"), max_length=600, help_text=_("Een of twee korte zinnen voor een leraar.")
    )
    is_active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("organisatie in de wegwijzer")
        verbose_name_plural = _("wegwijzer: organisaties per bestemming")
        ordering = ["country", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "country"], name="directoryentry_unique_code_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"
