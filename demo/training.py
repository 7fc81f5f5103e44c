"""Demo training data: assignments for OBS De Regenboog and some progress for the
demo learner. Called from ``seed_demo`` after the course is loaded; idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.models import Membership, Organisation, User
from portal.roles import Role
from training import messages as reminders
from training import services
from training.models import Assignment, ModuleAttempt
from training.selectors import modules_for_organisation

DEMO_ORGANISATION = "obs-de-regenboog"
DEMO_LEARNER = "leerkracht@demo.veilig-online.nl"
DUE_SOON_DAYS = 10
OVERDUE_DAYS = 7


@scopes_disabled()
def seed_training_demo() -> dict[str, int]:
    """Give the demo school two modules for its learners (one due soon, one overdue)
    and the demo learner the first lesson of the first module done.

    Does nothing when the demo organisation or the course is not there yet; a
    second run creates nothing.
    """
    created = {"assignments": 0, "attempts": 0}
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if organisation is None:
        return created
    modules = modules_for_organisation(organisation)
    if not modules:
        return created

    today = timezone.localdate()
    plan = [(modules[0], today + timedelta(days=DUE_SOON_DAYS))]
    if len(modules) > 1:
        plan.append((modules[1], today - timedelta(days=OVERDUE_DAYS)))
    coordinator = (
        Membership.objects.filter(organisation=organisation, role=Role.ORG_COORDINATOR, is_active=True)
        .select_related("user")
        .first()
    )
    with transaction.atomic(), scope(organisation=organisation):
        for module, due_date in plan:
            # Created directly: the service rightly refuses a due date in the past.
            assignment, was_created = Assignment.objects.get_or_create(
                organisation=organisation,
                module=module,
                role=Role.LEARNER,
                defaults={"due_date": due_date, "created_by": coordinator.user if coordinator else None},
            )
            if was_created:
                # The overdue one's reminder is due at once: the demo shows it within a minute.
                reminders.plan_assignment(assignment)
            created["assignments"] += was_created

    learner = User.objects.filter(email=DEMO_LEARNER).first()
    module = modules[0]
    lessons = list(module.lessons())
    if learner is None or not lessons or ModuleAttempt.objects.filter(user=learner, module=module).exists():
        return created
    first = lessons[0]
    # The learner answers what their school's country shows them, as in the lesson view.
    for check in first.knowledge_checks(organisation.country):
        services.progress_record_answer(
            learner=learner,
            module=module,
            lesson=first,
            attempt_id=None,
            question_id=check.id,
            option_ids=sorted(check.correct_ids),
            country=organisation.country,
        )
    services.progress_complete_lesson(
        learner=learner,
        module=module,
        lesson=first,
        attempt_id=None,
        country=organisation.country,
        organisation=organisation,
    )
    created["attempts"] += 1
    return created
