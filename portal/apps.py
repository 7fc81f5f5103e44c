from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portaal")

    def ready(self) -> None:
        # Registers the system checks; connects the signal receivers.
        from portal import checks, receivers  # noqa: F401
