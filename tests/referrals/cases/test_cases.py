"""Cases: opening, who sees what, the case pages' headers, and counted reads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import ScopeError, scope

from portal.roles import Role
from referrals import services
from referrals.models import Case, CaseEvent, CaseNote, CaseTask, EvidenceItem, PersonalDataAccess, VictimContact
from tests.referrals.factories import CaseFactory, CaseTaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(org, member_factory):
    return member_factory(org, Role.LEARNER)


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


def open_case(membership, **kwargs):
    with scope(organisation=membership.organisation):
        return services.case_open(actor_membership=membership, pseudonym=kwargs.pop("pseudonym", "J.B."), **kwargs)


# --- Services -------------------------------------------------------------------------


def test_case_open_numbers_per_organisation_and_writes_the_event(case_handler, learner, other_org, member_factory):
    first = open_case(case_handler)
    second = open_case(learner)
    elsewhere = open_case(member_factory(other_org, Role.LEARNER))
    year = first.created_at.year
    assert (first.reference, second.reference) == (f"{year}-0001", f"{year}-0002")
    assert elsewhere.reference == f"{year}-0001"
    # A handler who raises a signal handles it; a learner's waits for a handler.
    assert first.handler == case_handler.user
    assert second.handler is None
    assert first.facts == {"country": "NL"}
    with scope(organisation=case_handler.organisation):
        assert list(CaseEvent.objects.filter(case=first).values_list("kind", flat=True)) == ["opened"]


@pytest.mark.parametrize("role", [Role.MUNICIPAL_COORDINATOR, Role.PARTNER_INTAKE, Role.CONTENT_EDITOR])
def test_only_raisers_may_open(role, org, member_factory):
    membership = member_factory(org, role)
    with pytest.raises(PermissionError):
        open_case(membership)


def test_case_open_requires_a_pseudonym(learner):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        open_case(learner, pseudonym="  ")
    assert "pseudonym" in caught.value.message_dict


def test_handler_verbs_refuse_learners_and_coordinators(org, learner, coordinator):
    case = CaseFactory(organisation=org, raised_by=learner.user)
    for membership in (learner, coordinator):
        with scope(organisation=org), pytest.raises(PermissionError):
            services.case_add_note(actor_membership=membership, case=case, text="x")


def test_closed_case_takes_no_more_work(org, case_handler):
    from django.core.exceptions import ValidationError

    case = CaseFactory(organisation=org, handler=case_handler.user)
    with scope(organisation=org):
        services.case_close(actor_membership=case_handler, case=case, outcome="handled_internally")
        with pytest.raises(ValidationError):
            services.case_add_note(actor_membership=case_handler, case=case, text="nog iets")
        assert Case.objects.get().closed_at is not None
        assert CaseEvent.objects.filter(kind="closed").count() == 1


@pytest.mark.parametrize(
    "model", [Case, CaseEvent, CaseNote, CaseTask, EvidenceItem, VictimContact, PersonalDataAccess]
)
def test_unscoped_query_raises(model, org):
    with pytest.raises(ScopeError):
        list(model.objects.all())


# --- Who sees what ---------------------------------------------------------------------


def test_learner_lists_only_own_signals_with_status_only(client, org, learner, member_factory):
    own = CaseFactory(organisation=org, raised_by=learner.user, pseudonym="Eigen-Vos")
    someone_elses = CaseFactory(
        organisation=org, raised_by=member_factory(org, Role.LEARNER).user, pseudonym="Ander-Das"
    )
    client.force_login(learner.user)
    listing = client.get(f"/o/{org.slug}/casussen/")
    assert listing.status_code == 200
    assert own.reference in listing.text
    assert someone_elses.reference not in listing.text
    assert "Eigen-Vos" not in listing.text  # no victim data on a learner's list

    detail = client.get(f"/o/{org.slug}/casussen/{own.pk}/")
    assert detail.status_code == 200
    assert "Open" in detail.text
    for secret in ("Eigen-Vos", "Snapchat", "Chronologie"):
        assert secret not in detail.text
    # Someone else's signal does not exist for this learner.
    assert client.get(f"/o/{org.slug}/casussen/{someone_elses.pk}/").status_code == 404


def test_learner_cannot_work_on_own_signal(client, org, learner):
    case = CaseFactory(organisation=org, raised_by=learner.user)
    client.force_login(learner.user)
    assert client.get(f"/o/{org.slug}/casussen/{case.pk}/intake/feiten/").status_code == 403
    assert client.post(f"/o/{org.slug}/casussen/{case.pk}/notities/", {"text": "x"}).status_code == 403


def test_handler_and_coordinator_see_every_case(client, org, case_handler, coordinator, learner):
    case = CaseFactory(organisation=org, raised_by=learner.user, pseudonym="Vos")
    for membership in (case_handler, coordinator):
        client.force_login(membership.user)
        listing = client.get(f"/o/{org.slug}/casussen/").text
        # The list shows no victim data, so opening it is no read of a case file.
        assert case.reference in listing and "Vos" not in listing
        page = client.get(f"/o/{org.slug}/casussen/{case.pk}/")
        assert page.status_code == 200
        assert "Vos" in page.text and "Chronologie" in page.text


def test_member_without_case_rights_gets_403(client, org, member_factory):
    editor = member_factory(org, Role.CONTENT_EDITOR)
    client.force_login(editor.user)
    assert client.get(f"/o/{org.slug}/casussen/").status_code == 403
    assert client.get(f"/o/{org.slug}/casussen/melden/").status_code == 403


def test_other_organisations_case_is_404(client, org, other_org, case_handler):
    foreign = CaseFactory(organisation=other_org)
    foreign_task = CaseTaskFactory(organisation=other_org)
    client.force_login(case_handler.user)
    assert client.get(f"/o/{org.slug}/casussen/{foreign.pk}/").status_code == 404
    assert client.get(f"/o/{other_org.slug}/casussen/{foreign.pk}/").status_code == 404
    assert client.post(f"/o/{org.slug}/casussen/taken/{foreign_task.pk}/afronden/").status_code == 404
    with scope(organisation=other_org):
        assert CaseTask.objects.get(pk=foreign_task.pk).status == "open"


def test_raising_a_signal_through_the_form(client, org, learner):
    client.force_login(learner.user)
    page = client.get(f"/o/{org.slug}/casussen/melden/")
    assert page.status_code == 200 and 'type="file"' not in page.text
    response = client.post(f"/o/{org.slug}/casussen/melden/", {"pseudonym": "", "signal": "x"})
    assert response.status_code == 200
    assert 'id="id_pseudonym_error"' in response.text
    response = client.post(f"/o/{org.slug}/casussen/melden/", {"pseudonym": "K.", "signal": "Dreiging"})
    with scope(organisation=org):
        case = Case.objects.get()
    assert response["Location"] == f"/o/{org.slug}/casussen/{case.pk}/"
    assert case.raised_by == learner.user


# --- Headers and uploads ---------------------------------------------------------------


def test_every_case_page_is_no_store(client, org, case_handler, coordinator):
    case = CaseFactory(organisation=org, handler=case_handler.user)
    client.force_login(case_handler.user)
    paths = [
        f"/o/{org.slug}/casussen/",
        f"/o/{org.slug}/casussen/melden/",
        f"/o/{org.slug}/casussen/{case.pk}/",
        f"/o/{org.slug}/casussen/{case.pk}/intake/gesprek/",
        f"/o/{org.slug}/casussen/{case.pk}/intake/advies/",
        f"/o/{org.slug}/casussen/{case.pk}/contact/bekijken/",
        f"/o/{org.slug}/casussen/inzagelog/",  # 403 for a handler: also not cached
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 403), path
        assert "no-store" in response["Cache-Control"], path
    client.force_login(coordinator.user)
    assert "no-store" in client.get(f"/o/{org.slug}/casussen/inzagelog/")["Cache-Control"]


def test_the_no_store_check_can_fail(client, org, case_handler):
    client.force_login(case_handler.user)
    assert "no-store" not in client.get(f"/o/{org.slug}/").get("Cache-Control", "")


def test_a_file_upload_is_refused(client, org, case_handler):
    case = CaseFactory(organisation=org, handler=case_handler.user)
    client.force_login(case_handler.user)
    upload = SimpleUploadedFile("bewijs.png", b"\x89PNG fake", content_type="image/png")
    response = client.post(
        f"/o/{org.slug}/casussen/{case.pk}/intake/bewijs/",
        {"kind": "screenshot", "kept_where": "telefoon", "file": upload},
    )
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    with scope(organisation=org):
        assert not EvidenceItem.objects.exists()
    upload = SimpleUploadedFile("x.txt", b"x")
    assert client.post(f"/o/{org.slug}/casussen/melden/", {"pseudonym": "A", "bijlage": upload}).status_code == 400


# --- Counted reads ----------------------------------------------------------------------


def _fill(org, case, handler, n):
    from referrals.models import CaseEvent as Event

    with scope(organisation=org):
        Event.objects.bulk_create(
            Event(organisation=org, case=case, kind="note", actor=handler.user, detail="Notitie") for _ in range(n)
        )
        CaseNote.objects.bulk_create(
            CaseNote(organisation=org, case=case, author=handler.user, text=f"n{i}") for i in range(n // 10 + 1)
        )
        EvidenceItem.objects.bulk_create(
            EvidenceItem(organisation=org, case=case, kind="url", kept_where="map") for _ in range(n // 10 + 1)
        )
    for _ in range(n // 50 + 1):
        CaseTaskFactory(organisation=org, case=case, assignee=handler.user)


def _count_queries(client, path, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_case_detail_costs_the_same_for_5_and_500_events(client, org, case_handler, django_assert_num_queries):
    small = CaseFactory(organisation=org, handler=case_handler.user)
    large = CaseFactory(organisation=org, handler=case_handler.user)
    _fill(org, small, case_handler, 5)
    _fill(org, large, case_handler, 500)
    client.force_login(case_handler.user)
    client.get(f"/o/{org.slug}/casussen/{small.pk}/")  # warm caches (session, rule set)
    few = _count_queries(client, f"/o/{org.slug}/casussen/{small.pk}/", django_assert_num_queries)
    many = _count_queries(client, f"/o/{org.slug}/casussen/{large.pk}/", django_assert_num_queries)
    assert few == many
    assert few <= 15


def test_case_list_costs_the_same_for_5_and_50_cases(client, org, case_handler, django_assert_num_queries):
    client.force_login(case_handler.user)
    for _ in range(5):
        CaseFactory(organisation=org, handler=case_handler.user)
    client.get(f"/o/{org.slug}/casussen/")
    few = _count_queries(client, f"/o/{org.slug}/casussen/", django_assert_num_queries)
    for _ in range(45):
        CaseFactory(organisation=org, handler=case_handler.user)
    many = _count_queries(client, f"/o/{org.slug}/casussen/", django_assert_num_queries)
    assert few == many
