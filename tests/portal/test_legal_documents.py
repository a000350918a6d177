"""The consent to processing is a document of its own with every element 152-FZ art. 9 part 4
asks for, and the policy names the operator, its processors, the terms and the data actually
collected (found: one checkbox and a link; no operator details, terms or third parties; half
the data missing)."""

import pytest
from django.urls import reverse

from tests.english_labels import texts_of_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(settings):
    settings.OPERATOR_LEGAL_NAME = "МАУ «Центр инициатив»"
    settings.OPERATOR_ADDRESS = "614000, г. Пермь, ул. Ленина, д. 51"
    settings.OPERATOR_OGRN = "1025900000000"
    settings.PERSONAL_DATA_PROCESSORS = ["ООО «Хостинг», Пермь"]
    settings.PERSONAL_DATA_POLICY_VERSION = "2026-12-02"


def _text(client, name: str) -> str:
    return " ".join(" ".join(texts_of_html(client.get(reverse(name)).content.decode())).split())


def test_the_consent_has_every_element_of_article_9(client, operator):
    text = _text(client, "consent_document")
    for element in (
        "МАУ «Центр инициатив», адрес: 614000, г. Пермь, ул. Ленина, д. 51, ОГРН 1025900000000",
        "2. Цели обработки",
        "3. Перечень персональных данных",
        "вопросы к консультациям",
        "социальная группа",
        "4. Действия с данными и способы обработки",
        "5. Кто обрабатывает данные по поручению оператора",
        "ООО «Хостинг», Пермь",
        "6. Срок действия и отзыв",
        "Редакция 2 декабря 2026",
    ):
        assert element in text, element


def test_the_policy_names_the_operator_processors_and_terms(client, operator):
    text = _text(client, "privacy")
    for element in ("МАУ «Центр инициатив»", "ООО «Хостинг», Пермь", "Сроки хранения", "постеры"):
        assert element in text, element


def test_sign_up_links_the_consent_and_the_policy(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert f'href="{reverse("consent_document")}"' in html
    assert f'href="{reverse("privacy")}"' in html
