"""Browser fixtures: one headless Debian chromium per session, a fresh context per test.

Playwright's sync API runs an event loop in this thread, so Django's async-safety
check would refuse the ORM calls our fixtures make; the live server runs in its
own thread and is not affected.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's chromium. "
            "Install it with `apt-get install -y chromium` (never `playwright install`).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):  # type: ignore[no-untyped-def]
    """pytest-django's server, started only after the test database exists.

    Session fixtures are set up before function ones, so without this the server
    starts while the database is still the file from the settings: it then gets
    no shared in-memory connection, opens one per request thread and never closes
    them (ResourceWarning, an error under ``filterwarnings = error``).
    """
    return live_server


class ConsoleLog:
    """Every console message and page error of one context, to find CSP reports."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def attach(self, page: Page) -> None:
        page.on("console", lambda message: self.messages.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.messages.append(f"pageerror: {error}"))

    @property
    def csp_violations(self) -> list[str]:
        return [message for message in self.messages if "Content Security Policy" in message]


@pytest.fixture
def console() -> ConsoleLog:
    return ConsoleLog()


@pytest.fixture
def context(browser: Browser, live_server) -> BrowserContext:  # type: ignore[no-untyped-def]
    # A fresh context (cookies, storage) per test; CSP stays on, as it ships.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, console: ConsoleLog) -> Page:
    page = context.new_page()
    console.attach(page)
    return page


@pytest.fixture
def sign_in(context: BrowserContext, live_server):  # type: ignore[no-untyped-def]
    """Put a signed-in session cookie in the browser (the login flow has its own test)."""

    def _sign_in(user) -> None:  # type: ignore[no-untyped-def]
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return _sign_in


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"\n[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(str(t) for t in node['target'])}")
            lines.append(f"      {node['html'][:300]}")
            if node.get("failureSummary"):
                lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(axe: Axe):  # type: ignore[no-untyped-def]
    """``assert_accessible(page)``: axe finds nothing serious or critical for WCAG 2.2 AA."""

    def _assert(page: Page) -> None:
        # axe is injected through the DevTools protocol, which the page's CSP does
        # not govern: no bypass_csp needed, the page is checked as it ships.
        page.wait_for_load_state("load")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            report = _format_violations(page.url, blocking)
            print(report)
            pytest.fail(report, pytrace=False)

    return _assert
