"""A real OpenID Connect provider on 127.0.0.1 for the sign-in tests.

The provider is ``allauth.idp.oidc`` in a small Django project of its own
(``tests/sso/idp``), run as a separate process with the same interpreter. Each
process binds a port of its own choosing (port 0), so every pytest-xdist worker
can run one; it stops with :meth:`LocalOidcProvider.stop` and, should the test
process die, on its own.

Usage (the lead wires the fixture up in ``tests/sso/conftest.py``)::

    from tests.sso.oidc_provider import running_provider

    @pytest.fixture(scope="session")
    def oidc_provider():
        yield from running_provider()            # issuer http://127.0.0.1:<port>

    @pytest.fixture(scope="session")
    def entra_provider():
        yield from running_provider(prefix="<tenant-uuid>/v2.0")

    provider.add_client("portal", "secret", ["http://127.0.0.1:8000/accounts/oidc/x/login/callback/"])
    sub = provider.add_user("an@school.nl", "pw", {"nlEduPersonHomeOrganizationId": "12AB"})
    callback = provider.authorize(authorize_url, as_user="an@school.nl")  # ...?code=...&state=...

In a browser either fill in the provider's login form (fields ``login`` and
``password``, submit button ``button[type=submit]``) or visit
``provider.sign_in_url(user, next_url)`` first.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_MARKER = "IDP_READY "
START_TIMEOUT = 30.0
MISBEHAVIOURS = frozenset({"wrong_issuer", "wrong_audience", "expired"})
"""``misbehave`` flags of :meth:`LocalOidcProvider.add_user`: ``wrong_issuer``
(``iss`` is another URL), ``wrong_audience`` (``aud`` is another client id),
``expired`` (``iat``/``exp`` lie in the past)."""


class ProviderError(RuntimeError):
    """The provider did not start, or answered something unexpected."""


class SignInRefused(ProviderError):
    """The provider does not know (or no longer knows) the user."""


class LocalOidcProvider:
    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.strip("/")
        self.issuer = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._data_dir: Path | None = None
        self._log = None
        self._http: requests.Session | None = None
        self._metadata: dict[str, Any] | None = None

    # -- lifecycle -------------------------------------------------------

    @classmethod
    def start(cls, prefix: str = "") -> LocalOidcProvider:
        """Start a provider whose issuer is ``http://127.0.0.1:<port>/<prefix>``."""
        provider = cls(prefix)
        provider._start()
        return provider

    def _start(self) -> None:
        self._data_dir = Path(tempfile.mkdtemp(prefix="test-idp-"))
        log_path = self._data_dir / "server.log"
        self._log = log_path.open("wb")
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
            "DJANGO_SETTINGS_MODULE": "tests.sso.idp.settings",
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("PYTHONWARNINGS", None)
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                "-m",
                "tests.sso.idp.serve",
                "--data-dir",
                str(self._data_dir),
                "--port",
                "0",
                "--prefix",
                self.prefix,
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        atexit.register(self.stop)
        self._http = requests.Session()
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while not self.issuer:
                if self._process.poll() is not None:
                    raise ProviderError(f"The test OpenID provider exited with {self._process.returncode}")
                for line in log_path.read_text(errors="replace").splitlines():
                    if line.startswith(READY_MARKER):
                        self.issuer = line.removeprefix(READY_MARKER).strip()
                if time.monotonic() > deadline:
                    raise ProviderError("The test OpenID provider did not start in time")
                time.sleep(0.05)
            while True:
                try:
                    response = self._http.get(self.discovery_url, timeout=5)
                    if response.status_code == 200:
                        self._metadata = response.json()
                        break
                except requests.ConnectionError:
                    pass
                if time.monotonic() > deadline:
                    raise ProviderError("The test OpenID provider's discovery document did not answer in time")
                time.sleep(0.05)
        except ProviderError as exc:
            output = self.output()
            self.stop()
            raise ProviderError(f"{exc}. Its output:\n{output}") from None

    def stop(self) -> None:
        """Terminate the process (and wait for it) and remove its files. Idempotent."""
        atexit.unregister(self.stop)
        if self._http is not None:
            self._http.close()
            self._http = None
        if self._process is not None:
            if self._process.poll() is None:
                self._process.terminate()
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._data_dir is not None:
            shutil.rmtree(self._data_dir, ignore_errors=True)
            self._data_dir = None

    def __enter__(self) -> LocalOidcProvider:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def output(self) -> str:
        """What the provider process wrote so far (requests, tracebacks)."""
        if self._data_dir is None:
            return ""
        try:
            return (self._data_dir / "server.log").read_text(errors="replace")
        except FileNotFoundError:
            return ""

    # -- addresses -------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` (no prefix)."""
        parts = urlsplit(self.issuer)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def metadata(self) -> dict[str, Any]:
        """The discovery document (``authorization_endpoint``, ``token_endpoint``,
        ``userinfo_endpoint``, ``jwks_uri``, ...)."""
        assert self._metadata is not None, "provider not started"
        return self._metadata

    @property
    def login_url(self) -> str:
        """The provider's own (allauth) login form: fields ``login`` (email) and ``password``."""
        return f"{self.issuer}/accounts/login/"

    def url(self, path: str) -> str:
        return f"{self.issuer}/{path.lstrip('/')}"

    def sign_in_url(self, as_user: str, next_url: str | None = None) -> str:
        """Visiting this URL signs the user agent in at the provider as ``as_user``
        (email or username) and redirects to ``next_url``."""
        params = {"user": as_user}
        if next_url:
            params["next"] = next_url
        return f"{self.url('_control/sign-in-as')}?{urlencode(params)}"

    # -- control API -----------------------------------------------------

    def _control(self, path: str, payload: dict[str, Any]) -> requests.Response:
        assert self._http is not None, "provider not started"
        return self._http.post(self.url(f"_control/{path}"), json=payload, timeout=10)

    def add_client(
        self,
        client_id: str,
        secret: str,
        redirect_uris: list[str],
        *,
        scopes: Iterable[str] = ("openid", "profile", "email"),
        post_logout_redirect_uris: Iterable[str] = (),
    ) -> None:
        """Create (or replace) a confidential client: authorization code flow,
        response type ``code``, no consent screen; secret by POST or basic auth."""
        response = self._control(
            "clients",
            {
                "client_id": client_id,
                "secret": secret,
                "redirect_uris": list(redirect_uris),
                "scopes": list(scopes),
                "post_logout_redirect_uris": list(post_logout_redirect_uris),
            },
        )
        if response.status_code != 200:
            raise ProviderError(f"add_client failed ({response.status_code}): {response.text}")

    def add_user(
        self,
        email: str | None,
        password: str,
        claims: dict[str, Any] | None = None,
        misbehave: Iterable[str] = frozenset(),
        username: str | None = None,
        *,
        sub: str | None = None,
    ) -> str:
        """Create (or update, matched on username or email) a user and return its
        ``sub``: a random hex string, stable for the user's life at this provider,
        never the email (pass ``sub`` to choose it). ``email=None``: the provider
        sends no email claim at all (then pass ``username`` to sign in by).
        ``claims`` go into both the ID token and userinfo, overriding the standard
        ones if named alike; ``misbehave`` takes flags from :data:`MISBEHAVIOURS`."""
        misbehave = set(misbehave)
        if not misbehave <= MISBEHAVIOURS:
            raise ValueError(f"unknown misbehave flags: {sorted(misbehave - MISBEHAVIOURS)}")
        if email is None and username is None:
            raise ValueError("a user without email needs a username")
        response = self._control(
            "users",
            {
                "email": email,
                "password": password,
                "claims": dict(claims or {}),
                "misbehave": sorted(misbehave),
                "username": username,
                "sub": sub,
            },
        )
        if response.status_code != 200:
            raise ProviderError(f"add_user failed ({response.status_code}): {response.text}")
        return response.json()["sub"]

    def remove_user(self, user: str) -> None:
        """Delete the user (email or username) with its codes and tokens; it can no
        longer sign in. Raises ``LookupError`` for an unknown user."""
        response = self._control("users/remove", {"user": user})
        if response.status_code == 404:
            raise LookupError(user)
        if response.status_code != 200:
            raise ProviderError(f"remove_user failed ({response.status_code}): {response.text}")

    # -- the user agent --------------------------------------------------

    def _is_provider_url(self, url: str) -> bool:
        parts, own = urlsplit(url), urlsplit(self.issuer)
        return parts.port == own.port and parts.hostname in {"127.0.0.1", "localhost"}

    def authorize(self, authorize_url: str, as_user: str) -> str:
        """Play the user agent of ``as_user`` (email or username) at the provider:
        sign in, open ``authorize_url`` (as the relying party built it) and follow
        redirects while they stay at the provider. Returns the redirect back to the
        relying party (``...?code=...&state=...``, or ``...?error=...&state=...``)
        without requesting it. Raises :class:`SignInRefused` for an unknown or
        removed user and :class:`ProviderError` when the provider shows a page
        instead of redirecting (e.g. an unknown client or redirect URI)."""
        if not self._is_provider_url(authorize_url):
            raise ProviderError(f"{authorize_url} is not at this provider ({self.issuer})")
        with requests.Session() as agent:
            response = agent.get(self.sign_in_url(as_user), allow_redirects=False, timeout=10)
            if response.status_code == 404:
                raise SignInRefused(f"{as_user} cannot sign in at {self.issuer}")
            if response.status_code != 302:
                raise ProviderError(f"sign-in as {as_user} failed ({response.status_code}): {response.text}")
            url = authorize_url
            for _ in range(10):
                response = agent.get(url, allow_redirects=False, timeout=10)
                if response.status_code not in (301, 302, 303, 307, 308):
                    raise ProviderError(
                        f"The provider answered {response.status_code} to {url} instead of redirecting:\n"
                        f"{response.text[:2000]}"
                    )
                location = urljoin(url, response.headers["Location"])
                if not self._is_provider_url(location):
                    return location
                url = location
            raise ProviderError(f"Too many redirects at the provider, last {url}")


def running_provider(prefix: str = "") -> Iterator[LocalOidcProvider]:
    """Generator for a (session-scoped) pytest fixture: ``yield from running_provider()``."""
    provider = LocalOidcProvider.start(prefix)
    try:
        yield provider
    finally:
        provider.stop()
