"""A year of the Zelenogorsk centre's work, as seed 004 reports its results: more than 100
consultations, more than 20 publications in the media, 38 grant applications reviewed and
23 of them won, more than 20 seminars and round tables, 3 meetings of the head of the city
with NGOs, 7 more active NGOs, one registry and more than 100 initiatives supported.

The year is the calendar year before the one the demo is loaded in. Its quarters are long
closed, so the history is written as it would have been logged at the time, straight into
the tables (the services refuse entries for a closed quarter, and rightly). Loaded once:
a second run finds the year's NGOs and leaves everything as it is."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from consulting import rollups
from consulting.models import Consultant, ConsultationLog, ConsultingTopic, GrantReview
from events.models import Event, MediaPublication, Outcome
from initiatives.models import Organisation, StatusChange
from training.models import Programme, Session, SessionDay, Trainer

from . import content

CITY = "Зеленогорск"
TIME_ZONE = "Asia/Krasnoyarsk"
NGOS = 110  # «в городе было зарегистрировано 110 СО НКО»
ACTIVE_AT_START = 30  # «постоянную текущую деятельность вели … 30 единиц»
BECOME_ACTIVE = 7
CONSULTATIONS = 104
PUBLICATIONS = 22
REVIEWS, WON = 38, 23
SEMINARS, ROUND_TABLES = 17, 4
HEAD_MEETINGS = 3

_FORMS = [
    "Местная общественная организация",
    "Автономная некоммерческая организация",
    "Зеленогорское отделение общественной организации",
    "Некоммерческое партнёрство",
    "Благотворительный фонд",
]
_SUBJECTS = [
    "ветеранов войны и труда",
    "многодетных семей",
    "родителей детей-инвалидов",
    "молодёжных инициатив",
    "любителей природы",
    "добровольцев",
    "краеведов",
    "спортивного туризма",
    "шахматистов",
    "женщин-предпринимателей",
    "защиты животных",
    "народного творчества",
    "здорового образа жизни",
    "книголюбов",
    "поисковиков",
    "пенсионеров",
    "студентов",
    "садоводов",
    "казачества",
    "инвалидов по зрению",
    "гражданских инициатив",
    "помощи бездомным",
]
_OUTLETS = [
    "Газета «Панорама»",
    "Телеканал «Зеленогорск ТВ»",
    "Сайт администрации ЗАТО г. Зеленогорска",
    "Радио «Зеленогорск FM»",
    "Газета «Городской вестник»",
]
_CONTESTS = ["Фонд президентских грантов", "Краевой конкурс СО НКО", "Муниципальная субсидия"]


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _days(year: int, count: int) -> list[date]:
    """`count` working days spread evenly over the year."""
    step = 365 / count
    days = []
    for n in range(count):
        day = date(year, 1, 10) + timedelta(days=int(n * step * 0.95))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        days.append(day)
    return days


def load_results_year(*, today: date | None = None) -> int:
    today = today or timezone.localdate()
    year = today.year - 1
    if Organisation.objects.filter(city=CITY, kind=Organisation.Kind.NGO).count() >= NGOS:
        return 0
    ngos = _ngos(year)
    consultant = Consultant.objects.get(user__email=content.CONSULTANT_EMAIL)
    _consultations(year, consultant, ngos)
    _reviews(year, consultant.user, ngos)
    events = _events(year)
    _publications(year, events, ngos)
    _seminars(year)
    return len(ngos)


def _ngos(year: int) -> list[Organisation]:
    """110 NGOs registered before the year; 30 active at its start, 7 more active by its end,
    the rest dormant."""
    registered = _moment(date(year - 1, 3, 1), 12)
    names = [f"{form} {subject}" for subject in _SUBJECTS for form in _FORMS][:NGOS]
    ngos = Organisation.objects.bulk_create(
        Organisation(
            kind=Organisation.Kind.NGO,
            name=f"{name} г. Зеленогорска",
            slug=f"zelenogorsk-nko-{number}",
            short_description="Социально ориентированная НКО Зеленогорска",
            city=CITY,
            status=Organisation.Status.ACTIVE
            if number < ACTIVE_AT_START + BECOME_ACTIVE
            else Organisation.Status.DORMANT,
            moderation=Organisation.Moderation.PUBLISHED,
            published_at=registered,
        )
        for number, name in enumerate(names)
    )
    woke = _days(year, BECOME_ACTIVE)
    changes = []
    for number, ngo in enumerate(ngos):
        if number < ACTIVE_AT_START:
            changes.append(
                StatusChange(organisation=ngo, to_status="active", changed_at=registered)
            )
            continue
        changes.append(StatusChange(organisation=ngo, to_status="dormant", changed_at=registered))
        if number < ACTIVE_AT_START + BECOME_ACTIVE:
            changes.append(
                StatusChange(
                    organisation=ngo,
                    from_status="dormant",
                    to_status="active",
                    changed_at=_moment(woke[number - ACTIVE_AT_START], 12),
                    reason="Возобновила работу после форума «Диалог»",
                )
            )
    StatusChange.objects.bulk_create(changes)
    return ngos


def _consultations(year: int, consultant: Consultant, ngos: list[Organisation]) -> None:
    topics = list(ConsultingTopic.objects.filter(is_complex=False))
    logs = ConsultationLog.objects.bulk_create(
        ConsultationLog(
            held_on=day,
            duration_minutes=(45, 60, 90)[number % 3],
            topic=topics[number % len(topics)],
            channel=("walk_in", "phone", "online")[number % 3],
            people_count=1,
            summary="Консультация СО НКО Зеленогорска",
            created_by=consultant.user,
        )
        for number, day in enumerate(_days(year, CONSULTATIONS))
    )
    ConsultationLog.consultants.through.objects.bulk_create(
        ConsultationLog.consultants.through(consultationlog=log, consultant=consultant)
        for log in logs
    )
    ConsultationLog.organisations.through.objects.bulk_create(
        ConsultationLog.organisations.through(consultationlog=log, organisation=ngo)
        for log, ngo in zip(logs, ngos, strict=False)
    )
    rollups.rebuild()  # the log was written directly: its sums from it


def _reviews(year: int, reviewer: User, ngos: list[Organisation]) -> None:
    days = _days(year, REVIEWS)
    GrantReview.objects.bulk_create(
        GrantReview(
            organisation=ngos[number % ACTIVE_AT_START],
            contest=_CONTESTS[number % len(_CONTESTS)],
            project_title=f"Социальный проект №{number + 1}",
            requested_amount=Decimal("150000.00") + Decimal(number * 12500),
            reviewer=reviewer,
            reviewed_on=day,
            outcome="won" if number < WON else "lost",
            outcome_on=min(day + timedelta(days=30), date(year, 12, 28)),
            granted_amount=Decimal("120000.00") + Decimal(number * 10000) if number < WON else None,
        )
        for number, day in enumerate(days)
    )


def _events(year: int) -> list[Event]:
    plans = [
        (Event.Kind.HEAD_MEETING, "Встреча Главы ЗАТО г. Зеленогорска с представителями СО НКО")
    ] * HEAD_MEETINGS + [
        (Event.Kind.ROUND_TABLE, "Круглый стол для руководителей СО НКО")
    ] * ROUND_TABLES
    events = []
    for number, ((kind, title), day) in enumerate(zip(plans, _days(year, len(plans)), strict=True)):
        start = _moment(day, 15)
        events.append(
            Event.objects.create(
                kind=kind,
                title=f"{title} ({day:%d.%m.%Y})",
                slug=f"zelenogorsk-{year}-{kind}-{number}".replace("_", "-"),
                city=CITY,
                venue="Ресурсный центр поддержки СО НКО",
                time_zone=TIME_ZONE,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                registration_open=False,
            )
        )
    # Counted at the door: the outcomes are entered, as the centre's staff do.
    Outcome.objects.bulk_create(
        Outcome(event=event, other_participants=24 + 3 * number)
        for number, event in enumerate(events)
    )
    return events


def _publications(year: int, events: list[Event], ngos: list[Organisation]) -> None:
    MediaPublication.objects.bulk_create(
        MediaPublication(
            outlet=_OUTLETS[number % len(_OUTLETS)],
            published_on=day,
            headline="О работе ресурсного центра поддержки СО НКО",
            event=events[number % len(events)] if number % 2 == 0 else None,
            organisation=ngos[number] if number % 2 else None,
        )
        for number, day in enumerate(_days(year, PUBLICATIONS))
    )


def _seminars(year: int) -> None:
    trainer = Trainer.objects.filter(user__email=content.TRAINER_EMAIL).first()
    programmes = list(Programme.objects.order_by("position"))
    for number, day in enumerate(_days(year, SEMINARS)):
        session = Session.objects.create(
            programme=programmes[number % len(programmes)],
            place="МБУ «Библиотека», Зеленогорск",
            capacity=25,
        )
        if trainer is not None:
            session.trainers.add(trainer)
        SessionDay.objects.create(
            session=session, starts_at=_moment(day, 14), ends_at=_moment(day, 17)
        )
