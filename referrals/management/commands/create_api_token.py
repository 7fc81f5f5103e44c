"""Create a bearer token for the routing API and print it once.

    python manage.py create_api_token vertrouwenspersoon@example.org "Koppeling leerlingvolgsysteem"

Only a hash is stored: the token cannot be shown again. Revoke it in the Django
admin (API-sleutels).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.models import User
from referrals import selectors, services


class Command(BaseCommand):
    help = "Create an API token for the routing API for a user (by e-mail) and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("name", help="what the token is for, e.g. the system that uses it")

    def handle(self, *args: Any, email: str, name: str, **options: Any) -> None:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None or not user.is_active:
            raise CommandError(f"Geen actieve gebruiker met e-mailadres {email!r}.")
        if not selectors.user_may_route(user):
            raise CommandError(
                f"{user.email} heeft geen actieve rol die casussen behandelt of inziet, en is geen platformbeheerder."
            )
        try:
            created = services.api_token_create(user=user, name=name)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(created.token)
        self.stderr.write("Bewaar deze sleutel nu: hij wordt nergens opgeslagen en niet nog eens getoond.")
