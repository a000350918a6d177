"""Synthetic but realistic registry data for benchmarks: Russian names and descriptions,
all kinds and statuses, districts, topics and grants. Deterministic (fixed seed)."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from initiatives.models import District, Grant, Organisation, StatusChange, Topic

ADJECTIVES = [
    "Зелёный",
    "Добрый",
    "Городской",
    "Молодёжный",
    "Семейный",
    "Культурный",
    "Открытый",
    "Соседский",
    "Экологический",
    "Спортивный",
    "Творческий",
    "Исторический",
    "Активный",
]
NOUNS = [
    "двор",
    "клуб",
    "проект",
    "союз",
    "центр",
    "кружок",
    "фестиваль",
    "патруль",
    "совет",
    "театр",
    "сад",
    "музей",
    "архив",
    "форум",
    "лагерь",
]
PLACES = ["Пензы", "Перми", "Заречного", "Зеленогорска", "на Каме", "у реки", "в парке"]
SENTENCES = [
    "Убираем берега и высаживаем деревья вместе с жителями.",
    "Проводим лекции по истории города и экскурсии для школьников.",
    "Помогаем бездомным животным найти дом.",
    "Организуем соседские праздники и благоустраиваем дворы.",
    "Обучаем волонтёров и поддерживаем пожилых людей.",
    "Развиваем уличный спорт и детские площадки.",
    "Проводим экологические акции и раздельный сбор мусора.",
    "Создаём арт-объекты и расписываем трансформаторные будки.",
]
DISTRICTS = {
    "Пенза": ["Ленинский", "Октябрьский", "Первомайский", "Железнодорожный"],
    "Пермь": ["Дзержинский", "Индустриальный", "Кировский", "Ленинский", "Мотовилихинский"],
}


@transaction.atomic
def fill_registry(count: int, *, seed: int = 2026) -> int:
    """Adds `count` published records (and their topics, status history and some grants)."""
    rng = random.Random(seed)
    districts = [
        District.objects.get_or_create(city=city, name=name)[0]
        for city, names in DISTRICTS.items()
        for name in names
    ]
    topics = list(Topic.objects.all())
    now = timezone.now()
    start = Organisation.objects.count()
    records = []
    for number in range(start, start + count):
        district = rng.choice(districts)
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(PLACES)} №{number}"
        published = now - timedelta(days=rng.randint(0, 3 * 365))
        records.append(
            Organisation(
                kind=rng.choice(Organisation.Kind.values),
                name=name,
                slug=f"bench-{number}",
                short_description=rng.choice(SENTENCES),
                description=" ".join(rng.sample(SENTENCES, 3)),
                city=district.city,
                district=district,
                founded_on=date(rng.randint(2005, 2025), rng.randint(1, 12), 1),
                status=rng.choices(Organisation.Status.values, weights=[1, 6, 3, 1])[0],
                moderation=Organisation.Moderation.PUBLISHED,
                members_count=rng.randint(3, 3000),
                volunteers_count=rng.randint(0, 200),
                published_at=published,
                last_activity_at=published,
            )
        )
    created = Organisation.objects.bulk_create(records, batch_size=2000)
    Through = Organisation.topics.through
    Through.objects.bulk_create(
        [
            Through(organisation_id=o.pk, topic_id=topic.pk)
            for o in created
            for topic in rng.sample(topics, rng.randint(1, 3))
        ],
        batch_size=5000,
    )
    StatusChange.objects.bulk_create(
        [
            StatusChange(organisation=o, to_status=o.status, changed_at=o.published_at)
            for o in created
        ],
        batch_size=5000,
    )
    Grant.objects.bulk_create(
        [
            Grant(
                organisation=o,
                funder="Фонд президентских грантов",
                amount=Decimal(rng.randint(50, 3000) * 1000),
                year=rng.randint(2020, 2026),
            )
            for o in created
            if rng.random() < 0.15
        ],
        batch_size=5000,
    )
    return len(created)
