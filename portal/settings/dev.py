"""Settings for `make demo` and local development: runs with nothing but Python."""

import os

from portal.settings.env import env_bool, env_str

# The demo needs no secret to be set; production refuses to start without one.
os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production-5b1f0c9e")

from portal.settings.base import *  # noqa: E402,F403
from portal.settings.base import VAR_DIR  # noqa: E402

# A fresh checkout has no var/ yet; SQLite, the file cache, the broker folders and
# the mailbox all live there.
VAR_DIR.mkdir(parents=True, exist_ok=True)

# On for `manage.py runserver`; `make demo` (rundemo) runs with DEBUG=false, as
# production does: the portal's own Dutch error pages, never Django's debug pages.
DEBUG = env_bool("DEBUG", True)
# WhiteNoise serves the static files straight from the apps and static/ (no
# collectstatic step, no stale copy after a pull), also when DEBUG is off.
WHITENOISE_USE_FINDERS = True
# Sent mail is written as files to var/mail/, where the demo can read it.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))},
    }
}
DEMO_MODE = True
