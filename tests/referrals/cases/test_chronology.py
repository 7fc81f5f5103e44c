"""Chronology lines name facts and actions in Dutch: never a field name of the routing
contract, never a destination code. Written by the services, the demo and the
demo's year of history alike."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django_scopes import scope, scopes_disabled

from demo.accounts import seed_demo
from demo.case_history import seed_case_history
from demo.cases import seed_referrals_demo
from referrals import chronology, selectors, services
from referrals.models import CaseEvent, CaseTask
from referrals.routing import default_rule_set, vocabulary
from tests.cms.factories import TakedownGuideFactory
from tests.referrals.factories import CaseFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

# Every word a chronology line must not hold: the contract's fact names and every
# destination code of the shipped rule set.
CODES = frozenset(vocabulary.FACT_TYPES) | frozenset(default_rule_set().destinations)


def codes_in(text: str) -> list[str]:
    return sorted(code for code in CODES if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text))


def test_every_fact_of_the_contract_has_a_dutch_name():
    assert set(chronology.FACT_NAMES) == set(vocabulary.FACT_TYPES)
    assert not [name for name, word in chronology.FACT_NAMES.items() if codes_in(str(word))]
    assert chronology.facts_changed(["victim_age", "forms", "forms"]) == "leeftijd, vorm"
    assert chronology.facts_changed(["a_fact_from_the_future"]) == "andere feiten"


def test_the_line_is_dutch_whatever_language_the_writer_reads(org, case_handler):
    case = CaseFactory(organisation=org, handler=case_handler.user)
    with translation.override("en"), scope(organisation=org):
        services.case_update_facts(
            actor_membership=case_handler,
            case=case,
            changes={"forms": ["threat"], "money_lost": True, "physical_sexual_violence": "recent"},
        )
        event = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.FACTS_CHANGED)
    assert event.detail == "vorm, geld of gegevens afgegeven, lichamelijk seksueel geweld"


def test_chosen_actions_and_done_tasks_are_named_by_their_labels(org, case_handler):
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    with scope(organisation=org):
        labels = selectors.destination_labels(case)
        tasks = services.case_choose_actions(
            actor_membership=case_handler,
            case=case,
            destinations=["helpwanted", "platform_report"],
            platform_guide_slugs=["snapchat"],
        )
        done = next(task for task in tasks if task.destination == "platform_report")
        services.task_complete(actor_membership=case_handler, task=done)
        events = {e.kind: e.detail for e in CaseEvent.objects.filter(case=case)}
    assert events[CaseEvent.Kind.ACTIONS_CHOSEN] == f"{labels['helpwanted']}, {labels['platform_report']}: Snapchat"
    assert events[CaseEvent.Kind.TASK_DONE] == f"{labels['platform_report']}: Snapchat"
    assert not codes_in(events[CaseEvent.Kind.ACTIONS_CHOSEN] + events[CaseEvent.Kind.TASK_DONE])


def test_the_demo_and_its_history_name_nothing_by_code():
    seed_demo()
    seed_referrals_demo()
    assert seed_case_history() > 0
    with scopes_disabled():
        lines = list(CaseEvent.objects.exclude(detail="").values_list("kind", "detail"))
    kinds = {kind for kind, _detail in lines}
    assert {CaseEvent.Kind.FACTS_CHANGED, CaseEvent.Kind.ACTIONS_CHOSEN, CaseEvent.Kind.TASK_DONE} <= kinds
    assert not [(kind, detail, codes_in(detail)) for kind, detail in lines if codes_in(detail)]


def test_the_advice_line_counts_in_words():
    result = {"rules_version": "2026.2", "recommendations": [{}], "questions": [{}, {}]}
    assert chronology.advice_made(result) == "1 advies, 2 open vragen (verwijsregels 2026.2)"
    old = {"rules_version": "2026.1", "recommendations": [{}, {}, {}]}  # before contract 2: no questions
    assert chronology.advice_made(old) == "3 adviezen (verwijsregels 2026.1)"


# --- Lines written before: migration 0007 ------------------------------------------------------


def test_old_lines_are_rewritten_in_dutch(org, other_org):
    import importlib
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone

    migration = importlib.import_module("referrals.migrations.0007_chronology_in_dutch")
    case = CaseFactory(organisation=org)
    other = CaseFactory(organisation=other_org)
    now = timezone.now()
    with scopes_disabled():
        snap, insta, _help = (
            CaseTask.objects.create(organisation=org, case=case, destination=code, title=title, created_at=now)
            for code, title in (
                ("platform_report", "Melden bij het platform: Snapchat"),
                ("platform_report", "Melden bij het platform: Instagram"),
                ("helpwanted", "HelpWanted"),
            )
        )
        CaseTask.objects.filter(pk=insta.pk).update(status="done", done_at=now + timedelta(days=2))
        CaseTask.objects.filter(pk=snap.pk).update(status="done", done_at=now + timedelta(days=1))
        lines = {
            "facts": ("facts_changed", "acute_danger, forms, victim_age", now),
            "chosen": ("actions_chosen", "helpwanted, platform_report", now),
            "done": ("task_done", "platform_report", now + timedelta(days=2)),  # when Instagram was done
            "gone": ("task_done", "slachtofferhulp", now),  # no such task any more
            "new": ("facts_changed", "vorm, leeftijd", now),  # already Dutch
            "note": ("note", "Notitie toegevoegd", now),
        }
        old = {
            name: CaseEvent.objects.create(organisation=org, case=case, kind=kind, detail=detail, created_at=at)
            for name, (kind, detail, at) in lines.items()
        }
        elsewhere = CaseEvent.objects.create(organisation=other_org, case=other, kind="task_done", detail="awel")

        migration.chronology_in_dutch(apps, None)
        migration.chronology_in_dutch(apps, None)  # twice: nothing changes the second time

        after = {name: CaseEvent.objects.get(pk=event.pk).detail for name, event in old.items()}
        assert after == {
            "facts": "leeftijd, vorm, gevaar nu",
            "chosen": "HelpWanted, Melden bij het platform: Snapchat, Melden bij het platform: Instagram",
            "done": "Melden bij het platform: Instagram",
            "gone": "Actie uit het advies",
            "new": "vorm, leeftijd",
            "note": "Notitie toegevoegd",
        }
        assert CaseEvent.objects.get(pk=elsewhere.pk).detail == "Actie uit het advies"
