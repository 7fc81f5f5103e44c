from django.conf import settings
from django.core.management.base import BaseCommand

from portal.demo import demo_logins_text, seed_demo


class Command(BaseCommand):
    help = "Create the demo organisations and a user for every role (idempotent)."

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        created = seed_demo()
        summary = ", ".join(f"{count} {name}" for name, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready (created now: {summary})."))
        self.stdout.write(demo_logins_text(getattr(settings, "SITE_URL", "http://localhost:8000")))
