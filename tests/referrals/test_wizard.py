"""The intake wizard: each step a plain POST form, errors per field, the advice
stored with the rules version that made it, and chosen actions become tasks."""

from __future__ import annotations

import copy

import pytest
from django_scopes import scope

from referrals import services
from referrals.models import Case, CaseEvent, CaseTask
from referrals.routing import defaults
from tests.cms.helpers import make_guide
from tests.referrals.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(org, case_handler):
    return make_case(org, handler=case_handler.user)


@pytest.fixture
def handler_client(client, case_handler):
    client.force_login(case_handler.user)
    return client


def step(org, case, name):
    return f"/o/{org.slug}/casussen/{case.pk}/intake/{name}/"


def reload(org, case):
    with scope(organisation=org):
        return Case.objects.get(pk=case.pk)


FACTS_POST = {
    "country": "NL",
    "victim_age": "15",
    "forms": ["sextortion"],
    "acute_danger": "nee",
    "offender_known": "onbekend",
    "meets_offender_again": "onbekend",
    "intimate_images": "ja",
    "age_when_images_made": "14",
    "images_online": "ja",
}


def test_every_step_renders_with_country_preset(handler_client, org, case):
    for name in ("gesprek", "feiten", "kwetsbaarheid", "bewijs", "wensen", "advies"):
        response = handler_client.get(step(org, case, name))
        assert response.status_code == 200, name
        assert 'aria-current="step"' in response.text
        assert 'type="file"' not in response.text
    page = handler_client.get(step(org, case, "feiten"))
    assert '<option value="NL" selected>' in page.text
    assert 'value="onbekend"' in page.text


def test_conversation_step_stores_first_impressions(handler_client, org, case):
    response = handler_client.post(step(org, case, "gesprek"), {"first_impressions": "Stil, geschrokken."})
    assert response["Location"] == step(org, case, "feiten")
    assert reload(org, case).first_impressions == "Stil, geschrokken."


def test_facts_step_reports_errors_per_field(handler_client, org, case):
    # Forms missing (form check) and an images age above the current age (contract check).
    response = handler_client.post(step(org, case, "feiten"), {**FACTS_POST, "forms": []})
    assert response.status_code == 200
    assert 'id="id_forms_error"' in response.text
    response = handler_client.post(step(org, case, "feiten"), {**FACTS_POST, "age_when_images_made": "16"})
    assert response.status_code == 200
    assert 'id="id_age_when_images_made_error"' in response.text
    assert "Kan niet hoger zijn" in response.text
    response = handler_client.post(step(org, case, "feiten"), {**FACTS_POST, "victim_age": "200"})
    assert 'id="id_victim_age_error"' in response.text
    assert reload(org, case).facts == {"country": "NL"}


def test_facts_step_stores_facts_and_unknown_stays_unknown(handler_client, org, case):
    response = handler_client.post(step(org, case, "feiten"), FACTS_POST)
    assert response["Location"] == step(org, case, "kwetsbaarheid")
    stored = reload(org, case)
    assert stored.facts == {
        "country": "NL",
        "victim_age": 15,
        "forms": ["sextortion"],
        "acute_danger": False,
        "intimate_images": True,
        "age_when_images_made": 14,
        "images_online": True,
    }
    assert "offender_known" not in stored.facts  # "weet ik niet" is unknown, not false
    with scope(organisation=org):
        event = CaseEvent.objects.get(kind="facts_changed")
    assert "victim_age" in event.detail and "15" not in event.detail  # field names, never values


