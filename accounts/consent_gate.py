"""Nobody works in the portal without a consent to the policy in force (152-FZ art. 9).

Accounts made by staff or by a superuser have no consent row, and a new policy version needs a
new consent: such people are sent to the consent page first. The answer is kept in the session
(checked at sign-in), so ordinary requests cost no query.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import services
from .models import User

SESSION_KEY = "consented_policy"

# Pages open without a consent: reading the policy, leaving, the language switch (and giving
# the consent, see `_is_open`).
_OPEN_PREFIXES = ("/accounts/logout/", "/privacy/", "/i18n/", "/static/")


def _is_open(path: str) -> bool:
    return path.startswith(_OPEN_PREFIXES) or path == reverse("accounts:consent_give")


def remember_consent(request: HttpRequest, user: User) -> None:
    if services.consent_is_current(user):
        request.session[SESSION_KEY] = settings.PERSONAL_DATA_POLICY_VERSION


@receiver(user_logged_in, dispatch_uid="accounts.remember_consent")
def _on_sign_in(sender: type, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    if request is not None and hasattr(request, "session"):
        remember_consent(request, user)


class ConsentRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            isinstance(user, User)
            and not _is_open(request.path)
            and request.session.get(SESSION_KEY) != settings.PERSONAL_DATA_POLICY_VERSION
        ):
            remember_consent(request, user)
            if request.session.get(SESSION_KEY) != settings.PERSONAL_DATA_POLICY_VERSION:
                target = reverse("accounts:consent_give")
                if request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)
