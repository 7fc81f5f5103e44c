"""factory-boy factories for learner data: attempts, certificates and assignments,
and the rows the tenant isolation walk asks for (a module comes from
tests/training/builders.py: Wagtail pages are built, not made by a factory)."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from portal.models import Membership
from portal.roles import Role
from tests.factories import MembershipFactory, UserFactory
from tests.training.builders import build_module
from training.models import Assignment, Certificate, ModuleAttempt
from training.services import new_certificate_code


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleAttempt

    user = factory.SubFactory(UserFactory)
    number = factory.Sequence(lambda n: n + 1)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    module = None
    code = factory.LazyFunction(new_certificate_code)
    holder_name = factory.LazyAttribute(lambda o: o.user.get_full_name() or o.user.email)
    module_title = factory.LazyAttribute(lambda o: o.module.title if o.module else "Module")
    issued_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.issued_at + timedelta(days=365))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    role = Role.LEARNER
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))


# --- For the tenant isolation walk (tests/portal/test_tenant_isolation.py) -------


def assignment_in(organisation) -> Assignment:
    module, _lessons = build_module()
    return AssignmentFactory(organisation=organisation, module=module)


def certificate_code_in(organisation) -> str:
    """The code of a certificate held by the organisation's first member (a new
    learner when it has none). The walk's control request is made by that first
    member, who may download their own certificate; anyone elsewhere gets a 404."""
    module, _lessons = build_module()
    with scopes_disabled():
        first = Membership.objects.filter(organisation=organisation).select_related("user").order_by("pk").first()
    if first is None:
        first = MembershipFactory(organisation=organisation)
    return CertificateFactory(user=first.user, module=module).code
