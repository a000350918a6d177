from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .navigation import nav_for, personal_for


def portal(request) -> dict:
    """What every page shows: the centre's name and the navigation for this user's roles;
    the person's own pages in every app, for the profile (worked out only where shown)."""
    return {
        "centre_name": settings.CENTRE_NAME,
        "centre_city": settings.CENTRE_CITY,
        "nav_items": nav_for(request),
        "personal_items": SimpleLazyObject(lambda: personal_for(request.user)),
    }
