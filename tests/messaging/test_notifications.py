"""The notification centre (/meldingen/), its header badge, the e-mail preferences
and the e-mail texts in the Django admin.

Notifications belong to a person, not to an organisation: every test that reads or
changes one also checks that another person's row stays out of reach (404).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from messaging.context_processors import notification_centre as portal_context
from messaging.models import (
    MANDATORY_EMAIL_KINDS,
    MessageTemplate,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from messaging.notifications import email_preferences, render_message
from messaging.views import safe_local_url
from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.factories import MembershipFactory, PlatformFactory, UserFactory

pytestmark = pytest.mark.django_db

K = NotificationKind
HTMX = {"HTTP_HX_REQUEST": "true"}
LIST = "/meldingen/"


def make_notifications(user, count: int, *, read: bool = False, **extra) -> list[Notification]:
    now = timezone.now()
    rows = [
        Notification(
            user=user,
            kind=K.TASK_OVERDUE,
            title=f"Taak {i} is over de datum",
            body=f"Bekijk taak {i}.",
            url=f"/meldingen/?taak={i}",
            created_at=now - timedelta(minutes=count - i),
            read_at=now if read else None,
            **extra,
        )
        for i in range(count)
    ]
    return Notification.objects.bulk_create(rows)


@pytest.fixture
def me(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def someone_else(other_org, member_factory):
    return member_factory(other_org, Role.ORG_COORDINATOR)


@pytest.fixture
def my_client(me):
    client = Client()
    client.force_login(me.user)
    return client


def notification(user, **extra) -> Notification:
    values = {"kind": K.PARTNER_ACKNOWLEDGE, "title": "Doorverwijzing wacht op bevestiging", "url": "/"}
    return Notification.objects.create(user=user, **{**values, **extra})


# --- The list ----------------------------------------------------------------------


def test_list_shows_only_my_own_notifications_newest_first(my_client, me, someone_else):
    old = notification(me.user, title="Oude melding", created_at=timezone.now() - timedelta(days=2))
    new = notification(me.user, title="Nieuwe melding", body="Kijk even naar de casus.")
    notification(someone_else.user, title="Melding van iemand anders")
    # The same person's notifications from another organisation are theirs too.
    MembershipFactory(organisation=someone_else.organisation, user=me.user)
    notification(me.user, title="Melding uit mijn andere organisatie", organisation=someone_else.organisation)

    response = my_client.get(LIST)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.text
    assert "Melding van iemand anders" not in text
    assert "Melding uit mijn andere organisatie" in text
    assert text.index("Nieuwe melding") < text.index("Oude melding")
    assert "Kijk even naar de casus." in text
    assert f'href="/meldingen/{new.pk}/openen/"' in text
    assert f'href="/meldingen/{old.pk}/openen/"' in text


def test_unread_ones_are_marked_with_text_not_only_colour(my_client, me):
    unread = notification(me.user, title="Ongelezen ding")
    read = notification(me.user, title="Gelezen ding", read_at=timezone.now())

    text = my_client.get(LIST).text

    item_unread = text[text.index(f'id="melding-{unread.pk}"') :]
    item_unread = item_unread[: item_unread.index("</li>")]
    item_read = text[text.index(f'id="melding-{read.pk}"') :]
    item_read = item_read[: item_read.index("</li>")]
    assert "Nieuw" in item_unread and "Markeer als gelezen" in item_unread
    assert "Nieuw" not in item_read and "Markeer als gelezen" not in item_read
    assert "Gelezen op" in item_read
    assert "Je hebt 1 ongelezen melding." in text


def test_list_is_paginated_by_thirty(my_client, me):
    make_notifications(me.user, 31)
    first = my_client.get(LIST)
    assert first.text.count('class="utrecht-unordered-list__item"') == 30
    assert "Taak 30 is over de datum" in first.text  # the newest
    assert "Taak 0 is over de datum" not in first.text
    second = my_client.get(LIST, {"pagina": 2})
    assert second.text.count('class="utrecht-unordered-list__item"') == 1
    assert "Taak 0 is over de datum" in second.text
    # Nonsense as a page number is the first page, never an error.
    assert my_client.get(LIST, {"pagina": "x'--"}).status_code == 200


def test_a_notification_without_a_link_has_no_link(my_client, me):
    item = notification(me.user, url="")
    assert f"/meldingen/{item.pk}/openen/" not in my_client.get(LIST).text


@pytest.mark.parametrize("path", [LIST, "/meldingen/voorkeuren/"])
def test_anonymous_is_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={path}")


def test_anonymous_post_goes_to_login_and_changes_nothing(client, me):
    item = notification(me.user)
    response = client.post(f"/meldingen/{item.pk}/gelezen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/meldingen/")
    assert client.post("/meldingen/alles-gelezen/").status_code == 302
    item.refresh_from_db()
    assert item.read_at is None


def test_anonymous_htmx_requests_get_no_login_page_as_fragment(client):
    poll = client.get("/meldingen/aantal/", **HTMX)
    assert poll.status_code == 286  # htmx stops polling
    assert poll.content == b""
    action = client.post("/meldingen/alles-gelezen/", **HTMX)
    assert action.status_code == 204
    assert action["HX-Redirect"] == "/accounts/login/?next=%2Fmeldingen%2F"


def test_case_handler_without_mfa_cannot_open_the_list(client, org, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER, mfa=False)
    client.force_login(handler.user)
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"] == "/account/mfa-vereist/"


def test_only_title_body_and_link_are_shown(my_client, me, org):
    """The page renders what a notification says, nothing of the organisation or kind data behind it."""
    notification(me.user, title="<b>Onderwerp</b>", body="<script>x()</script>", organisation=org)
    text = my_client.get(LIST).text
    assert "&lt;b&gt;Onderwerp&lt;/b&gt;" in text
    assert "<script>x()</script>" not in text


# --- Marking read --------------------------------------------------------------------


def test_mark_one_read_without_javascript(my_client, me):
    first, second = notification(me.user), notification(me.user)

    response = my_client.post(f"/meldingen/{first.pk}/gelezen/", {"pagina": "2"})

    assert response.status_code == 302
    assert response["Location"] == "/meldingen/?pagina=2"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None
    page = my_client.get(LIST)
    assert "De melding is gemarkeerd als gelezen." in page.text


def test_marking_twice_keeps_the_first_moment(my_client, me):
    item = notification(me.user)
    my_client.post(f"/meldingen/{item.pk}/gelezen/")
    item.refresh_from_db()
    first_moment = item.read_at
    my_client.post(f"/meldingen/{item.pk}/gelezen/")
    item.refresh_from_db()
    assert item.read_at == first_moment


def test_mark_one_read_with_htmx_returns_the_item_and_the_badge(my_client, me):
    item, _other = notification(me.user, title="Dit lees ik nu"), notification(me.user)

    response = my_client.post(f"/meldingen/{item.pk}/gelezen/", {"pagina": "1"}, **HTMX)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.text
    assert "<html" not in text  # a fragment, not a page
    assert f'<li class="utrecht-unordered-list__item" id="melding-{item.pk}">' in text
    assert "Dit lees ik nu" in text
    assert "Markeer als gelezen" not in text
    assert "autofocus" in text  # the keyboard focus lands on the confirmation
    badge = text[text.index('id="meldingen-teller"') :]
    assert 'hx-swap-oob="true"' in badge[: badge.index(">")]
    assert "1 ongelezen melding" in badge
    assert 'id="meldingen-samenvatting" hx-swap-oob="true"' in text
    # No message is left behind for the next full page.
    assert "De melding is gemarkeerd als gelezen." not in my_client.get(LIST).text


def test_someone_elses_notification_is_404(my_client, someone_else):
    theirs = notification(someone_else.user)
    for path in (f"/meldingen/{theirs.pk}/gelezen/", f"/meldingen/{theirs.pk}/openen/"):
        method = my_client.post if path.endswith("gelezen/") else my_client.get
        assert method(path).status_code == 404, path
        assert method(path, **HTMX).status_code == 404, path
    assert my_client.post("/meldingen/999999/gelezen/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_read_is_post_only(my_client, me):
    item = notification(me.user)
    assert my_client.get(f"/meldingen/{item.pk}/gelezen/").status_code == 405
    assert my_client.get("/meldingen/alles-gelezen/").status_code == 405
    item.refresh_from_db()
    assert item.read_at is None


def test_read_all_without_javascript_touches_only_my_rows(my_client, me, someone_else):
    mine = make_notifications(me.user, 3)
    theirs = notification(someone_else.user)
    newest = max(n.pk for n in mine)

    response = my_client.post("/meldingen/alles-gelezen/", {"tot": newest})

    assert response.status_code == 302
    assert response["Location"] == LIST
    assert not Notification.objects.filter(user=me.user, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert "Alle meldingen zijn gemarkeerd als gelezen." in my_client.get(LIST).text


def test_read_all_leaves_a_notification_that_arrived_meanwhile(my_client, me):
    seen = make_notifications(me.user, 2)
    newest_seen = max(n.pk for n in seen)
    arrived = notification(me.user, title="Net binnen")

    my_client.post("/meldingen/alles-gelezen/", {"tot": newest_seen})

    arrived.refresh_from_db()
    assert arrived.read_at is None
    assert Notification.objects.filter(user=me.user, read_at__isnull=True).count() == 1


def test_read_all_with_a_broken_hidden_field_changes_nothing(my_client, me):
    item = notification(me.user)
    response = my_client.post("/meldingen/alles-gelezen/", {"tot": "veel"})
    assert response.status_code == 302
    assert "Dat ging niet goed" in my_client.get(LIST).text
    assert my_client.post("/meldingen/alles-gelezen/", {"tot": "-1"}, **HTMX).status_code == 400
    item.refresh_from_db()
    assert item.read_at is None


def test_read_all_with_htmx_returns_the_list_and_the_badge(my_client, me):
    mine = make_notifications(me.user, 3)

    response = my_client.post("/meldingen/alles-gelezen/", {"tot": max(n.pk for n in mine), "pagina": "1"}, **HTMX)

    assert response.status_code == 200
    text = response.text
    assert "<html" not in text
    assert text.lstrip().startswith('<div id="meldingen">')
    assert "Alle meldingen zijn gemarkeerd als gelezen." in text
    assert "Markeer als gelezen" not in text
    assert text.count('class="utrecht-unordered-list__item"') == 3
    badge = text[text.index('id="meldingen-teller"') :]
    assert 'hx-swap-oob="true"' in badge[: badge.index(">")]
    assert "utrecht-badge-counter" not in badge  # nothing unread: no number
    assert "Je hebt geen ongelezen meldingen." in text


# --- Opening a notification's link -----------------------------------------------------


def test_opening_marks_read_and_follows_a_link_within_the_portal(my_client, me, org):
    item = notification(me.user, url=f"/o/{org.slug}/casussen/")
    response = my_client.get(f"/meldingen/{item.pk}/openen/")
    assert response.status_code == 302
    assert response["Location"] == f"/o/{org.slug}/casussen/"
    item.refresh_from_db()
    assert item.read_at is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://kwaadwillend.example/",
        "//kwaadwillend.example/",
        "/\\kwaadwillend.example/",
        "\\\\kwaadwillend.example",
        "javascript:alert(1)",
        "/\t/kwaadwillend.example",
        "",
    ],
)
def test_opening_never_redirects_elsewhere(my_client, me, url):
    item = notification(me.user, url=url)
    response = my_client.get(f"/meldingen/{item.pk}/openen/")
    assert response.status_code == 302
    assert response["Location"] == LIST
    item.refresh_from_db()
    assert item.read_at is not None


def test_safe_local_url():
    assert safe_local_url("/o/school/casussen/12/") == "/o/school/casussen/12/"
    assert safe_local_url("/meldingen/?pagina=2#boven") == "/meldingen/?pagina=2#boven"
    for bad in ("//x.example", "/\\x.example", "http://x.example/", "x/y", "/\x00/x.example", " /x"):
        assert safe_local_url(bad) is None, bad


# --- Header badge ----------------------------------------------------------------------


def test_header_badge_shows_the_unread_count_with_a_spoken_label(my_client, me, someone_else):
    make_notifications(me.user, 3)
    make_notifications(me.user, 2, read=True)
    make_notifications(someone_else.user, 4)

    text = my_client.get(f"/o/{me.organisation.slug}/").text

    badge = text[text.index('id="meldingen-teller"') :]
    badge = badge[: badge.index("</a>")]
    assert 'hx-get="/meldingen/aantal/"' in text
    assert 'hx-trigger="every 60s"' in text
    assert '<span class="utrecht-badge-counter" aria-hidden="true">3</span>' in badge
    assert '<span class="portal-visually-hidden">3 ongelezen meldingen</span>' in badge
    assert "hx-swap-oob" not in badge


def test_no_badge_number_without_unread_notifications(my_client, me):
    make_notifications(me.user, 2, read=True)
    text = my_client.get(f"/o/{me.organisation.slug}/").text
    assert 'id="meldingen-teller"' in text
    assert "utrecht-badge-counter" not in text
    assert "ongelezen melding" not in text


def test_visitors_see_no_notification_link(client):
    text = client.get("/").text
    assert "/meldingen/" not in text


def test_count_endpoint_returns_only_the_badge(my_client, me, someone_else):
    make_notifications(me.user, 2)
    make_notifications(someone_else.user, 5)

    response = my_client.get("/meldingen/aantal/", **HTMX)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.text.strip()
    assert text.startswith('<span id="meldingen-teller"') and text.endswith("</span>")
    assert "<html" not in text
    assert "hx-swap-oob" not in text
    assert "2 ongelezen meldingen" in text


def test_count_endpoint_without_htmx_is_the_list(my_client):
    response = my_client.get("/meldingen/aantal/")
    assert response.status_code == 302
    assert response["Location"] == LIST


def test_a_large_count_stays_short(my_client, me):
    make_notifications(me.user, 120)
    text = my_client.get("/meldingen/aantal/", **HTMX).text
    assert ">99+</span>" in text
    assert "120 ongelezen meldingen" in text


# --- Query counts --------------------------------------------------------------------


def _queries(client, path: str, **extra) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("path", [LIST, "/meldingen/?pagina=2"])
def test_list_queries_do_not_grow_with_the_number_of_notifications(my_client, me, path):
    make_notifications(me.user, 35)
    few = len(_queries(my_client, path))
    make_notifications(me.user, 50)
    assert len(_queries(my_client, path)) == few


def test_list_query_count_for_five_and_fifty(my_client, me, django_assert_num_queries):
    make_notifications(me.user, 5)
    five = len(_queries(my_client, LIST))
    Notification.objects.all().delete()
    make_notifications(me.user, 50)
    with django_assert_num_queries(five):
        my_client.get(LIST)


def test_the_list_counts_unread_once(my_client, me):
    """The list's own summary feeds the header badge: no second count."""
    make_notifications(me.user, 4)
    notification_queries = [sql for sql in _queries(my_client, LIST) if "portal_notification" in sql]
    assert len(notification_queries) == 3  # summary (unread, newest), page count, page rows


