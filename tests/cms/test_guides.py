"""Takedown guides for members: the list and one guide per platform. Guides are
national (the same for every organisation), but are only shown inside an
organisation the user belongs to."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.roles import Role
from tests.cms.factories import TakedownGuideFactory

NOT_FOUND_TEXT = "Deze pagina bestaat niet"


def list_url(organisation):
    return reverse("cms:guide_list", kwargs={"org_slug": organisation.slug})


def detail_url(organisation, slug):
    return reverse("cms:guide_detail", kwargs={"org_slug": organisation.slug, "guide_slug": slug})


@pytest.fixture
def member(org, member_factory):
    return member_factory(org, Role.LEARNER)


def test_list_shows_every_guide(org, member, login_as):
    TakedownGuideFactory(slug="tiktok", platform="TikTok", works_with_stopncii=True)
    TakedownGuideFactory(slug="instagram", platform="Instagram")
    client = login_as(member)

    response = client.get(list_url(org))

    assert response.status_code == 200
    text = response.text
    assert text.index("Instagram") < text.index("TikTok")  # alphabetical
    assert detail_url(org, "tiktok") in text
    assert "Werkt samen met StopNCII" in text


def test_detail_shows_the_whole_guide(org, member, login_as):
    TakedownGuideFactory(
        slug="tiktok",
        platform="TikTok",
        account_needed=True,
        account_note="Log in met het account dat het bericht kreeg.",
        language_notes="Het formulier is in het Engels.",
        works_with_stopncii=True,
    )
    client = login_as(member)

    response = client.get(detail_url(org, "tiktok"))

    assert response.status_code == 200
    text = response.text
    assert "Offline halen bij TikTok" in text
    assert "Bewaar eerst dit bewijs" in text
    assert "Maak een screenshot met de datum erop" in text
    # The steps are an ordered list, in order.
    steps = text.split('class="guide-steps__list"', 1)[1].split("</ol>", 1)[0]
    assert steps.index("Open het bericht") < steps.index("Kies Melden")
    assert steps.count("<li") == 2
    assert 'href="https://example.org/melden"' in text
    assert "Log in met het account dat het bericht kreeg." in text
    assert "Het formulier is in het Engels." in text
    assert "werkt samen met StopNCII" in text
    assert reverse("cms:guide_list", kwargs={"org_slug": org.slug}) in text


def test_detail_without_stopncii(org, member, login_as):
    TakedownGuideFactory(slug="x", platform="X", works_with_stopncii=False)
    response = login_as(member).get(detail_url(org, "x"))
    assert "werkt niet samen met StopNCII" in response.text


def test_unknown_slug_is_404(org, member, login_as):
    TakedownGuideFactory(slug="tiktok")
    response = login_as(member).get(detail_url(org, "bestaat-niet"))
    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.text


def test_empty_list(org, member, login_as):
    response = login_as(member).get(list_url(org))
    assert response.status_code == 200
    assert "nog geen handleidingen" in response.text


def test_other_organisations_slug_is_404(org, other_org, member, login_as):
    """Guides are national, but only reachable inside one's own organisation."""
    TakedownGuideFactory(slug="tiktok")
    client = login_as(member)
    for path in (list_url(other_org), detail_url(other_org, "tiktok")):
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code == 404, f"{method} {path}"
            assert NOT_FOUND_TEXT in response.text


def test_anonymous_is_sent_to_login(org):
    TakedownGuideFactory(slug="tiktok")
    response = Client().get(detail_url(org, "tiktok"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def _list_queries(client, organisation):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(list_url(organisation))
    assert response.status_code == 200
    return len(queries), response.text.count('class="portal-card"')


def test_list_query_count_does_not_grow(org, member, login_as):
    client = login_as(member)
    client.get(list_url(org))  # the first request also writes the session
    for n in range(2):
        TakedownGuideFactory(slug=f"platform-{n}", platform=f"Platform {n}")
    few, shown = _list_queries(client, org)
    assert shown == 2
    for n in range(2, 20):
        TakedownGuideFactory(slug=f"platform-{n}", platform=f"Platform {n}")
    many, shown = _list_queries(client, org)
    assert shown == 20
    assert many == few <= 7  # incl. the unread-notification count in the header


@pytest.mark.django_db
def test_every_lesson_block_can_be_previewed_in_the_admin():
    """Each block in the lesson stream has a full Meta, including a preview value."""
    from cms.blocks import LessonStreamBlock
    from tests.cms.factories import TakedownGuideFactory

    TakedownGuideFactory(slug="instagram", platform="Instagram")
    for name, block in LessonStreamBlock().child_blocks.items():
        assert block.meta.icon and block.meta.template and block.meta.description, name
        value = block.get_preview_value()
        assert value is not None, name
        html = block.render(value, context={})
        assert html.strip(), name


# --- second edition: the English report text, the age that counts, help per country -----


def test_detail_shows_the_english_report_text_under_a_dutch_heading(org, member, login_as):
    text_en = "Hello,\nI am reporting intimate images shared without consent.\n- Link: [link]"
    TakedownGuideFactory(slug="snapchat", platform="Snapchat", report_text_en=text_en)

    response = login_as(member).get(detail_url(org, "snapchat"))

    section = response.text.split('class="guide-report-text"', 1)[1].split("</section>", 1)[0]
    assert "Kant-en-klare meldtekst in het Engels" in section
    assert '<pre class="guide-report-text__text" lang="en"' in section
    assert "I am reporting intimate images shared without consent.\n- Link: [link]" in section


def test_detail_without_an_english_text_shows_no_such_section(org, member, login_as):
    TakedownGuideFactory(slug="instagram", platform="Instagram")
    response = login_as(member).get(detail_url(org, "instagram"))
    assert "guide-report-text" not in response.text


def test_the_stopncii_sentence_counts_the_age_when_the_images_were_made(org, member, login_as):
    TakedownGuideFactory(slug="tiktok", platform="TikTok", works_with_stopncii=True)
    text = login_as(member).get(detail_url(org, "tiktok")).text
    assert "18 jaar of ouder toen de beelden gemaakt werden" in text
    assert "niet om de leeftijd nu" in text
    # The evidence box warns against screenshots of images of a minor.
    evidence = text.split('class="guide-evidence', 1)[1].split("</section>", 1)[0]
    assert "Maak dan geen screenshot van het beeld" in evidence


@pytest.mark.parametrize(
    ("country", "own", "foreign"),
    [
        ("NL", ["HelpWanted", "Offlimits", "0900-8844"], ["Child Focus", "IGVM", "politiezone"]),
        ("BE", ["Child Focus", "IGVM", "politiezone"], ["HelpWanted", "Offlimits", "0900-8844"]),
    ],
)
def test_help_in_your_country_names_only_your_countrys_organisations(member_factory, login_as, country, own, foreign):
    from tests.factories import MunicipalityFactory, SchoolFactory

    school = SchoolFactory(parent=MunicipalityFactory(country=country))
    TakedownGuideFactory(slug="instagram", platform="Instagram")

    text = login_as(member_factory(school, Role.LEARNER)).get(detail_url(school, "instagram")).text

    help_section = text.split('class="guide-help"', 1)[1].split("</section>", 1)[0]
    assert "Hulp in jouw land" in help_section
    for name in own:
        assert name in help_section, name
    for name in foreign:
        assert name not in text, name
    assert "Voor Nederland" not in help_section and "Voor België" not in help_section
