"""``manage.py refresh_rollups``: rebuild the dashboards' rollups now and print progress."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from reporting.rollups import rollups_refresh


class Command(BaseCommand):
    help = "Rebuild the rollups every dashboard but the case handler's reads (also runs every 5 minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = rollups_refresh(progress=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Rollups ready in {result.seconds:.1f} s: {result.case_rows} case rows, "
                f"{result.referral_rows} referral rows, {result.partner_rows} partner rows, "
                f"{result.training_rows} training rows, {result.area_rows} area rows."
            )
        )
