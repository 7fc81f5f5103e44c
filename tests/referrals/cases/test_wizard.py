"""The intake wizard: each step a plain POST form, errors per field, the advice
stored with the rules version that made it, and chosen actions become tasks."""

from __future__ import annotations

import copy
import re

import pytest
from django_scopes import scope, scopes_disabled

from portal.roles import OrganisationKind, Role
from referrals import selectors, services
from referrals.cases import forms
from referrals.models import Case, CaseEvent, CaseTask
from referrals.routing import defaults, vocabulary
from tests.cms.factories import TakedownGuideFactory
from tests.factories import MunicipalityFactory, PartnerFactory, SchoolFactory
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(org, case_handler):
    return CaseFactory(organisation=org, handler=case_handler.user)


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
    # The facts in Dutch, never their field names, and never their values.
    assert event.detail == "leeftijd, vorm, gevaar nu, naaktbeelden, leeftijd op de beelden, beelden online"
    assert "victim_age" not in event.detail and "15" not in event.detail


def test_full_wizard_to_tasks(handler_client, org, case):
    guide = TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    TakedownGuideFactory(slug="instagram", platform="Instagram")
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
        actor=platform_admin.user,
        version="2026.9",
        rules=rules,
        destinations=defaults.DESTINATIONS,
        cautions=defaults.CAUTIONS,
        questions=defaults.QUESTIONS,
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


# --- The facts of routing contract 2 --------------------------------------------------------


def checked(page_text: str, name: str) -> list[str]:
    """The values of the inputs named ``name`` that the page shows checked."""
    inputs = re.findall(rf'<input [^>]*name="{name}"[^>]*>', page_text)
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag]


def test_new_facts_are_saved_and_read_back(handler_client, org, case):
    """Ja / nee / weet ik niet → true / false / missing, and the choices as their codes."""
    response = handler_client.post(
        step(org, case, "feiten"),
        {
            **FACTS_POST,
            "setting": "sports_club",
            "offender_relation": "trusted_adult",
            "offender_is_minor": "nee",
            "money_lost": "ja",
        },
    )
    assert response["Location"] == step(org, case, "kwetsbaarheid")
    response = handler_client.post(
        step(org, case, "kwetsbaarheid"),
        {
            "self_harm_signs": "onbekend",
            "physical_sexual_violence": "recent",
            "unsafe_home": "nee",
            "hate_motive": "onbekend",
        },
    )
    assert response["Location"] == step(org, case, "bewijs")
    facts = reload(org, case).facts
    assert {name: facts.get(name) for name in NEW_FACTS} == {
        "setting": "sports_club",
        "offender_relation": "trusted_adult",
        "offender_is_minor": False,
        "money_lost": True,
        "self_harm_signs": None,
        "physical_sexual_violence": "recent",
        "unsafe_home": False,
    }
    assert "self_harm_signs" not in facts  # "weet ik niet" is unknown: the fact is left out

    page = handler_client.get(step(org, case, "feiten")).text
    assert checked(page, "setting") == ["sports_club"]
    assert checked(page, "offender_relation") == ["trusted_adult"]
    assert checked(page, "offender_is_minor") == ["nee"]
    assert checked(page, "money_lost") == ["ja"]
    page = handler_client.get(step(org, case, "kwetsbaarheid")).text
    assert checked(page, "self_harm_signs") == ["onbekend"]
    assert checked(page, "physical_sexual_violence") == ["recent"]
    assert checked(page, "unsafe_home") == ["nee"]

    # Back to "weet ik niet": the fact is unknown again, not "no".
    handler_client.post(
        step(org, case, "feiten"), {**FACTS_POST, "offender_relation": "onbekend", "money_lost": "onbekend"}
    )
    facts = reload(org, case).facts
    assert "offender_relation" not in facts and "money_lost" not in facts
    assert "setting" not in facts  # not posted: unknown


NEW_FACTS = (
    "setting",
    "offender_relation",
    "offender_is_minor",
    "money_lost",
    "self_harm_signs",
    "physical_sexual_violence",
    "unsafe_home",
)


def test_new_questions_say_why_they_are_asked(handler_client, org, case):
    page = handler_client.get(step(org, case, "feiten")).text
    for name in ("setting", "offender_relation", "offender_is_minor", "money_lost"):
        assert f'id="id_{name}_helptext"' in page, name
        assert re.search(rf'<fieldset [^>]*id="id_{name}"', page), name
    page = handler_client.get(step(org, case, "kwetsbaarheid")).text
    assert "<h1>Stap 3: Veiligheid en kwetsbaarheid</h1>" in page
    for name in ("self_harm_signs", "physical_sexual_violence", "unsafe_home"):
        assert f'id="id_{name}_helptext"' in page, name
    # Safety first on this step: the questions about danger come before vulnerability.
    assert page.index('name="self_harm_signs"') < page.index('name="vulnerabilities"')


