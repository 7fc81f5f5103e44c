"""Every page a role may use is reachable from its menu or its start page.

Which pages a role may open is not written down here: the test asks the URLconf
(every organisation URL without an object id, ``tests/portal/urlwalk.py``) and the
views themselves (a GET as that member answers 200; the views enforce
``portal.roles.PERMISSIONS``). It then follows, as that member, the links of the
start page and the menu, and the links and GET forms of every page it reaches,
a few levels deep, within the organisation's pages and the member's own pages, and
checks that every page the role may open was reached.

Pages that need an object id are reached from a list: ``REACHED_FROM`` names, for
each of them, the page that links to it, and a test checks that link with one
object present. ``ACTIONS`` names the object URLs that are not pages (a form posts
to them, or they download a file), with where the form or link is. A new URL with
an object id must be added to one of the two, or ``test_every_object_url_is_listed``
fails.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse
from django_scopes import scopes_disabled

from portal import navigation
from portal.models import Country, ExportJob, Organisation
from portal.roles import Role
from tests.factories import MembershipFactory, MunicipalityFactory, PartnerFactory, PlatformFactory, SchoolFactory
from tests.helpers import make_member
from tests.portal.urlwalk import TENANT_OBJECTS, our_patterns

# Organisation URLs that are not pages of a role, with the reason.
NOT_PAGES = {
    "portal:organisation_theme_css": "the organisation's colours as a stylesheet, not a page",
    "training:search": "the search form's answer page; the form on the training page leads there",
}

# URL name -> the page that links to it (the list it is reached from).
REACHED_FROM = {
    "portal:member_detail": "portal:member_list",
    "cases:case_detail": "cases:case_list",
    "partner:referral_detail": "partner:inbox",
    "area:referral_detail": "area:referral_list",
    "area:directory_edit": "area:directory",
    "dashboards:export_detail": "dashboards:export_list",
    "cms:guide_detail": "cms:guide_list",
    "cms:page_detail": "cms:page_list",
    "training:module": "training:library",
    "training:lesson": "training:module",
    "privacy:request_detail": "privacy:request_list",
}

# Object URLs that are not pages reached from a list: forms post to them, or they
# are steps of a page that links to them once the case is in that state.
ACTIONS = {
    "portal:member_deactivate": "form on the member's page",
    "portal:member_reactivate": "form on the member's page",
    "portal:invitation_revoke": "form on the invitations page",
    "training:assignment_delete": "form on the assignments page",
    "training:certificate_download": "link on 'Mijn training' once a certificate exists",
    "training:module_restart": "form on the module page",
    "training:lesson_answer": "form on the lesson page",
    "training:lesson_complete": "form on the lesson page",
    "cases:wizard_gesprek": "the intake steps, linked from the case page",
    "cases:wizard_feiten": "the intake steps, linked from the case page",
    "cases:wizard_kwetsbaarheid": "the intake steps, linked from the case page",
    "cases:wizard_bewijs": "the intake steps, linked from the case page",
    "cases:wizard_wensen": "the intake steps, linked from the case page",
    "cases:wizard_advies": "the intake steps, linked from the case page",
    "cases:note_add": "form on the case page",
    "cases:contact_set": "link on the case page",
    "cases:contact_show": "link on the case page, with a reason (logged)",
    "cases:case_close": "link on the case page",
    "cases:task_complete": "form on the case page",
    "cases:referral_draft": "link on the advice page",
    "cases:consent_record": "link on the case page, per referral",
    "cases:referral_send": "link on the case page, per referral",
    "cases:referral_close": "link on the case page, per referral",
    "cases:referral_update": "link on the case page, per referral",
    "cases:link_create": "link on the case page, per referral",
    "cases:link_revoke": "form on the case page",
    "cases:consent_withdraw": "link on the case page, per consent",
    "partner:referral_acknowledge": "form on the referral page",
    "partner:referral_accept": "form on the referral page",
    "partner:referral_decline": "form on the referral page",
    "partner:referral_update": "form on the referral page",
    "partner:referral_close": "form on the referral page",
    "partner:referral_contact": "link on the referral page, with a reason (logged)",
    "area:referral_redirect": "form on the area referral page",
    "area:directory_delete": "link on the directory entry's page",
    "dashboards:export_download": "link on the export's page once the file is ready",
    "sso:domain_remove": "form on the sign-in settings page, per domain",
    "privacy:request_export": "form on the request's page (an access request)",
    "privacy:request_download": "link on the request's page once the overview is ready",
    "privacy:request_erase": "form on the request's page (an erasure request), below the plan",
    "privacy:request_extend": "link on the request's page while it may be extended",
    "privacy:request_answer": "link on the request's page while it is open",
}

ORG_PREFIX = "o/<slug:org_slug>/"
MAX_DEPTH = 3


def _organisation_pages() -> list[str]:
    """Organisation URL names without an object id, not in NOT_PAGES."""
    return sorted(
        p.name
        for p in our_patterns()
        if p.route.startswith(ORG_PREFIX) and set(p.kwargs) == {"org_slug"} and p.name not in NOT_PAGES
    )


def _organisation_for(role: Role) -> Organisation:
    if role == Role.MUNICIPAL_COORDINATOR:
        return MunicipalityFactory(name="Gemeente Testdorp", slug="testdorp")
    if role == Role.PARTNER_INTAKE:
        return PartnerFactory(name="Slachtofferhulp", slug="shn")
    if role == Role.PLATFORM_ADMIN:
        return PlatformFactory(name="Platform", slug="platform", country=Country.NL)
    return SchoolFactory(name="Basisschool Eén", slug="basisschool-een")


class _Links(HTMLParser):
    """Every ``<a href>`` and the action of every GET form."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.found.append(values["href"] or "")
        elif tag == "form" and (values.get("method") or "get").lower() == "get":
            self.found.append(values.get("action") or "")


