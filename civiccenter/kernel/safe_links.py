"""Links that the portal shows to everyone: only web pages on the open internet.

A link of a registry record or a passport is opened by visitors' browsers and checked by
staff: an address on loopback, in a private or link-local network, on an unusual port, or a
bare host name, points inside someone's network rather than at a public site."""

import ipaddress
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

http_or_https = URLValidator(schemes=["http", "https"])
ALLOWED_PORTS = {None, 80, 443}
INTERNAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")
NOT_PUBLIC = _("Only links to public web sites are accepted: %(url)s")


def validate_public_url(value: str) -> None:
    http_or_https(value)
    parts = urlsplit(value)
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError as error:
        raise ValidationError(NOT_PUBLIC, code="not_public", params={"url": value}) from error
    if port not in ALLOWED_PORTS or _is_internal(host):
        raise ValidationError(NOT_PUBLIC, code="not_public", params={"url": value})


def _is_internal(host: str) -> bool:
    if host == "localhost" or host.endswith(INTERNAL_NAMES) or "." not in host.strip("[]"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return not address.is_global
