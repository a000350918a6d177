"""What the portal holds about one person, for the person to download (152-FZ art. 14: the
subject's right to learn what is processed about them).

Each app registers, in its AppConfig.ready, a function that returns its part for a user —
plain JSON-ready values, the person's own data only (not other people's names in a shared
record) — so the account page lists every app without importing one:

    personal_data.register("bookings", bookings_of_person)
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

Exporter = Callable[[Any], Any]
_EXPORTERS: dict[str, Exporter] = {}
_ERASERS: dict[str, Callable[[Any, "Identity"], Any]] = {}


@dataclass(frozen=True)
class Identity:
    """Who the person was before their account row is anonymised: what an eraser looks for
    in records that name them in free text (an invitation's address, a record's contact)."""

    email: str
    phone: str
    full_name: str
    last_name: str = ""
    first_name: str = ""

    def needles(self) -> list[str]:
        """What names the person in free text: the e-mail, the phone, the full name and the
        two ways people write a name and surname (not a first name alone: namesakes)."""
        pairs = (
            [f"{self.last_name} {self.first_name}", f"{self.first_name} {self.last_name}"]
            if self.last_name and self.first_name
            else []
        )
        return [value for value in (self.email, self.phone, self.full_name, *pairs) if value]


def register(name: str, exporter: Exporter) -> None:
    _EXPORTERS[name] = exporter


def register_eraser(name: str, eraser: Callable[[Any, Identity], Any]) -> None:
    """`eraser(user, identity)` removes what its app holds about the person beyond the user
    row (152-FZ art. 21: destruction once the consent is withdrawn): free text written by or
    about them, files that name them, rows that exist only for them. Figures keep counting
    the rows they need, attached to the anonymised account."""
    _ERASERS[name] = eraser


def erase(user: Any, identity: Identity) -> dict[str, Any]:
    """Runs every eraser; returns what each reports (counts, for the audit trail)."""
    return {name: _ERASERS[name](user, identity) for name in sorted(_ERASERS)}


def plain(value: Any) -> Any:
    """A value as JSON carries it: dates and times in ISO form, money as text."""
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def collect(user: Any) -> dict[str, Any]:
    """Every registered part, by name, in a stable order, as JSON carries it."""
    return {name: plain(part) for name, part in collect_values(user).items()}


def collect_values(user: Any) -> dict[str, Any]:
    """The same parts with their own values (dates as dates), for a page to format."""
    return {name: _EXPORTERS[name](user) for name in sorted(_EXPORTERS)}
