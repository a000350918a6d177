"""allauth's letters name the centre and the portal (they said «Вас приветствует !» and
«на сайте .»), and the demo's mail folder is readable as text."""

import pytest
from django.core import mail
from django.urls import reverse

from .signup_data import SIGNUP

pytestmark = pytest.mark.django_db


def test_the_verification_letter_names_the_centre_and_the_portal(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://portal.centre.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)

    (letter,) = mail.outbox
    assert f"Вас приветствует {settings.CENTRE_NAME}!" in letter.body
    assert "portal.centre.example" in letter.body
    assert "приветствует !" not in letter.body and "«!»" not in letter.body
    assert "/accounts/confirm-email/" in letter.body


def test_the_demo_mail_folder_keeps_a_readable_copy(tmp_path):
    from django.core.mail import EmailMessage

    from civiccenter.kernel.mail_backends import ReadableFileBackend

    connection = ReadableFileBackend(file_path=str(tmp_path))
    connection.send_messages(
        [EmailMessage("Ваша запись подтверждена", "Ждём вас в среду.", to=["anna@example.org"])]
    )

    (file,) = tmp_path.iterdir()
    text = file.read_text()
    assert "Subject: Ваша запись подтверждена" in text and "Ждём вас в среду." in text
