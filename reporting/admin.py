"""Read-only admin for the rollups: they are rebuilt by the refresh, never edited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from reporting.models import (
    CaseMonthRollup,
    PartnerReferralDayRollup,
    ReferralMonthRollup,
    RollupState,
    TrainingRollup,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RollupState)
class RollupStateAdmin(ReadOnlyAdmin):
    list_display = ("key", "refreshed_at", "seconds")


@admin.register(CaseMonthRollup)
class CaseMonthRollupAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "municipality", "month", "form", "status", "count")
    list_filter = ("month", "status")
    list_select_related = ("organisation", "municipality")


@admin.register(ReferralMonthRollup)
class ReferralMonthRollupAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "month", "destination", "status", "ack", "bucket", "escalated", "count")
    list_filter = ("month", "status", "ack")
    list_select_related = ("organisation",)


@admin.register(PartnerReferralDayRollup)
class PartnerReferralDayRollupAdmin(ReadOnlyAdmin):
    list_display = ("partner", "day", "status", "outcome", "ack", "bucket", "count")
    list_filter = ("status", "ack")
    list_select_related = ("partner",)


@admin.register(TrainingRollup)
class TrainingRollupAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "role", "module_title", "assigned", "completed", "overdue")
    list_select_related = ("organisation",)
