"""Settings shared by every environment. Values come from the environment via
``portal.settings.env``; defaults run the demo with nothing installed but Python."""

from __future__ import annotations

from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.settings.env import env_bool, env_database, env_fernet_keys, env_int, env_list, env_redis_url, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Where people reach the portal: links in mail, notifications and certificates start
# with it. The default is where `make demo` serves (rundemo sets it from --addr).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "portal.apps.PortalConfig",
    # Notifications, reminders, message templates and the one mail composer; the apps
    # below register their kinds of message (messaging/registry.py).
    "messaging.apps.MessagingConfig",
    "cms.apps.CmsConfig",
    "training.apps.TrainingConfig",
    "referrals.apps.ReferralsConfig",
    "reporting.apps.ReportingConfig",
    "signalenwijzer.apps.SignalenwijzerConfig",
    # Demo, seed and scale data and their commands; no other app imports it.
    "demo.apps.DemoConfig",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "sso",
    "privacy",
    "django_htmx",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: every request runs in a W3C trace that the processing log's entries join.
    "portal.processing_log.TraceContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.csp.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.locale.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "sso.middleware.ProviderMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "portal.mfa.RequireMfaMiddleware",
    # Last: it runs the view and the template rendering inside the tenant scope.
    "portal.tenancy.TenantMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
                "messaging.context_processors.notification_centre",
            ],
        },
    }
]

# --- Data stores -----------------------------------------------------------------
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web server, the worker and beat share the file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    # Wagtail's search index uses PostgreSQL's full-text fields on this backend.
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_redis_url("REDIS_URL", None)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    # A file cache is shared by every process on the machine, so rate limits hold
    # across the web server and workers without a cache server.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Celery ----------------------------------------------------------------------
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # A task a worker took but never acknowledged (the worker died) comes back after
    # this many seconds. Reminders do not wait for it: the sweep queues a reminder
    # again when its lease (REMINDER_LEASE_SECONDS) runs out. No task uses an ETA.
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 600, minimum=60)
    }
else:
    # The filesystem transport needs no server: queues are folders, shared by
    # every process on this machine. Good for the demo, not for production.
    _broker_dir = VAR_DIR / "celery" / "broker"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{VAR_DIR / 'celery' / 'results'}"
# Celery's Django fixup closes every database connection before and after each task
# unless this is set; portal/celery.py closes them as Django's request cycle does
# instead (CONN_MAX_AGE, CONN_HEALTH_CHECKS).
CELERY_DB_REUSE_MAX = 1_000_000
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ALWAYS_EAGER = False
# Worker and beat log through LOGGING below (times with their zone), like the web server.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")

# --- Accounts --------------------------------------------------------------------
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

ACCOUNT_ADAPTER = "sso.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Five wrong codes, then the code is spent: the sixth try fails like every login path.
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 5
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Veilig Online] "
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
# allauth's defaults ("10/m/ip,5/300s/key" for failed logins) apply to every login
# path, because the Django and Wagtail admin logins are served by allauth too.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    "login": "30/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    # Every answer of a federation or identity provider (sso.adapters), per address.
    "sso_login": env_str("SSO_LOGIN_RATE_LIMIT", "30/m/ip"),
}

# --- Sign-in through a federation or the organisation's own provider (sso/) ---------
# allauth's own OpenID Connect and SAML providers; which organisation a sign-in leads
# into is decided in sso.services. An address is never a key: a provider cannot sign
# anyone into an existing account by e-mail (only sso.services links an account, and
# only at a domain the organisation owns).
SOCIALACCOUNT_ADAPTER = "sso.adapters.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = False
# The provider vouches for the person; the address is for mail only, never a login key.
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
# How long the record of sign-ins through providers (who, when, allowed or why not) is kept.
SIGN_IN_ATTEMPTS_KEEP_DAYS = env_int("SIGN_IN_ATTEMPTS_KEEP_DAYS", 180, minimum=1)


def _federation_app(name: str, prefix: str, provider_id: str) -> list[dict[str, object]]:
    """A federation's OpenID Connect client, when its variables are set."""
    server_url = env_str(f"{prefix}_OIDC_SERVER_URL", "")
    if not server_url:
        return []
    return [
        {
            "provider_id": provider_id,
            "name": name,
            "client_id": env_str(f"{prefix}_OIDC_CLIENT_ID", ""),
            "secret": env_str(f"{prefix}_OIDC_CLIENT_SECRET", ""),
            "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
        }
    ]


SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            *_federation_app("Entree Federatie", "ENTREE", "entree"),
            *_federation_app("SURFconext", "SURFCONEXT", "surfconext"),
        ],
    },
    "saml": {"provider_class": "sso.saml.PortalSAMLProvider"},
}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# The TOTP secrets and recovery-code seeds are stored encrypted with FIELD_ENCRYPTION_KEYS.
MFA_ADAPTER = "portal.adapters.MFAAdapter"
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Veilig Online portaal"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
USERSESSIONS_TRACK_ACTIVITY = False

INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7, minimum=1)
# An account with no membership left (active or not), no admin role and no editors'
# group is deleted by a daily sweep when nobody signed in with it for this many days
# (counted from the last sign-in, else from when it was made).
ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS = env_int("ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS", 365, minimum=30)
# Field-level encryption of victim contact details (referrals.crypto). The first key
# encrypts, all keys decrypt. This default is for the demo and tests only; production
# requires the variable.
DEV_FIELD_ENCRYPTION_KEY = "ZGV2LW9ubHktZmllbGQta2V5LW5vdC1mb3ItcHJvZCE="
FIELD_ENCRYPTION_KEYS = env_fernet_keys("FIELD_ENCRYPTION_KEYS", [DEV_FIELD_ENCRYPTION_KEY])

# --- Referrals -------------------------------------------------------------------
# From this age a victim consents alone to sharing data with a referral partner;
# younger, a parent or guardian gives consent. Defaults are the digital age of
# consent in each country (NL 16: UAVG art. 5; BE 13: Belgian GDPR act art. 7).
REFERRAL_CONSENT_AGE = {
    "NL": env_int("REFERRAL_CONSENT_AGE_NL", 16, minimum=0),
    "BE": env_int("REFERRAL_CONSENT_AGE_BE", 13, minimum=0),
}
# Reminders (messaging/reminders.py): the sweep runs every minute; a queued
# reminder that was not sent within the lease is queued again; a failed mail is
# retried after 1, 2, 4, 8 × the retry base.
REMINDER_LEASE_SECONDS = env_int("REMINDER_LEASE_SECONDS", 300, minimum=1)
REMINDER_RETRY_BASE_SECONDS = env_int("REMINDER_RETRY_BASE_SECONDS", 60, minimum=1)
REMINDER_SWEEP_BATCH = env_int("REMINDER_SWEEP_BATCH", 2000, minimum=1)
# Reminders per send task: they share one transaction, one mail connection and their reads.
# A worker killed mid-task sends that task's mails again (same Message-ID); 1 narrows
# that to one mail at several times lower throughput (messaging/reminders.py).
REMINDER_SEND_BATCH = env_int("REMINDER_SEND_BATCH", 25, minimum=1)
# A partner without an account gets a link that works this many days.
PARTNER_LINK_VALID_DAYS = env_int("PARTNER_LINK_VALID_DAYS", 14, minimum=1)

# --- Exports (portal/exports/) ---------------------------------------------------
# Finished export files live here: outside MEDIA_ROOT and STATIC_ROOT, never served
# by the web server; only the export's own download view reads them. Deleted after a day.
EXPORT_ROOT = Path(env_str("EXPORT_ROOT", str(VAR_DIR / "exports")))
# Up to this many rows an export streams straight to the browser; more runs as a job.
EXPORT_INLINE_MAX_ROWS = env_int("EXPORT_INLINE_MAX_ROWS", 5000, minimum=0)

# --- Email -----------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Veilig Online <noreply@veilig-online.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25, minimum=1),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": 10,
        },
    }
}

# --- Language --------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No uploads of large files anywhere; case evidence is never uploaded at all.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Security headers ------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The Wagtail and Django admin render inline scripts and styles we do not control;
# they get this policy, and only staff can reach them.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}
ADMIN_CSP_PATH_PREFIXES = ("/cms/", "/django-admin/")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Veilig Online"
WAGTAILADMIN_BASE_URL = SITE_URL
# Wagtail's own login URL is served by allauth (portal.views.AdminLoginView).
WAGTAILADMIN_LOGIN_URL = "wagtail_admin_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Documents always go through Wagtail's serve view and its before_serve_document check
# (cms.wagtail_hooks): "redirect" or "direct" would hand out the storage's own URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every time with its offset from UTC: the processes run in TIME_ZONE, a reader's
    # machine or log collector may not.
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s", "datefmt": "%Y-%m-%d %H:%M:%S %z"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # runserver's request lines, in the same format (Django's own has no time zone).
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs its search-index and reference-index updates as Django tasks and
        # logs every one at INFO; only problems are worth a line.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- Processing log (portal/processing_log.py) -------------------------------------
# How long an entry of the processing log is kept (two years: long enough to answer a
# data subject or the supervisor about the past, then swept daily).
PROCESSING_LOG_KEEP_DAYS = env_int("PROCESSING_LOG_KEEP_DAYS", 730, minimum=1)
# Requests of data subjects (access, erasure; privacy/requests/): this many months after
# the answer, a daily task empties whom a request was about; kind, dates and status stay
# as counts (the organisation can still show it answered on time).
SUBJECT_REQUESTS_KEEP_MONTHS = env_int("SUBJECT_REQUESTS_KEEP_MONTHS", 24, minimum=1)
# The key of the data subjects' pseudonyms in that log. Changing it breaks the link
# between old entries and a person: set it once, apart from SECRET_KEY, and keep it.
PSEUDONYM_KEY = env_str("PSEUDONYM_KEY", "")
