"""Rule sets as data: validation, publishing versions, the active rule set, a
municipality's local rules, and the admin."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django_scopes import ScopeError, scope

from portal.models import Country
from portal.roles import Role
from referrals import selectors, services
from referrals.models import LocalDestination, LocalRule, RuleSetVersion
from referrals.routing import RuleSetInvalid, default_rule_set, merge_local, parse_facts, parse_rule_set, route
from referrals.routing import defaults as shipped
from tests.factories import MunicipalityFactory, SchoolFactory

RULES = shipped.RULES
DESTINATIONS = shipped.DESTINATIONS


def rules_copy() -> list[dict]:
    return copy.deepcopy(RULES)


def invalid(**data) -> dict[str, list[str]]:
    data = {"version": "2026.2", "rules": RULES, "destinations": DESTINATIONS, **data}
    with pytest.raises(RuleSetInvalid) as caught:
        parse_rule_set(**data)
    return caught.value.errors


# --- Validation ---------------------------------------------------------------------------


def test_shipped_defaults_validate():
    assert parse_rule_set(version="2026.1", rules=RULES, destinations=DESTINATIONS).version == "2026.1"


@pytest.mark.parametrize(
    ("change", "key", "fragment"),
    [
        (lambda r: r[0].update(id="Acute Danger"), "rules", "rules[0] (Acute Danger): id"),
        (lambda r: r[1].update(id="acute-danger"), "rules", "staat er twee keer in"),
        (lambda r: r[0].update(priority=True), "rules", "priority"),
        (lambda r: r[0].update(priority=-1), "rules", "priority"),
        (lambda r: r[0].update(colour="red"), "rules", "onbekende sleutel 'colour'"),
        (lambda r: r[0].pop("outcomes"), "rules", "'outcomes' ontbreekt"),
        (lambda r: r[0].update(outcomes=[]), "rules", "outcomes"),
        (
            lambda r: r[0]["outcomes"][0].update(destination="ghostbusters"),
            "rules",
            "onbekende bestemming 'ghostbusters'",
        ),
        (lambda r: r[0]["outcomes"][0].update(urgency="now"), "rules", "outcomes[0].urgency"),
        (lambda r: r[0]["outcomes"][0].update(explanation=" "), "rules", "outcomes[0].explanation"),
        (lambda r: r[0].update(conditions={"fact": "shoe_size", "lt": 40}), "rules", "conditions.fact: onbekend feit"),
        (lambda r: r[0].update(conditions={"fact": "acute_danger", "lt": 4}), "rules", "kan niet bij feit"),
        (lambda r: r[0].update(conditions={"fact": "acute_danger", "is": "yes"}), "rules", "conditions.is"),
        (lambda r: r[0].update(conditions={"fact": "victim_age", "lt": True}), "rules", "geheel getal"),
        (
            lambda r: r[0].update(conditions={"fact": "forms", "contains": "phishing"}),
            "rules",
            "onbekende waarde 'phishing'",
        ),
        (lambda r: r[0].update(conditions={"fact": "forms", "contains_any": []}), "rules", "minstens één"),
        (lambda r: r[0].update(conditions={"any": [{"flag": "famous"}]}), "rules", "conditions.any[0].flag"),
        (lambda r: r[0].update(conditions={"all": {"fact": "acute_danger"}}), "rules", "conditions.all"),
        (lambda r: r[0].update(conditions={"not": {"flag": "minor"}, "all": []}), "rules", "onbekende sleutel"),
        (lambda r: r[0].update(conditions={"fact": "acute_danger", "is": True, "known": True}), "rules", "precies één"),
        (lambda r: r[0].update(conditions=[]), "rules", "een voorwaarde is een object"),
        (lambda r: r.append("not a rule"), "rules", "een regel is een object"),
    ],
)
def test_rule_errors_name_the_rule_and_the_path(change, key, fragment):
    rules = rules_copy()
    change(rules)
    errors = invalid(rules=rules)
    assert key in errors, errors
    assert any(fragment in message for message in errors[key]), errors[key]


def test_deeply_nested_conditions_are_refused():
    condition = {"fact": "acute_danger", "is": True}
    for _ in range(20):
        condition = {"not": condition}
    rules = rules_copy()
    rules[0]["conditions"] = condition
    assert any("te diep" in m for m in invalid(rules=rules)["rules"])


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.append({"code": "Bad Code", "kind": "referral", "country": "NL", "label": "x"}), "code"),
        (lambda d: d.append(dict(d[0])), "staat er twee keer in"),
        (lambda d: d.append({"code": "x_y", "kind": "hug", "country": "NL", "label": "x"}), "kind"),
        (lambda d: d.append({"code": "x_y", "kind": "referral", "country": "DE", "label": "x"}), "country"),
        (lambda d: d.append({"code": "x_y", "kind": "referral", "label": "x"}), "'country' ontbreekt"),
        (lambda d: d.append({"code": "x_y", "kind": "referral", "country": None, "label": ""}), "label"),
        (
            lambda d: d.append({"code": "x_y", "kind": "referral", "country": None, "label": "x", "url": "http://x"}),
            "url",
        ),
        (lambda d: d[9].update(country="NL"), "routeringscontract"),  # child_focus is Belgian
        (lambda d: d[0].update(kind="referral"), "routeringscontract"),
        (lambda d: d.pop(), "ontbreken: advieslijn_professionals"),
        (lambda d: d.append({"code": "local:x", "kind": "referral", "country": None, "label": "x"}), "code"),
    ],
)
def test_destination_errors(change, fragment):
    destinations = copy.deepcopy(DESTINATIONS)
    change(destinations)
    errors = invalid(destinations=destinations)
    assert any(fragment in message for message in errors["destinations"]), errors


@pytest.mark.parametrize("version", ["", " 2026", "2026/2", "x" * 41, 2026, None])
def test_version_errors(version):
    assert "version" in invalid(version=version)


def test_a_new_destination_can_be_added_as_data():
    destinations = [*DESTINATIONS, {"code": "zorgdomein", "kind": "referral", "country": "NL", "label": "Zorg"}]
    rules = [
        *RULES,
        {
            "id": "care",
            "priority": 85,
            "conditions": {"fact": "vulnerabilities", "contains": "psychological_problems"},
            "outcomes": [{"destination": "zorgdomein", "urgency": "normal", "explanation": "Zorg."}],
        },
    ]
    rule_set = parse_rule_set(version="2026.2", rules=rules, destinations=destinations)
    facts = parse_facts({"country": "NL", "forms": ["threat"], "vulnerabilities": ["psychological_problems"]})
    assert "zorgdomein" in route(facts, rule_set).destinations


# --- Publishing versions ---------------------------------------------------------------------


def test_publish_validates_and_activates(platform_admin, django_assert_max_num_queries):
    assert selectors.active_rule_set() is default_rule_set()  # empty table: the shipped defaults
    rules = rules_copy()
    rules[0]["outcomes"][0]["explanation"] = "Nieuwe uitleg: bel 112."
    first = services.rule_set_publish(
        actor=platform_admin.user, version="2026.2", rules=rules, destinations=DESTINATIONS
    )
    assert first.is_active and first.created_by == platform_admin.user
    active = selectors.active_rule_set()
    assert active.version == "2026.2"
    facts = parse_facts({"country": "NL", "forms": ["threat"], "acute_danger": True})
    assert route(facts, active).recommendations[0].explanation == "Nieuwe uitleg: bel 112."
    # Cached per version: one query for the active id, no parsing.
    with django_assert_max_num_queries(1):
        assert selectors.active_rule_set() is active

    second = services.rule_set_publish(
        actor=platform_admin.user, version="2026.3", rules=RULES, destinations=DESTINATIONS
    )
    first.refresh_from_db()
    assert not first.is_active and second.is_active
    assert RuleSetVersion.objects.filter(is_active=True).count() == 1
    assert selectors.active_rule_set().version == "2026.3"

    services.rule_set_activate(actor=platform_admin.user, rule_set_version=first)
    assert selectors.active_rule_set().version == "2026.2"
    assert list(RuleSetVersion.objects.filter(is_active=True).values_list("version", flat=True)) == ["2026.2"]


def test_publish_refuses_invalid_data_with_errors_per_field(platform_admin):
    rules = rules_copy()
    rules[2]["outcomes"][0]["destination"] = "nowhere"
    with pytest.raises(ValidationError) as caught:
        services.rule_set_publish(actor=platform_admin.user, version="2026.2", rules=rules, destinations=[])
    assert set(caught.value.message_dict) == {"rules", "destinations"}
    assert RuleSetVersion.objects.count() == 0


def test_publish_refuses_a_used_version(platform_admin):
    services.rule_set_publish(actor=platform_admin.user, version="2026.2", rules=RULES, destinations=DESTINATIONS)
    with pytest.raises(ValidationError) as caught:
        services.rule_set_publish(actor=platform_admin.user, version="2026.2", rules=RULES, destinations=DESTINATIONS)
    assert "version" in caught.value.message_dict


@pytest.mark.parametrize("role", [Role.ORG_COORDINATOR, Role.CASE_HANDLER, Role.LEARNER, Role.CONTENT_EDITOR])
def test_only_platform_admins_publish(org, member_factory, role):
    member = member_factory(org, role)
    with pytest.raises(PermissionError):
        services.rule_set_publish(actor=member.user, version="2026.2", rules=RULES, destinations=DESTINATIONS)
    assert RuleSetVersion.objects.count() == 0


def test_municipal_coordinator_cannot_publish(municipal_coordinator):
    with pytest.raises(PermissionError):
        services.rule_set_publish(
            actor=municipal_coordinator.user, version="2026.2", rules=RULES, destinations=DESTINATIONS
        )


@pytest.mark.django_db
def test_database_allows_one_active_version_only():
    RuleSetVersion.objects.create(version="a", rules=RULES, destinations=DESTINATIONS, is_active=True)
    RuleSetVersion.objects.create(version="b", rules=RULES, destinations=DESTINATIONS, is_active=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        RuleSetVersion.objects.create(version="c", rules=RULES, destinations=DESTINATIONS, is_active=True)


# --- Local rules of a municipality -----------------------------------------------------------

LOCAL_RULE = {
    "id": "jongerenwerk-pesten",
    "priority": 75,
    "conditions": {"all": [{"fact": "forms", "contains": "cyberbullying"}, {"flag": "minor"}]},
    "outcomes": [
        {"destination": "local:jongerenwerk", "urgency": "normal", "explanation": "Het jongerenwerk helpt."},
        {"destination": "slachtofferhulp", "urgency": "soon", "explanation": "Lokale afspraak: snel doorverwijzen."},
    ],
}
BULLIED = {"country": "NL", "victim_age": 14, "forms": ["cyberbullying"], "acute_danger": False}


@pytest.mark.django_db
def test_merge_local_is_pure_and_prefixes(django_assert_num_queries):
    base = default_rule_set()
    with django_assert_num_queries(0):
        merged = merge_local(
            base,
            name="zuiderhaven",
            country="NL",
            destinations=[{"code": "jongerenwerk", "kind": "referral", "label": "Jongerenwerk Zuiderhaven"}],
            rules=[LOCAL_RULE],
        )
    assert merged.version == "2026.1+zuiderhaven"
    assert base.version == "2026.1" and "local:jongerenwerk" not in base.destinations
    result = route(parse_facts(BULLIED), merged)
    local = next(r for r in result.recommendations if r.destination == "local:jongerenwerk")
    assert local.rules == ("local:jongerenwerk-pesten",)
    support = next(r for r in result.recommendations if r.destination == "slachtofferhulp")
    assert "local:jongerenwerk-pesten" in support.rules
    # A local organisation belongs to the municipality's country.
    assert "local:jongerenwerk" not in route(parse_facts({**BULLIED, "country": "BE"}), merged).destinations


def test_local_rules_apply_to_their_own_municipality_only(
    municipal_coordinator, municipality, other_municipality, school_in_municipality
):
    services.local_destination_save(
        actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk Zuiderhaven"
    )
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)

    own = selectors.route_for_case_facts(BULLIED, municipality=municipality)
    assert own["rules_version"] == "2026.1+zuiderhaven"
    assert "local:jongerenwerk" in [r["destination"] for r in own["recommendations"]]
    # A school of the municipality gets its municipality's rules.
    assert selectors.route_for_case_facts(BULLIED, municipality=school_in_municipality) == own

    for elsewhere in (
        selectors.route_for_case_facts(BULLIED, municipality=other_municipality),
        selectors.route_for_case_facts(BULLIED, municipality=SchoolFactory(parent=other_municipality)),
        selectors.route_for_case_facts(BULLIED),
    ):
        assert elsewhere["rules_version"] == "2026.1"
        assert not any(r["destination"].startswith("local:") for r in elsewhere["recommendations"])
        assert not any(rule.startswith("local:") for r in elsewhere["recommendations"] for rule in r["rules"])


def test_local_rows_are_tenant_scoped(municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="wijkteam", label="Wijkteam")
    with pytest.raises(ScopeError):
        list(LocalDestination.objects.all())
    with pytest.raises(ScopeError):
        list(LocalRule.objects.all())
    with scope(organisation=MunicipalityFactory()):
        assert not LocalDestination.objects.exists()
    with scope(organisation=municipality):
        assert LocalDestination.objects.get().code == "wijkteam"


def test_local_rule_validation(municipal_coordinator):
    with pytest.raises(ValidationError) as caught:
        services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)  # no such local destination
    assert "local:jongerenwerk" in str(caught.value.message_dict["rule"])
    foreign = {**LOCAL_RULE, "outcomes": [{"destination": "local:elders", "urgency": "normal", "explanation": "x"}]}
    with pytest.raises(ValidationError):
        services.local_rule_save(actor_membership=municipal_coordinator, rule=foreign)
    with pytest.raises(ValidationError):
        services.local_destination_save(actor_membership=municipal_coordinator, code="Bad Code", label="x")


def test_a_used_local_destination_cannot_be_deleted(municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk")
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)
    with pytest.raises(ValidationError):
        services.local_destination_delete(actor_membership=municipal_coordinator, code="jongerenwerk")
    services.local_rule_delete(actor_membership=municipal_coordinator, slug="jongerenwerk-pesten")
    services.local_destination_delete(actor_membership=municipal_coordinator, code="jongerenwerk")
    with scope(organisation=municipality):
        assert not LocalDestination.objects.exists()


def test_a_broken_local_rule_is_skipped_not_fatal(municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk")
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)
    with scope(organisation=municipality):
        LocalDestination.objects.filter(code="jongerenwerk").delete()  # behind the service's back
    result = selectors.route_for_case_facts(BULLIED, municipality=municipality)
    assert not any(r["destination"].startswith("local:") for r in result["recommendations"])


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CONTENT_EDITOR])
def test_only_municipal_coordinators_manage_local_rules(municipality, member_factory, role):
    member = member_factory(municipality, role)
    with pytest.raises(PermissionError):
        services.local_destination_save(actor_membership=member, code="x", label="x")
    with pytest.raises(PermissionError):
        services.local_rule_save(actor_membership=member, rule=LOCAL_RULE)


def test_a_school_coordinator_cannot_add_local_rules(org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    with pytest.raises(PermissionError):
        services.local_destination_save(actor_membership=coordinator, code="x", label="x")


def test_local_destination_of_a_belgian_municipality_is_belgian(member_factory):
    flemish = MunicipalityFactory(slug="gent-test", country=Country.BE)
    coordinator = member_factory(flemish, Role.MUNICIPAL_COORDINATOR)
    services.local_destination_save(actor_membership=coordinator, code="jac", label="JAC Gent")
    rule = {**LOCAL_RULE, "outcomes": [{"destination": "local:jac", "urgency": "normal", "explanation": "JAC."}]}
    services.local_rule_save(actor_membership=coordinator, rule=rule)
    assert "local:jac" in [
        r["destination"]
        for r in selectors.route_for_case_facts({**BULLIED, "country": "BE"}, municipality=flemish)["recommendations"]
    ]
    assert "local:jac" not in [
        r["destination"] for r in selectors.route_for_case_facts(BULLIED, municipality=flemish)["recommendations"]
    ]


# --- Admin -------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, platform_admin):
    from portal.services import user_sync_staff_flags

    user_sync_staff_flags(user=platform_admin.user)
    client.force_login(platform_admin.user)
    return client


def test_admin_publishes_a_new_version(admin_client, platform_admin):
    import json

    page = admin_client.get("/django-admin/referrals/rulesetversion/add/")
    assert page.status_code == 200
    assert "acute-danger" in page.text  # prefilled with the active rules
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/add/",
        {"version": "2026.2", "rules": json.dumps(RULES), "destinations": json.dumps(DESTINATIONS)},
    )
    assert response.status_code == 302, response.text[:3000]
    version = RuleSetVersion.objects.get()
    assert version.is_active and version.created_by == platform_admin.user
    assert admin_client.get(f"/django-admin/referrals/rulesetversion/{version.pk}/change/").status_code == 200


def test_admin_shows_validation_errors_per_field(admin_client):
    import json

    rules = rules_copy()
    rules[0]["outcomes"][0]["urgency"] = "whenever"
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/add/",
        {"version": "2026.2", "rules": json.dumps(rules), "destinations": "{not json"},
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "destinations" in form.errors  # invalid JSON
    assert RuleSetVersion.objects.count() == 0
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/add/",
        {"version": "2026.2", "rules": json.dumps(rules), "destinations": json.dumps(DESTINATIONS)},
    )
    form = response.context["adminform"].form
    assert "rules[0] (acute-danger): outcomes[0].urgency" in " ".join(form.errors["rules"])
    assert "destinations" not in form.errors
    assert RuleSetVersion.objects.count() == 0


def test_admin_activate_action_rolls_back(admin_client, platform_admin):
    old = services.rule_set_publish(actor=platform_admin.user, version="2026.2", rules=RULES, destinations=DESTINATIONS)
    services.rule_set_publish(actor=platform_admin.user, version="2026.3", rules=RULES, destinations=DESTINATIONS)
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/",
        {"action": "activate", "_selected_action": [old.pk]},
    )
    assert response.status_code == 302
    assert selectors.active_rule_set().version == "2026.2"


def test_admin_local_rule_is_validated(admin_client, municipality):
    import json

    url = "/django-admin/referrals/localrule/add/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"organisation": municipality.pk, "rule": json.dumps(LOCAL_RULE), "is_active": "on"}
    )
    assert response.status_code == 200
    assert "local:jongerenwerk" in " ".join(response.context["adminform"].form.errors["rule"])
    admin_client.post(
        "/django-admin/referrals/localdestination/add/",
        {"organisation": municipality.pk, "code": "jongerenwerk", "label": "Jongerenwerk", "kind": "referral"},
    )
    response = admin_client.post(
        url, {"organisation": municipality.pk, "rule": json.dumps(LOCAL_RULE), "is_active": "on"}
    )
    assert response.status_code == 302
    with scope(organisation=municipality):
        assert LocalRule.objects.get().slug == "jongerenwerk-pesten"
    result = selectors.route_for_case_facts(BULLIED, municipality=municipality)
    assert "local:jongerenwerk" in [r["destination"] for r in result["recommendations"]]


def test_adding_a_local_destination_never_overwrites_one(municipality, member_factory):
    from django.core.exceptions import ValidationError
    from django_scopes import scope

    from referrals import services
    from referrals.models import LocalDestination

    coordinator = member_factory(municipality, Role.MUNICIPAL_COORDINATOR)
    services.local_destination_save(actor_membership=coordinator, code="jeugd", label="Jeugdwerk", create_only=True)
    with pytest.raises(ValidationError) as caught:
        services.local_destination_save(actor_membership=coordinator, code="jeugd", label="Anders", create_only=True)
    assert list(caught.value.message_dict) == ["code"]
    with scope(organisation=municipality):
        assert LocalDestination.objects.get(code="jeugd").label == "Jeugdwerk"
