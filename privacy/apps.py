from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # The processing log (portal, below us) accepts only the register's activities.
        from portal.processing_log import activities_register
        from privacy.inventory.activities import ACTIVITIES

        activities_register(frozenset(activity.id for activity in ACTIVITIES))
