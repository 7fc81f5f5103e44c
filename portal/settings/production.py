"""Production settings: every secret and host comes from the environment, and
`manage.py check --deploy` passes with no warnings."""

from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import *  # noqa: F403
from portal.settings.env import env_bool, env_database, env_fernet_keys, env_int, env_list, env_redis_url, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("Environment variable SECRET_KEY must be at least 50 random characters.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# The processing log's pseudonyms must outlive a rotation of SECRET_KEY: a key of their own.
PSEUDONYM_KEY = env_str("PSEUDONYM_KEY")
if len(PSEUDONYM_KEY) < 32 or PSEUDONYM_KEY == SECRET_KEY:
    raise ImproperlyConfigured(
        "Environment variable PSEUDONYM_KEY must be at least 32 random characters, other than SECRET_KEY."
    )
FIELD_ENCRYPTION_KEYS = env_fernet_keys("FIELD_ENCRYPTION_KEYS")
if DEV_FIELD_ENCRYPTION_KEY in FIELD_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured("Environment variable FIELD_ENCRYPTION_KEYS must not use the demo key.")
DATABASES = {"default": env_database("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql") and "django.contrib.postgres" not in INSTALLED_APPS:
    INSTALLED_APPS.append("django.contrib.postgres")
REDIS_URL = env_redis_url("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
    }
}
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
DEMO_MODE = False
