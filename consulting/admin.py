from django.contrib import admin

from .models import ConsultingTopic


@admin.register(ConsultingTopic)
class ConsultingTopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_complex", "individual", "group", "position"]
    list_editable = ["position"]
