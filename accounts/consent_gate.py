"""Nobody works in the portal without a consent to the policy in force (152-FZ art. 9).

Accounts made by staff or by a superuser have no consent row, and a new policy version needs a
new consent: such people are sent to the consent page first. The answer is kept in the session
(checked at sign-in), so ordinary requests cost no query. The middleware that sends them is
`accounts.middleware.ConsentRequiredMiddleware`, beside the two-factor rule it must agree with.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from . import services
from .models import User

SESSION_KEY = "consented_policy"


def remember_consent(request: HttpRequest, user: User) -> None:
    if services.consent_is_current(user):
        request.session[SESSION_KEY] = settings.PERSONAL_DATA_POLICY_VERSION


@receiver(user_logged_in, dispatch_uid="accounts.remember_consent")
def _on_sign_in(sender: type, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    if request is not None and hasattr(request, "session"):
        remember_consent(request, user)
