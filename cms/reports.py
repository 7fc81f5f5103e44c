"""The Wagtail site-history report, fenced by organisation.

Wagtail's own report (``LogEntriesView``) shows a content editor every log entry of
a model they hold any permission for: the names of other organisations' images and
documents, and the editors who uploaded them. Wagtail has no hook to narrow it, so
``portal.urls`` mounts ``SiteHistoryView`` at the same addresses, ahead of the
``cms/`` include (Wagtail's own names still reverse to them). The rows, the CSV and
Excel exports, and the filter choices (users, types, actions) all come from
``fenced_log_entries``:

* page entries only of pages in the editor's own areas (``cms.permissions``);
* image and document entries only of those in the editor's own collections;
* other model entries only of models on ``NATIONAL_MODELS`` (content every editor
  shares, still subject to Wagtail's own permission check); anything else, and any
  log model Wagtail adds later, is hidden from editors until it is fenced here.

Platform administrators (superusers) see everything.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.models.audit_log import LogEntryQuerySet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.models import TakedownGuide
from cms.permissions import editor_scope

# Models whose log entries every editor with a permission on them may read: national
# content, not any organisation's.
NATIONAL_MODELS = (TakedownGuide,)


def fence_log_entries(entries: LogEntryQuerySet, user: AbstractBaseUser | AnonymousUser) -> LogEntryQuerySet:
    """``entries`` (of one log model) without those of other organisations'
    pages, images and documents. Wagtail's ``viewable_by_user`` has already applied
    its own checks; this only narrows."""
    scope = editor_scope(user)
    if scope.is_superuser:
        return entries
    if issubclass(entries.model, PageLogEntry):
        own_pages = Q(pk__in=[])
        for area in scope.areas:
            own_pages |= Q(page__path__startswith=area.path)
        return entries.filter(own_pages)
    if issubclass(entries.model, ModelLogEntry):
        content_types = ContentType.objects.get_for_models(*NATIONAL_MODELS).values()
        kept = Q(content_type__in=[content_type.pk for content_type in content_types])
        for model in (get_image_model(), get_document_model()):
            own = model.objects.filter(collection__in=scope.collections).values_list(
                Cast("pk", output_field=CharField()), flat=True
            )
            kept |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=own)
        return entries.filter(kept)
    return entries.none()


def fenced_log_entries(user: AbstractBaseUser | AnonymousUser) -> Iterator[LogEntryQuerySet]:
    """For every registered log model, the entries ``user`` may see in the report."""
    for log_model in log_action_registry.get_log_entry_models():
        yield fence_log_entries(log_model.objects.viewable_by_user(user), user)


def _content_types(request) -> QuerySet[ContentType]:
    ids = set().union(*(entries.get_content_type_ids() for entries in fenced_log_entries(request.user)))
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """Wagtail's filters, with choices drawn from the fenced entries only."""

    object_type = ContentTypeFilter(label=_("Type"), method="filter_object_type", queryset=_content_types)

    def get_action_choices(self):
        actions = set().union(*(entries.get_actions() for entries in fenced_log_entries(self.request.user)))
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_users_queryset(self):
        # Wagtail's own asks every page log entry, of every section.
        ids = set().union(*(entries.get_user_ids() for entries in fenced_log_entries(self.request.user)))
        user_model = get_user_model()
        return user_model.objects.filter(pk__in=ids).order_by(user_model.USERNAME_FIELD)


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet

    def filter_queryset(self, queryset):
        # Wagtail calls this once per log model, on that model's entries.
        return fence_log_entries(super().filter_queryset(queryset), self.request.user)


# Mounted at /cms/reports/ by portal.urls, decorated as Wagtail decorates its admin.
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("site-history/", SiteHistoryView.as_view()),
            path("site-history/results/", SiteHistoryView.as_view(results_only=True)),
        ],
        require_admin_access,
    ),
    never_cache,
)
