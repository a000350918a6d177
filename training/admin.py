from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from .models import (
    Attendance,
    Certificate,
    Enrolment,
    Feedback,
    Programme,
    Session,
    SessionDay,
    Trainer,
)
from .services.enrolment import places_taken, too_few_places


@admin.register(Trainer)
class TrainerAdmin(admin.ModelAdmin):
    list_display = ["name", "user"]
    raw_id_fields = ["user"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "format", "position"]
    list_filter = ["kind", "format"]
    filter_horizontal = ["trainers"]


class SessionDayInline(admin.TabularInline):
    model = SessionDay
    extra = 1


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["programme", "place", "capacity", "trainers", "note", "is_cancelled"]

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk and capacity < places_taken(self.instance):
            raise ValidationError(too_few_places(places_taken(self.instance)))
        return capacity


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    form = SessionForm
    list_display = ["programme", "place", "capacity", "is_cancelled"]
    list_filter = ["programme", "is_cancelled"]
    filter_horizontal = ["trainers"]
    inlines = [SessionDayInline]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["session", "user", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["user", "organisation", "session"]


admin.site.register(Attendance)
admin.site.register(Feedback)


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "enrolment", "state", "generated_at"]
    readonly_fields = ["code", "checksum", "file", "generated_at", "error"]
