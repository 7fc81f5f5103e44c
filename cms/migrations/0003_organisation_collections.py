"""Give every existing organisation its own Wagtail collection, and move its logo in.

New organisations get theirs from ``cms.setup.organisation_collection``. Historical
models have no treebeard methods, so the children of the root collection are
numbered here the way treebeard numbers them (steps of four base-36 digits).
"""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def forwards(apps, schema_editor):
    Organisation = apps.get_model("portal", "Organisation")
    Collection = apps.get_model("wagtailcore", "Collection")
    OrganisationCollection = apps.get_model("cms", "OrganisationCollection")
    Image = apps.get_model("wagtailimages", "Image")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], len(ALPHABET)) if last else 0
    missing = Organisation.objects.filter(cms_collection__isnull=True).order_by("pk")
    for organisation in missing:
        number += 1
        collection = Collection.objects.create(
            name=organisation.name[:255], path=root.path + _step(number), depth=2, numchild=0
        )
        OrganisationCollection.objects.create(organisation=organisation, collection=collection)
        if organisation.logo_id is not None:
            Image.objects.filter(pk=organisation.logo_id, collection=root).update(collection=collection)
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_organisation_collection"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