def links_in(html: str, here: str) -> set[str]:
    parser = _Links()
    parser.feed(html)
    paths = set()
    for href in parser.found:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        path = parts.path or urlsplit(here).path
        if path.startswith("/"):
            paths.add(path)
    return paths


def walk(client, organisation: Organisation) -> dict[str, str]:
    """View name -> first path reached, following links from the start page (GET only)."""
    mine = (f"/o/{organisation.slug}/", "/meldingen/")
    start = reverse("portal:organisation_home", kwargs={"org_slug": organisation.slug})
    reached: dict[str, str] = {}
    seen = {start}
    frontier = [start]
    for _depth in range(MAX_DEPTH + 1):
        following = []
        for path in frontier:
            response = client.get(path)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            reached.setdefault(resolve(path).view_name, path)
            for link in links_in(response.content.decode(), path):
                if link in seen or not link.startswith(mine) or link.endswith((".css", ".pdf")):
                    continue
                try:
                    resolve(link)
                except Resolver404:
                    continue
                seen.add(link)
                following.append(link)
        frontier = following
    return reached


ROLES = list(Role)


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_every_page_of_a_role_is_reached_from_its_start_page(role, client, db):
    organisation = _organisation_for(role)
    member = make_member(organisation, role)
    client.force_login(member.user)
    slug = {"org_slug": organisation.slug}

    allowed = {name for name in _organisation_pages() if client.get(reverse(name, kwargs=slug)).status_code == 200}
    allowed |= {"portal:notifications", "portal:notification_preferences"}
    assert "portal:organisation_home" in allowed

    reached = walk(client, organisation)
    assert allowed - set(reached) == set(), f"{role}: pages this role may open but cannot find"


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_the_menu_follows_the_permission_table(role, client, db):
    """A menu or start-page entry is shown exactly when its page opens for the member."""
    organisation = _organisation_for(role)
    member = make_member(organisation, role)
    client.force_login(member.user)
    home = client.get(reverse("portal:organisation_home", kwargs={"org_slug": organisation.slug})).content.decode()
    for entry in navigation.ENTRIES:
        url = reverse(entry.url_name, kwargs={"org_slug": organisation.slug})
        shown = entry.visible(member, organisation)
        assert (f'href="{url}"' in home) is shown, entry.url_name
        if entry.url_name in NOT_PAGES:
            continue
        status = client.get(url).status_code
        assert (status == 200) is shown, f"{entry.url_name}: shown={shown}, answers {status}"


