"""{% event_time_span event %}: an event's dates and times in its own place's zone, with the
zone named when it is not the centre's («11:00–13:00 (Москва, Пенза, Заречный (UTC+3))»)."""

from django import template
from django.conf import settings
from django.utils import timezone

from civiccenter.kernel import dates

from ..models.core import TIME_ZONES

register = template.Library()


@register.simple_tag
def event_time_span(event) -> str:
    zone = getattr(event, "time_zone", "") or settings.TIME_ZONE
    with timezone.override(zone):
        text = dates.time_span(event.starts_at, event.ends_at)
    if zone != settings.TIME_ZONE:
        text = f"{text} ({dict(TIME_ZONES).get(zone, zone)})"
    return text
