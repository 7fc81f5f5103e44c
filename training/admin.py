"""Django admin for platform staff (across tenants by design).

Answers and certificates are records of what happened: read-only here. A
certificate issued by mistake can be deleted, never edited.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from training.models import Answer, Assignment, Certificate, LessonProgress, ModuleAttempt


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class LessonProgressInline(admin.TabularInline):
    model = LessonProgress
    extra = 0
    can_delete = False
    readonly_fields = ["lesson", "completed_at"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    readonly_fields = ["lesson", "question_id", "option_ids", "is_correct", "answered_at"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ModuleAttempt)
class ModuleAttemptAdmin(ReadOnlyAdmin):
    list_display = ["user", "module", "number", "status", "score", "started_at", "finished_at"]
    list_filter = ["status"]
    list_select_related = ["user", "module"]
    search_fields = ["user__email", "user__last_name"]
    readonly_fields = [
        "user",
        "module",
        "number",
        "status",
        "started_at",
        "finished_at",
        "correct_count",
        "question_count",
        "score",
    ]
    inlines = [LessonProgressInline, AnswerInline]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ["attempt", "lesson", "question_id", "is_correct", "answered_at"]
    list_filter = ["is_correct"]
    list_select_related = ["attempt__user", "lesson"]
    search_fields = ["attempt__user__email", "question_id"]


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ["display_code", "holder_name", "module_title", "organisation_name", "issued_at", "expires_at"]
    list_select_related = ["user"]
    search_fields = ["code", "holder_name", "user__email", "module_title", "organisation_name"]
    date_hierarchy = "issued_at"
    readonly_fields = [
        "user",
        "module",
        "attempt",
        "code",
        "holder_name",
        "module_title",
        "organisation",
        "organisation_name",
        "issued_at",
        "expires_at",
    ]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["module", "organisation", "role", "membership", "due_date", "created_by", "created_at"]
    list_filter = ["role", "organisation"]
    list_select_related = ["module", "organisation", "membership__user", "created_by"]
    raw_id_fields = ["membership", "created_by"]
    search_fields = ["organisation__name", "membership__user__email"]
