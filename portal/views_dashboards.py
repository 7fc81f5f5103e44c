"""The dashboard at ``/o/<org_slug>/dashboard/``: one URL, the page that fits the member.

* A case handler (``Action.CASE_HANDLE``) sees their own open work.
* An intake worker of a partner (``Action.REFERRAL_RECEIVE``) sees counts of the
  referrals the organisation received, with filters in the URL
  (``?van=YYYY-MM-DD&tot=YYYY-MM-DD&status=<status>``) and small numbers suppressed.
* Anyone else goes to "Mijn training", where the learner's overview lives.

Each table downloads as CSV or XLSX with ``?format=csv|xlsx&table=<name>``
(``portal.exports.download``: Dutch headers, the date in the file name, the same
suppression as on the page). A bad filter or a bad download request gives the
page with a message, never an error page.

Reads go through ``reporting.dashboards``, and for the partner through the rollup of
received referrals (``reporting.selectors.partner_rollup_dashboard``: up to 5 minutes
old, the page says when it was made); no victim data reaches these pages. The
view is wrapped in ``case_page`` in ``urls_dashboards.py`` (no caching).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from portal.exports import Rows, download
from portal.forms import DateRangeMixin, PortalForm, date_field
from portal.navigation import DashboardKind, dashboard_kind
from referrals.models import Referral
from reporting import dashboards
from reporting.charts import BarChart
from reporting.selectors import partner_rollup_dashboard
from reporting.suppression import HIDDEN, SMALL

# Rows per list on the case handler's page: the page stays small whatever the workload.
HANDLER_PAGE_ROWS = 50


class PartnerFilterForm(DateRangeMixin, PortalForm):
    """The partner dashboard's filters, from the URL. Invalid: the view shows
    every referral and says why."""

    van = date_field(gettext_lazy("Verstuurd vanaf"), gettext_lazy("Bijvoorbeeld 2026-01-31."))
    tot = date_field(gettext_lazy("Verstuurd tot en met"), gettext_lazy("Bijvoorbeeld 2026-12-31."))
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", gettext_lazy("Alle")),
            *((value, label) for value, label in Referral.Status.choices if value in dashboards.FILTER_STATUSES),
        ]

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    def filters(self) -> dashboards.PartnerFilters:
        """The filters to apply; none when the form is invalid."""
        if not self.is_filtering or not self.is_valid():
            return dashboards.PartnerFilters()
        data = self.cleaned_data
        return dashboards.PartnerFilters(start=data["van"], end=data["tot"], status=data["status"])

    def query(self) -> str:
        """The valid filters as a query string, for the download links."""
        filters = self.filters()
        values = {
            "van": filters.start.isoformat() if filters.start else "",
            "tot": filters.end.isoformat() if filters.end else "",
            "status": filters.status,
        }
        return urlencode({name: value for name, value in values.items() if value})


# --- Downloads ---------------------------------------------------------------------------


def _counted_rows(cells: Sequence[tuple[Any, Any]], labels: dict[Any, Any]) -> list[list[Any]]:
    return [[labels.get(key, key), shown] for key, shown in cells]


# --- The page ----------------------------------------------------------------------------


@require_GET
def dashboard(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The page that fits the member: platform, municipal, organisation coordinator's
    (``reporting.views``), partner's or case handler's dashboard, else "Mijn training"."""
    from reporting import views as reporting_views

    kind = dashboard_kind(request.membership, request.organisation)  # type: ignore[attr-defined]
    if kind == DashboardKind.PLATFORM:
        return reporting_views.platform_dashboard(request)
    if kind == DashboardKind.MUNICIPAL:
        return reporting_views.municipal_dashboard(request)
    if kind == DashboardKind.ORGANISATION:
        return reporting_views.organisation_dashboard(request)
    if kind == DashboardKind.PARTNER:
        return _partner(request)
    if kind == DashboardKind.CASE_HANDLER:
        return _case_handler(request)
    return redirect("training:my_training", org_slug=org_slug)


