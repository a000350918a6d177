from django.contrib import admin

from .models import QuarterlyTarget


@admin.register(QuarterlyTarget)
class QuarterlyTargetAdmin(admin.ModelAdmin):
    list_display = ["year", "quarter", "consulting_hours", "training_hours"]