@pytest.mark.parametrize(
    ("role", "title"),
    [
        (Role.CASE_HANDLER, "Mijn dashboard"),
        (Role.ORG_COORDINATOR, "Dashboard van de organisatie"),
        (Role.MUNICIPAL_COORDINATOR, "Dashboard van de gemeente"),
        (Role.PLATFORM_ADMIN, "Dashboard van het platform"),
        (Role.PARTNER_INTAKE, "Dashboard doorverwijzingen"),
    ],
)
def test_menu_labels_are_the_page_titles(role, title, client, db):
    organisation = _organisation_for(role)
    member = make_member(organisation, role)
    client.force_login(member.user)
    for link in navigation.links(member, organisation, menu_only=True):
        response = client.get(link.url)
        page_title = re.search(r"<title>(.*?) – Veilig Online</title>", response.content.decode(), re.S)
        assert page_title, link.url
        assert page_title.group(1).strip().startswith(str(link.label)), (link.url, page_title.group(1))
    labels = [str(link.label) for link in navigation.links(member, organisation, menu_only=True)]
    assert title in labels


def test_a_learner_finds_mijn_signalen_under_that_name(client, db):
    organisation = _organisation_for(Role.LEARNER)
    client.force_login(make_member(organisation, Role.LEARNER).user)
    text = client.get(reverse("portal:organisation_home", kwargs={"org_slug": organisation.slug})).content.decode()
    assert ">Mijn signalen</a>" in text
    assert ">Casussen</a>" not in text


# --- Pages with an object id ---------------------------------------------------------------


def test_every_object_url_is_listed():
    object_urls = {p.name for p in our_patterns() if p.route.startswith(ORG_PREFIX) and set(p.kwargs) - {"org_slug"}}
    assert object_urls - set(REACHED_FROM) - set(ACTIONS) == set()
    assert set(REACHED_FROM) & set(ACTIONS) == set()
    assert set(REACHED_FROM) | set(ACTIONS) <= object_urls


LIST_CASES = {
    # url name: (role, organisation kind maker)
    "portal:member_detail": Role.ORG_COORDINATOR,
    "cases:case_detail": Role.CASE_HANDLER,
    "partner:referral_detail": Role.PARTNER_INTAKE,
    "area:referral_detail": Role.MUNICIPAL_COORDINATOR,
    "area:directory_edit": Role.MUNICIPAL_COORDINATOR,
    "dashboards:export_detail": Role.ORG_COORDINATOR,
    "cms:guide_detail": Role.LEARNER,
    "cms:page_detail": Role.LEARNER,
    "training:module": Role.LEARNER,
    "training:lesson": Role.LEARNER,
    "privacy:request_detail": Role.ORG_COORDINATOR,
}


@pytest.mark.parametrize("name", sorted(REACHED_FROM))
def test_an_object_page_is_linked_from_its_list(name, client, db):
    role = LIST_CASES[name]
    organisation = _organisation_for(role)
    pattern = next(p for p in our_patterns() if p.name == name)
    member = make_member(organisation, role)
    values: dict[str, object] = {"org_slug": organisation.slug}
    for kwarg in pattern.kwargs:
        if kwarg == "job_id":
            with scopes_disabled():
                values[kwarg] = ExportJob.objects.create(
                    organisation=organisation, requested_by=member.user, kind="casussen", format="csv"
                ).pk
        elif kwarg == "membership_id":
            values[kwarg] = MembershipFactory(organisation=organisation).pk
        elif kwarg in TENANT_OBJECTS:
            values[kwarg] = TENANT_OBJECTS[kwarg](organisation)
        elif kwarg != "org_slug":
            from tests.portal.urlwalk import SHARED_OBJECTS

            values[kwarg] = SHARED_OBJECTS[kwarg](organisation)
    client.force_login(member.user)
    target = reverse(name, kwargs=values)
    list_name = REACHED_FROM[name]
    list_pattern = next(p for p in our_patterns() if p.name == list_name)
    list_url = reverse(list_name, kwargs={k: values[k] for k in list_pattern.kwargs})
    response = client.get(list_url)
    assert response.status_code == 200
    assert target in links_in(response.content.decode(), list_url), f"{list_url} does not link to {target}"
    assert client.get(target).status_code == 200


@pytest.mark.parametrize("role", [Role.ORG_COORDINATOR, Role.CASE_HANDLER, Role.LEARNER])
def test_exports_are_linked_where_a_member_may_export(role, client, db):
    organisation = _organisation_for(role)
    client.force_login(make_member(organisation, role).user)
    home = client.get(reverse("portal:organisation_home", kwargs={"org_slug": organisation.slug})).content.decode()
    exports = reverse("dashboards:export_list", kwargs={"org_slug": organisation.slug})
    assert (f'href="{exports}"' in home) is (role == Role.ORG_COORDINATOR)
