"""TenantTask: a task about one organisation gets it loaded and runs in its scope."""

from __future__ import annotations

import pytest
from celery import shared_task
from django_scopes import get_scope
from django_scopes.exceptions import ScopeError

from portal.models import Membership, Organisation
from portal.roles import Role
from portal.tenant_tasks import TenantTask
from tests.helpers import make_member


@shared_task(base=TenantTask, name="tests.portal.tenant_task_members", ignore_result=True)
def members_of(organisation: Organisation, role: str) -> dict[str, object]:
    # A scoped query without scopes_disabled(): it works only inside the scope.
    names = sorted(Membership.objects.filter(role=role).values_list("user__email", flat=True))
    return {"organisation": organisation.slug, "scope": get_scope().get("organisation"), "names": names}


@shared_task(base=TenantTask, when_missing="gone", name="tests.portal.tenant_task_missing", ignore_result=True)
def with_own_missing_answer(organisation: Organisation) -> str:
    return organisation.slug


@pytest.mark.django_db
def test_the_body_gets_the_organisation_and_runs_in_its_scope(org, other_org):
    mine = make_member(org, Role.CASE_HANDLER, email="mine@example.org")
    make_member(other_org, Role.CASE_HANDLER, email="theirs@example.org")

    # A worker calls the task object itself (Celery's tracer does, for a task with its
    # own __call__), with the arguments it was queued with.
    result = members_of(org.pk, Role.CASE_HANDLER)

    assert result == {"organisation": org.slug, "scope": org, "names": [mine.user.email]}


@pytest.mark.django_db
def test_after_the_task_no_scope_is_left_behind(org):
    members_of(org.pk, Role.CASE_HANDLER)
    with pytest.raises(ScopeError):
        list(Membership.objects.all())


@pytest.mark.django_db
def test_an_organisation_that_no_longer_exists_ends_the_task_quietly(org):
    gone = org.pk + 1000
    assert members_of(gone, Role.CASE_HANDLER) is None
    assert with_own_missing_answer(gone) == "gone"
    assert with_own_missing_answer(org.pk) == org.slug
