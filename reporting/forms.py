"""The filters of the dashboards, from the URL: ``DashboardFilterForm`` for the
coordinator, municipal and platform dashboards, ``PartnerFilterForm`` for the partner's.

Parameter names are shared with the exports: ``van``, ``tot`` (ISO dates; the
rollups count per month, so a date stands for its whole month), ``organisatie``
(slug), ``gemeente`` (slug, platform only), ``vorm`` (form code), ``partner``
(destination code) and ``status`` (of the case). An invalid form filters nothing:
the view shows every count and says which field is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import DateRangeMixin, PortalForm, date_field, form_field
from referrals.cases.forms import FORM_LABELS
from referrals.models import Referral
from referrals.routing.vocabulary import FORMS
from reporting import dashboards
from reporting.selectors import CASE_STATUSES, DEFAULT_MONTHS, Filters, Group, add_months, first_of_month

ALL = _("Alle")
MAX_MONTHS = 120


class DashboardFilterForm(DateRangeMixin, PortalForm):
    """``organisations`` and ``municipalities`` (``Group``s) are offered only where the
    dashboard compares them; ``destinations`` are (code, label) pairs."""

    van = date_field(
        _("Vanaf"), _("We tellen per maand: de hele maand van deze datum telt mee. Bijvoorbeeld 2026-01-01.")
    )
    tot = date_field(_("Tot en met"), _("De hele maand van deze datum telt mee. Bijvoorbeeld 2026-12-31."))
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    organisatie = forms.ChoiceField(label=_("Organisatie"), required=False)
    vorm = forms.ChoiceField(
        label=_("Vorm van online geweld"), required=False, help_text=_("Geldt voor de tabellen over casussen.")
    )
    status = forms.ChoiceField(
        label=_("Status van de casus"), required=False, help_text=_("Geldt voor de tabellen over casussen.")
    )
    partner = forms.ChoiceField(
        label=_("Doorverwezen naar"), required=False, help_text=_("Geldt voor de tabellen over doorverwijzingen.")
    )

    def __init__(
        self,
        *args: Any,
        organisations: list[Group] | None = None,
        municipalities: list[Group] | None = None,
        destinations: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._organisations = {g.slug: g for g in organisations or []}
        self._municipalities = {g.slug: g for g in municipalities or []}
        if organisations is None:
            del self.fields["organisatie"]
        else:
            form_field(self, "organisatie", forms.ChoiceField).choices = [
                ("", ALL),
                *((g.slug, g.name) for g in organisations),
            ]
        if municipalities is None:
            del self.fields["gemeente"]
        else:
            form_field(self, "gemeente", forms.ChoiceField).choices = [
                ("", ALL),
                *((g.slug, g.name) for g in municipalities),
            ]
        form_field(self, "vorm", forms.ChoiceField).choices = [
            ("", ALL),
            *((code, FORM_LABELS.get(code, code)) for code in FORMS),
        ]
        form_field(self, "status", forms.ChoiceField).choices = [("", ALL), *CASE_STATUSES]
        form_field(self, "partner", forms.ChoiceField).choices = [("", ALL), *destinations]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("van"), cleaned.get("tot")
        if start and end and start <= end and (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
            self.add_error("tot", _("Kies een periode van hoogstens 10 jaar."))
        return cleaned

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    @property
    def bad_filter(self) -> bool:
        return self.is_filtering and not self.is_valid()

    def filters(self, today: date | None = None) -> Filters:
        """The filters to apply: the last 12 months and nothing else when the form is invalid."""
        default = Filters.default(today)
        if not self.is_filtering or not self.is_valid():
            return default
        data = self.cleaned_data
        start = first_of_month(data["van"]) if data["van"] else None
        end = first_of_month(data["tot"]) if data["tot"] else None
        if start and not end:
            end = max(start, default.end)
        if end and not start:
            start = add_months(end, 1 - DEFAULT_MONTHS)
        organisation = self._organisations.get(data.get("organisatie") or "")
        municipality = self._municipalities.get(data.get("gemeente") or "")
        return Filters(
            start=start or default.start,
            end=end or default.end,
            organisation_id=organisation.pk if organisation else None,
            municipality_id=municipality.pk if municipality else None,
            form=data["vorm"],
            destination=data["partner"],
            status=data["status"],
        )

    @property
    def is_canonical(self) -> bool:
        """No filter, or valid filters written the one way this form writes them
        (ISO dates, codes and slugs as offered). The area dashboards cache their page
        only for such requests, so the number of cached pages is bounded by the
        filters there are, not by the ways a URL can be typed."""
        if not self.is_filtering:
            return True
        if not self.is_valid():
            return False
        for name in self.fields:
            raw = self.data.get(name, "")
            value = self.cleaned_data.get(name)
            written = value.isoformat() if isinstance(value, date) else (value or "")
            if raw != written:
                return False
        return True

    def query(self) -> str:
        """The valid filters as a query string, for download links and bookmarks."""
        if not self.is_filtering or not self.is_valid():
            return ""
        values = {name: self.data.get(name, "") for name in self.fields}
        return urlencode({name: value for name, value in values.items() if value})


class PartnerFilterForm(DateRangeMixin, PortalForm):
    """The partner dashboard's filters, from the URL. Invalid: the view shows
    every referral and says why."""

    van = date_field(_("Verstuurd vanaf"), _("Bijvoorbeeld 2026-01-31."))
    tot = date_field(_("Verstuurd tot en met"), _("Bijvoorbeeld 2026-12-31."))
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "status", forms.ChoiceField).choices = [
            ("", _("Alle")),
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
