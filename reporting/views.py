"""The dashboard at ``/o/<org_slug>/dashboard/``: one URL, the page that fits the member
(``dashboard``, below; ``portal.navigation.dashboard_kind`` decides which).

* A platform administrator, a municipal coordinator and a school's or club's coordinator
  see the area dashboards: ``platform_dashboard``, ``municipal_dashboard``,
  ``organisation_dashboard``. They read ``reporting.selectors`` (rollups, refreshed
  every 5 minutes); filters live in the URL (``reporting.forms.DashboardFilterForm``).
* An intake worker of a partner (``Action.REFERRAL_RECEIVE``) sees counts of the
  referrals the organisation received, with filters in the URL
  (``?van=YYYY-MM-DD&tot=YYYY-MM-DD&status=<status>``, ``reporting.forms.PartnerFilterForm``),
  read from the rollup of received referrals
  (``reporting.selectors.partner_rollup_dashboard``: up to 5 minutes old, the page says
  when it was made).
* A case handler (``Action.CASE_HANDLE``) sees their own open work, read live
  (``reporting.dashboards.handler_dashboard``).
* Anyone else goes to "Mijn training", where the learner's overview lives.

Small numbers are suppressed on every page (``reporting.suppression``). Each table or
chart downloads as CSV or XLSX with ``?format=csv|xlsx&table=<name>``
(``portal.exports.download``: Dutch headers, the date in the file name, the same values
and suppression as on the page). A bad filter or a bad download request gives the page
with a message, never an error page; a bad filter is never downloaded. No victim data
reaches these pages.

Every view runs inside the organisation's scope and is wrapped in ``case_page`` in
``reporting/urls.py`` (never cached).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.exports import Rows, download
from portal.models import Organisation
from portal.navigation import DashboardKind, dashboard_kind
from portal.roles import Role
from portal.tenancy import TenantRequest
from referrals.cases.forms import FORM_LABELS
from referrals.selectors import active_rule_set
from reporting import dashboards, selectors
from reporting.charts import BarChart, Value
from reporting.forms import DashboardFilterForm, PartnerFilterForm
from reporting.selectors import AreaDashboard, Group, partner_rollup_dashboard
from reporting.suppression import HIDDEN, SMALL
from training.selectors import TrainingStatus, status_label, training_matrix

# --- The one URL ------------------------------------------------------------------------


@require_GET
def dashboard(request: TenantRequest, org_slug: str) -> HttpResponse:
    """The page that fits the member: platform, municipal, organisation coordinator's
    (below), partner's or case handler's dashboard, else "Mijn training"."""
    kind = dashboard_kind(request.membership, request.organisation)
    if kind == DashboardKind.PLATFORM:
        return platform_dashboard(request)
    if kind == DashboardKind.MUNICIPAL:
        return municipal_dashboard(request)
    if kind == DashboardKind.ORGANISATION:
        return organisation_dashboard(request)
    if kind == DashboardKind.PARTNER:
        return _partner(request)
    if kind == DashboardKind.CASE_HANDLER:
        return _case_handler(request)
    return redirect("training:my_training", org_slug=org_slug)


# --- The case handler's and the partner's dashboards --------------------------------------

# Rows per list on the case handler's page: the page stays small whatever the workload.
HANDLER_PAGE_ROWS = 50


def _counted_rows(cells: Sequence[tuple[Any, Any]], labels: dict[Any, Any]) -> list[list[Any]]:
    return [[labels.get(key, key), shown] for key, shown in cells]


def _case_handler(request: TenantRequest) -> HttpResponse:
    organisation = request.organisation
    data = dashboards.handler_dashboard(request.user, country=organisation.country)
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
        "reporting/dashboards/case_handler.html",
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


def _partner(request: TenantRequest) -> HttpResponse:
    organisation = request.organisation
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
        "reporting/dashboards/partner.html",
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


# --- The coordinator's, municipal and platform dashboards (rollups) ----------------------

PAGE_CACHE_PREFIX = "reporting:area-page:"


@dataclass(frozen=True)
class Table:
    """A table on the page and in its download: the same rows for both."""

    name: str
    caption: str
    header: list[str]
    rows: list[list[Any]]
    footer: list[Any] | None = None
    numeric_from: int = 1  # columns from this index are numbers (aligned right)

    def export(self) -> Rows:
        return [str(h) for h in self.header], [*self.rows, *([self.footer] if self.footer else [])]


@dataclass
class Page:
    charts: dict[str, BarChart] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)

    def downloads(self) -> dict[str, Callable[[], Rows]]:
        found: dict[str, Callable[[], Rows]] = {table.name: table.export for table in self.tables.values()}
        for name, chart in self.charts.items():
            found[name] = _chart_export(chart)
        return found


def _chart_export(chart: BarChart) -> Callable[[], Rows]:
    def build() -> Rows:
        rows: list[list[Value | None]] = [[str(label), value] for label, value in chart.rows]
        if chart.total_label:
            rows.append([str(chart.total_label), chart.total])
        return [str(chart.label_header), str(chart.value_header)], rows

    return build


def _month(month: date) -> str:
    return date_format(month, "F Y")


def _case_charts(page: Page, data: AreaDashboard) -> None:
    page.charts["trend"] = BarChart(
        chart_id="trend",
        table="trend",
        caption=_("Nieuwe casussen per maand"),
        label_header=_("Maand"),
        value_header=_("Aantal casussen"),
        rows=tuple((_month(month), shown) for month, shown in data.trend.cells),
        total_label=_("Totaal"),
        total=data.trend.total,
    )
    if data.statuses is not None:
        page.charts["status"] = BarChart(
            chart_id="status",
            table="status",
            caption=_("Casussen naar status"),
            label_header=_("Status"),
            value_header=_("Aantal casussen"),
            rows=tuple((dict(selectors.CASE_STATUSES)[key], shown) for key, shown in data.statuses.cells),
            total_label=_("Totaal"),
            total=data.statuses.total,
        )
    if data.forms is not None:
        page.charts["vormen"] = BarChart(
            chart_id="vormen",
            table="vormen",
            caption=_("Casussen per vorm van online geweld"),
            label_header=_("Vorm"),
            value_header=_("Aantal casussen"),
            rows=tuple((FORM_LABELS.get(key, key), shown) for key, shown in data.forms.cells),
        )


def _referral_charts(page: Page, data: AreaDashboard) -> None:
    page.tables["bevestiging"] = Table(
        name="bevestiging",
        caption=_("Doorverwijzingen naar bevestiging door de partner"),
        header=[_("Bevestiging"), _("Aantal doorverwijzingen")],
        rows=[[str(dashboards.ACKNOWLEDGEMENT_LABELS[k]), v] for k, v in data.acknowledgement.cells],
        footer=[_("Totaal verstuurd"), data.acknowledgement.total],
    )
    page.charts["wachttijden"] = BarChart(
        chart_id="wachttijden",
        table="wachttijden",
        caption=_("Hoe lang de doorverwijzingen die nog wachten, al wachten"),
        label_header=_("Wachttijd tot nu"),
        value_header=_("Aantal doorverwijzingen"),
        rows=tuple((dashboards.BUCKET_LABELS[key], shown) for key, shown in data.waiting_times.cells),
        total_label=_("Totaal wachtend"),
        total=data.waiting_times.total,
    )
    if data.destinations is not None:
        page.charts["partners"] = BarChart(
            chart_id="partners",
            table="partners",
            caption=_("Doorverwijzingen per organisatie waarnaar is doorverwezen"),
            label_header=_("Doorverwezen naar"),
            value_header=_("Aantal doorverwijzingen"),
            rows=tuple((data.destination_labels.get(key, key), shown) for key, shown in data.destinations.cells),
            total_label=_("Totaal"),
            total=data.destinations.total,
        )
    if data.outcomes is not None:
        page.charts["uitkomsten"] = BarChart(
            chart_id="uitkomsten",
            table="uitkomsten",
            caption=_("Uitkomsten van afgesloten doorverwijzingen"),
            label_header=_("Uitkomst"),
            value_header=_("Aantal doorverwijzingen"),
            rows=tuple((dict(selectors.OUTCOMES)[key], shown) for key, shown in data.outcomes.cells),
            total_label=_("Totaal afgesloten"),
            total=data.outcomes.total,
        )


def _comparison(page: Page, data: AreaDashboard, *, group_header: str) -> None:
    rows = [[g.name, *values] for g, *values in data.group_rows()]
    page.tables["vergelijking"] = Table(
        name="vergelijking",
        caption=_("Vergelijking: casussen, doorverwijzingen en escalaties"),
        header=[group_header, _("Casussen"), _("Doorverwijzingen"), _("Geëscaleerd")],
        rows=rows,
    )
    page.tables["training"] = _training_table(
        "training", _("Training per organisatie"), group_header, data.training_by_group
    )
    page.tables["training_rollen"] = _training_table(
        "training-rollen", _("Training per rol"), _("Rol"), data.training_by_role
    )


def _training_table(name: str, caption: str, first: str, rows: list[selectors.TrainingRow]) -> Table:
    return Table(
        name=name,
        caption=caption,
        header=[first, _("Moeten de module doen"), _("Afgerond"), _("Percentage afgerond"), _("Te laat")],
        rows=[
            [r.label, r.assigned, r.completed, f"{r.percentage}%" if r.percentage is not None else "–", r.overdue]
            for r in rows
        ],
    )


def _destinations() -> list[tuple[str, str]]:
    rule_set = active_rule_set()
    seen = {d.code: d.label for d in rule_set.destinations.values() if d.kind == "referral"}
    return sorted(seen.items(), key=lambda item: item[1].lower())


def _export_start_url(organisation: Organisation) -> str:
    try:
        return reverse("dashboards:export_start", kwargs={"org_slug": organisation.slug})
    except NoReverseMatch:
        return ""


def _context(
    request: TenantRequest,
    *,
    form: DashboardFilterForm,
    data: AreaDashboard,
    page: Page,
    extra: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], HttpResponse | None]:
    """The template's context, or the download asked for with ``?format=&table=``."""
    export_error = ""
    if not form.bad_filter:
        response, export_error = download(request, page.downloads())
        if response is not None:
            return {}, response
    context = {
        "form": form,
        "bad_filter": form.bad_filter,
        "filtering": form.is_filtering and not form.bad_filter,
        "dashboard": data,
        "charts": page.charts,
        "tables": page.tables,
        "export_error": export_error,
        "export_query": form.query(),
        "small": SMALL,
        "hidden": HIDDEN,
        "in_time_days": dashboards.IN_TIME_WORKING_DAYS,
        "first_month": data.months[0],
        "last_month": data.months[-1],
        **(extra or {}),
    }
    return context, None


