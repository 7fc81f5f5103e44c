from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import current_demo_code


class Command(BaseCommand):
    help = "Print the current authenticator code of the demo accounts (demo only)."

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError("demo_totp works only with the demo settings.")
        self.stdout.write(current_demo_code())
