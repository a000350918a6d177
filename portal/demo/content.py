"""Demo content taken from the seed documents (Perm, Penza, Zarechny, Zelenogorsk)."""

from datetime import timedelta

# Seed 000: the Perm centre's consulting catalogue. (name, is_complex)
CONSULTING_TOPICS = [
    ("Диагностика", False),
    ("Проблемы лидера", False),
    ("Бюджет", False),
    ("Юридические консультации", False),
    ("PR и GR", False),
    ("Постановка целей и задач, разработка методов и технологий", False),
    ("Консультации психолога", False),
    ("Консультации медиатора", False),
    ("Разработка дорожной карты реализации инициативы", True),
    ("Оценка и анализ проекта", True),
    ("Экспертный консилиум", True),
]

# Seed 000: two-day sessions, trainings and master-classes. (title, kind)
TRAINING_PROGRAMMES = [
    ("Управление инициативой", "two_day_session"),
    ("Управление ресурсами", "two_day_session"),
    ("Основы GR и PR", "two_day_session"),
    ("Внешние и внутренние коммуникации", "two_day_session"),
    ("Постановка целей и задач", "training"),
    ("Как обратиться в органы власти", "training"),
    ("Как общаться со СМИ", "master_class"),
    ("Делегирование полномочий", "master_class"),
]

# Seeds 000–004: events, placed relative to the day the demo data is loaded so that the
# calendar always has something ahead. (slug, title, kind, city, venue, days ahead, length)
EVENTS = [
    (
        "blogger-protiv-musora",
        "Акция «Блогер против мусора»",
        "action",
        "Пенза",
        "Олимпийская аллея",
        10,
        timedelta(hours=3),
    ),
    (
        "ot-zhitelya-k-gorozhaninu",
        "Городские гражданские выходные «От жителя – к горожанину»",
        "civic_weekend",
        "Пермь",
        "Центр ГРАНИ",
        20,
        timedelta(days=1, hours=8),
    ),
    (
        "forum-dialog-vesna",
        "Гражданский форум «Диалог» (весенний)",
        "forum",
        "Зеленогорск",
        "Ресурсный центр поддержки СО НКО",
        40,
        timedelta(hours=7),
    ),
    (
        "vernissage-kofe-s-merom",
        "Городской гражданский вернисаж и «Кофе с мэром»",
        "coffee_with_mayor",
        "Пермь",
        "Городская администрация",
        55,
        timedelta(hours=3),
    ),
    (
        "forum-zarechny",
        "Форум «Заречный: городские сообщества в действии»",
        "business_game",
        "Заречный",
        "Городской центр здоровья и досуга",
        75,
        timedelta(days=1, hours=8),
    ),
    (
        "forum-dialog-osen",
        "Гражданский форум «Диалог» (осенний)",
        "forum",
        "Зеленогорск",
        "Ресурсный центр поддержки СО НКО",
        220,
        timedelta(hours=7),
    ),
]

# The city districts of the centres' cities (Zarechny and Zelenogorsk are closed towns with no
# districts), for the registry's district filter.
DISTRICTS = {
    "Пермь": [
        "Дзержинский",
        "Индустриальный",
        "Кировский",
        "Ленинский",
        "Мотовилихинский",
        "Орджоникидзевский",
        "Свердловский",
        "посёлок Новые Ляды",
    ],
    "Пенза": ["Железнодорожный", "Ленинский", "Октябрьский", "Первомайский"],
}

EVENT_SUMMARIES = {
    "forum": "Стендовые презентации СО НКО, тематические круглые столы и встреча главы "
    "города с некоммерческими организациями. Форум проходит дважды в год.",
    "civic_weekend": "Постер-сессия инициатив, короткие спич-сессии, мастер-классы "
    "координаторов успешных инициатив, акции и детская площадка.",
    "coffee_with_mayor": "Публичная презентация отчётов НКО и инициативных групп; авторы "
    "лучших отчётов встречаются с мэром.",
    "business_game": "Двухдневная деловая игра: 12 команд по 10–12 человек, приглашённые "
    "эксперты, проблемы города и предложения по их решению.",
    "action": "Городская акция по уборке мусора силами блогеров и горожан.",
}

COORDINATOR_EMAIL = "coordinator@portal.local"
CONSULTANT_EMAIL = "consultant@portal.local"
TRAINER_EMAIL = "trainer@portal.local"

# Demo accounts: (e-mail, last name, first name, roles, superuser)
ACCOUNTS = [
    ("activist@portal.local", "Соколова", "Анна", ["activist"], False),
    ("consultant@portal.local", "Петров", "Игорь", ["consultant"], False),
    ("trainer@portal.local", "Мельникова", "Ольга", ["trainer"], False),
    ("coordinator@portal.local", "Кузнецов", "Дмитрий", ["coordinator"], False),
    ("admin@portal.local", "Орлова", "Елена", ["administration"], True),
]
