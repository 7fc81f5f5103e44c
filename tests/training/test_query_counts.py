"""The lesson page, "Mijn training" and the team matrix run the same, small number of
queries for 10 rows and for 1,000 rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.models import Membership, User
from portal.roles import Role
from tests.factories import SchoolFactory
from tests.training.builders import build_module, knowledge_check, option
from tests.training.factories import AssignmentFactory
from training.models import Answer, Assignment, Certificate, LessonProgress, ModuleAttempt
from training.services import new_certificate_code

pytestmark = pytest.mark.django_db

SIZES = (10, 1000)
MAX_QUERIES = 13  # includes the unread-notification count in the header


def count_queries(user, path: str, **params) -> tuple[int, list[str], Client]:
    client = Client()
    client.force_login(user)
    client.get(path, params)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200, path
    return len(queries), [q["sql"] for q in queries.captured_queries], response


LOG_INSERT = 'INSERT INTO "portal_processinglogentry"'


def assert_same(counts: dict[int, tuple[int, list[str], Client]]) -> None:
    """The same reads for both sizes. A download writes one processing-log entry per
    member, in batched inserts (a few rows per insert on SQLite, 1,000 on PostgreSQL):
    those are counted apart, and must stay batched."""
    small, large = (counts[size] for size in SIZES)
    small_reads = [sql for sql in small[1] if not sql.startswith(LOG_INSERT)]
    large_reads = [sql for sql in large[1] if not sql.startswith(LOG_INSERT)]
    assert len(small_reads) == len(large_reads), "\n".join(
        ["--- 10 rows:", *small_reads, "--- 1000 rows:", *large_reads]
    )
    assert len(small_reads) <= MAX_QUERIES, "\n".join(small_reads)
    assert len(large[1]) - len(large_reads) <= 1 + max(SIZES) // 50, "processing-log entries are written one by one"


def test_lesson_page(org, member_factory):
    counts = {}
    for size in SIZES:
        checks = [
            knowledge_check(
                f"k{size}-{i}",
                f"Vraag {i}",
                [option(f"k{size}-{i}-a", "Ja", True), option(f"k{size}-{i}-b", "Nee", False)],
            )
            for i in range(size)
        ]
        module, lessons = build_module(
            slug=f"groot-{size}", title=f"Groot {size}", lessons=[("Veel vragen", "veel", checks)]
        )
        learner = member_factory(org, Role.LEARNER)
        # Earlier attempts, with progress and answers, plus the current one with every question answered.
        past = ModuleAttempt.objects.bulk_create(
            ModuleAttempt(user=learner.user, module=module, number=n, status="failed") for n in range(1, size + 1)
        )
        LessonProgress.objects.bulk_create(LessonProgress(attempt=a, lesson=lessons[0]) for a in past)
        current = ModuleAttempt.objects.create(user=learner.user, module=module, number=size + 1)
        Answer.objects.bulk_create(
            Answer(
                attempt=attempt,
                lesson=lessons[0],
                question_id=f"k{size}-{i}",
                option_ids=[f"k{size}-{i}-a"],
                is_correct=True,
            )
            for attempt in (past[0], current)
            for i in range(size)
        )
        counts[size] = count_queries(learner.user, f"/o/{org.slug}/training/{module.slug}/veel/")
        assert counts[size][2].content.count(b"Je antwoord is goed.") == size
    assert_same(counts)


def test_my_training(org, member_factory):
    modules = [build_module(slug=f"m{i}", title=f"Module {i}")[0] for i in range(3)]
    counts = {}
    for size in SIZES:
        learner = member_factory(org, Role.LEARNER)
        others = Membership.objects.bulk_create(
            Membership(organisation=org, user=user, role=Role.LEARNER)
            for user in User.objects.bulk_create(User(email=f"mt{size}-{i}@example.org") for i in range(size))
        )
        Assignment.objects.bulk_create(
            Assignment(organisation=org, module=modules[i % 3], membership=m, due_date=timezone.localdate())
            for i, m in enumerate(others)
        )
        for module in modules:
            AssignmentFactory(organisation=org, module=module, role="", membership=learner)
        now = timezone.now()
        Certificate.objects.bulk_create(
            Certificate(
                user=learner.user,
                module=modules[i % 3],
                code=new_certificate_code(),
                holder_name="Lotte",
                module_title=modules[i % 3].title,
                issued_at=now - timedelta(days=i),
                expires_at=now + timedelta(days=365 - i),
            )
            for i in range(size)
        )
        ModuleAttempt.objects.create(user=learner.user, module=modules[0], number=1)
        counts[size] = count_queries(learner.user, f"/o/{org.slug}/mijn-training/")
        assert counts[size][2].content.count(b"certificaten/") == size
    assert_same(counts)


@pytest.mark.parametrize(
    "params", [{}, {"formaat": "csv"}, {"status": "klaar", "rol": "learner"}], ids=["html", "csv", "filtered"]
)
def test_team_matrix(other_org, member_factory, params):
    modules = [build_module(slug=f"m{i}", title=f"Module {i}")[0] for i in range(3)]
    counts = {}
    for size in SIZES:
        org = SchoolFactory()
        AssignmentFactory(organisation=org, module=modules[0], role=Role.LEARNER)
        users = User.objects.bulk_create(
            User(email=f"tm{size}-{i}@example.org", first_name=f"P{i}") for i in range(size)
        )
        members = Membership.objects.bulk_create(
            Membership(organisation=org, user=user, role=Role.LEARNER) for user in users
        )
        # Rows of another organisation must not be read at all.
        Membership.objects.bulk_create(
            Membership(organisation=other_org, user=user, role=Role.LEARNER) for user in users[:5]
        )
        Assignment.objects.bulk_create(
            Assignment(organisation=org, module=modules[1], membership=m, due_date=timezone.localdate())
            for m in members[::2]
        )
        now = timezone.now()
        Certificate.objects.bulk_create(
            Certificate(
                user=m.user,
                module=modules[0],
                code=new_certificate_code(),
                holder_name=m.user.email,
                module_title=modules[0].title,
                issued_at=now,
                expires_at=now + timedelta(days=400),
            )
            for m in members[::3]
        )
        ModuleAttempt.objects.bulk_create(ModuleAttempt(user=m.user, module=modules[2], number=1) for m in members[::5])
        coordinator = member_factory(org, Role.ORG_COORDINATOR)
        counts[size] = count_queries(coordinator.user, f"/o/{org.slug}/training/overzicht/", **params)
    assert_same(counts)


def country_block(size: int, i: int, guide_pk: int) -> dict:
    return {
        "type": "country",
        "id": f"land{size}-{i}",
        "value": {
            "country": "NL" if i % 2 == 0 else "BE",
            "body": [
                knowledge_check(
                    f"l{size}-{i}",
                    f"Vraag {i}",
                    [option(f"l{size}-{i}-a", "Ja", True), option(f"l{size}-{i}-b", "Nee", False)],
                ),
                {"type": "takedown_guide", "id": f"g{size}-{i}", "value": {"guide": guide_pk, "note": ""}},
            ],
        },
    }


def test_lesson_page_with_country_blocks_guides_and_a_scenario_path(org, member_factory):
    """Country blocks (each with a question and a takedown guide) and a replayed
    scenario path cost no query per block: guides are fetched in one batch."""
    from tests.cms.factories import TakedownGuideFactory
    from tests.training.builders import BRANCHING, branching_scenario

    guide = TakedownGuideFactory(slug="tiktok", platform="TikTok")
    counts = {}
    for size in SIZES:
        body = [branching_scenario(), *(country_block(size, i, guide.pk) for i in range(size))]
        module, lessons = build_module(
            slug=f"landen-{size}", title=f"Landen {size}", lessons=[("Landen", "landen", body)]
        )
        learner = member_factory(org, Role.LEARNER)
        counts[size] = count_queries(
            learner.user, f"/o/{org.slug}/training/{module.slug}/landen/", scenario=BRANCHING, pad="k-wis.k-vragen"
        )
        html = counts[size][2].content.decode()
        assert html.count("TikTok") >= size // 2 and "Je score: 1 van de 4 punten." in html
    assert_same(counts)