@pytest.mark.parametrize(
    ("kind", "setting"), [(OrganisationKind.SCHOOL, "school"), (OrganisationKind.SPORTS_CLUB, "sports_club")]
)
def test_setting_is_filled_in_from_the_organisations_kind(client, member_factory, kind, setting):
    organisation = SchoolFactory(kind=kind)
    handler = member_factory(organisation, Role.CASE_HANDLER)
    case = CaseFactory(organisation=organisation, handler=handler.user)
    client.force_login(handler.user)
    assert checked(client.get(step(organisation, case, "feiten")).text, "setting") == [setting]
    assert "setting" not in reload(organisation, case).facts  # filled in on the form, stored when saved


def test_any_other_kind_of_organisation_is_another_setting():
    assert forms.setting_for(MunicipalityFactory.build()) == "other"
    assert forms.setting_for(PartnerFactory.build()) == "other"


def test_a_setting_in_the_facts_is_kept_and_can_be_changed(handler_client, org, case):
    with scopes_disabled():
        Case.objects.filter(pk=case.pk).update(facts={"country": "NL", "setting": "other"})
    assert checked(handler_client.get(step(org, case, "feiten")).text, "setting") == ["other"]  # not "school"
    handler_client.post(step(org, case, "feiten"), {**FACTS_POST, "setting": "school"})
    assert reload(org, case).facts["setting"] == "school"


def test_errors_name_the_field(handler_client, org, case):
    response = handler_client.post(
        step(org, case, "feiten"), {**FACTS_POST, "forms": [], "offender_relation": "buurman"}
    )
    assert response.status_code == 200
    page = response.text
    # The summary at the top names each field and links to it; the message sits at the field too.
    assert '<a href="#id_forms">Wat voor online geweld is het?</a>: Kies minstens één soort online geweld.' in page
    assert '<a href="#id_offender_relation">Wie is de dader voor het slachtoffer?</a>' in page
    assert 'id="id_forms_error"' in page and 'id="id_offender_relation_error"' in page
    assert 'id="id_forms" aria-describedby="id_forms_error"' in page
    assert reload(org, case).facts == {"country": "NL"}


def test_an_engine_error_names_the_field_too(handler_client, org, case):
    response = handler_client.post(step(org, case, "feiten"), {**FACTS_POST, "age_when_images_made": "16"})
    assert '<a href="#id_age_when_images_made">Leeftijd toen de beelden gemaakt werden</a>: ' in response.text


# --- The chronology -------------------------------------------------------------------------


def test_the_chronology_names_facts_and_actions_in_dutch(handler_client, org, case, case_handler):
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    handler_client.post(
        step(org, case, "feiten"), {**FACTS_POST, "forms": ["sextortion", "threat"], "acute_danger": "ja"}
    )
    handler_client.post(step(org, case, "kwetsbaarheid"), {"vulnerabilities": ["psychological_problems"]})
    handler_client.post(step(org, case, "wensen"), {"victim_wishes": ["images_offline"]})
    handler_client.post(step(org, case, "advies"), {"action": "route"})
    advice = reload(org, case).routing_result
    chosen = [r["destination"] for r in advice["recommendations"]][:3]
    if "platform_report" not in chosen:
        chosen.append("platform_report")
    response = handler_client.post(
        step(org, case, "advies"), {"action": "choose", "destinations": chosen, "platforms": ["snapchat"]}
    )
    assert response.status_code == 302
    with scope(organisation=org):
        task = CaseTask.objects.filter(case=case).order_by("pk").first()
    handler_client.post(f"/o/{org.slug}/casussen/taken/{task.pk}/afronden/")

    with scope(organisation=org):
        events = {e.kind: e.detail for e in CaseEvent.objects.filter(case=case)}
        labels = selectors.destination_labels(reload(org, case))
    assert events["facts_changed"] == "wensen"  # the last change of facts: the wishes
    assert events["actions_chosen"].split(", ")[0] == labels[chosen[0]]
    assert "Snapchat" in events["actions_chosen"]
    assert events["task_done"] == task.title
    codes = set(labels) | set(vocabulary.FACT_TYPES)
    for kind, detail in events.items():
        named = [code for code in codes if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", detail)]
        assert not named, f"{kind}: {detail!r} names {named}"
    page = handler_client.get(f"/o/{org.slug}/casussen/{case.pk}/").text
    assert "Feiten aangepast: leeftijd, vorm, gevaar nu" in page


@pytest.mark.parametrize("form_class", [forms.FactsForm, forms.VulnerabilityForm])
def test_the_parts_of_a_step_hold_every_question_once(form_class):
    in_sections = [name for _title, names in form_class.sections for name in names]
    assert sorted(in_sections) == sorted(form_class.fact_fields) == sorted(form_class.base_fields)
