from django.contrib import admin
from django.http import HttpRequest

from .models import PersonalDataAccess, QuarterlyTarget


@admin.register(QuarterlyTarget)
class QuarterlyTargetAdmin(admin.ModelAdmin):
    list_display = ["year", "quarter", "consulting_hours", "training_hours"]


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """The record of staff views and exports of personal data: read, never edited."""

    list_display = ["at", "actor", "kind", "page", "rows"]
    list_filter = ["kind", "page"]
    search_fields = ["actor__email", "address"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
