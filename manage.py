#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        if sys.argv[1:] == ["demo_totp"]:
            # Six digits that live 30 seconds need no Django start-up (portal/demo_totp.py).
            from portal.demo_totp import main as demo_totp

            sys.exit(demo_totp())
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A wrong or missing setting: one clear line naming the variable, no traceback.
        sys.stderr.write(f"Configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