def test_the_badge_costs_one_query_per_page(my_client, me):
    make_notifications(me.user, 4)
    path = f"/o/{me.organisation.slug}/"
    my_client.get(path)  # the first visit also remembers the organisation in the session
    sql = _queries(my_client, path)
    assert len([q for q in sql if "portal_notification" in q]) == 1
    make_notifications(me.user, 40)
    assert len(_queries(my_client, path)) == len(sql)


def test_context_processor_counts_lazily_and_once(rf, me):
    make_notifications(me.user, 2)
    request = rf.get("/")
    request.user = me.user
    with CaptureQueriesContext(connection) as queries:
        context = portal_context(request)
    assert len(queries) == 0  # a page that shows no badge pays nothing
    with CaptureQueriesContext(connection) as queries:
        assert context["notification_centre"].unread == 2
        assert context["notification_centre"].unread == 2
    assert len(queries) == 1


def test_context_processor_asks_nothing_for_visitors(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        assert portal_context(request)["notification_centre"].unread == 0
    assert len(queries) == 0


# --- E-mail preferences ----------------------------------------------------------------

PREFS = "/meldingen/voorkeuren/"


def test_preferences_page_shows_every_kind_with_mandatory_ones_locked(my_client):
    response = my_client.get(PREFS)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.text
    for kind, label in K.choices:
        assert f'name="{kind}"' in text, kind
        assert str(label) in text
    for kind in MANDATORY_EMAIL_KINDS:
        tag = text[text.index(f'name="{kind}"') :]
        tag = tag[: tag.index(">")]
        assert "disabled" in tag and "checked" in tag, tag
        assert f'aria-describedby="id_{kind}_helptext"' in tag
    assert "Escalaties kun je niet uitzetten" in text


def test_preferences_save(my_client, me):
    response = my_client.post(PREFS, {K.CASE_FOLLOW_UP: "on", K.TRAINING_DUE: "on"})

    assert response.status_code == 302
    assert response["Location"] == PREFS
    prefs = email_preferences(me.user)
    assert prefs[K.CASE_FOLLOW_UP] is True
    assert prefs[K.TRAINING_DUE] is True
    assert prefs[K.TASK_OVERDUE] is False
    assert prefs[K.WEEKLY_DIGEST] is False
    assert "Je voorkeuren voor e-mail zijn opgeslagen." in my_client.get(PREFS).text
    page = my_client.get(PREFS).text
    tag = page[page.index(f'name="{K.TASK_OVERDUE}"') :]
    assert "checked" not in tag[: tag.index(">")]


def test_mandatory_kinds_cannot_be_switched_off(my_client, me):
    # Nothing ticked at all: mandatory kinds stay on, the rest goes off.
    response = my_client.post(PREFS, {})
    assert response.status_code == 302
    prefs = email_preferences(me.user)
    for kind in MANDATORY_EMAIL_KINDS:
        assert prefs[kind] is True
        assert not NotificationPreference.objects.filter(user=me.user, kind=kind, email=False).exists()
    assert not any(on for kind, on in prefs.items() if kind not in MANDATORY_EMAIL_KINDS)


def test_forged_values_for_mandatory_kinds_change_nothing(my_client, me):
    my_client.post(PREFS, {K.PARTNER_ESCALATION: "", K.DELIVERY_FAILED: "false", "onbekend": "on"})
    prefs = email_preferences(me.user)
    assert prefs[K.PARTNER_ESCALATION] is True and prefs[K.DELIVERY_FAILED] is True


def test_preferences_are_per_person(my_client, me, someone_else):
    my_client.post(PREFS, {})
    assert email_preferences(someone_else.user)[K.TASK_OVERDUE] is True
    assert email_preferences(me.user)[K.TASK_OVERDUE] is False


def test_service_errors_are_shown_on_the_form(my_client, monkeypatch):
    from django.core.exceptions import ValidationError

    def refuse(**kwargs):
        raise ValidationError({"kinds": ["Onbekende soort melding: x."], K.TASK_OVERDUE: ["Dit kan nu niet."]})

    monkeypatch.setattr("messaging.views.email_preferences_save", refuse)
    response = my_client.post(PREFS, {K.TASK_OVERDUE: "on"})
    assert response.status_code == 400
    assert "Onbekende soort melding: x." in response.text
    field = response.text[response.text.index(f'id="id_{K.TASK_OVERDUE}_error"') :]
    assert "Dit kan nu niet." in field[: field.index("</div>")]
    tag = response.text[response.text.index(f'name="{K.TASK_OVERDUE}"') :]
    assert 'aria-invalid="true"' in tag[: tag.index(">")]


# --- Admin: e-mail texts ---------------------------------------------------------------

ADD = "/django-admin/messaging/messagetemplate/add/"


@pytest.fixture
def admin_client(db):
    platform = PlatformFactory(name="Platform", slug="platform-meldingen", country="NL")
    membership = MembershipFactory(organisation=platform, user=UserFactory(with_totp=True), role=Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=membership.user)
    client = Client()
    client.force_login(membership.user)
    return client


def _form_errors(response) -> dict[str, list[str]]:
    return {field: list(errors) for field, errors in response.context["adminform"].form.errors.items()}


def test_admin_add_form_shows_names_and_the_default_text(admin_client):
    response = admin_client.get(ADD)
    assert response.status_code == 200
    text = response.text
    assert "Je kunt deze namen gebruiken: {{ title }}, {{ body }}, {{ link }}" in text
    assert "standaardtekst" in text.lower()
    # The shipped text, with the names left in, is also the starting point.
    form = response.context["adminform"].form
    assert form.initial["subject"] == "{{ title }}"
    assert "{{ recipient }}" in form.initial["body"] and "{{ link }}" in form.initial["body"]


def test_admin_refuses_a_broken_template_and_names_the_field(admin_client):
    response = admin_client.post(
        ADD, {"kind": K.TASK_OVERDUE, "subject": "{% if title %}Taak", "body": "Hallo {{ recipient }}"}
    )
    assert response.status_code == 200
    errors = _form_errors(response)
    assert list(errors) == ["subject"]
    assert "klopt niet als sjabloon" in errors["subject"][0]
    assert not MessageTemplate.objects.exists()

    response = admin_client.post(
        ADD, {"kind": K.TASK_OVERDUE, "subject": "Taak", "body": "Hallo {{ recipient|bestaat_niet }}"}
    )
    assert list(_form_errors(response)) == ["body"]


def test_admin_refuses_names_the_email_does_not_know(admin_client):
    response = admin_client.post(
        ADD,
        {"kind": K.TASK_OVERDUE, "subject": "{{ titel }}", "body": "{% if body %}{{ slachtoffer.naam }}{% endif %}"},
    )
    errors = _form_errors(response)
    assert "titel" in errors["subject"][0]
    assert "slachtoffer" in errors["body"][0]
    assert not MessageTemplate.objects.exists()


def test_admin_accepts_a_valid_template_and_render_message_uses_it(admin_client):
    response = admin_client.post(
        ADD,
        {
            "kind": K.TRAINING_DUE,
            "subject": "Let op: {{ title }}",
            "body": "Beste {{ recipient }},\n{% for letter in title %}{% endfor %}Kijk hier: {{ link }}\n{{ site_name }}",
        },
    )
    assert response.status_code == 302, _form_errors(response) if response.status_code == 200 else response
    row = MessageTemplate.objects.get(kind=K.TRAINING_DUE)
    assert row.updated_by is not None

    message = render_message(
        K.TRAINING_DUE,
        {
            "title": "Training moet af",
            "body": "",
            "link": "https://portaal.example/o/x/",
            "organisation": "",
            "recipient": "Sam",
            "site_name": "Veilig Online",
        },
    )
    assert message.subject == "Let op: Training moet af"
    assert message.body == "Beste Sam,\nKijk hier: https://portaal.example/o/x/\nVeilig Online"

    change = admin_client.get(f"/django-admin/messaging/messagetemplate/{row.pk}/change/")
    assert change.status_code == 200
    assert "Let op: Voorbeeld: een doorverwijzing is nog niet bevestigd" in change.text


def test_a_custom_text_for_a_case_kind_still_says_only_that_there_is_news(admin_client):
    """For a kind about a case, {{ title }} and {{ body }} are the kind's fixed neutral
    text, whatever the notification says; {{ organisation }} is refused."""
    refused = admin_client.post(
        ADD, {"kind": K.TASK_OVERDUE, "subject": "{{ title }} bij {{ organisation }}", "body": "{{ body }}"}
    )
    assert "organisation" in _form_errors(refused)["subject"][0]
    assert not MessageTemplate.objects.exists()

    response = admin_client.post(
        ADD,
        {"kind": K.TASK_OVERDUE, "subject": "Let op: {{ title }}", "body": "{{ recipient }}: {{ body }} {{ link }}"},
    )
    assert response.status_code == 302, _form_errors(response) if response.status_code == 200 else response
    detail = {
        "title": "Taak over de datum bij casus VO-2026-0007: Meld bij Centrum Seksueel Geweld",
        "body": "Pseudoniem Roos",
        "link": "https://portaal.example/o/x/casussen/7/",
        "organisation": "Centrum Seksueel Geweld",
        "recipient": "Sam",
        "site_name": "Veilig Online",
    }
    message = render_message(K.TASK_OVERDUE, detail)
    assert message.subject == "Let op: Er is nieuws over een casus"
    assert message.body.startswith("Sam: Meld je aan in het portaal")
    assert message.body.endswith("https://portaal.example/o/x/casussen/7/")
    for text in ("VO-2026-0007", "Centrum Seksueel Geweld", "Roos", "Taak over de datum"):
        assert text not in message.subject + message.body
    # The admin's preview shows the neutral text too.
    row = MessageTemplate.objects.get(kind=K.TASK_OVERDUE)
    change = admin_client.get(f"/django-admin/messaging/messagetemplate/{row.pk}/change/")
    assert "Let op: Er is nieuws over een casus" in change.text


def test_notification_admin_is_read_only(admin_client, me):
    item = notification(me.user, title="Voor support")
    listing = admin_client.get("/django-admin/messaging/notification/")
    assert listing.status_code == 200
    assert "Voor support" in listing.text
    assert admin_client.get("/django-admin/messaging/notification/add/").status_code == 403
    change = admin_client.post(
        f"/django-admin/messaging/notification/{item.pk}/change/",
        {"title": "Anders", "kind": item.kind, "user": me.user.pk},
    )
    assert change.status_code == 403
    item.refresh_from_db()
    assert item.title == "Voor support"

    NotificationPreference.objects.create(user=me.user, kind=K.WEEKLY_DIGEST, email=False)
    assert admin_client.get("/django-admin/messaging/notificationpreference/").status_code == 200
    assert admin_client.get("/django-admin/messaging/notificationpreference/add/").status_code == 403


# --- Everyone signed in, every page strict ------------------------------------------------


def test_a_learner_has_a_notification_centre_too(client, org, member_factory):
    learner = member_factory(org, Role.LEARNER)
    notification(learner.user, kind=K.TRAINING_DUE, title="Training moet binnenkort af zijn")
    client.force_login(learner.user)
    assert "Training moet binnenkort af zijn" in client.get(LIST).text
    assert client.get(PREFS).status_code == 200


def test_notification_pages_have_a_strict_csp(my_client, me):
    from tests.portal.helpers import assert_strict_csp

    make_notifications(me.user, 3)
    for path in (LIST, PREFS, f"/o/{me.organisation.slug}/"):
        response = my_client.get(path)
        assert response.status_code == 200, path
        assert_strict_csp(response, path)
