from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    label = "messaging"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        # messaging's own kinds (the weekly digest, a failed delivery) and the
        # "unread notifications" line on the start page. The domain apps register
        # their kinds from their own AppConfig.ready (referrals/messages.py, …).
        from messaging import digest, notifications
        from portal.worklist import register

        digest.register_kinds()
        register(notifications.unread_work)
