"""The benchmarks' data set, generated into their own database (civiccenter_bench):
10,000 registry records, 1,000,000 logged consultations, 100,000 event registrations.

Synthetic but realistic: Russian names and descriptions, all kinds and statuses, districts,
topics, grants; events of every kind over two years with registrations, waitlists, cancellations
and check-ins. Deterministic where Python chooses (fixed seed); the bulk rows are written by
PostgreSQL's generate_series in a few statements. `dataset_ensure` tops the data up to the
targets and does nothing when they are reached, so every benchmark can call it.
"""

import os
import random
import time
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection, transaction
from django.utils import timezone

from consulting import rollups
from consulting.models import Consultant, ConsultationLog, ConsultingTopic
from events.models import Event, Registration
from initiatives import topic_ids
from initiatives.models import District, Grant, Organisation, StatusChange, Topic

# The data set's size: 10,000 records and a million log entries by default; BENCH_RECORDS and
# BENCH_LOGS choose another (scripts/benchmark gives each size a database of its own).
RECORDS = int(os.environ.get("BENCH_RECORDS", "10000"))
LOGS = int(os.environ.get("BENCH_LOGS", "1000000"))
REGISTRATIONS = 100_000
CONSULTANTS = 12
EVENTS = 200
PEOPLE = 20_000

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
    topic_ids.refresh([o.pk for o in created])  # a bulk insert sends no m2m signal
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


