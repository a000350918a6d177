from django.contrib import admin

from .models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "city"]
    list_filter = ["kind", "city"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
