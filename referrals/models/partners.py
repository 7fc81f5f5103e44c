"""The one-time link a partner without an account opens a referral with."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import TenantOwned
from referrals.models.referrals import Referral


class PartnerLink(TenantOwned):
    """The link for a partner without an account: acknowledge the referral, accept
    or decline it, then write to the referrer and report the outcome, with the same
    link until the referral is closed (``used_at`` is set by declining or closing;
    see ``referrals.cases.referral_services``). Expires after 14 days and can be revoked. Only a
    SHA-256 hash of the token is stored.

    The public link page finds the row by that hash without a scope: the token is
    the credential. Everything it then shows is the one referral of the row."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="links")
    email = models.EmailField(_("verstuurd naar"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op"))
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[models.Manager[PartnerLink]]

    class Meta:
        verbose_name = _("link voor een partner")
        verbose_name_plural = _("links voor partners")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["referral", "created_at"], name="partnerlink_referral")]

    def __str__(self) -> str:
        return f"Link {self.pk}"  # never the token

    def state(self, now: datetime | None = None) -> str:
        """'active', 'used', 'revoked' or 'expired'."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.used_at is not None:
            return "used"
        if self.expires_at <= now:
            return "expired"
        return "active"


# --- The national directory ----------------------------------------------------------------
#
# National data, not tenant-owned: who is behind each destination code in each country.
# Shipped in referrals/directory.py, loaded by services_directory.directory_load, and
# corrected by platform administrators in the admin.
