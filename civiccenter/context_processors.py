from django.conf import settings

from .navigation import nav_for


def portal(request) -> dict:
    """What every page shows: the centre's name and the navigation for this user's roles."""
    return {
        "centre_name": settings.CENTRE_NAME,
        "centre_city": settings.CENTRE_CITY,
        "nav_items": nav_for(request),
    }
