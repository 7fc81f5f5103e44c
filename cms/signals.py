"""What ``cms`` does when the kernel (``portal/``) signals a change; connected in ``CmsConfig.ready``.

``portal`` imports no app above it, so it sends ``portal.signals.organisation_saved_in_admin``
and this module creates the organisation's CMS section in answer.
"""

from typing import Any

from cms.models import OrganisationsIndexPage
from cms.setup import organisation_section_ensure
from portal.models import Organisation
from portal.roles import OrganisationKind


def organisation_section_on_admin_save(sender: Any, *, organisation: Organisation, **kwargs: Any) -> None:
    """Give an organisation saved in the admin its own CMS section.

    A new organisation needs its own CMS section, or its editors have nowhere to publish
    its pages. Before setup_cms has run there is no index yet; setup_cms then creates
    every missing section itself.
    """
    if (
        organisation.is_active
        and organisation.kind != OrganisationKind.PLATFORM
        and OrganisationsIndexPage.objects.exists()
    ):
        organisation_section_ensure(organisation=organisation)
