from django.contrib import admin

from .models import (
    District,
    Grant,
    HeadcountRecord,
    ImportJob,
    Membership,
    Organisation,
    OrganisationLink,
    Partnership,
    Relation,
    StatusChange,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "position"]
    list_editable = ["position"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "city"]
    list_filter = ["city"]


class LinkInline(admin.TabularInline):
    model = OrganisationLink
    extra = 0
    fields = ["url", "network"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fk_name = "organisation"


class HeadcountInline(ReadOnlyInline):
    model = HeadcountRecord


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Moderation and lifecycle changes go through the portal's pages, which record them;
    the admin is for corrections."""

    list_display = ["name", "kind", "status", "moderation", "city", "members_count"]
    list_filter = ["kind", "status", "moderation", "city", "topics"]
    search_fields = ["name", "inn", "ogrn"]
    readonly_fields = ["moderation", "published_at", "submitted_at", "last_activity_at"]
    raw_id_fields = ["created_by"]
    filter_horizontal = ["topics"]
    inlines = [
        LinkInline,
        MembershipInline,
        StatusChangeInline,
        HeadcountInline,
    ]


@admin.register(Relation)
class RelationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "other", "occurred_on"]
    list_filter = ["kind"]
    raw_id_fields = ["organisation", "other"]


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ["organisation", "funder", "amount", "year"]
    list_filter = ["year"]
    raw_id_fields = ["organisation"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "partner_name", "partner_type", "signed_on"]
    list_filter = ["partner_type"]
    raw_id_fields = ["organisation"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["original_name", "state", "total_rows", "created_count", "created_at"]
    readonly_fields = ["preview"]
