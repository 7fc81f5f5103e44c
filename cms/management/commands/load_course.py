from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.services import CourseContentError, course_load


class Command(BaseCommand):
    help = (
        "Load the national course (library 'Trainingen', modules, lessons) and the platform takedown guides "
        "from cms/content into Wagtail. Safe to run again: pages and guides are matched by slug, new ones are "
        "created, ones that only this command has written are updated when the content changed, and nothing "
        "is created twice. Anything edited, published, unpublished or created in the Wagtail admin since the "
        "last load is NOT overwritten (it is reported as skipped) unless --force is given. Question and answer "
        "ids are derived from the slugs and stay the same on every load, also with --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also overwrite pages and guides that were changed in the Wagtail admin.",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save page changes as draft revisions instead of publishing them (guides are always saved).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = course_load(publish=not options["draft"], force=options["force"])
        except CourseContentError as error:
            raise CommandError(f"The course content does not fit the blocks: {error}") from error
        self.stdout.write(
            f"{counts['modules']} modules, {counts['lessons']} lessons, {counts['guides']} guides: "
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['skipped']} skipped."
        )
        for item in counts["skipped_items"]:
            self.stdout.write(f"  skipped (changed in the admin; use --force to overwrite): {item}")
