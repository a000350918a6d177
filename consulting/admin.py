from django.contrib import admin

from .models import (
    AvailabilityException,
    Booking,
    Consultant,
    ConsultationLog,
    ConsultingTopic,
    ExpertCouncil,
    GrantReview,
    Milestone,
    QuarterState,
    Roadmap,
    WeeklyAvailability,
)


@admin.register(ConsultingTopic)
class ConsultingTopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_complex", "individual", "group", "is_active", "position"]
    list_editable = ["position", "is_active"]


class AvailabilityInline(admin.TabularInline):
    model = WeeklyAvailability
    extra = 0


class ExceptionInline(admin.TabularInline):
    model = AvailabilityException
    extra = 0


@admin.register(Consultant)
class ConsultantAdmin(admin.ModelAdmin):
    list_display = ["user", "is_active"]
    filter_horizontal = ["topics"]
    raw_id_fields = ["user"]
    inlines = [AvailabilityInline, ExceptionInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings change through the portal's pages, which check slots and send e-mails."""

    list_display = ["starts_at", "consultant", "topic", "activist", "status"]
    list_filter = ["status", "consultant"]
    date_hierarchy = "starts_at"

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ConsultationLog)
class ConsultationLogAdmin(admin.ModelAdmin):
    """Read only: entries are logged and edited in the portal, which keeps every revision."""

    list_display = ["held_on", "topic", "duration_minutes", "channel", "people_count"]
    list_filter = ["topic", "channel"]
    date_hierarchy = "held_on"

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(GrantReview)
class GrantReviewAdmin(admin.ModelAdmin):
    list_display = ["organisation", "contest", "requested_amount", "outcome", "granted_amount"]
    list_filter = ["outcome"]
    raw_id_fields = ["organisation", "reviewer", "grant"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 1
    exclude = ["updated_by"]


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "consultant"]
    raw_id_fields = ["organisation"]
    inlines = [MilestoneInline]


@admin.register(ExpertCouncil)
class ExpertCouncilAdmin(admin.ModelAdmin):
    list_display = ["organisation", "held_on"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["experts"]


@admin.register(QuarterState)
class QuarterStateAdmin(admin.ModelAdmin):
    list_display = ["year", "quarter", "closed", "changed_by", "changed_at"]
    readonly_fields = ["changed_by", "changed_at"]