def _area_shell(request: TenantRequest, body: str, level: str) -> HttpResponse:
    """The site's page around the dashboard's content (rendered here, or from the cache)."""
    return render(request, "reporting/area.html", {"body": mark_safe(body), "level": level})  # noqa: S308


def _area_page(
    request: TenantRequest,
    *,
    level: str,
    form: DashboardFilterForm,
    destinations: list[tuple[str, str]],
    groups: list[Group],
    group_by: str,
    group_header: str,
    municipality_id: int | None = None,
) -> HttpResponse:
    """The municipal or platform dashboard. Its content (everything below the site's
    header) is rendered once per rollup rebuild and kept in the cache: it holds only
    counts from the rollups, the filter form and labels, so it cannot change until the
    rollups do. The key holds the rebuild (``RollupState``), the level, the organisation
    (id and slug, for the links), the filters as written, the groups and partners the
    form offers (a renamed organisation or a new rule set gives a new key), the language
    and the time zone. Not cached: downloads, a bad filter (its messages name the
    request's values), filters not written the form's own way
    (``DashboardFilterForm.is_canonical``), and before the first rebuild."""
    organisation = request.organisation
    filters = form.filters()
    key = None
    state = selectors.rollup_state()
    downloading = "format" in request.GET or "table" in request.GET
    if state is not None and not downloading and form.is_canonical:
        key = selectors.rollup_cache_key(
            PAGE_CACHE_PREFIX,
            state,
            level,
            organisation.pk,
            organisation.slug,
            filters,
            form.query(),
            tuple(groups),
            tuple(destinations),
            translation.get_language(),
            timezone.get_current_timezone_name(),
        )
        body = cache.get(key)
        if body is not None:
            return _area_shell(request, body, level)
    data = selectors.cached_area_dashboard(
        filters=filters, municipality_id=municipality_id, groups=groups, group_by=group_by, state=state
    )
    page = Page()
    _case_charts(page, data)
    _referral_charts(page, data)
    _comparison(page, data, group_header=group_header)
    context, response = _context(request, form=form, data=data, page=page, extra={"level": level})
    if response is not None:
        return response
    body = render_to_string("reporting/_area_body.html", context, request=request)
    if key is not None:
        cache.set(key, body, selectors.CACHE_SECONDS)
    return _area_shell(request, body, level)


