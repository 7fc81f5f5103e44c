"""Answers are scored on the server; tampered input is refused and writes nothing."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests.training.builders import (
    Q1,
    Q1_RIGHT,
    Q1_WRONG,
    Q2,
    Q2_RIGHT_A,
    Q2_RIGHT_B,
    Q2_WRONG,
    Q3,
    Q3_RIGHT,
    RIGHT,
    WRONG,
    build_module,
)
from training import services
from training.models import Answer, Certificate, LessonProgress, ModuleAttempt

pytestmark = pytest.mark.django_db


def answer(learner, module, lesson, question, options, attempt_id=None):
    return services.progress_record_answer(
        learner=learner.user,
        module=module,
        lesson=lesson,
        attempt_id=attempt_id,
        question_id=question,
        option_ids=options,
    )


def complete(learner, module, lesson, attempt_id=None):
    return services.progress_complete_lesson(learner=learner.user, module=module, lesson=lesson, attempt_id=attempt_id)


def walk_module(learner, module, lessons, answers):
    """Answer every question with ``answers`` and complete every lesson."""
    questions = [(lessons[0], Q1), (lessons[1], Q2), (lessons[2], Q3)]
    result = None
    for lesson in lessons:
        for lesson_, question in questions:
            if lesson_ == lesson:
                answer(learner, module, lesson, question, answers[question])
        result = complete(learner, module, lesson)
    return result


def counts():
    return (
        ModuleAttempt.objects.count(),
        Answer.objects.count(),
        LessonProgress.objects.count(),
        Certificate.objects.count(),
    )


# --- Scoring ---------------------------------------------------------------------


def test_first_answer_starts_attempt_one_and_is_scored(learner, module, lessons):
    recorded = answer(learner, module, lessons[0], Q1, [Q1_RIGHT])
    assert recorded.is_correct is True
    attempt = recorded.attempt
    assert (attempt.user, attempt.module_id, attempt.number, attempt.status) == (learner.user, module.pk, 1, "open")

    wrong = answer(learner, module, lessons[2], Q3, ["q3-b"], attempt_id=attempt.pk)
    assert wrong.is_correct is False
    assert wrong.attempt_id == attempt.pk
    assert ModuleAttempt.objects.count() == 1


@pytest.mark.parametrize(
    ("chosen", "correct"),
    [
        ([Q2_RIGHT_A, Q2_RIGHT_B], True),
        ([Q2_RIGHT_B, Q2_RIGHT_A], True),
        ([Q2_RIGHT_A], False),  # half of the right answers is not right
        ([Q2_RIGHT_A, Q2_RIGHT_B, Q2_WRONG], False),  # ticking everything is not right either
    ],
)
def test_several_right_answers_must_all_be_chosen(learner, module, lessons, chosen, correct):
    assert answer(learner, module, lessons[1], Q2, chosen).is_correct is correct


def test_the_browser_cannot_say_what_is_right(learner, module, lessons, client):
    """Only option ids travel; correctness comes from the lesson on the server."""
    client.force_login(learner.user)
    url = f"/o/{learner.organisation.slug}/training/{module.slug}/{lessons[0].slug}/antwoord/"
    client.post(url, {"vraag": Q1, "antwoord": Q1_WRONG, "correct": "1", "is_correct": "true", "score": "100"})
    assert Answer.objects.get().is_correct is False


# --- Tampering: refused, nothing written -------------------------------------------


def test_unknown_option_is_refused(learner, module, lessons):
    before = counts()
    with pytest.raises(services.AnswerRejected, match="hoort niet bij deze vraag"):
        answer(learner, module, lessons[0], Q1, ["bestaat-niet"])
    assert counts() == before


def test_option_of_another_question_is_refused(learner, module, lessons):
    before = counts()
    with pytest.raises(services.AnswerRejected):
        answer(learner, module, lessons[0], Q1, [Q3_RIGHT])
    assert counts() == before


def test_question_of_another_lesson_is_refused(learner, module, lessons):
    before = counts()
    with pytest.raises(services.AnswerRejected, match="hoort niet bij deze les"):
        answer(learner, module, lessons[0], Q3, [Q3_RIGHT])
    assert counts() == before


def test_two_options_for_a_one_answer_question_are_refused(learner, module, lessons):
    before = counts()
    with pytest.raises(services.AnswerRejected, match="één antwoord"):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT, Q1_WRONG])
    with pytest.raises(services.AnswerRejected):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT, Q1_RIGHT])
    assert counts() == before


def test_another_learners_attempt_is_refused(learner, other_learner, module, lessons):
    theirs = answer(other_learner, module, lessons[0], Q1, [Q1_RIGHT]).attempt
    before = counts()
    with pytest.raises(services.AnswerRejected, match="niet van jou"):
        answer(learner, module, lessons[2], Q3, [Q3_RIGHT], attempt_id=theirs.pk)
    with pytest.raises(services.AnswerRejected, match="niet van jou"):
        answer(learner, module, lessons[2], Q3, [Q3_RIGHT], attempt_id=theirs.pk + 1000)
    assert counts() == before
    assert not Answer.objects.filter(attempt=theirs, question_id=Q3).exists()


def test_attempt_of_another_module_is_refused(learner, module, lessons):
    other_module, other_lessons = build_module(slug="doxing", title="Doxing")
    elsewhere = answer(learner, other_module, other_lessons[0], Q1, [Q1_RIGHT]).attempt
    before = counts()
    with pytest.raises(services.AnswerRejected, match="andere module"):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT], attempt_id=elsewhere.pk)
    assert counts() == before


def test_same_question_twice_in_one_attempt_is_refused(learner, module, lessons):
    first = answer(learner, module, lessons[0], Q1, [Q1_WRONG])
    before = counts()
    with pytest.raises(services.AnswerRejected, match="al beantwoord"):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT], attempt_id=first.attempt_id)
    with pytest.raises(services.AnswerRejected, match="al beantwoord"):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT])  # a page from before the attempt began
    assert counts() == before
    first.refresh_from_db()
    assert first.is_correct is False and first.option_ids == [Q1_WRONG]


def test_replay_after_completion_is_refused(learner, module, lessons):
    finished = walk_module(learner, module, lessons, RIGHT).attempt
    assert finished.status == ModuleAttempt.Status.PASSED
    before = counts()
    with pytest.raises(services.AnswerRejected, match="al afgerond"):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT], attempt_id=finished.pk)
    with pytest.raises(services.AnswerRejected, match="al afgerond"):
        answer(learner, module, lessons[0], Q1, [Q1_RIGHT])
    with pytest.raises(services.AnswerRejected, match="al afgerond"):
        complete(learner, module, lessons[0], attempt_id=finished.pk)
    assert counts() == before


def test_no_option_chosen_is_a_form_error_and_writes_nothing(learner, module, lessons):
    with pytest.raises(ValidationError, match="Kies een antwoord"):
        answer(learner, module, lessons[0], Q1, [])
    assert counts() == (0, 0, 0, 0)


# --- Lessons, passing, failing and retrying -----------------------------------------


def test_a_lesson_is_done_only_after_all_its_questions(learner, module, lessons):
    with pytest.raises(ValidationError, match="Beantwoord eerst alle vragen"):
        complete(learner, module, lessons[0])
    assert counts() == (0, 0, 0, 0)  # not even the attempt
    answer(learner, module, lessons[0], Q1, [Q1_RIGHT])
    done = complete(learner, module, lessons[0])
    assert done.next_lesson == lessons[1]
    assert not done.module_finished
    # Twice is harmless.
    assert complete(learner, module, lessons[0], attempt_id=done.attempt.pk).next_lesson == lessons[1]
    assert LessonProgress.objects.count() == 1


def test_all_lessons_and_the_pass_mark_pass_the_module(learner, module, lessons):
    done = walk_module(learner, module, lessons, {**RIGHT, Q3: ["q3-b"]})  # 2 of 3 = 67% ≥ 60%
    attempt = done.attempt
    assert done.module_finished and done.next_lesson is None
    assert (attempt.status, attempt.score, attempt.correct_count, attempt.question_count) == ("passed", 67, 2, 3)
    assert done.certificate is not None
    assert done.certificate.attempt == attempt
    assert Certificate.objects.count() == 1


def test_below_the_pass_mark_fails_without_certificate(learner, module, lessons):
    done = walk_module(learner, module, lessons, WRONG)
    assert done.attempt.status == ModuleAttempt.Status.FAILED
    assert done.attempt.score == 0
    assert done.certificate is None
    assert Certificate.objects.count() == 0


def test_retry_keeps_every_attempt_and_its_answers(learner, module, lessons):
    failed = walk_module(learner, module, lessons, WRONG).attempt
    second = services.attempt_start(learner=learner.user, module=module)
    assert second.number == 2
    assert answer(learner, module, lessons[0], Q1, [Q1_RIGHT]).attempt_id == second.pk
    assert Answer.objects.filter(attempt=failed).count() == 3
    assert [a.number for a in ModuleAttempt.objects.filter(user=learner.user).order_by("number")] == [1, 2]


def test_starting_again_stops_the_open_attempt(learner, module, lessons):
    first = answer(learner, module, lessons[0], Q1, [Q1_RIGHT]).attempt
    second = services.attempt_start(learner=learner.user, module=module)
    first.refresh_from_db()
    assert first.status == ModuleAttempt.Status.STOPPED and first.finished_at is not None
    assert second.number == 2 and second.is_open
    with pytest.raises(services.AnswerRejected):
        answer(learner, module, lessons[2], Q3, [Q3_RIGHT], attempt_id=first.pk)


def test_an_empty_module_passes_on_its_lessons_alone(learner):
    module, lessons = build_module(slug="lezen", title="Alleen lezen", lessons=[("Lees dit", "lees-dit", [])])
    done = complete(learner, module, lessons[0])
    assert done.attempt.status == "passed" and done.attempt.score == 100
    assert done.certificate is not None


# --- Races: two requests at the same moment ----------------------------------------


def _race(*calls):
    barrier = threading.Barrier(len(calls))
    results: list[object] = []

    def run(call):
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except BaseException as exc:  # reported by the caller's assertions
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_first_answers_at_once_share_one_attempt(file_database, org, member_factory):
    module, lessons = build_module()
    learner = member_factory(org)
    results = _race(
        lambda: answer(learner, module, lessons[0], Q1, [Q1_RIGHT]),
        lambda: answer(learner, module, lessons[2], Q3, [Q3_RIGHT]),
    )
    assert all(isinstance(r, Answer) for r in results), results
    assert ModuleAttempt.objects.count() == 1
    assert Answer.objects.filter(attempt__number=1).count() == 2


def test_the_same_answer_twice_at_once_is_recorded_once(file_database, org, member_factory):
    module, lessons = build_module()
    learner = member_factory(org)
    attempt = services.attempt_start(learner=learner.user, module=module)
    results = _race(
        lambda: answer(learner, module, lessons[0], Q1, [Q1_RIGHT], attempt_id=attempt.pk),
        lambda: answer(learner, module, lessons[0], Q1, [Q1_WRONG], attempt_id=attempt.pk),
    )
    assert sorted(type(r).__name__ for r in results) == ["Answer", "AnswerRejected"], results
    assert Answer.objects.count() == 1
