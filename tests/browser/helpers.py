"""Steps the browser journeys share: signing in and out, with the second factor for staff."""

import re
import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

PASSWORD = "correct-horse-battery"

# allauth refuses a code used once; a journey that signs in twice within one 30-second period
# takes the neighbouring period's code, which the tolerance of one period accepts.
_used_codes: set[tuple[str, int]] = set()


def _fresh_code(secret: str) -> str:
    now = int(time.time()) // 30
    counter = next(c for c in (now, now + 1, now - 1) if (secret, c) not in _used_codes)
    _used_codes.add((secret, counter))
    return format_hotp_value(hotp_value(secret, counter))


def with_authenticator(user) -> str:
    """Activates TOTP for a staff account; returns the secret to compute codes from."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def log_in(checked_page, email: str, *, totp_secret: str | None = None) -> None:
    """Signs in through the login form (and the code page) and lands on the profile."""
    page = checked_page.page
    checked_page.goto("/accounts/login/")
    checked_page.assert_accessible()
    page.get_by_label("Адрес электронной почты").fill(email)
    page.get_by_label(re.compile(r"^Пароль:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    if totp_secret:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        checked_page.assert_accessible()
        page.get_by_label("Код").fill(_fresh_code(totp_secret))
        page.get_by_role("button", name="Войти").click()
    page.wait_for_url(re.compile(r"/accounts/profile/"))
    checked_page.assert_accessible()


def log_out(checked_page) -> None:
    checked_page.page.get_by_role("button", name="Выйти", exact=True).click()
    checked_page.page.wait_for_url(re.compile(r"/$"))
    checked_page.assert_accessible()
