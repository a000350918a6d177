from django.contrib import admin

from .models import Organisation, OrganisationLink


class LinkInline(admin.TabularInline):
    model = OrganisationLink
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "city", "members_count"]
    list_filter = ["kind", "status", "city"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [LinkInline]
