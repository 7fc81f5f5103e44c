"""The demo accounts' authenticator code, computed without starting Django.

``manage.py demo_totp`` used to set up Django (every app, Wagtail's API routers,
the system checks) to print six digits: seconds of a code that lives for 30.
``manage.py`` sends exactly ``demo_totp`` here instead; this module needs only the
standard library and the settings module (to refuse anything but the demo
settings and to read allauth's TOTP period and length). The Django command of the
same name calls :func:`demo_code` too, so both answer alike.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import os
import struct
import sys
import time
from types import ModuleType

# A fixed secret so a newcomer can add it to an authenticator app once, or read the
# current code with `manage.py demo_totp`. Only demo accounts ever get it.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

NOT_DEMO = "demo_totp works only with the demo settings."


def totp_code(secret: str, *, at: float, period: int = 30, digits: int = 6) -> str:
    """RFC 6238 (HMAC-SHA1), as allauth's ``hotp_value`` computes it."""
    key = base64.b32decode(secret.encode("ascii"), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(at) // period), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**digits:0{digits}}"


def demo_code(settings: ModuleType | object, *, at: float | None = None) -> str:
    """The demo secret's code now, with the TOTP period and length allauth is set to."""
    return totp_code(
        DEMO_TOTP_SECRET,
        at=time.time() if at is None else at,
        period=getattr(settings, "MFA_TOTP_PERIOD", 30),
        digits=getattr(settings, "MFA_TOTP_DIGITS", 6),
    )


def main() -> int:
    """``manage.py demo_totp`` without Django's start-up: print the code, or refuse."""
    settings = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    if not getattr(settings, "DEMO_MODE", False):
        sys.stderr.write(f"CommandError: {NOT_DEMO}\n")
        return 1
    sys.stdout.write(demo_code(settings) + "\n")
    return 0
