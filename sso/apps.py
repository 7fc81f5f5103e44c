from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "sso"
    verbose_name = _("Inloggen via je organisatie")

    def ready(self) -> None:
        from sso import signals  # noqa: F401  (connects the login receivers)
