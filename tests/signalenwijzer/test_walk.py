"""The walk: one question per screen, back and forward through POST forms, country-
and kind-aware help, and nothing stored but the anonymous monthly counts."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.urls import reverse
from django_scopes import scopes_disabled

from portal.roles import Role
from signalenwijzer.models import OrganisationContact, WalkCount
from tests.signalenwijzer.helpers import form_fields, next_screen, walk_to_end

pytestmark = pytest.mark.django_db


def _url(organisation, name="signalenwijzer:walk"):
    return reverse(name, kwargs={"org_slug": organisation.slug})


def _screens(responses):
    return [response.context["walk"].screen for response in responses]


def test_the_walk_goes_one_screen_at_a_time_to_the_end(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org)
    assert _screens(responses) == ["start", "signalen", "zekerheid", "urgentie", "gesprek", "betrekken", "verder"]
    for response in responses:
        assert response.status_code == 200
        assert "Is er nu gevaar? Bel meteen 112." in response.content.decode()
        assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    end = responses[-1].content.decode()
    assert "Is stiller dan eerst of zoekt minder contact" in end
    assert "Ik zie een paar signalen" in end


def test_back_keeps_the_answers(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org, signals=("geld",))
    on_urgency = responses[3]
    assert on_urgency.context["walk"].screen == "urgentie"
    back = next_screen(client, org, on_urgency, [("dringend", "geen")], go="terug")
    assert back.context["walk"].screen == "zekerheid"
    assert 'value="enkele" id="zeker-enkele" checked' in back.content.decode()
    back = next_screen(client, org, back, [("zeker", "enkele")], go="terug")
    assert back.context["walk"].screen == "signalen"
    assert 'value="geld" id="s-geld" aria-describedby="w-geld" checked' in back.content.decode()


def test_an_unanswered_question_stays_on_its_screen_with_a_message(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org)
    on_certainty = responses[2]
    again = next_screen(client, org, on_certainty, [])
    assert again.status_code == 400
    assert again.context["walk"].screen == "zekerheid"
    assert "Kies wat het best bij je past." in again.content.decode()
    on_urgency = responses[3]
    both = next_screen(client, org, on_urgency, [("dringend", "geen"), ("dringend", "gevaar")])
    assert both.status_code == 400 and both.context["walk"].screen == "urgentie"


def test_unknown_values_are_dropped(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    response = client.post(
        _url(org),
        urlencode([("stap", "zekerheid"), ("s", "<script>"), ("s", "geld"), ("zeker", "veel"), ("ga", "terug")]),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.context["walk"].signals == ["geld"]
    assert "<script>" not in response.content.decode()


def _urgent_screen(client, organisation, urgent):
    responses = walk_to_end(client, organisation, urgent=urgent)
    screens = _screens(responses)
    assert screens[4] == "dringend", screens
    return responses[4].content.decode(), responses[-1].content.decode()


@pytest.mark.parametrize(
    ("fixture", "urgent", "expected", "not_expected"),
    [
        ("org", "gevaar", ["112"], []),
        ("org", "zelfbeschadiging", ["113", "0800-0113"], ["1813"]),
        ("be_school", "zelfbeschadiging", ["Zelfmoordlijn 1813"], ["0800-0113"]),
        ("org", "thuis", ["Veilig Thuis", "0800-2000", "meldcode"], ["1712"]),
        ("be_school", "thuis", ["1712", "CLB"], ["Veilig Thuis", "0800-2000"]),
        ("club", "thuis", ["Veilig Thuis", "0800-2000", "vertrouwenscontactpersoon"], ["1712"]),
        ("be_club", "thuis", ["1712"], ["Veilig Thuis", "CLB"]),
        (
            "org",
            "afpersing",
            ["0900-8844", "HelpWanted", "helpwanted.nl", "Take It Down", "StopNCII", "0800-0113", "wis de chat niet"],
            ["Child Focus", "116 000", "1813", "politiezone"],
        ),
        (
            "be_school",
            "afpersing",
            ["politiezone", "101 of 112", "Child Focus", "116 000", "Take It Down", "StopNCII", "Zelfmoordlijn 1813"],
            ["0900-8844", "HelpWanted", "0800-0113"],
        ),
    ],
)
def test_urgent_branches_give_the_country_s_numbers(
    request, client, loaded, member_factory, fixture, urgent, expected, not_expected
):
    organisation = request.getfixturevalue(fixture)
    client.force_login(member_factory(organisation, Role.LEARNER).user)
    advice, end = _urgent_screen(client, organisation, (urgent,))
    for text in expected:
        assert text in advice
        assert text in end  # the summary repeats what to do
    for text in not_expected:
        assert text not in advice


def test_extortion_is_named_in_the_summary_and_in_the_carried_text(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org, urgent=("afpersing",))
    end = responses[-1]
    summary = end.content.decode().split('class="sw-summary"', 1)[1]
    assert "<li>Iemand wordt nu afgeperst, of naaktbeelden gaan nu rond</li>" in summary
    assert 'data-hulp="afpersing"' in summary
    assert "Dringend: iemand wordt nu afgeperst, of naaktbeelden gaan nu rond" in end.context["signal_text"]


def test_the_extortion_advice_reads_as_short_paragraphs(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    advice = walk_to_end(client, org, urgent=("afpersing",))[4].content.decode()
    help_box = advice.split('data-hulp="afpersing"', 1)[1].split("</section>", 1)[0]
    assert help_box.count('<p class="utrecht-paragraph">') == 8
    assert '<p class="utrecht-paragraph">Vraag zelf nooit om de beelden.' in help_box


def test_a_tampered_urgency_key_is_refused(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    response = client.post(
        _url(org),
        urlencode(
            [
                ("stap", "urgentie"),
                ("zeker", "veel"),
                ("dringend", "afpersing-nep"),
                ("dringend", "<script>"),
                ("dringend", "afpersing"),
                ("ga", "verder"),
            ]
        ),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.context["walk"].urgent == ["afpersing"]
    assert response.context["walk"].screen == "dringend"
    html = response.content.decode()
    assert "afpersing-nep" not in html and "<script>" not in html
    # Only tampered keys: nothing is urgent, so the question asks again.
    again = client.post(
        _url(org),
        urlencode([("stap", "urgentie"), ("dringend", "afpersing-nep"), ("ga", "verder")]),
        content_type="application/x-www-form-urlencoded",
    )
    assert again.status_code == 400 and again.context["walk"].screen == "urgentie"


def test_no_urgent_screen_when_nothing_is_urgent(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    assert "dringend" not in _screens(walk_to_end(client, org, urgent=("geen",)))


def test_a_signal_that_points_to_self_harm_ticks_it_in_advance(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org, signals=("niet-meer-leven",))
    urgency = responses[3].content.decode()
    assert 'value="zelfbeschadiging" id="dringend-zelfbeschadiging" checked' in urgency
    assert 'value="gevaar" id="dringend-gevaar" checked' not in urgency


@pytest.mark.parametrize("signal", ["beelden-rond", "geld-of-beelden-gevraagd"])
def test_a_signal_of_extortion_ticks_it_in_advance(client, org, loaded, member_factory, signal):
    client.force_login(member_factory(org, Role.LEARNER).user)
    urgency = walk_to_end(client, org, signals=(signal,))[3].content.decode()
    assert 'value="afpersing" id="dringend-afpersing" checked' in urgency
    assert 'value="zelfbeschadiging" id="dringend-zelfbeschadiging" checked' not in urgency


@pytest.mark.parametrize(
    ("fixture", "expected", "not_expected"),
    [
        ("org", ["vertrouwenspersoon of intern begeleider", "0900-0101"], ["aanspreekpunt integriteit", "CLB"]),
        ("be_school", ["vertrouwenspersoon of het CLB", "1712"], ["0900-0101", "intern begeleider"]),
        ("club", ["vertrouwenscontactpersoon (VCP)", "trainer of bestuurslid", "0900-0101"], ["intern begeleider"]),
        ("be_club", ["aanspreekpunt integriteit (API)", "1712"], ["0900-0101", "VCP"]),
    ],
)
def test_who_to_involve_depends_on_country_and_kind(
    request, client, loaded, member_factory, fixture, expected, not_expected
):
    organisation = request.getfixturevalue(fixture)
    client.force_login(member_factory(organisation, Role.LEARNER).user)
    responses = walk_to_end(client, organisation)
    involve = responses[-2]
    assert involve.context["walk"].screen == "betrekken"
    html = involve.content.decode()
    for text in expected:
        assert text in html
    for text in not_expected:
        assert text not in html


def test_the_organisation_s_own_confidential_contact_is_named(client, org, loaded, member_factory):
    with scopes_disabled():
        OrganisationContact.objects.create(
            organisation=org,
            name="Mevrouw Jansen",
            role="intern begeleider",
            how_to_reach="Kamer 12, op maandag en donderdag.",
        )
    client.force_login(member_factory(org, Role.LEARNER).user)
    involve = walk_to_end(client, org)[-2].content.decode()
    assert "Bij Basisschool Eén is dat Mevrouw Jansen (intern begeleider)." in involve
    assert "Kamer 12" in involve


def test_without_a_contact_the_walk_says_whom_to_ask(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    involve = walk_to_end(client, org)[-2].content.decode()
    assert "Vraag het aan de coördinator van je organisatie." in involve


def test_conversation_step_shows_the_course_lesson_blocks_and_links_the_lesson(client, org, loaded, member_factory):
    from cms.services import course_load

    course_load()
    client.force_login(member_factory(org, Role.LEARNER).user)
    conversation = walk_to_end(client, org)[4]
    assert conversation.context["walk"].screen == "gesprek"
    html = conversation.content.decode()
    lesson_url = reverse(
        "training:lesson",
        kwargs={"org_slug": org.slug, "module_slug": "het-gesprek", "lesson_slug": "vragen-die-je-stelt"},
    )
    assert f'href="{lesson_url}"' in html
    assert "block-questions" in html and "block-dialogue" in html
    # Only the chosen blocks: no knowledge check of the lesson.
    assert "knowledge" not in html
    assert client.get(lesson_url).status_code == 200


def test_conversation_step_without_the_course_shows_the_fallback(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    html = walk_to_end(client, org)[4].content.decode()
    assert "Meer over het gesprek in de training" in html
    assert reverse("training:library", kwargs={"org_slug": org.slug}) in html


def test_the_conversation_advice_keeps_the_guard_rails(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    html = walk_to_end(client, org)[4].content.decode()
    assert "Beloof niet dat je het aan niemand vertelt" in html
    assert "Spreek de persoon die je verdenkt niet zelf aan" in html
    assert "Bekijk ze niet, bewaar ze niet en stuur ze niet door" in html


def _table_counts() -> dict[str, int]:
    with scopes_disabled():
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_walking_writes_nothing_but_the_monthly_counts(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    client.get(_url(org))  # the first page of the organisation puts its slug in the session
    before = _table_counts()
    with scopes_disabled():
        sessions_before = {s.session_key: s.session_data for s in apps.get_model("sessions", "Session").objects.all()}
    responses = walk_to_end(client, org, signals=("teruggetrokken", "niet-meer-leven"), urgent=("zelfbeschadiging",))
    assert _screens(responses)[-1] == "verder"
    after = _table_counts()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    assert changed == {"signalenwijzer.WalkCount": (0, 1)}
    with scopes_disabled():
        sessions_after = {s.session_key: s.session_data for s in apps.get_model("sessions", "Session").objects.all()}
        assert sessions_after == sessions_before  # no answer parked in the session either
        row = WalkCount.objects.get()
    assert (row.organisation_id, row.started, row.finished, row.signalled) == (org.pk, 1, 1, 0)


def test_going_back_and_forth_counts_a_walk_once(client, org, loaded, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org)
    back = next_screen(client, org, responses[-1], [], go="terug")
    forward = next_screen(client, org, back, [])
    assert forward.context["walk"].screen == "verder"
    with scopes_disabled():
        row = WalkCount.objects.get()
    assert (row.started, row.finished) == (1, 1)
    again = next_screen(client, org, forward, [], go="opnieuw")
    assert again.context["walk"].screen == "start"
    walk_to_end(client, org)
    with scopes_disabled():
        row.refresh_from_db()
    assert (row.started, row.finished) == (2, 2)


def test_signal_melden_carries_the_ticked_signals_into_the_signal_form(client, org, loaded, member_factory):
    from referrals.models import Case

    client.force_login(member_factory(org, Role.LEARNER).user)
    end = walk_to_end(client, org, signals=("telefoon", "beelden-rond"), urgent=("geen",))[-1]
    fields = form_fields(end.content.decode(), form_class="none")
    assert ("voorinvullen", "signalenwijzer") in fields
    response = client.post(
        _url(org, "signalenwijzer:handoff"), urlencode(fields), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 307
    assert response["Location"] == reverse("cases:case_raise", kwargs={"org_slug": org.slug})
    form_page = client.post(response["Location"], urlencode(fields), content_type="application/x-www-form-urlencoded")
    assert form_page.status_code == 200
    form = form_page.context["form"]
    assert not form.is_bound  # a proposal to edit, no errors shown
    assert "Is geheimzinnig met de telefoon, of schrikt als die trilt" in form.initial["signal"]
    assert "Anderen zeggen dat er een foto of filmpje rondgaat in een groep" in form.initial["signal"]
    html = form_page.content.decode()
    assert "Er is nog niets opgeslagen." in html
    assert "Is geheimzinnig met de telefoon" in html  # in the textarea, to edit
    with scopes_disabled():
        assert Case.objects.count() == 0
        assert WalkCount.objects.get().signalled == 1
    # The member edits the text and sends it: the existing service stores it.
    saved = client.post(
        response["Location"], {"pseudonym": "Vos", "signal": form.initial["signal"] + "\nIk sprak haar vandaag."}
    )
    assert saved.status_code == 302
    with scopes_disabled():
        case = Case.objects.get()
        assert case.organisation_id == org.pk
        assert "Is geheimzinnig met de telefoon" in case.signal
        assert case.events.filter(kind="opened").exists()


def test_signal_melden_is_only_offered_to_who_may_raise_a_signal(client, loaded, member_factory):
    from tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory()
    member = member_factory(municipality, Role.MUNICIPAL_COORDINATOR)
    client.force_login(member.user)
    end = walk_to_end(client, municipality)[-1].content.decode()
    assert "signalenwijzer/melden/" not in end
    assert client.post(_url(municipality, "signalenwijzer:handoff"), {"s": "geld"}).status_code == 403


def test_another_organisation_s_walk_is_a_404(client, org, other_org, loaded, member_factory):
    client.force_login(member_factory(other_org, Role.LEARNER).user)
    assert client.get(_url(org)).status_code == 404
    assert client.post(_url(org), {"stap": "start", "ga": "verder"}).status_code == 404
    assert client.post(_url(org, "signalenwijzer:handoff"), {}).status_code == 404
    with scopes_disabled():
        assert not WalkCount.objects.exists()


def test_a_screen_reads_in_the_same_number_of_queries_with_many_signals(client, org, loaded, member_factory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from signalenwijzer.models import WalkSignal

    client.force_login(member_factory(org, Role.LEARNER).user)
    url = _url(org)
    client.get(url)
    back_to_signals = urlencode([("stap", "zekerheid"), ("teller", "gestart"), ("s", "geld"), ("ga", "terug")])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, back_to_signals, content_type="application/x-www-form-urlencoded")
        assert response.context["walk"].screen == "signalen"
        return len(captured)

    few = queries()
    WalkSignal.objects.bulk_create(
        WalkSignal(key=f"extra-{n}", group="online", text=f"Extra signaal {n}", why="Omdat.") for n in range(40)
    )
    assert queries() == few


def test_the_editors_order_of_steps_is_the_walk_s_order(client, org, loaded, member_factory):
    from signalenwijzer.models import WalkSignal, WalkStep

    WalkStep.objects.filter(key="gesprek").update(sort_order=5)  # the conversation first
    WalkStep.objects.filter(key="verder").update(sort_order=1)  # 'Wat nu?' stays last anyway
    WalkSignal.objects.filter(key="geld").update(is_active=False)
    client.force_login(member_factory(org, Role.LEARNER).user)
    responses = walk_to_end(client, org)
    assert _screens(responses) == ["start", "gesprek", "signalen", "zekerheid", "urgentie", "betrekken", "verder"]
    assert 'value="geld"' not in responses[2].content.decode()
