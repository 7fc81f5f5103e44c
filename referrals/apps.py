from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = _("Doorverwijzingen")

    def ready(self) -> None:
        # What waits for a member here, counted on their start page (portal.worklist).
        from portal.worklist import register
        from referrals import work

        register(work.case_work)
        register(work.received_work)
        register(work.area_work)

        # What referrals sends (reminder kinds, notices), for messaging's registry.
        from referrals import messages

        messages.register_kinds()

        # Its kinds of large export (portal.exports): loaded here, so the web process,
        # the Celery worker (django.setup() runs ready()) and the tests all know them.
        # And every change to and read of a case is an entry in the processing log.
        from referrals import exports, processing  # noqa: F401

        processing.connect()
