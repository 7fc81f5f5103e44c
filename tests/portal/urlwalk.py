"""Walk the whole URLconf and fill URL arguments, for the tests that must cover
every URL: tenant isolation (test_tenant_isolation.py) and CSP (test_csp.py).

ADDING A URL WITH A NEW ARGUMENT? Add the argument below, or the isolation walk
fails (on purpose: a URL the walk cannot fill would escape it):

* ``TENANT_OBJECTS``: the argument names a row that belongs to one organisation.
  The walk checks that another organisation's row gives 404.
* ``SHARED_OBJECTS``: the argument names content every organisation may see
  (a national training module, say). The walk only needs a value that exists.

Each entry is ``name: callable(organisation) -> value`` and creates the object.
Another app's test package adds its own in ``tests/<app>/urlwalk_registry.py``,
with the same dicts (and ``NOT_TENANT_URLS`` if needed); they are merged here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

import tests
from tests.factories import InvitationFactory, MembershipFactory

# Third-party URL trees that hold no tenant data of ours. The admins are for
# platform staff only (see test_login_rate_limits.py); allauth's URLs act on the
# signed-in user's own account; i18n only sets a cookie.
EXCLUDED_PREFIXES = {
    "accounts/": "allauth: the signed-in user's own account",
    "django-admin/": "Django admin: platform staff only, across tenants by design",
    "cms/": "Wagtail admin: platform staff only, across tenants by design",
    "i18n/": "language switch: no data",
}

# Our own URLs with arguments that name no tenant object, with the reason.
NOT_TENANT_URLS = {
    "portal:invitation_accept": "the token is the credential; covered in test_invitations.py",
    "portal:notification_read": "a person's own notifications; covered in test_notifications.py",
    "portal:notification_open": "a person's own notifications; covered in test_notifications.py",
}

Factory = Callable[..., object]

TENANT_OBJECTS: dict[str, Factory] = {
    "membership_id": lambda organisation: MembershipFactory(organisation=organisation).pk,
    "invitation_id": lambda organisation: InvitationFactory(organisation=organisation).pk,
    "job_id": lambda organisation: _export_job(organisation),
}

SHARED_OBJECTS: dict[str, Factory] = {}


def _export_job(organisation) -> int:
    """An export only its requester sees: the walk signs in as the member it created
    last in ``organisation``, so the job is theirs (another organisation's job is 404)."""
    from django_scopes import scopes_disabled

    from portal.models import ExportJob, Membership

    with scopes_disabled():
        member = Membership.objects.filter(organisation=organisation).order_by("-pk").first()
        requester = member.user if member else None
        return ExportJob.objects.create(
            organisation=organisation, requested_by=requester, kind="casussen", format="csv"
        ).pk


def _merge_app_registries() -> None:
    for package in pkgutil.iter_modules(tests.__path__):
        if not package.ispkg:
            continue
        name = f"tests.{package.name}.urlwalk_registry"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        for target, attribute in (
            (TENANT_OBJECTS, "TENANT_OBJECTS"),
            (SHARED_OBJECTS, "SHARED_OBJECTS"),
            (NOT_TENANT_URLS, "NOT_TENANT_URLS"),
        ):
            extra = getattr(module, attribute, {})
            clash = set(extra) & set(target)
            assert not clash, f"{name}: {sorted(clash)} already registered"
            target.update(extra)


_merge_app_registries()

ROUTE_ARG = re.compile(r"<(?:\w+:)?(\w+)>")
# For arguments the registry does not know yet, where the request must be refused
# before any lookup (another organisation's slug, no sign-in): a value that fits.
PLACEHOLDERS = {"int": "999999", "uuid": "00000000-0000-4000-8000-000000000000"}


@dataclass(frozen=True)
class Walked:
    route: str  # the full route, e.g. "o/<slug:org_slug>/leden/<int:membership_id>/"
    name: str  # namespaced name, or the route when the pattern has none
    kwargs: tuple[str, ...]
    regex: bool

    def __str__(self) -> str:
        return self.name

    @property
    def tenant_kwargs(self) -> set[str]:
        return set(self.kwargs) & set(TENANT_OBJECTS)

    @property
    def unknown_kwargs(self) -> set[str]:
        return set(self.kwargs) - {"org_slug"} - set(TENANT_OBJECTS) - set(SHARED_OBJECTS)


def _walk(patterns, prefix: str = "", namespace: str = "", regex: bool = False) -> Iterator[Walked]:
    for entry in patterns:
        is_regex = regex or isinstance(entry.pattern, RegexPattern)
        part = str(entry.pattern)
        if isinstance(entry.pattern, RegexPattern):
            part = part.lstrip("^").rstrip("$")
        route = prefix + part
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, route, ns, is_regex)
        elif isinstance(entry, URLPattern):
            if is_regex:
                kwargs = tuple(re.findall(r"\(\?P<(\w+)>", route))
            else:
                kwargs = tuple(ROUTE_ARG.findall(route))
            name = f"{namespace}{entry.name}" if entry.name else route
            yield Walked(route=route, name=name, kwargs=kwargs, regex=is_regex)


def all_patterns() -> list[Walked]:
    return list(_walk(get_resolver().url_patterns))


def our_patterns() -> list[Walked]:
    """Every URL outside the excluded third-party trees."""
    return [p for p in all_patterns() if not p.route.startswith(tuple(EXCLUDED_PREFIXES))]


def tenant_patterns() -> list[Walked]:
    """Our URLs with arguments, except the few that name no tenant object."""
    return [p for p in our_patterns() if p.kwargs and p.name not in NOT_TENANT_URLS]


def fill_kwargs(
    pattern: Walked, organisation, *, tenant_objects_of=None, placeholders: bool = False
) -> dict[str, object]:
    """Values for every argument; tenant objects belong to ``tenant_objects_of`` (default: ``organisation``).

    With ``placeholders``, arguments the registry does not know get a value that
    merely fits the URL (test_registry_fills_every_tenant_url reports them).
    """
    unknown = pattern.unknown_kwargs
    if not placeholders:
        assert not unknown, f"{pattern}: add {sorted(unknown)} to TENANT_OBJECTS or SHARED_OBJECTS in {__name__}"
    converters = dict((name, conv) for conv, name in re.findall(r"<(?:(\w+):)?(\w+)>", pattern.route))
    owner = tenant_objects_of if tenant_objects_of is not None else organisation
    values: dict[str, object] = {}
    for name in pattern.kwargs:
        if name == "org_slug":
            values[name] = organisation.slug
        elif name in TENANT_OBJECTS:
            values[name] = TENANT_OBJECTS[name](owner)
        elif name in SHARED_OBJECTS:
            values[name] = SHARED_OBJECTS[name](organisation)
        else:
            values[name] = PLACEHOLDERS.get(converters[name], "onbekend")
    return values


def build_path(pattern: Walked, values: dict[str, object]) -> str:
    assert not pattern.regex, f"{pattern}: a regex URL; give it a path() route so the walk can fill it"
    return "/" + ROUTE_ARG.sub(lambda match: str(values[match.group(1)]), pattern.route)