def municipal_dashboard(request: TenantRequest) -> HttpResponse:
    """The whole municipality: its schools and clubs, counts only."""
    municipality = request.organisation
    groups = selectors.organisation_groups(municipality)
    destinations = _destinations()
    return _area_page(
        request,
        level="gemeente",
        form=DashboardFilterForm(request.GET, organisations=groups, destinations=destinations),
        destinations=destinations,
        groups=groups,
        group_by="organisation",
        group_header=_("Organisatie"),
        municipality_id=municipality.pk,
    )


def platform_dashboard(request: TenantRequest) -> HttpResponse:
    """Every municipality. With ``gemeente`` the comparison still shows municipalities
    (the chosen one); organisations are compared on the municipal dashboard."""
    municipalities = selectors.municipality_groups()
    destinations = _destinations()
    return _area_page(
        request,
        level="platform",
        form=DashboardFilterForm(request.GET, municipalities=municipalities, destinations=destinations),
        destinations=destinations,
        groups=municipalities,
        group_by="municipality",
        group_header=_("Gemeente"),
    )


def organisation_dashboard(request: TenantRequest) -> HttpResponse:
    """A school's or club's coordinator: cases and referrals (rollups), overdue work and
    training of their own staff, per person (live, bounded by the organisation)."""
    organisation = request.organisation
    form = DashboardFilterForm(request.GET, destinations=_destinations())
    data = selectors.area_dashboard(filters=form.filters(), organisation_id=organisation.pk)
    overdue = selectors.overdue_work(now=timezone.now())
    matrix = training_matrix(organisation=organisation)
    page = Page()
    _case_charts(page, data)
    _referral_charts(page, data)
    page.tables["achterstand"] = Table(
        name="achterstand",
        caption=_("Werk dat te laat is"),
        header=[_("Wat"), _("Aantal")],
        rows=[
            [_("Taken bij open casussen die te laat zijn"), overdue.tasks],
            [_("Nazorgmomenten die voorbij zijn en nog niet zijn verstuurd"), overdue.follow_ups],
        ],
    )
    page.tables["training_rollen"] = _training_table(
        "training-rollen", _("Training per rol"), _("Rol"), selectors.training_by_role_live(matrix.rows)
    )
    # Each label translated once, not once per member and module.
    roles = {value: str(label) for value, label in Role.choices}
    statuses = {value: str(status_label(value)) for value in TrainingStatus.ORDER}
    page.tables["training_personen"] = Table(
        name="training-personen",
        caption=_("Training per persoon"),
        header=[_("Naam"), _("Rol"), *(m.title for m in matrix.modules)],
        rows=[
            [row.name, roles[row.membership.role], *(statuses[cell.status] for cell in row.cells)]
            for row in matrix.rows
        ],
        numeric_from=99,
    )
    context, response = _context(
        request,
        form=form,
        data=data,
        page=page,
        extra={"export_start_url": _export_start_url(organisation), "overdue": overdue},
    )
    return response or render(request, "reporting/organisation.html", context)


__all__ = ["Group", "dashboard", "municipal_dashboard", "organisation_dashboard", "platform_dashboard"]
