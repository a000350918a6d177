"""A passport keeps the form's own section numbers whether or not earlier sections are
empty; an empty section is left out everywhere; the trailing sections are numbered too."""

import pytest
from django.urls import reverse

from portal.models import PracticePassport
from portal.passport_sections import sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def passport(make_user):
    return PracticePassport.objects.create(
        title="Деловая игра «Город»",
        author=make_user("coordinator"),
        status="published",
        territory="ЗАТО Заречный",
        preconditions="Горожане хотят объединяться.",
        team_leader="Команда центра",
        tables={
            "results": [{"indicator": "Сообществ, шт.", "last_year": "12", "whole_period": "12"}],
            "costs": [
                {"item": "Аренда", "amount": "1500.50", "source": "Бюджет"},
                {"item": "Кофе-брейк", "amount": "99.25", "source": "Спонсор"},
            ],
            "contacts": [{"name": "Иванова А. А.", "position": "Директор", "contact": "+7"}],
        },
    )


def test_sections_keep_the_forms_numbers_and_empty_ones_are_left_out(passport):
    assert [(s.number, str(s.title)) for s in sections(passport)] == [
        (1, "Наименование практики"),
        (2, "Территория"),
        (4, "Предпосылки реализации"),
        (10, "Результаты практики"),
        (19, "Затраты"),
        (21, "Лидер практики, команда"),
        (23, "Контакты"),
    ]


def test_the_page_prints_the_numbers_and_the_exact_total_with_kopecks(client, passport):
    html = client.get(reverse("passports:detail", args=[passport.pk])).content.decode()
    assert "<h2>19. " in html and "<h2>23. " in html and "<h2>3. " not in html
    assert 'id="costs-total" class="number">1\xa0599,75<' in html
    assert "—</p>" not in html
