"""An erasure request (AVG art. 17) through the request pages: the plan first (what is
erased, what is kept and why), then the confirmed erasure, whose result is kept with
the request."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django_scopes import scope

from portal.models import AuditEvent, Membership
from portal.roles import Role
from privacy.erasure import erasure_plan
from privacy.models import SubjectRequest
from privacy.requests.services import request_person
from referrals.models import Case
from tests.privacy.factories import SubjectRequestFactory
from tests.privacy.helpers import full_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


def url(org, request: SubjectRequest, tail: str = "") -> str:
    return f"/o/{org.slug}/privacy/verzoeken/{request.pk}/{tail}"


def register(client, org, **data) -> SubjectRequest:
    response = client.post(
        f"/o/{org.slug}/privacy/verzoeken/nieuw/",
        {"kind": "erasure", "received_on": timezone.localdate().isoformat(), **data},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    with scope(organisation=org):
        return SubjectRequest.objects.latest("pk")


def fetch(request: SubjectRequest) -> SubjectRequest:
    with scope(organisation=request.organisation):
        return SubjectRequest.objects.get(pk=request.pk)


def test_plan_is_shown_then_the_confirmed_erasure_is_applied_and_kept(client, org, coordinator, handler):
    full_case(org, handler, reference="2026-0001", pseudonym="J.B.", closed=True)
    client.force_login(coordinator.user)
    request = register(client, org, subject_type="victim", case_references="2026-0001", pseudonym="J.B.")

    plan = erasure_plan(organisation=org, subject=request_person(request))
    assert any(item.erased for item in plan)
    assert any(not item.erased for item in plan)  # the logs are kept
    page = client.get(url(org, request))
    assert page.status_code == 200
    for item in plan:
        assert item.what in page.text
    assert "Wordt verwijderd" in page.text and "Blijft bewaard" in page.text
    assert "Gegevens nu verwijderen" in page.text
    with scope(organisation=org):
        assert Case.objects.filter(reference="2026-0001").exists()  # showing the plan writes nothing

    response = client.post(url(org, request, "verwijderen/"))
    assert response.status_code == 302
    assert response["Location"] == url(org, request) + "#verwijderen"
    request = fetch(request)
    assert request.erasure_done_at is not None
    assert request.erasure_result == [{"what": i.what, "erased": i.erased, "reason": i.reason} for i in plan]
    with scope(organisation=org):
        assert not Case.objects.filter(reference="2026-0001").exists()
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PRIVACY_ERASURE_DONE).count() == 1

    page = client.get(url(org, request), follow=True)
    assert "Uitgevoerd op" in page.text
    assert "Gegevens nu verwijderen" not in page.text
    for item in plan:
        assert item.reason in page.text

    # Applying twice does nothing more.
    again = client.post(url(org, request, "verwijderen/"), follow=True)
    assert "al gedaan" in again.text
    assert fetch(request).erasure_result == request.erasure_result
    with scope(organisation=org):
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PRIVACY_ERASURE_DONE).count() == 1


def test_an_open_case_is_kept_and_the_plan_says_why(client, org, coordinator, handler):
    full_case(org, handler, reference="2026-0002", pseudonym="J.B.")
    client.force_login(coordinator.user)
    request = register(client, org, subject_type="victim", case_references="2026-0002", pseudonym="J.B.")
    client.post(url(org, request, "verwijderen/"))
    request = fetch(request)
    with scope(organisation=org):
        assert Case.objects.filter(reference="2026-0002").exists()
    kept = [item for item in request.erasure_result if not item["erased"]]
    assert kept and all(item["reason"] for item in kept)


def test_a_member_is_erased_from_this_organisation(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    request = register(client, org, subject_type="staff", member=learner.pk)
    assert client.post(url(org, request, "verwijderen/")).status_code == 302
    with scope(organisation=org):
        assert not Membership.objects.filter(pk=learner.pk).exists()
    request = fetch(request)
    assert request.erasure_done_at is not None
    assert any(item["erased"] for item in request.erasure_result)
    assert client.get(url(org, request)).status_code == 200  # the page still shows what was done


def test_an_access_request_cannot_erase(client, org, coordinator):
    request = SubjectRequestFactory(organisation=org, kind=SubjectRequest.Kind.ACCESS)
    client.force_login(coordinator.user)
    response = client.post(url(org, request, "verwijderen/"), follow=True)
    assert "alleen bij een verwijderverzoek" in response.text
    assert fetch(request).erasure_done_at is None


def test_an_answered_request_cannot_erase_any_more(client, org, coordinator, handler):
    full_case(org, handler, reference="2026-0003", pseudonym="J.B.", closed=True)
    request = SubjectRequestFactory(
        organisation=org, kind=SubjectRequest.Kind.ERASURE, case_references=["2026-0003"], answered=True
    )
    client.force_login(coordinator.user)
    client.post(url(org, request, "verwijderen/"))
    with scope(organisation=org):
        assert Case.objects.filter(reference="2026-0003").exists()
    assert fetch(request).erasure_done_at is None
