from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from civiccenter.kernel.mail import send_after_commit


@dataclass(frozen=True)
class PortalSite:
    """What allauth's letters call «the site»: the centre's name and the portal's address
    (there is no django.contrib.sites; a request's host would name the server, not the
    centre)."""

    name: str
    domain: str


def portal_site() -> PortalSite:
    return PortalSite(settings.CENTRE_NAME, urlsplit(settings.PORTAL_BASE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with its e-mails delivered by Celery instead of in the request."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        message = self.render_mail(
            template_prefix, email, {"email": email, **context, "current_site": portal_site()}
        )
        send_after_commit(message)
