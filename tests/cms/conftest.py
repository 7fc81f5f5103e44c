"""Fixtures for the CMS suites: the page tree from ``setup_cms``, the library with
one module and lesson, content editors, organisation pages and takedown guides."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from cms.models import LessonPage, ModulePage, OrganisationsIndexPage, TrainingLibraryPage
from cms.setup import setup_cms
from portal.models import Country
from tests.cms.factories import TakedownGuideFactory
from tests.cms.helpers import build_organisation_page, make_editor
from tests.factories import PlatformFactory


@pytest.fixture
def platform_org(db):
    return PlatformFactory(name="Platform", slug="platform", country=Country.NL)


@pytest.fixture
def cms_tree(org, other_org):
    """The index and a section for ``org`` and ``other_org``, groups and permissions."""
    setup_cms()
    return OrganisationsIndexPage.objects.get()


@pytest.fixture
def library(cms_tree):
    """The national library with one module and one lesson (``setup_cms`` ran again)."""
    library = TrainingLibraryPage(title="Trainingen", slug="trainingen")
    Page.objects.get(depth=1).add_child(instance=library)
    module = ModulePage(title="Online bedreiging herkennen", slug="herkennen", intro="<p>Intro</p>")
    library.add_child(instance=module)
    lesson = LessonPage(
        title="Wat is online bedreiging?",
        slug="wat-is-het",
        body=[{"type": "text", "value": "<p>Online bedreiging kan iedereen overkomen.</p>"}],
    )
    module.add_child(instance=lesson)
    setup_cms()
    return library


@pytest.fixture
def editor_factory(db):
    return make_editor


@pytest.fixture
def page_factory(db):
    return build_organisation_page


@pytest.fixture
def guide_factory(db):
    return TakedownGuideFactory
