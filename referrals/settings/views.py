"""The case settings page of an organisation, under ``/o/<org_slug>/casussen/``:
how long closed cases are kept, when case handlers are reminded to follow up, and
which reminders could not be sent.

Thin views: validate a form, call one service (``services.case_settings_save``
or ``services.follow_up_schedule_save``). The page has two forms, each with
its own button; a hidden ``section`` field says which one was sent, so a mistake in
one never touches the other. Wrapped with ``case_page`` in ``urls.py`` (no
caching, no uploads).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from messaging.models import Reminder
from portal.forms import submit
from portal.roles import Action, require
from portal.tenancy import TenantRequest
from referrals.messages import DEFAULT_FOLLOW_UP_DAYS
from referrals.models import DeletionLog
from referrals.settings import services
from referrals.settings.forms import FollowUpForm, RetentionForm

# Months of the deletion log shown on the page.
DELETION_LOG_MONTHS = 12
# Failed reminders shown on the page (the latest first).
FAILED_SHOWN = 20
FOLLOW_UP_SECTION = "follow_up"


@require_http_methods(["GET", "POST"])
def retention(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.CASE_SETTINGS)
    membership = request.membership
    organisation = request.organisation
    current = services.case_settings_current(organisation)
    follow_up_days, follow_up_default = services.follow_up_schedule_current(organisation)
    posted = request.POST if request.method == "POST" else None
    follow_up_posted = posted is not None and posted.get("section") == FOLLOW_UP_SECTION
    form = RetentionForm(
        None if follow_up_posted else posted,
        initial={"retention_months": current.retention_months, "delete_after_months": current.delete_after_months},
    )
    follow_up_form = FollowUpForm(
        posted if follow_up_posted else None,
        initial={"follow_up_days": services.follow_up_days_text(follow_up_days)},
    )
    # Only the form of the section that was posted is bound; the other one never submits.
    if done := submit(
        request,
        follow_up_form,
        lambda data: services.follow_up_schedule_save(actor_membership=membership, days=data["follow_up_days"]),
    ):
        saved = done.value
        if saved.changed:
            messages.success(
                request,
                ngettext(
                    "De nazorgmomenten zijn opgeslagen. De herinneringen van %(count)s open casus zijn aangepast.",
                    "De nazorgmomenten zijn opgeslagen. De herinneringen van %(count)s open casussen zijn aangepast.",
                    saved.open_cases,
                )
                % {"count": saved.open_cases},
            )
        else:
            messages.success(request, _("De nazorgmomenten zijn niet veranderd."))
        return redirect("case_settings:retention", org_slug=org_slug)
    if submit(
        request,
        form,
        lambda data: services.case_settings_save(
            actor_membership=membership,
            retention_months=data["retention_months"],
            delete_after_months=data["delete_after_months"],
        ),
    ):
        messages.success(request, _("De bewaartermijn is opgeslagen."))
        return redirect("case_settings:retention", org_slug=org_slug)
    deletion_log = list(DeletionLog.objects.order_by("-month")[:DELETION_LOG_MONTHS])
    failed = list(
        Reminder.objects.filter(status=Reminder.Status.FAILED)
        .order_by("-due_at", "-pk")
        .only("kind", "due_at", "last_error", "attempts")[: FAILED_SHOWN + 1]
    )
    return render(
        request,
        "referrals/settings/retention.html",
        {
            "form": form,
            "follow_up_form": follow_up_form,
            "follow_up_section": FOLLOW_UP_SECTION,
            "follow_up_days": _days_list(follow_up_days),
            "follow_up_default": follow_up_default,
            "default_follow_up_days": _days_list(DEFAULT_FOLLOW_UP_DAYS),
            "current": current,
            "defaults": services.default_periods(),
            "deletion_log": deletion_log,
            "failed_reminders": failed[:FAILED_SHOWN],
            "failed_more": len(failed) > FAILED_SHOWN,
        },
    )


def _days_list(days: list[int] | tuple[int, ...]) -> str:
    """'7, 30 en 90', for a sentence."""
    return get_text_list([str(day) for day in days], _("en"))
