"""The organisation's collection is made also when the root collection is missing (a flushed database, as after a transactional test)."""

import pytest
from wagtail.models import Collection

from cms.setup import organisation_collection
from tests.factories import SchoolFactory


@pytest.mark.django_db
def test_a_collection_is_made_after_a_flush_removed_the_root():
    Collection.objects.all().delete()
    school = SchoolFactory()
    collection = organisation_collection(school)
    assert collection.get_parent() == Collection.get_first_root_node()