def _case_handler(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    data = dashboards.handler_dashboard(request.user, country=organisation.country)  # type: ignore[arg-type]
    waiting_chart = BarChart(
        chart_id="wachttijden",
        table="wachttijden",
        caption=_("Hoe lang je doorverwijzingen al wachten op bevestiging"),
        label_header=_("Wachttijd"),
        value_header=_("Aantal doorverwijzingen"),
        rows=tuple(data.waiting_buckets),
    )
    tables: dict[str, Callable[[], Rows]] = {
        "casussen": lambda: (
            [_("Kenmerk"), _("Geopend op"), _("Dagen open")],
            [[c.reference, c.opened_on, c.days_open] for c in data.open_cases],
        ),
        "nazorg": lambda: (
            [_("Kenmerk"), _("Datum"), _("Dag na het openen")],
            [[f.reference, timezone.localdate(f.due_at), f.day] for f in data.follow_ups],
        ),
        "taken": lambda: (
            [_("Taak"), _("Kenmerk"), _("Uiterlijk op"), _("Dagen te laat")],
            [[t.title, t.reference, t.due_on, t.days_late] for t in data.overdue_tasks],
        ),
        "doorverwijzingen": lambda: (
            [_("Kenmerk"), _("Naar"), _("Verstuurd op"), _("Werkdagen gewacht")],
            [
                [r.reference, r.destination_label, timezone.localdate(r.sent_at), r.working_days]
                for r in data.waiting_referrals
            ],
        ),
        "wachttijden": lambda: (
            [_("Wachttijd"), _("Aantal doorverwijzingen")],
            [[str(label), count] for label, count in data.waiting_buckets],
        ),
    }
    response, export_error = download(request, tables)
    if response is not None:
        return response
    return render(
        request,
        "portal/dashboards/case_handler.html",
        {
            "dashboard": data,
            "waiting_chart": waiting_chart,
            "export_error": export_error,
            "export_query": "",
            # Each list shows its first rows; its download holds all of them.
            "page_rows": HANDLER_PAGE_ROWS,
            "page_slice": f":{HANDLER_PAGE_ROWS}",
        },
    )


def _partner(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    form = PartnerFilterForm(request.GET)
    bad_filter = form.is_filtering and not form.is_valid()
    filters = form.filters()
    # The rollup per partner and day, for the organisation TenantMiddleware let through
    # (live only before the rollups were ever built).
    data = partner_rollup_dashboard(partner_id=organisation.pk, country=organisation.country, filters=filters)
    outcome_labels = {value: dashboards.outcome_label(value) for value, _shown in data.outcomes.cells}
    outcomes_chart = BarChart(
        chart_id="uitkomsten",
        table="uitkomsten",
        caption=_("Uitkomsten van afgesloten doorverwijzingen"),
        label_header=_("Uitkomst"),
        value_header=_("Aantal doorverwijzingen"),
        rows=tuple((outcome_labels[key], shown) for key, shown in data.outcomes.cells),
        total_label=_("Totaal afgesloten"),
        total=data.outcomes.total,
    )
    waiting_chart = BarChart(
        chart_id="wachttijden",
        table="wachttijden",
        caption=_("Hoe lang de doorverwijzingen die nog wachten, al wachten"),
        label_header=_("Wachttijd tot nu"),
        value_header=_("Aantal doorverwijzingen"),
        rows=tuple((dashboards.BUCKET_LABELS[key], shown) for key, shown in data.waiting_times.cells),
        total_label=_("Totaal wachtend"),
        total=data.waiting_times.total,
    )
    tables: dict[str, Callable[[], Rows]] = {
        "bevestiging": lambda: (
            [_("Bevestiging"), _("Aantal doorverwijzingen")],
            [
                *_counted_rows(data.acknowledgement.cells, dashboards.ACKNOWLEDGEMENT_LABELS),
                [_("Totaal ontvangen"), data.received],
            ],
        ),
        "wachttijden": lambda: (
            [_("Wachttijd tot nu"), _("Aantal doorverwijzingen")],
            [
                *_counted_rows(data.waiting_times.cells, dashboards.BUCKET_LABELS),
                [_("Totaal wachtend"), data.waiting_times.total],
            ],
        ),
        "uitkomsten": lambda: (
            [_("Uitkomst"), _("Aantal doorverwijzingen")],
            [*_counted_rows(data.outcomes.cells, outcome_labels), [_("Totaal afgesloten"), data.outcomes.total]],
        ),
    }
    export_error = ""
    if not bad_filter:
        response, export_error = download(request, tables)
        if response is not None:
            return response
    acknowledgement_rows = [
        (dashboards.ACKNOWLEDGEMENT_LABELS[key], shown) for key, shown in data.acknowledgement.cells
    ]
    return render(
        request,
        "portal/dashboards/partner.html",
        {
            "form": form,
            "bad_filter": bad_filter,
            "filtering": filters.active,
            "status_filtered": bool(filters.status),
            "dashboard": data,
            "acknowledgement_rows": acknowledgement_rows,
            "outcomes_chart": outcomes_chart,
            "waiting_chart": waiting_chart,
            "any_suppressed": any(
                table.any_suppressed for table in (data.acknowledgement, data.waiting_times, data.outcomes)
            ),
            "in_time_days": dashboards.IN_TIME_WORKING_DAYS,
            "export_error": export_error,
            "export_query": form.query(),
            "small": SMALL,
            "hidden": HIDDEN,
        },
    )
