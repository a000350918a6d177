"""Sign-up and the public survey against bots: a honeypot field and limits per address, no
third-party captcha."""

import pytest
from django.urls import reverse

from accounts.models import User

from .signup_data import SIGNUP

pytestmark = pytest.mark.django_db


def test_a_bot_that_fills_the_hidden_field_is_refused_and_no_account_is_made(client):
    page = client.get(reverse("account_signup")).content.decode()
    assert 'name="homepage"' in page and 'class="honeypot"' in page and 'tabindex="-1"' in page

    response = client.post(reverse("account_signup"), {**SIGNUP, "homepage": "http://spam.example"})

    assert response.status_code == 200
    assert "Форму не удалось отправить. Обновите страницу и попробуйте ещё раз." in (
        response.content.decode()
    )
    assert not User.objects.filter(email="anna@example.org").exists()
    assert client.post(reverse("account_signup"), SIGNUP).status_code == 302


def test_sign_ups_from_one_address_are_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "3/m/ip"}
    statuses = [
        client.post(reverse("account_signup"), {**SIGNUP, "email": f"p{n}@example.org"}).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
