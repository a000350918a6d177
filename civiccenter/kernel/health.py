"""Health checks for load balancers and monitoring."""

from django.http import HttpResponse


def healthz(request):
    """For load balancers (and the load benchmark's bare view): answers without touching the
    database or the cache."""
    return HttpResponse("ok", content_type="text/plain")
