from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.totp import NOT_DEMO, demo_code


class Command(BaseCommand):
    help = "Print the current authenticator code of the demo accounts (demo only)."
    # `manage.py demo_totp` alone never gets here (manage.py answers it without Django's
    # start-up); with options, or through call_command, it answers the same.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError(NOT_DEMO)
        self.stdout.write(demo_code(settings))
