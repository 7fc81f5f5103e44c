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

        # Images and documents per organisation's collection. ``exact_class``: Wagtail's
        # own apps register their default policy after this app's ready() runs.
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        from cms.permissions import TenantCollectionPermissionPolicy

        for model, auth_model in (
            (get_image_model(), "wagtailimages.Image"),
            (get_document_model(), "wagtaildocs.Document"),
        ):
            register_permission_policy(
                model,
                TenantCollectionPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user"),
                exact_class=True,
            )

        # An organisation added in the Django admin gets its CMS section.
        from cms.signals import organisation_section_on_admin_save
        from portal.signals import organisation_saved_in_admin

        organisation_saved_in_admin.connect(organisation_section_on_admin_save, dispatch_uid="cms.organisation_section")
