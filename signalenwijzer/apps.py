from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalenwijzerConfig(AppConfig):
    name = "signalenwijzer"
    verbose_name = _("Signalenwijzer")
