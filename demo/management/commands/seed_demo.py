from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.services import course_load
from cms.setup import setup_cms
from demo.accounts import demo_logins_text, seed_demo
from demo.case_history import seed_case_history
from demo.cases import seed_referrals_demo
from demo.pages import seed_cms_demo
from demo.privacy import seed_privacy_demo
from demo.training import seed_training_demo
from referrals.services_directory import directory_load
from reporting.rollups import rollups_refresh
from signalenwijzer.services import signalenwijzer_load


class Command(BaseCommand):
    help = (
        "Create the demo: organisations and a user for every role, the CMS sections and "
        "groups, the first course with its takedown guides, the national directory, organisation pages, demo "
        "training assignments and demo cases with referrals. Idempotent: a second run creates nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_demo()
        summary = ", ".join(f"{count} {name}" for name, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Organisations and users ready (created now: {summary})."))

        setup_cms()
        course = course_load()
        # Again, now that the library exists: its editors group gets its permissions.
        setup_cms()
        self.stdout.write(
            self.style.SUCCESS(
                f"Course ready: {course['modules']} modules, {course['lessons']} lessons, {course['guides']} guides "
                f"({course['created']} created now)."
            )
        )
        directory = directory_load()
        self.stdout.write(self.style.SUCCESS(f"National directory ready ({directory.summary()})"))
        for item in directory.skipped_items:
            self.stdout.write(f"  kept as changed in the admin: {item}")
        self.stdout.write(self.style.SUCCESS(f"Signalenwijzer ready ({signalenwijzer_load().summary()})."))
        pages = seed_cms_demo()
        self.stdout.write(self.style.SUCCESS(f"Organisation pages ready ({len(pages)} created now)."))
        training = seed_training_demo()
        self.stdout.write(self.style.SUCCESS(f"Training demo ready: {training}"))
        cases = seed_referrals_demo()
        self.stdout.write(self.style.SUCCESS(f"Case demo ready (created now: {cases})."))
        if cases.reminder_text():
            self.stdout.write(cases.reminder_text())
        if cases.link_url:
            self.stdout.write(
                f"Referral by link to {cases.link_label} (a partner without an account). "
                f"Open this link once to answer it as the partner:\n  {cases.link_url}"
            )
        elif cases.link_waiting:
            self.stdout.write(
                f"The link for {cases.link_label} was printed when it was made; the mail with it is in var/mail/."
            )
        privacy = seed_privacy_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Privacy requests ready ({privacy} created now: one open access, one answered erasure)."
            )
        )
        history = seed_case_history()
        self.stdout.write(self.style.SUCCESS(f"Case history for the dashboards ready ({history} cases created now)."))
        refreshed = rollups_refresh()
        self.stdout.write(self.style.SUCCESS(f"Dashboard figures ready ({refreshed.seconds:.1f} s)."))
        self.stdout.write(demo_logins_text(getattr(settings, "SITE_URL", "http://localhost:8000")))
