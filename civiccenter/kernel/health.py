"""Health checks for load balancers and monitoring."""

from django.http import HttpRequest, HttpResponse


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers (and the load benchmark's bare view): answers without touching the
    database or the cache."""
    return HttpResponse("ok", content_type="text/plain")