def fill_consultations(total: int) -> int:
    """Tops the consultation log up to `total` entries over the last five years, each with a
    consultant and three in four with an initiative. Returns the number added."""
    for number in range(ConsultingTopic.objects.count(), 11):
        ConsultingTopic.objects.create(name=f"Тема {number + 1}")
    User = get_user_model()
    while Consultant.objects.count() < CONSULTANTS:
        number = Consultant.objects.count()
        user = User.objects.create_user(
            email=f"bench-consultant-{number}@example.org", last_name=f"Консультант {number}"
        )
        Consultant.objects.create(user=user)
    missing = total - ConsultationLog.objects.count()
    if missing <= 0:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO consulting_consultationlog
                (held_on, duration_minutes, topic_id, people_count, channel, summary,
                 private_notes, follow_up, created_at, updated_at)
            SELECT current_date - (random() * 1825)::int,
                   15 * (1 + (random() * 11)::int),
                   (SELECT array_agg(id) FROM consulting_consultingtopic)[1 + (g %% 11)],
                   1 + (random() * 5)::int,
                   (ARRAY['walk_in','phone','online','group','booked'])[1 + (g %% 5)],
                   'Консультация', '', '', now(), now()
            FROM generate_series(1, %s) AS g
            """,
            [missing],
        )
        cursor.execute(
            """
            INSERT INTO consulting_consultationlog_consultants (consultationlog_id, consultant_id)
            SELECT l.id, (SELECT array_agg(id) FROM consulting_consultant)[1 + (l.id %% %s)]
            FROM consulting_consultationlog l
            WHERE NOT EXISTS (SELECT 1 FROM consulting_consultationlog_consultants c
                              WHERE c.consultationlog_id = l.id)
            """,
            [CONSULTANTS],
        )
        cursor.execute(
            """
            INSERT INTO consulting_consultationlog_organisations
                (consultationlog_id, organisation_id)
            SELECT l.id, o.ids[1 + (l.id % array_length(o.ids, 1))]
            FROM consulting_consultationlog l,
                 (SELECT array_agg(id) AS ids FROM initiatives_organisation) o
            WHERE l.id % 4 <> 0
              AND NOT EXISTS (SELECT 1 FROM consulting_consultationlog_organisations x
                              WHERE x.consultationlog_id = l.id)
            """
        )
    rollups.rebuild()  # the log was written directly: its sums from it
    return missing


EVENT_TITLES = {
    "forum": "Гражданский форум «Диалог»",
    "civic_weekend": "Гражданские выходные",
    "poster_session": "Стендовая сессия инициатив",
    "speech_session": "Спич-сессия «Город, в котором хочется жить»",
    "master_class": "Мастер-класс по социальному проектированию",
    "round_table": "Круглый стол «НКО и власть»",
    "business_game": "Деловая игра «Бюджет города»",
    "coffee_with_mayor": "Кофе с мэром",
    "civic_vernissage": "Гражданский вернисаж",
    "action": "Акция «Чистый берег»",
    "head_meeting": "Встреча главы города с НКО",
}


@transaction.atomic
def fill_event_registrations(total: int, *, seed: int = 2026) -> int:
    """Tops event registrations up to `total`: EVENTS events of every kind from two years ago
    to two months ahead, PEOPLE participants, 500 registrations an event (90 % registered,
    6 % waitlisted, 4 % cancelled; two in three of the registered at past events arrived).
    Returns the number added."""
    missing = total - Registration.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(seed)
    now = timezone.now()
    kinds = list(EVENT_TITLES)
    first = Event.objects.filter(slug__startswith="bench-event-").count()
    events = []
    for number in range(first, EVENTS):
        starts = now + timedelta(days=rng.randint(-730, 60), hours=rng.randint(-4, 4))
        kind = kinds[number % len(kinds)]
        events.append(
            Event(
                kind=kind,
                title=f"{EVENT_TITLES[kind]} №{number + 1}",
                slug=f"bench-event-{number + 1}",
                summary="Открытая встреча активистов, НКО и администрации города.",
                starts_at=starts,
                ends_at=starts + timedelta(hours=rng.choice([2, 3, 6, 8])),
                city=rng.choice(["Пенза", "Пермь", "Заречный", "Зеленогорск"]),
                venue="Центр поддержки гражданских инициатив",
                capacity=600,
            )
        )
    Event.objects.bulk_create(events)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO accounts_user
                (password, is_superuser, first_name, last_name, patronymic, phone, is_staff,
                 is_active, date_joined, email, publishes_name, receives_newsletters)
            SELECT '!', false, 'Участник', 'Участников ' || g, '', '', false, true, now(),
                   'bench-person-' || g || '@example.org', false, false
            FROM generate_series(1, %s) AS g
            ON CONFLICT (email) DO NOTHING
            """,
            [PEOPLE],
        )
        # Registration k of event e is person (e * 500 + k) mod PEOPLE: 500 different people
        # an event. Events that already have their 500 are left alone.
        cursor.execute(
            """
            WITH events AS (
                SELECT id, starts_at, row_number() OVER (ORDER BY id) AS e
                FROM events_event WHERE slug LIKE 'bench-event-%%'
                  AND NOT EXISTS (SELECT 1 FROM events_registration r
                                  WHERE r.event_id = events_event.id)
            ), people AS (
                SELECT array_agg(id ORDER BY id) AS ids FROM accounts_user
                WHERE email LIKE 'bench-person-%%'
            ), rows AS (
                SELECT ev.id AS event_id, ev.starts_at, k,
                       p.ids[1 + ((ev.e * 500 + k) %% array_length(p.ids, 1))] AS user_id
                FROM events ev, people p, generate_series(0, 499) AS k
                LIMIT %s
            )
            INSERT INTO events_registration
                (event_id, user_id, status, ticket_code, created_at, checked_in_at)
            SELECT event_id, user_id,
                   CASE WHEN k %% 50 < 45 THEN 'registered'
                        WHEN k %% 50 < 48 THEN 'waitlisted' ELSE 'cancelled' END,
                   'B' || to_char(nextval(pg_get_serial_sequence(
                       'events_registration', 'id')), 'FM000000000'),
                   starts_at - make_interval(days => 1 + k %% 30),
                   CASE WHEN starts_at < now() AND k %% 50 < 45 AND k %% 3 <> 0
                        THEN starts_at + make_interval(mins => k %% 45) END
            FROM rows
            """,
            [missing],
        )
        added = cursor.rowcount
    return added


def dataset_ensure(*, registrations: bool = True) -> None:
    """Brings the benchmarks' database to the full data set, printing what it added."""
    steps = [
        ("registry records", lambda: fill_registry(RECORDS - Organisation.objects.count())),
        ("logged consultations", lambda: fill_consultations(LOGS)),
    ]
    if registrations:
        steps.append(("event registrations", lambda: fill_event_registrations(REGISTRATIONS)))
    changed = False
    for label, fill in steps:
        started = time.perf_counter()
        added = fill()
        if added > 0:
            changed = True
            print(f"added {added} {label} in {time.perf_counter() - started:.1f} s", flush=True)
    if changed:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    cache_cleared()


def cache_cleared() -> None:
    """Every cached page, card, slot list and version of this data set's keys removed: each
    run starts cold, as a freshly deployed server does, not from what the last run left."""
    client = caches["redis"]._cache.get_client(write=True)
    prefix = caches["redis"].key_prefix
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
