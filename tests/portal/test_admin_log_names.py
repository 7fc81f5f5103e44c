"""When an account is deleted, the admin logs about it keep what was done and when,
but no longer the person's name (Django's admin log and Wagtail's log)."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from portal.models import Organisation, User
from portal.services import DELETED_ACCOUNT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _admin_log(actor: User, obj: User | Organisation, message: str) -> LogEntry:
    return LogEntry.objects.log_actions(
        user_id=actor.pk, queryset=[obj], action_flag=CHANGE, change_message=message, single_object=True
    )


def test_deleting_an_account_takes_its_name_out_of_the_admin_logs(org):
    admin = UserFactory(is_staff=True, is_superuser=True, first_name="Ada", last_name="Beheer")
    person = UserFactory(first_name="Fleur", last_name="de Vries", email="fleur@example.org")
    neighbour = UserFactory(first_name="Sam", last_name="Smit")
    about_person = _admin_log(admin, person, '[{"changed": {"fields": ["Voornaam"]}}]')
    about_neighbour = _admin_log(admin, neighbour, '[{"changed": {"fields": ["Achternaam"]}}]')
    about_org = _admin_log(admin, org, '[{"changed": {"fields": ["Naam"]}}]')
    wagtail_entry = log(person, "wagtail.edit", user=admin)
    wagtail_neighbour = log(neighbour, "wagtail.edit", user=admin)
    assert about_person.object_repr == "Fleur de Vries"
    assert wagtail_entry.label == "Fleur de Vries"

    person_id = person.pk
    person.delete()

    about_person.refresh_from_db()
    assert (about_person.object_repr, about_person.change_message) == (DELETED_ACCOUNT, "")
    assert about_person.action_flag == CHANGE and about_person.user_id == admin.pk
    assert about_person.object_id == str(person_id)
    wagtail_entry = ModelLogEntry.objects.get(pk=wagtail_entry.pk)
    assert (wagtail_entry.label, wagtail_entry.data, wagtail_entry.action) == (DELETED_ACCOUNT, {}, "wagtail.edit")
    # Entries about other people and other objects are untouched.
    about_neighbour.refresh_from_db()
    assert about_neighbour.object_repr == "Sam Smit"
    assert about_neighbour.change_message == '[{"changed": {"fields": ["Achternaam"]}}]'
    assert ModelLogEntry.objects.get(pk=wagtail_neighbour.pk).label == "Sam Smit"
    about_org.refresh_from_db()
    assert about_org.object_repr == str(org)


def test_an_organisation_with_the_same_id_is_not_mistaken_for_the_account(org):
    """The log rows are matched on content type and id, not on id alone."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory()
    organisation_entry = LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(person.pk),
        object_repr="Basisschool",
        action_flag=CHANGE,
        change_message="x",
    )
    person.delete()
    organisation_entry.refresh_from_db()
    assert (organisation_entry.object_repr, organisation_entry.change_message) == ("Basisschool", "x")


def test_a_queryset_delete_anonymises_each_account():
    """The sweep and the admin's bulk action delete querysets: every account counts."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    people = [UserFactory(first_name=f"Persoon{n}", last_name="X") for n in range(3)]
    entries = [_admin_log(admin, person, "[]") for person in people]
    User.objects.filter(pk__in=[p.pk for p in people]).delete()
    assert {LogEntry.objects.get(pk=entry.pk).object_repr for entry in entries} == {DELETED_ACCOUNT}
