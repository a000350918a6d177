import re
from datetime import date

import pytest
from django.urls import reverse

from initiatives.links import network_of
from initiatives.models import District, Grant, OrganisationLink, Topic
from tests.factories import OrganisationFactory, OrganisationLinkFactory

pytestmark = pytest.mark.django_db


def _names(client, **params):
    response = client.get(reverse("initiatives:catalogue"), params)
    assert response.status_code == 200
    return [organisation.name for organisation in response.context["organisations"]]


@pytest.fixture
def registry(db):
    culture = Topic.objects.get(name="Культура")
    sport = Topic.objects.get(name="Спорт")
    leninsky = District.objects.create(city="Пенза", name="Ленинский")
    jazz = OrganisationFactory(
        name="Jazz May", kind="community", members_count=334, founded_on=date(2012, 5, 16)
    )
    jazz.topics.add(culture)
    racing = OrganisationFactory(
        name="Penza Racing Club", kind="community", members_count=2529, district=leninsky
    )
    racing.topics.add(sport)
    fund = OrganisationFactory(
        name="Фонд «Доброе дело»", kind="ngo", members_count=12, status="dormant"
    )
    Grant.objects.create(
        organisation=fund, funder="Фонд президентских грантов", amount=500000, year=2025
    )
    OrganisationFactory(name="Черновик", moderation="draft", published_at=None)
    return {"culture": culture, "leninsky": leninsky}


def test_filters(client, registry):
    assert _names(client) == ["Jazz May", "Penza Racing Club", "Фонд «Доброе дело»"]
    assert _names(client, kind="ngo") == ["Фонд «Доброе дело»"]
    assert _names(client, topic=registry["culture"].pk) == ["Jazz May"]
    assert _names(client, district=registry["leninsky"].pk) == ["Penza Racing Club"]
    assert _names(client, status="dormant") == ["Фонд «Доброе дело»"]
    assert _names(client, has_grants="true") == ["Фонд «Доброе дело»"]
    assert _names(client, has_grants="false") == ["Jazz May", "Penza Racing Club"]
    assert _names(client, founded_year=2012) == ["Jazz May"]


def test_sorting(client, registry):
    assert _names(client, sort="members") == ["Penza Racing Club", "Jazz May", "Фонд «Доброе дело»"]
    assert _names(client, sort="name")[0] == "Jazz May"


def test_pagination_keeps_the_filters(client, settings):
    settings.REGISTRY_PAGE_SIZE = 2
    for number in range(5):
        OrganisationFactory(name=f"Клуб {number}", kind="community")

    first = client.get(reverse("initiatives:catalogue"), {"kind": "community"})
    assert first.context["page_obj"].paginator.num_pages == 3
    assert "kind=community&amp;page=2" in first.content.decode()


@pytest.mark.parametrize("size", [1, 50])
def test_catalogue_runs_a_constant_number_of_queries(client, django_assert_num_queries, size):
    culture = Topic.objects.get(name="Культура")
    district = District.objects.create(city="Пенза", name="Октябрьский")
    for organisation in OrganisationFactory.create_batch(size, district=district):
        organisation.topics.add(culture)
        OrganisationLinkFactory(organisation=organisation)
    # count, page of rows, their topics; the filter form's topics and districts
    with django_assert_num_queries(5):
        response = client.get(
            reverse("initiatives:catalogue"), {"q": "сообщество", "sort": "members"}
        )
    assert len(response.context["organisations"]) == min(size, 20)


@pytest.mark.parametrize("size", [1, 50])
def test_moderation_queue_runs_a_constant_number_of_queries(
    client, coordinator, django_assert_num_queries, size
):
    culture = Topic.objects.get(name="Культура")
    for organisation in OrganisationFactory.create_batch(
        size, moderation="pending", published_at=None, created_by=coordinator
    ):
        organisation.topics.add(culture)
    client.force_login(coordinator)
    client.get(reverse("home"))  # warm the session and the permission cache

    # user, their roles, permissions and authenticator (one query), count, rows, topics
    with django_assert_num_queries(5):
        response = client.get(reverse("initiatives:moderation"))
    assert len(response.context["organisations"]) == size


def test_open_data_has_no_personal_data(client, registry):
    OrganisationFactory(
        name="Клуб с контактами",
        public_email="club@example.org",
        private_email="leader@example.org",
        private_phone="+7 900 000-00-00",
        contact_person="Иван Иванов",
    )

    body = client.get(reverse("initiatives:open_data", args=["json"])).json()
    csv = b"".join(client.get(reverse("initiatives:open_data", args=["csv"])).streaming_content)

    names = [item["name"] for item in body["organisations"]]
    assert "Клуб с контактами" in names and "Черновик" not in names
    text = str(body) + csv.decode("utf-8-sig")
    for private in ("example.org", "+7 900", "Иван Иванов"):
        assert private not in text


def test_export_is_for_staff_and_follows_the_filters(client, registry, activist, coordinator):
    client.force_login(activist)
    assert client.get(reverse("initiatives:export", args=["csv"])).status_code == 403

    client.force_login(coordinator)
    response = client.get(reverse("initiatives:export", args=["csv"]), {"kind": "ngo"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Фонд «Доброе дело»" in text and "Jazz May" not in text
    assert response["Content-Disposition"].startswith('attachment; filename="registry-')

    xlsx = client.get(reverse("initiatives:export", args=["xlsx"]), {"kind": "community"})
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["Jazz May", "Penza Racing Club"]


def test_cards_show_the_logo_and_profiles_show_network_icons(client, registry):
    with_logo = OrganisationFactory(name="Клуб с логотипом", logo="logos/2026/11/club.png")
    for url in ("https://vk.com/club", "https://rutube.ru/channel/1/", "https://klub.example.ru/"):
        OrganisationLinkFactory(organisation=with_logo, url=url, network=network_of(url))

    catalogue = client.get(reverse("initiatives:catalogue")).content.decode()
    assert 'src="/media/logos/2026/11/club.png"' in catalogue
    # a record without a logo gets its initial instead of an empty frame
    assert '<span class="logo logo-placeholder" aria-hidden="true">J</span>' in catalogue

    profile = client.get(reverse("initiatives:profile", args=[with_logo.slug])).content.decode()
    for icon in ("vk.svg", "rutube.svg", "other.svg"):
        assert f'src="/static/img/networks/{icon}"' in profile
    assert "<span>klub.example.ru</span>" in profile  # a site of its own is named by its host
    assert "<span>RuTube</span>" in profile


def test_every_network_has_an_icon_the_portal_serves():
    from django.contrib.staticfiles import finders

    for network in OrganisationLink.Network.values:
        assert finders.find(f"img/networks/{network}.svg"), network


def test_the_filters_chosen_are_marked_in_the_form(client):
    culture = Topic.objects.get(name="Культура")
    html = client.get(
        reverse("initiatives:catalogue"), {"topic": culture.pk, "status": "idea"}
    ).content.decode()
    assert f'<option value="{culture.pk}" selected>Культура</option>' in html
    assert '<option value="idea" selected>' in html
    plain = client.get(reverse("initiatives:catalogue")).content.decode()
    form = plain[
        plain.index('role="search"') : plain.index("</form>", plain.index('role="search"'))
    ]
    # the options written once are not left marked: only each select's «All» is chosen
    assert re.findall(r'<option value="([^"]*)" selected>', form) == [""] * form.count("<select")
