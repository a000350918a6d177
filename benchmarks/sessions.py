"""Signed-in sessions for load runs: a session row made here is valid on the server when both
share the database and SECRET_KEY."""

from django.contrib.sessions.backends.db import SessionStore


def session_cookie(user) -> str:
    """A `Cookie:` value of a fresh session signed in as `user`."""
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"
