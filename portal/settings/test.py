"""Settings for the test suite: the dev settings, made fast and isolated."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key-7c0d5e1a9b2f4c6d8e0a")

from portal.settings.base import CACHES, REDIS_URL  # noqa: E402
from portal.settings.dev import *  # noqa: E402,F403

DEBUG = False
DEMO_MODE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# A Celery worker that tests/celery/ starts in a subprocess shares the test's database
# (the test database's name, or the SQLite file's path) and writes its mail as files.
if os.environ.get("TEST_WORKER_DATABASE"):
    DATABASES["default"]["NAME"] = os.environ["TEST_WORKER_DATABASE"]  # noqa: F405
if os.environ.get("TEST_MAIL_DIR"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": os.environ["TEST_MAIL_DIR"]},
        }
    }
