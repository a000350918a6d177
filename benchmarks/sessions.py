"""Signed-in sessions for load runs: a session row made here is valid on the server when both
share the database and SECRET_KEY."""

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore

from accounts import services
from accounts.consent_gate import SESSION_KEY


def session_cookie(user) -> str:
    """A `Cookie:` value of a fresh session signed in as `user`, who has consented to the
    policy in force (without it every page answers with a redirect to the consent page, a
    302 that a posting benchmark would count as a success)."""
    if not services.consent_is_current(user):
        services.consent_record(user=user, ip_address=None)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[SESSION_KEY] = settings.PERSONAL_DATA_POLICY_VERSION
    session.create()
    return f"sessionid={session.session_key}"
