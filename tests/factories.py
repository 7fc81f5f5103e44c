"""factory-boy factories for users, organisations, memberships and invitations (the
apps' own rows have theirs in tests/<app>/factories.py). Tenant-owned rows are
created with scopes disabled: ``create()`` is allowed outside a scope by django-scopes.

``wagtail_root`` is a builder, not a factory: Wagtail pages live in a tree and are
added through the parent's ``add_child()`` (see tests/training/builders.py)."""

from __future__ import annotations

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.utils import timezone
from django_scopes import scopes_disabled
from wagtail.models import Locale, Page

from portal.models import Country, ExportJob, Invitation, Membership, Organisation, User
from portal.roles import OrganisationKind, Role

TEST_PASSWORD = "Een-goed-test-wachtwoord-1"
TEST_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


class TenantFactory(factory.django.DjangoModelFactory):
    """Creates its row with scopes disabled (tenant-owned models have scoped managers)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified_email(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=True)

    @factory.post_generation
    def with_totp(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            TOTP.activate(self, TEST_TOTP_SECRET)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    kind = OrganisationKind.MUNICIPALITY
    country = Country.NL


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"School {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")
    kind = OrganisationKind.SCHOOL
    parent = factory.SubFactory(MunicipalityFactory)
    country = factory.SelfAttribute("parent.country")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = OrganisationKind.PARTNER
    country = Country.NL


class SportsClubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Sportclub {n}")
    slug = factory.Sequence(lambda n: f"sportclub-{n}")
    kind = OrganisationKind.SPORTS_CLUB
    parent = factory.SubFactory(MunicipalityFactory)
    country = factory.SelfAttribute("parent.country")


class PlatformFactory(factory.django.DjangoModelFactory):
    """The platform organisation (its staff edit the CMS and see every dashboard)."""

    class Meta:
        model = Organisation

    name = "Platform"
    slug = factory.Sequence(lambda n: f"platform-{n}")
    kind = OrganisationKind.PLATFORM
    country = Country.NL


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(SchoolFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.LEARNER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(SchoolFactory)
    email = factory.Sequence(lambda n: f"nieuw{n}@example.org")
    role = Role.LEARNER
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class ExportJobFactory(TenantFactory):
    """An export job as the export page queues it: the cases, as CSV, no filters."""

    class Meta:
        model = ExportJob

    organisation = factory.SubFactory(SchoolFactory)
    requested_by = factory.SubFactory(UserFactory)
    kind = "casussen"
    format = "csv"
    params = factory.LazyFunction(dict)


def wagtail_root() -> Page:
    """Wagtail's root page. It comes from a data migration, which a transactional
    test's flush removes; a race test then makes its own."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root
