"""`make demo` runs as production does where people notice: DEBUG off with the
portal's Dutch error pages, static files by WhiteNoise, times with their zone, a favicon.
The demo's own command, ``rundemo``, is tested in tests/demo/test_rundemo.py."""

from __future__ import annotations

import importlib
import logging
import logging.config
from io import StringIO

from django.conf import settings
from django.test import RequestFactory

from portal import errors

# --- settings ------------------------------------------------------------------------


def test_default_site_url_is_where_the_demo_serves(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    base = importlib.reload(importlib.import_module("portal.settings.base"))
    assert base.SITE_URL == "http://127.0.0.1:8000"


def test_demo_settings_let_whitenoise_serve_static_files_without_debug():
    dev = importlib.import_module("portal.settings.dev")
    assert dev.WHITENOISE_USE_FINDERS is True
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in dev.MIDDLEWARE


def test_log_lines_carry_their_time_zone():
    stream = StringIO()
    config = {
        **settings.LOGGING,
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "stream": stream}},
    }
    logging.config.dictConfig(config)
    try:
        record = logging.LogRecord("portal", logging.INFO, __file__, 1, "hallo", None, None)
        record.created = 1_767_225_600.0  # 2026-01-01 00:00 UTC
        logging.getLogger("portal").handle(record)
        summer = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"GET / HTTP/1.1" 200', None, None)
        summer.created = 1_782_864_000.0  # 2026-07-01 00:00 UTC
        logging.getLogger("django.server").handle(summer)
    finally:
        logging.config.dictConfig(settings.LOGGING)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "2026-01-01 01:00:00 +0100 INFO portal hallo"
    assert lines[1] == '2026-07-01 02:00:00 +0200 INFO django.server "GET / HTTP/1.1" 200'


def test_celery_logs_through_the_same_format():
    assert settings.CELERY_WORKER_HIJACK_ROOT_LOGGER is False


# --- pages ---------------------------------------------------------------------------


def test_favicon_ico_points_at_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/portal/favicon.svg"
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    icon.close()


def test_the_error_pages_are_dutch_and_carry_the_icon(rf: RequestFactory, db):
    request = rf.get("/stuk/")
    page = errors.server_error(request).content.decode()
    assert "Er ging iets mis" in page and "favicon.svg" in page
    assert settings.DEBUG is False
