"""The notification centre under ``/meldingen/``: a person's own notifications and
their e-mail preferences.

There is no organisation in these URLs: every lookup is filtered on the signed-in
user, so another person's notification id is a 404, the same as a missing one.
Every view is wrapped by ``personal_page`` in messaging/urls.py: sign-in required and
the answer is never cached.

Each action works as a plain form (POST, then a redirect back) and with htmx: an
htmx request gets the changed fragment plus an out-of-band update of the header
badge (``messaging/notifications/badge.html``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from messaging.forms import NotificationPreferencesForm, ReadAllForm
from messaging.models import Notification
from messaging.notifications import email_preferences, email_preferences_save
from portal.forms import submit
from portal.models import User
from portal.tenancy import PortalRequest, SignedInRequest

View = Callable[..., HttpResponse]

PER_PAGE = 30
# htmx stops polling when a poll is answered with this status.
HTMX_STOP_POLLING = 286


def personal_page(view: View, *, poll: bool = False) -> View:
    """Signed-in users only, and never cached anywhere.

    An htmx request without a session gets no login page to swap into a fragment:
    a poll (``poll=True``) is told to stop, any other htmx request sends the browser
    to the login page (``HX-Redirect``). After signing in, a POST's ``next`` is the
    list, as the POST itself cannot be repeated by a redirect.
    """

    @wraps(view)
    def wrapped(request: PortalRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            after = request.get_full_path() if request.method == "GET" else reverse("portal:notifications")
            if request.htmx and poll:
                response = HttpResponse(status=HTMX_STOP_POLLING)
            elif request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': after})}"
            else:
                response = redirect_to_login(after)
        else:
            response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        return response

    return wrapped


# --- Reading and marking -------------------------------------------------------------


def _own(request: SignedInRequest) -> QuerySet[Notification]:
    return Notification.objects.filter(user=request.user)


def _unread(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def _mark_read(user: User, notification: Notification) -> None:
    if notification.read_at is None:
        now = timezone.now()
        # Only a row still unread changes: a second click keeps the first moment.
        Notification.objects.filter(pk=notification.pk, user=user, read_at__isnull=True).update(read_at=now)
        notification.read_at = now


def _mark_all_read(user: User, up_to: int | None) -> int:
    """Mark this person's unread notifications read, only those that were on the
    list they saw (``up_to``: the newest id then), so one that arrived meanwhile stays new."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if up_to is not None:
        rows = rows.filter(pk__lte=up_to)
    return rows.update(read_at=timezone.now())


def _page_number(request: HttpRequest) -> int:
    """The list page to show or return to; anything that is no page number means the first."""
    raw = (request.POST if request.method == "POST" else request.GET).get("pagina", "")
    return int(raw) if raw.isdecimal() and 0 < len(raw) <= 6 and int(raw) > 0 else 1


def _back_to_list(page_number: int) -> HttpResponse:
    url = reverse("portal:notifications")
    return redirect(f"{url}?pagina={page_number}" if page_number > 1 else url)


def _list_context(request: SignedInRequest, page_number: int) -> dict[str, object]:
    summary = _own(request).aggregate(unread=Count("pk", filter=Q(read_at__isnull=True)), newest=Max("pk"))
    # The header badge reads this instead of counting again (portal.context_processors).
    request.notifications_unread = summary["unread"]
    page: Page = Paginator(_own(request), PER_PAGE).get_page(page_number)
    return {"page": page, "unread": summary["unread"], "newest": summary["newest"], "query": ""}


@require_GET
def notification_list(request: SignedInRequest) -> HttpResponse:
    context = _list_context(request, _page_number(request))
    return render(request, "messaging/notifications/list.html", context)


@require_POST
def notification_read(request: SignedInRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(_own(request), pk=notification_id)
    _mark_read(request.user, notification)
    page_number = _page_number(request)
    if request.htmx:
        context = {"notification": notification, "page_number": page_number, "just_read": True}
        return render(request, "messaging/notifications/read_item.html", {**context, "unread": _unread(request.user)})
    messages.success(request, _("De melding is gemarkeerd als gelezen."))
    return _back_to_list(page_number)


@require_POST
def notifications_read_all(request: SignedInRequest) -> HttpResponse:
    form = ReadAllForm(request.POST)
    page_number = _page_number(request)
    if not form.is_valid():
        # Only a forged or broken hidden field gets here: say so, change nothing.
        if request.htmx:
            return HttpResponse(" ".join(str(m) for errors in form.errors.values() for m in errors), status=400)
        messages.error(request, _("Dat ging niet goed. Laad de pagina opnieuw en probeer het nog een keer."))
        return _back_to_list(page_number)
    count = _mark_all_read(request.user, form.cleaned_data["tot"])
    if request.htmx:
        context = _list_context(request, page_number)
        return render(request, "messaging/notifications/read_all.html", {**context, "marked": count})
    messages.success(request, _("Alle meldingen zijn gemarkeerd als gelezen."))
    return _back_to_list(page_number)


def safe_local_url(url: str) -> str | None:
    """``url`` when it is a path on this site ("/…"), else None: never a redirect elsewhere."""
    if not url.startswith("/") or url.startswith(("//", "/\\")):
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return None  # browsers drop tabs and newlines: "/\t/host" would become "//host"
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=set(), require_https=False):
        return None
    return url


@require_GET
def notification_open(request: SignedInRequest, notification_id: int) -> HttpResponse:
    """Follow a notification's link and mark it read. Only links within the portal are followed."""
    notification = get_object_or_404(_own(request), pk=notification_id)
    _mark_read(request.user, notification)
    target = safe_local_url(notification.url)
    if target is None:
        messages.info(request, _("Bij deze melding hoort geen pagina in het portaal."))
        return redirect("portal:notifications")
    return redirect(target)


@require_GET
def notifications_count(request: SignedInRequest) -> HttpResponse:
    """The header badge alone, for the poll. A visit without htmx gets the list."""
    if not request.htmx:
        return redirect("portal:notifications")
    return render(request, "messaging/notifications/badge.html", {"unread": _unread(request.user)})


# --- E-mail preferences ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def notification_preferences(request: SignedInRequest) -> HttpResponse:
    current = email_preferences(request.user)
    form = NotificationPreferencesForm(request.POST if request.method == "POST" else None, current=current)
    if submit(request, form, lambda data: email_preferences_save(user=request.user, wanted=form.wanted())):
        messages.success(request, _("Je voorkeuren voor e-mail zijn opgeslagen."))
        return redirect("portal:notification_preferences")
    status = 400 if request.method == "POST" else 200
    return render(request, "messaging/notifications/preferences.html", {"form": form}, status=status)
