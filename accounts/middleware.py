from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import access
from .consent_gate import SESSION_KEY, remember_consent
from .models import User
from .roles import requires_two_factor

# Pages every signed-in person may open whatever the portal still asks of them: leaving, the
# language switch and the policy page.
_ALWAYS_OPEN = ("/accounts/logout/", "/i18n/", "/static/", "/privacy/")


def _is_consent_page(path: str) -> bool:
    return path == reverse("accounts:consent_give")


class ConsentRequiredMiddleware:
    """Nobody works in the portal without a consent to the policy in force (see
    `consent_gate`); only the consent page and the pages always open are reachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            isinstance(user, User)
            and not request.path.startswith(_ALWAYS_OPEN)
            and not _is_consent_page(request.path)
            and request.session.get(SESSION_KEY) != settings.PERSONAL_DATA_POLICY_VERSION
        ):
            remember_consent(request, user)
            if request.session.get(SESSION_KEY) != settings.PERSONAL_DATA_POLICY_VERSION:
                target = reverse("accounts:consent_give")
                if request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)


# A staff member without an authenticator may still set one up (allauth may ask for the
# password again first) and give the consent the gate above asks for first.
_OPEN_WITHOUT_AUTHENTICATOR = (*_ALWAYS_OPEN, "/accounts/2fa/", "/accounts/reauthenticate/")


class StaffTwoFactorMiddleware:
    """Staff and administration accounts cannot work until they set up an authenticator app."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and requires_two_factor(user)
            and not request.path.startswith(_OPEN_WITHOUT_AUTHENTICATOR)
            and not _is_consent_page(request.path)
            and not access.has_authenticator(user)
        ):
            messages.warning(
                request,
                _(
                    "Staff accounts must use two-factor authentication. "
                    "Set up an authenticator app."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
