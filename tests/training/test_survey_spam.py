"""The survey after a training is a form anyone with the link can send: a honeypot field and a
limit per address."""

import pytest
from django.urls import reverse

from training.models import Feedback

pytestmark = pytest.mark.django_db


def test_the_public_survey_has_the_honeypot_and_a_limit_per_address(
    client, settings, make_session, activist
):
    from training.services import enrolment

    item = enrolment.enrolment_create(session=make_session(), user=activist)
    url = reverse("training:feedback", args=[item.feedback_token])

    refused = client.post(url, {"rating": "5", "homepage": "x"})
    assert "Форму не удалось отправить" in refused.content.decode()
    assert not Feedback.objects.exists()
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "public_form": "2/m/ip"}
    answers = [client.post(url, {"rating": "5"}).status_code for _ in range(3)]
    assert answers[-1] == 429
    assert "Слишком много попыток" in client.post(url, {"rating": "4"}).content.decode()
    assert Feedback.objects.count() == 1
