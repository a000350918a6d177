"""What probing found and the forms now refuse, each with a Russian reason and nothing typed
lost: phones that are not numbers, links into private networks, dates still to come."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _edit(organisation, step):
    return reverse("initiatives:edit", args=[organisation.slug, step])


@pytest.fixture
def led(make_user):
    from initiatives.models import Membership

    organisation = OrganisationFactory(name="Зелёный двор")
    leader = make_user("activist")
    Membership.objects.create(organisation=organisation, user=leader, role="leader")
    return organisation, leader


def test_a_phone_is_stored_in_e164_and_shown_in_russian_style(client, led):
    organisation, leader = led
    client.force_login(leader)

    response = client.post(
        _edit(organisation, "contacts"), {"public_phone": "8 (342) 212-34-56", "action": "save"}
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.public_phone == "+73422123456"
    page = client.get(reverse("initiatives:profile", args=[organisation.slug])).content.decode()
    assert "+7 342 212-34-56" in page
    form = client.get(_edit(organisation, "contacts")).content.decode()
    assert 'value="+7 342 212-34-56"' in form and 'type="tel"' in form


def test_text_that_is_not_a_phone_is_refused(client, led):
    organisation, leader = led
    client.force_login(leader)

    response = client.post(
        _edit(organisation, "contacts"),
        {"public_phone": "abc", "website": "https://zeleny.example.org", "action": "save"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Введите номер телефона с кодом города, например +7 342 212-34-56." in page
    assert 'value="https://zeleny.example.org"' in page


@pytest.mark.parametrize(
    "link",
    [
        "http://127.0.0.1:22/",
        "http://10.0.0.5/admin",
        "http://169.254.169.254/latest/meta-data",
        "https://vk.com:8443/club",
        "http://localhost/",
    ],
)
def test_a_link_into_a_private_network_or_to_an_odd_port_is_refused(client, led, link):
    organisation, leader = led
    client.force_login(leader)

    response = client.post(_edit(organisation, "contacts"), {"links": link, "action": "save"})
    website = client.post(_edit(organisation, "contacts"), {"website": link, "action": "save"})

    assert "Это не ссылки на общедоступные сайты" in response.content.decode()
    assert "Принимаются только ссылки на общедоступные сайты" in website.content.decode()
    assert not organisation.links.exists()


def test_a_founding_date_still_to_come_is_refused(client, led):
    organisation, leader = led
    client.force_login(leader)

    response = client.post(
        _edit(organisation, "about"),
        {
            "kind": "community",
            "name": organisation.name,
            "short_description": "Дворы",
            "status": "active",
            "founded_on": "2099-01-01",
            "action": "save",
        },
    )

    assert "Эта дата ещё не наступила: укажите день, когда это произошло." in (
        response.content.decode()
    )
    organisation.refresh_from_db()
    assert organisation.founded_on is None


def test_a_persons_phone_in_the_profile_is_checked_too(client, activist):
    client.force_login(activist)

    refused = client.post(
        reverse("accounts:profile"),
        {"last_name": "Соколова", "first_name": "Анна", "phone": "позвоните мне"},
    )
    client.post(
        reverse("accounts:profile"),
        {"last_name": "Соколова", "first_name": "Анна", "phone": "+7 912 123 45 67"},
    )

    assert "Введите номер телефона с кодом города" in refused.content.decode()
    assert User.objects.get(pk=activist.pk).phone == "+79121234567"
