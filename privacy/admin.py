"""The Django admin of the privacy app: requests of data subjects, read-only for
platform administrators (``portal.admin_readonly``). They are handled on the
organisation's pages, with their checks, audit rows and reminders; never here."""

from __future__ import annotations

from django.contrib import admin

from portal.admin_readonly import ReadOnlyAdmin
from privacy.models import SubjectRequest


@admin.register(SubjectRequest)
class SubjectRequestAdmin(ReadOnlyAdmin):
    list_display = ("pk", "organisation", "kind", "subject_type", "received_on", "due_on", "extended_until", "status")
    list_filter = ("kind", "status", "subject_type")
    list_select_related = ("organisation",)
    # What the request was about is not listed or searched here: the admin sees the
    # handling (dates, status), the organisation's coordinators see the person.
    fields = (
        "organisation",
        "kind",
        "subject_type",
        "received_on",
        "due_on",
        "extended_until",
        "status",
        "handled_by",
        "answered_on",
        "erasure_done_at",
        "export",
        "created_at",
        "reduced_at",
    )
    ordering = ("-received_on", "-pk")
