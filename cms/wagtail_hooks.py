from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import TakedownGuide


class TakedownGuideViewSet(SnippetViewSet):
    model = TakedownGuide
    icon = "link"
    menu_label = _("Handleidingen offline halen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["platform", "slug", "account_needed", "works_with_stopncii"]
    search_fields = ["platform", "summary"]


register_snippet(TakedownGuideViewSet)
