"""API tokens: a user's personal token for the routing API (``referrals.api``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A bearer token for the routing API. Only a SHA-256 hash is stored; the token
    itself is shown once, by ``manage.py create_api_token``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="routing_api_tokens",
    )
    name = models.CharField(_("naam"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"


# --- Cases -----------------------------------------------------------------------------
#
# Victim data lives in few, named places so retention can clear it: the pseudonym,
# the signal text, the conversation notes (Case, CaseNote), evidence descriptions
# (EvidenceItem) and the encrypted contact details (VictimContact). Chronology rows
# (CaseEvent) and the access log (PersonalDataAccess) hold no victim data.
