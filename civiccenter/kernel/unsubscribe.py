"""One-click unsubscribe from bulk letters without signing in (RFC 8058).

Each bulk letter carries a signed address naming the person and what they leave (`scope`:
the follows' e-mail, the newsletters). The address needs no session: its signature is the
proof. A mail client that honours List-Unsubscribe-Post POSTs to it at once; a person who
clicks the link sees a page with one button (a link checker that opens the page changes
nothing)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core import signing

from .links import portal_url

_SALT = "civiccenter.unsubscribe"


def token_for(user_pk: int, scope: str) -> str:
    return signing.dumps({"u": user_pk, "s": scope}, salt=_SALT, compress=True)


def user_pk_from(token: str, scope: str) -> int | None:
    """The person the token was made for, when it is genuine and for this scope."""
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("s") != scope or not isinstance(data.get("u"), int):
        return None
    return int(data["u"])


def person_from(token: str, scope: str) -> Any | None:
    """The account the token was made for, when it is genuine, for this scope and still
    there."""
    pk = user_pk_from(token, scope)
    return get_user_model().objects.filter(pk=pk).first() if pk is not None else None


def unsubscribe_url(viewname: str, user_pk: int, scope: str) -> str:
    return portal_url(viewname, token=token_for(user_pk, scope))


def list_headers(url: str) -> dict[str, str]:
    """The headers of a bulk letter: where to unsubscribe, and that one POST does it."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
