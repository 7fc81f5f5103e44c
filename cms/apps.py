from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Inhoud")

    def ready(self) -> None:
        # The page permission policy that keeps editors in their own section. Here
        # rather than in wagtail_hooks.py, which Wagtail imports only on first use.
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy

        from cms.permissions import TenantPagePermissionPolicy

        register_permission_policy(AbstractPage, TenantPagePermissionPolicy(Page))
