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
            # Six digits that live 30 seconds need no Django start-up (demo/totp.py).
            from demo.totp import main as demo_totp

            sys.exit(demo_totp())
        if sys.argv[1:2] == ["route_case"] and _routes_with_shipped_rules_only(sys.argv[2:]):
            # The shipped rules need no database: route without Django's start-up,
            # which costs more than routing 30,000 cases (referrals/routing/batch.py).
            from referrals.routing.batch import main as route_batch

            code = route_batch(sys.argv[2:])
            # Everything is written and flushed; freeing a batch's objects one by one
            # at interpreter exit only costs time (about 0.3 s for 100,000 cases).
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A wrong or missing setting: one clear line naming the variable, no traceback.
        sys.stderr.write(f"Configuration error: {exc}\n")
        sys.exit(2)


def _routes_with_shipped_rules_only(args: list[str]) -> bool:
    """``route_case --defaults`` with only the options the pure path knows."""
    known = {"--defaults", "--timing"}
    rest = [arg for arg in args if arg not in known]
    if len(rest) == 2 and rest[0] == "--jobs" and rest[1].lstrip("-").isdigit():
        rest = []
    return "--defaults" in args and not rest


if __name__ == "__main__":
    main()
