from django.contrib import admin

from .models import (
    AgendaItem,
    Commitment,
    Event,
    EventSeries,
    GameParticipant,
    MediaPublication,
    Outcome,
    Partner,
    Question,
    Registration,
    Stand,
    StandReport,
    Team,
)


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "city", "capacity", "is_published"]
    list_filter = ["kind", "city", "series"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["parent"]
    inlines = [AgendaInline, PartnerInline]


admin.site.register(EventSeries)


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["event", "speeches", "master_classes", "actions"]
    filter_horizontal = ["initiatives_formed"]


@admin.register(MediaPublication)
class MediaPublicationAdmin(admin.ModelAdmin):
    list_display = ["outlet", "published_on", "event", "organisation"]
    date_hierarchy = "published_on"
    raw_id_fields = ["event", "organisation", "logged_by"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "ticket_code", "checked_in_at"]
    list_filter = ["status", "event"]
    raw_id_fields = ["user", "organisation", "event", "checked_in_by"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["what", "responsible", "due_on", "done_on", "event"]
    list_filter = ["event"]


admin.site.register(Question)
admin.site.register(Stand)
admin.site.register(StandReport)
admin.site.register(Team)
admin.site.register(GameParticipant)
