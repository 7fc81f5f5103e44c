"""Platform editors edit the Signalenwijzer's steps, signals and help in Wagtail;
an organisation's own editors do not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.setup import setup_cms
from portal.models import Country
from signalenwijzer.models import WalkSignal, WalkStep
from signalenwijzer.services import signalenwijzer_load
from tests.cms.helpers import make_editor
from tests.factories import PlatformFactory

pytestmark = pytest.mark.django_db

LISTS = ("walkstep", "walksignal", "walkguidance")


@pytest.fixture
def platform_org(db):
    return PlatformFactory(name="Platform", slug="platform", country=Country.NL)


def test_a_platform_editor_edits_a_signal_and_a_step(client, platform_org):
    setup_cms()
    signalenwijzer_load()
    client.force_login(make_editor(platform_org).user)
    for model in LISTS:
        assert client.get(reverse(f"wagtailsnippets_signalenwijzer_{model}:list")).status_code == 200, model
    signal = WalkSignal.objects.get(key="geld")
    edit = reverse("wagtailsnippets_signalenwijzer_walksignal:edit", args=[signal.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "key": "geld",
            "group": "online",
            "text": "Heeft opeens veel geld",
            "why": "Eigen uitleg.",
            "points_to": "",
            "sort_order": 5,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    signal.refresh_from_db()
    assert signal.text == "Heeft opeens veel geld"
    # The loader keeps the edit.
    assert "signaal in de Signalenwijzer: geld" in signalenwijzer_load().skipped
    step = WalkStep.objects.get(key="zekerheid")
    step_edit = reverse("wagtailsnippets_signalenwijzer_walkstep:edit", args=[step.pk])
    assert client.get(step_edit).status_code == 200
    response = client.post(step_edit, {"title": "Hoe zeker ben jij?", "intro": "", "sort_order": 5})
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.key, step.title, step.sort_order) == ("zekerheid", "Hoe zeker ben jij?", 5)


def test_an_organisation_s_editor_may_not(client, org):
    setup_cms()
    signalenwijzer_load()
    client.force_login(make_editor(org).user)
    for model in LISTS:
        response = client.get(reverse(f"wagtailsnippets_signalenwijzer_{model}:list"))
        assert response.status_code in (302, 403), model