def test_full_wizard_to_tasks(handler_client, org, case):
    guide = make_guide(slug="snapchat", platform="Snapchat")
    make_guide(slug="instagram", platform="Instagram")
    handler_client.post(step(org, case, "feiten"), FACTS_POST)
    handler_client.post(
        step(org, case, "kwetsbaarheid"), {"vulnerabilities": ["psychological_problems"], "hate_motive": "nee"}
    )
    response = handler_client.post(
        step(org, case, "bewijs"), {"kind": "screenshot", "platform": "Snapchat", "kept_where": "telefoon moeder"}
    )
    assert response.status_code == 302
    response = handler_client.post(
        step(org, case, "wensen"), {"victim_wishes": ["images_offline", "support"], "consent_referral": "on"}
    )
    assert response["Location"] == step(org, case, "advies")
    stored = reload(org, case)
    assert stored.facts["victim_wishes"] == ["images_offline", "support"]
    assert stored.facts["vulnerabilities"] == ["psychological_problems"]
    assert stored.consent_referral and not stored.consent_contact

    handler_client.post(step(org, case, "advies"), {"action": "route"})
    stored = reload(org, case)
    destinations = [r["destination"] for r in stored.routing_result["recommendations"]]
    assert stored.rules_version == defaults.VERSION
    assert "platform_report" in destinations and "helpwanted" in destinations
    page = handler_client.get(step(org, case, "advies"))
    assert stored.routing_result["recommendations"][0]["explanation"][:40] in page.text

    # platform_report without a platform: an error on that field, no tasks.
    response = handler_client.post(step(org, case, "advies"), {"action": "choose", "destinations": ["platform_report"]})
    assert response.status_code == 200 and 'id="id_platforms_error"' in response.text
    response = handler_client.post(
        step(org, case, "advies"),
        {"action": "choose", "destinations": ["platform_report", "helpwanted"], "platforms": ["snapchat"]},
    )
    assert response.status_code == 302
    with scope(organisation=org):
        tasks = {t.destination: t for t in CaseTask.objects.filter(case=case)}
    assert set(tasks) == {"platform_report", "helpwanted"}
    assert tasks["platform_report"].takedown_guide == guide
    assert tasks["helpwanted"].takedown_guide is None
    # Choosing again makes no second task.
    handler_client.post(
        step(org, case, "advies"),
        {"action": "choose", "destinations": ["platform_report", "helpwanted"], "platforms": ["snapchat"]},
    )
    with scope(organisation=org):
        assert CaseTask.objects.filter(case=case).count() == 2
    detail = handler_client.get(f"/o/{org.slug}/casussen/{case.pk}/")
    assert f"/handleidingen/{guide.slug}/" in detail.text
    task = tasks["helpwanted"]
    handler_client.post(f"/o/{org.slug}/casussen/taken/{task.pk}/afronden/")
    with scope(organisation=org):
        assert CaseTask.objects.get(pk=task.pk).status == "done"
        assert CaseEvent.objects.filter(case=case, kind="task_done").count() == 1


def test_choosing_a_destination_outside_the_advice_is_refused(org, case, case_handler):
    from django.core.exceptions import ValidationError

    with scope(organisation=org):
        services.case_update_facts(
            actor_membership=case_handler, case=case, changes={"forms": ["threat"], "acute_danger": True}
        )
        services.case_route(actor_membership=case_handler, case=case)
        with pytest.raises(ValidationError):
            services.case_choose_actions(actor_membership=case_handler, case=case, destinations=["child_focus"])


def test_routing_without_facts_explains(handler_client, org, case):
    response = handler_client.post(step(org, case, "advies"), {"action": "route"})
    assert response.status_code == 200
    assert "Vul de feiten aan" in response.text
    assert reload(org, case).routing_result is None


def test_stored_advice_survives_a_rule_change(org, case, case_handler, platform_admin):
    with scope(organisation=org):
        services.case_update_facts(
            actor_membership=case_handler, case=case, changes={"forms": ["threat"], "acute_danger": True}
        )
        services.case_route(actor_membership=case_handler, case=case)
    before = reload(org, case).routing_result
    assert before["rules_version"] == defaults.VERSION
    rules = copy.deepcopy(defaults.RULES)  # never change the shipped defaults in place
    for rule in rules:
        for outcome in rule.get("outcomes", []):
            outcome["explanation"] = "Gewijzigde uitleg."
    services.rule_set_publish(
        actor=platform_admin.user, version="2026.9", rules=rules, destinations=defaults.DESTINATIONS
    )
    after = reload(org, case)
    assert after.routing_result == before
    assert after.rules_version == defaults.VERSION
    with scope(organisation=org):
        services.case_route(actor_membership=case_handler, case=after)
    assert reload(org, case).rules_version == "2026.9"


def test_closed_case_wizard_sends_back(handler_client, org, case, case_handler):
    with scope(organisation=org):
        services.case_close(actor_membership=case_handler, case=case, outcome="referred")
    response = handler_client.get(step(org, case, "feiten"))
    assert response["Location"] == f"/o/{org.slug}/casussen/{case.pk}/"
