"""The Signalenwijzer's national content in the Wagtail admin: its steps, signals
and the help per country, as snippets under one menu item. Platform editors get
their permissions from ``services.signalenwijzer_load``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from signalenwijzer.models import WalkGuidance, WalkSignal, WalkStep


class WalkStepViewSet(SnippetViewSet):
    model = WalkStep
    icon = "list-ol"
    menu_label = _("Stappen")
    list_display = ["title", "key", "sort_order"]
    ordering = ["sort_order"]
    panels = [FieldPanel("key", read_only=True), FieldPanel("title"), FieldPanel("intro"), FieldPanel("sort_order")]


class WalkSignalViewSet(SnippetViewSet):
    model = WalkSignal
    icon = "tick"
    menu_label = _("Signalen")
    list_display = ["text", "group", "sort_order", "is_active"]
    list_filter = ["group", "is_active"]
    search_fields = ["text", "why"]
    ordering = ["sort_order"]


class WalkGuidanceViewSet(SnippetViewSet):
    model = WalkGuidance
    icon = "help"
    menu_label = _("Hulp per land")
    list_display = ["title", "key", "country", "audience", "phone"]
    list_filter = ["country", "audience", "key"]
    search_fields = ["title", "text"]


class SignalenwijzerGroup(SnippetViewSetGroup):
    items = (WalkStepViewSet, WalkSignalViewSet, WalkGuidanceViewSet)
    menu_icon = "help"
    menu_label = _("Signalenwijzer")
    menu_name = "signalenwijzer"
    menu_order = 210


register_snippet(SignalenwijzerGroup)
