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

        # Subject access and erasure requests: the due-date reminder, the overview as an
        # export job, and the start page's count of requests due within 7 days.
        from portal.worklist import register as worklist_register
        from privacy import messages
        from privacy.requests import exports
        from privacy.requests.work import privacy_work

        messages.register_kinds()
        exports.register_kinds()
        worklist_register(privacy_work)
