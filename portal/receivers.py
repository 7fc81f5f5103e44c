"""Receivers of Django's own signals, connected in ``PortalConfig.ready``.

An account is deleted in several places (the daily sweep of accounts without a
membership, the Django and Wagtail user admins, a cascade); what must happen with
every deletion is hooked here once instead of at each call site.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from portal.models import User
from portal.services import user_admin_logs_anonymise


@receiver(post_delete, sender=User, dispatch_uid="portal.user_admin_logs_anonymise")
def _user_deleted(sender: type[User], instance: User, **kwargs: Any) -> None:
    """The admin logs about the account keep no name (inside the deletion's transaction)."""
    user_admin_logs_anonymise(user_id=instance.pk)
