from typing import Any

from django.core.management.base import BaseCommand

from cms.setup import setup_cms


class Command(BaseCommand):
    help = (
        "Set up the CMS: the 'Organisaties' index page, a section for every active school, sports club, "
        "municipality and partner, the groups 'Editors' and 'Platformredactie' with their fixed permissions, "
        "and the default site's root page. Safe to run again, also before or after load_course (the library's "
        "permissions are granted once the library exists)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = setup_cms()
        self.stdout.write(
            f"Index {'created' if result.index_created else 'present'}; "
            f"{len(result.sections_created)} sections created; "
            f"library permissions {'set' if result.library_permissions else 'skipped (no library yet)'}; "
            f"site root {result.site_root}."
        )
        for slug in result.sections_created:
            self.stdout.write(f"  section created: {slug}")
