"""A learner's attempts, answers and certificates survive loading a changed course
over an existing installation (``load_course``): rows stay, and the answers still
point at the same questions and options, whose ids the content pins with keys."""

from __future__ import annotations

import copy

import pytest

from cms import services as cms_services
from cms.models import LessonPage, ModulePage
from cms.services import course_load
from training import services
from training.models import Answer, Certificate, LessonProgress, ModuleAttempt

pytestmark = pytest.mark.django_db

FIRST = {
    "slug": "herladen",
    "title": "Een module die verandert",
    "intro": "<p>Eerste druk.</p>",
    "learning_goals": ["Je weet wat je doet."],
    "estimated_minutes": 10,
    "pass_mark": 50,
    "certificate_validity_months": 12,
    "lessons": [
        {
            "slug": "les",
            "title": "De les",
            "body": [
                {"type": "text", "value": "<p>Eerste tekst.</p>"},
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat doe je eerst?",
                        "multiple": False,
                        "options": [
                            {"text": "Bewijs bewaren", "correct": True, "feedback": "Ja."},
                            {"text": "Alles wissen", "correct": False, "feedback": "Nee."},
                        ],
                    },
                },
            ],
        }
    ],
}


def second_edition() -> dict:
    """Reordered options (pinned by key), a new option, a new country block in front."""
    module = copy.deepcopy(FIRST)
    module["intro"] = "<p>Tweede druk.</p>"
    body = module["lessons"][0]["body"]
    body[0]["value"] = "<p>Nieuwe tekst.</p>"
    body[1]["value"]["options"] = [
        {"key": "n1", "text": "De ouders bellen zonder te vragen", "correct": False, "feedback": "Nee."},
        {"key": "1", "text": "Alles wissen", "correct": False, "feedback": "Nee."},
        {"key": "0", "text": "Bewijs bewaren", "correct": True, "feedback": "Ja."},
    ]
    country_check = copy.deepcopy(body[1])
    country_check["value"]["options"] = [dict(option) for option in FIRST["lessons"][0]["body"][1]["value"]["options"]]
    country_check["value"]["question"] = "Wie bel je in België?"
    body.insert(0, {"type": "country", "value": {"country": "BE", "body": [country_check]}})
    return module


def learner_history(learner, module, lesson):
    """Attempt 1 passed with a certificate; attempt 2 open with one answer."""
    (check,) = lesson.knowledge_checks("NL")
    right = sorted(check.correct_ids)
    wrong = [option["id"] for option in check.options if not option["correct"]]
    for option_ids in (right, None):
        if option_ids is None:
            services.attempt_start(learner=learner.user, module=module)
            option_ids = wrong
        services.progress_record_answer(
            learner=learner.user,
            module=module,
            lesson=lesson,
            attempt_id=None,
            question_id=check.id,
            option_ids=option_ids,
        )
        if option_ids is right:
            done = services.progress_complete_lesson(
                learner=learner.user, module=module, lesson=lesson, attempt_id=None, country="NL"
            )
            assert done.certificate is not None
    return check


def snapshot():
    return (
        list(ModuleAttempt.objects.order_by("pk").values_list("pk", "number", "status", "score")),
        list(Answer.objects.order_by("pk").values_list("pk", "question_id", "option_ids", "is_correct")),
        list(LessonProgress.objects.order_by("pk").values_list("pk", "lesson_id")),
        list(Certificate.objects.order_by("pk").values_list("pk", "code", "module_id", "expires_at")),
    )


def test_history_survives_a_changed_course_and_still_points_at_its_questions(monkeypatch, login_as, org, learner):
    monkeypatch.setattr(cms_services, "GUIDES", [])
    monkeypatch.setattr(cms_services, "MODULES", [FIRST])
    course_load()
    module = ModulePage.objects.get(slug="herladen")
    lesson = LessonPage.objects.get(slug="les")
    old_check = learner_history(learner, module, lesson)
    before = snapshot()

    monkeypatch.setattr(cms_services, "MODULES", [second_edition()])
    counts = course_load()
    assert counts["updated"] == 2 and counts["skipped"] == 0  # the module and the lesson

    assert snapshot() == before
    lesson.refresh_from_db()
    assert "Nieuwe tekst." in str(lesson.body[1].value)
    (new_check,) = lesson.knowledge_checks("NL")
    assert new_check.id == old_check.id
    texts = {option["id"]: option["text"] for option in new_check.options}
    for answer in Answer.objects.all():
        assert answer.question_id == new_check.id
        assert set(answer.option_ids) <= set(texts)
    right_answer = Answer.objects.get(is_correct=True)
    assert texts[right_answer.option_ids[0]] == "Bewijs bewaren"
    assert new_check.correct_ids == frozenset(right_answer.option_ids)

    # The pages still show it: the certificate on the module page, the open attempt's answer in the lesson.
    client = login_as(learner)
    html = client.get(f"/o/{org.slug}/training/{module.slug}/").text
    assert Certificate.objects.get().display_code in html and "Je hebt deze module gehaald." in html
    html = client.get(f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/").text
    assert "Jij koos dit." in html and "Wie bel je in België?" not in html


def test_history_survives_loading_the_shipped_course_again(org, learner):
    course_load()
    module = ModulePage.objects.live().order_by("path").first()
    lessons = list(module.lessons())
    for lesson in lessons:
        for check in lesson.knowledge_checks("NL"):
            services.progress_record_answer(
                learner=learner.user,
                module=module,
                lesson=lesson,
                attempt_id=None,
                question_id=check.id,
                option_ids=sorted(check.correct_ids),
            )
        done = services.progress_complete_lesson(
            learner=learner.user, module=module, lesson=lesson, attempt_id=None, country="NL"
        )
    assert done.certificate is not None
    before = snapshot()
    question_ids = {answer.question_id for answer in Answer.objects.all()}

    course_load()
    course_load(force=True)

    assert snapshot() == before
    reloaded = {check.id for lesson in module.lessons() for check in lesson.knowledge_checks("NL")}
    assert question_ids <= reloaded
