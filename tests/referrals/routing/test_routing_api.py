"""``POST /api/routing/preview``: authentication, roles, CSRF, errors, headers, and
the result object of routing contract v2."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from portal.roles import Role
from referrals import services
from referrals.models import ApiToken
from referrals.routing import default_rule_set, parse_facts, route
from referrals.routing.defaults import VERSION

URL = "/api/routing/preview"
FACTS = {"country": "NL", "victim_age": 31, "forms": ["threat"], "threatened_with": ["death"], "acute_danger": False}
RESULT_KEYS = ["rules_version", "flags", "recommendations", "questions", "cautions"]
RECOMMENDATION_KEYS = ["destination", "kind", "urgency", "rules", "explanation"]

pytestmark = pytest.mark.django_db


def post(client: Client, body: object, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **extra)


def assert_no_store(response) -> None:
    assert "no-store" in response["Cache-Control"]


def test_url_is_mounted():
    assert reverse("referrals_api:routing_preview") == URL


def test_case_handler_gets_the_result(login_as, case_handler):
    response = post(login_as(case_handler), FACTS)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert_no_store(response)
    result = response.json()
    assert list(result) == RESULT_KEYS
    assert all(list(r) == RECOMMENDATION_KEYS for r in result["recommendations"])
    assert result["rules_version"] == VERSION
    assert "criminal_threat" in result["flags"]
    assert "police_report" in [r["destination"] for r in result["recommendations"]]
    assert isinstance(result["questions"], list) and isinstance(result["cautions"], list)
    assert result == route(parse_facts(FACTS), default_rule_set()).as_dict()


def test_questions_and_cautions_in_the_result(login_as, case_handler):
    client = login_as(case_handler)
    # Danger unknown: the first question asks about it, and nothing says "call 112".
    result = post(client, {"country": "NL", "victim_age": 35, "forms": ["stalking"]}).json()
    assert list(result) == RESULT_KEYS
    assert result["questions"][0]["fact"] == "acute_danger"
    assert all(list(q) == ["fact", "question"] and q["question"] for q in result["questions"])
    assert "police_emergency" not in [r["destination"] for r in result["recommendations"]]
    # Sextortion by a known offender: do not give in, do not confront.
    facts = {
        "country": "BE",
        "victim_age": 16,
        "age_when_images_made": 16,
        "forms": ["sextortion"],
        "intimate_images": True,
        "offender_known": True,
        "offender_relation": "online_acquaintance",
        "self_harm_signs": False,
        "acute_danger": False,
    }
    result = post(client, facts).json()
    cautions = [caution["id"] for caution in result["cautions"]]
    assert {"do_not_give_in", "do_not_confront_offender", "no_copies_of_minor_images"} <= set(cautions)
    assert all(list(c) == ["id", "text"] and c["text"] for c in result["cautions"])
    assert result == route(parse_facts(facts), default_rule_set()).as_dict()


def test_the_new_facts_are_used(login_as, case_handler):
    client = login_as(case_handler)
    base = {"country": "NL", "victim_age": 15, "forms": ["cyberbullying"], "acute_danger": False}
    for facts, expected in (
        ({**base, "self_harm_signs": True}, "zelfmoordpreventie_113"),
        ({**base, "country": "BE", "self_harm_signs": True}, "zelfmoordlijn_1813"),
        ({**base, "unsafe_home": True}, "veilig_thuis"),
        ({**base, "forms": ["online_fraud"], "money_lost": True}, "bank_fraud_line"),
        ({**base, "forms": ["grooming"], "physical_sexual_violence": "recent"}, "centrum_seksueel_geweld"),
        ({**base, "setting": "school", "offender_relation": "peer", "offender_is_minor": True}, "internal_confidant"),
    ):
        response = post(client, facts)
        assert response.status_code == 200, response.content
        recommendations = response.json()["recommendations"]
        assert expected in [r["destination"] for r in recommendations], facts


@pytest.mark.parametrize("role", [Role.CASE_HANDLER, Role.ORG_COORDINATOR])
def test_roles_that_see_cases_may_call(login_as, org, member_factory, role):
    assert post(login_as(member_factory(org, role)), FACTS).status_code == 200


def test_platform_admin_may_call(login_as, platform_admin):
    assert post(login_as(platform_admin), FACTS).status_code == 200


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CONTENT_EDITOR])
def test_other_roles_get_403_json(login_as, org, member_factory, role):
    response = post(login_as(member_factory(org, role)), FACTS)
    assert response.status_code == 403
    assert "errors" in response.json()
    assert_no_store(response)


def test_municipal_coordinator_and_partner_get_403(login_as, municipal_coordinator, member_factory):
    from tests.factories import PartnerFactory

    assert post(login_as(municipal_coordinator), FACTS).status_code == 403
    partner = member_factory(PartnerFactory(), Role.PARTNER_INTAKE)
    assert post(login_as(partner), FACTS).status_code == 403


def test_deactivated_membership_gets_403(login_as, case_handler):
    from django_scopes import scopes_disabled

    client = login_as(case_handler)
    with scopes_disabled():
        case_handler.is_active = False
        case_handler.save()
    assert post(client, FACTS).status_code == 403


def test_anonymous_gets_401_json_not_a_redirect(client):
    response = post(client, FACTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "errors" in response.json()
    assert_no_store(response)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**FACTS, "victim_age": True}, "victim_age"),
        ({**FACTS, "victim_age": 121}, "victim_age"),
        ({**FACTS, "country": "DE"}, "country"),
        ({**FACTS, "forms": []}, "forms"),
        ({**FACTS, "forms": ["threat", "phishing"]}, "forms"),
        ({**FACTS, "mood": "sad"}, "mood"),
        # Routing contract v2
        ({**FACTS, "setting": "home"}, "setting"),
        ({**FACTS, "setting": ["school"]}, "setting"),
        ({**FACTS, "offender_relation": "teacher"}, "offender_relation"),
        ({**FACTS, "offender_relation": True}, "offender_relation"),
        ({**FACTS, "offender_is_minor": "yes"}, "offender_is_minor"),
        ({**FACTS, "self_harm_signs": 1}, "self_harm_signs"),
        ({**FACTS, "money_lost": "false"}, "money_lost"),
        ({**FACTS, "physical_sexual_violence": "yes"}, "physical_sexual_violence"),
        ({**FACTS, "physical_sexual_violence": False}, "physical_sexual_violence"),
        ({**FACTS, "unsafe_home": []}, "unsafe_home"),
        ([FACTS], "__all__"),
        ("{not json", "__all__"),
        ("null", "__all__"),
        ("[" * 30_000 + "]" * 30_000, "__all__"),
        ("42", "__all__"),
        (b"\xff\xfe\x00", "__all__"),
    ],
)
def test_invalid_facts_give_400_with_errors_per_field(login_as, case_handler, body, field):
    response = post(login_as(case_handler), body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["errors"]
    errors = response.json()["errors"]
    assert field in errors and all(isinstance(m, str) and m for m in errors[field])
    if isinstance(body, dict):
        assert list(errors) == [field]  # the one bad field, and only that one
    assert_no_store(response)


def test_several_bad_new_facts_are_named_at_once(login_as, case_handler):
    body = {**FACTS, "setting": "home", "money_lost": "yes", "unsafe_home": 0}
    response = post(login_as(case_handler), body)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"setting", "money_lost", "unsafe_home"}


def test_get_is_refused(login_as, case_handler):
    response = login_as(case_handler).get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_files_are_refused_and_never_parsed(login_as, case_handler):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login_as(case_handler)
    upload = SimpleUploadedFile("bewijs.png", b"\x89PNG" + b"0" * 1000, content_type="image/png")
    with mock.patch("django.http.multipartparser.MultiPartParser.parse", side_effect=AssertionError("parsed")) as parse:
        response = client.post(URL, {"facts": json.dumps(FACTS), "file": upload})
    assert response.status_code == 415
    parse.assert_not_called()
    assert_no_store(response)
    assert client.post(URL, {"country": "NL"}).status_code == 415  # form-encoded too
    assert client.post(URL, "country=NL", content_type="text/plain").status_code == 415


def test_a_huge_body_is_refused(login_as, case_handler):
    response = post(login_as(case_handler), {**FACTS, "padding": "x" * 100_000})
    assert response.status_code == 413


def test_nothing_is_stored(login_as, case_handler, django_assert_max_num_queries):
    client = login_as(case_handler)
    post(client, FACTS)  # warm up the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert post(client, FACTS).status_code == 200
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []


# --- CSRF for sessions -------------------------------------------------------------------------


def test_session_post_needs_the_csrf_token(case_handler):
    client = Client(enforce_csrf_checks=True)
    client.force_login(case_handler.user)
    refused = post(client, FACTS)
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["errors"]["__all__"][0]
    secret = "a" * 32
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    assert post(client, FACTS, HTTP_X_CSRFTOKEN=secret).status_code == 200


# --- Token authentication ----------------------------------------------------------------------


def test_bearer_token_works_without_session_or_csrf(case_handler):
    created = services.api_token_create(user=case_handler.user, name="koppeling")
    client = Client(enforce_csrf_checks=True)
    response = post(client, FACTS, HTTP_AUTHORIZATION=f"Bearer {created.token}")
    assert response.status_code == 200
    assert_no_store(response)
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("header", ["Bearer nope", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "Bearer"])
def test_bad_tokens_get_401(client, header):
    response = post(client, FACTS, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "errors" in response.json()


def test_revoked_token_gets_401(case_handler, client):
    created = services.api_token_create(user=case_handler.user, name="koppeling")
    services.api_token_revoke(api_token=created.api_token)
    assert post(client, FACTS, HTTP_AUTHORIZATION=f"Bearer {created.token}").status_code == 401


def test_token_of_an_inactive_user_gets_401(case_handler, client):
    created = services.api_token_create(user=case_handler.user, name="koppeling")
    case_handler.user.is_active = False
    case_handler.user.save()
    assert post(client, FACTS, HTTP_AUTHORIZATION=f"Bearer {created.token}").status_code == 401


def test_token_of_a_user_without_a_routing_role_gets_403(org, member_factory, client):
    learner = member_factory(org, Role.LEARNER)
    created = services.api_token_create(user=learner.user, name="x")
    assert post(client, FACTS, HTTP_AUTHORIZATION=f"Bearer {created.token}").status_code == 403


def test_token_use_is_recorded_at_most_once_a_minute(case_handler, client):
    created = services.api_token_create(user=case_handler.user, name="koppeling")
    header = {"HTTP_AUTHORIZATION": f"Bearer {created.token}"}
    post(client, FACTS, **header)
    first = ApiToken.objects.get().last_used_at
    post(client, FACTS, **header)
    assert ApiToken.objects.get().last_used_at == first


def test_session_user_without_required_mfa_gets_403_json_not_a_redirect(client, org, member_factory):
    membership = member_factory(org, Role.CASE_HANDLER, mfa=False)
    client.force_login(membership.user)
    response = client.post(
        "/api/routing/preview", data={"country": "NL", "forms": ["threat"]}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "mfa" in response.json()["errors"]
