"""Wagtail search over the library and the takedown guides (database backend)."""

from __future__ import annotations

import io

from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from cms.models import LessonPage, ModulePage, TakedownGuide
from tests.cms.factories import TakedownGuideFactory


def test_update_index_runs_clean_and_finds_content(library):
    TakedownGuideFactory(slug="tiktok", platform="TikTok", summary="Zo meld je een filmpje bij TikTok.")
    output = io.StringIO()

    call_command("update_index", stdout=output, stderr=output)

    assert "Error" not in output.getvalue()
    assert list(LessonPage.objects.live().search("overkomen")) == [LessonPage.objects.get()]
    assert list(ModulePage.objects.live().search("herkennen")) == [ModulePage.objects.get()]
    backend = get_search_backend()
    assert [g.slug for g in backend.search("filmpje", TakedownGuide)] == ["tiktok"]
    assert [g.slug for g in backend.autocomplete("TikT", TakedownGuide)] == ["tiktok"]
    assert list(ModulePage.objects.live().filter(audience="all").search("bedreiging")) == [ModulePage.objects.get()]
