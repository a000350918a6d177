"""Who looked at or exported people's personal data (152-FZ art. 19: the operator records
access to personal data). Staff pages that show people add `RecordsPersonalDataViews`; export
views call `record` with the number of rows. The person's own pages are not recorded."""

from typing import Any
from urllib.parse import quote, quote_plus

from django.db.models import Q
from django.http import HttpRequest, HttpResponseBase

from . import audit
from .models import PersonalDataAccess


def record(
    request: HttpRequest, *, kind: str = PersonalDataAccess.Kind.VIEWED, rows: int | None = None
) -> PersonalDataAccess:
    match = request.resolver_match
    return PersonalDataAccess.objects.create(
        actor=request.user if request.user.is_authenticated else None,
        kind=kind,
        page=match.view_name if match else "",
        address=request.get_full_path()[:1000],
        rows=rows,
    )


def record_export(request: HttpRequest, *, rows: int) -> PersonalDataAccess:
    return record(request, kind=PersonalDataAccess.Kind.EXPORTED, rows=rows)


class RecordsPersonalDataViews:
    """A staff page showing people's personal data: each page shown is recorded. Put it after
    the permission mixin, so that only a page actually shown is."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        if request.method == "GET" and response.status_code == 200:
            record(request)
        return response


def erase(user: Any, identity: Any) -> int:
    """A search for the person (their name, e-mail or phone in a page's address, as typed or
    URL-encoded) is hidden in the record; the record of the access itself stays."""
    needles = identity.needles()
    variants = sorted(
        {form for needle in needles for form in (needle, quote(needle), quote_plus(needle))},
        key=len,
        reverse=True,
    )
    if not variants:
        return 0
    naming = Q()
    for variant in variants:
        naming |= Q(address__icontains=variant)
    touched = 0
    for access in PersonalDataAccess.objects.filter(naming).only("pk", "address"):
        scrubbed = audit.scrub(access.address, variants)
        if scrubbed != access.address:
            PersonalDataAccess.objects.filter(pk=access.pk).update(address=scrubbed)
            touched += 1
    return touched
