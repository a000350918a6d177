"""Loads the demo dataset. Every function is idempotent: run it any number of times."""

import json
import secrets
from datetime import datetime, time, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import PersonalDataConsent, User
from accounts.services import consent_record, publication_consent_set, user_set_roles
from civiccenter.kernel.quarters import Quarter
from consulting.models import Consultant, ConsultationLog, ConsultingTopic, WeeklyAvailability
from consulting.services import hours
from events.models import AgendaItem, Commitment, Event, EventSeries, Partner, SiteZone
from initiatives.models import District, ImportJob, Organisation
from initiatives.services import importing
from portal.models import PracticePassport
from portal.services import passports
from training.models import Programme, Session, SessionDay, Trainer

from . import content
from .results_year import load_results_year

PENZA_CSV = Path(__file__).with_name("penza_communities.csv")
PASSPORTS = Path(__file__).with_name("passports")


def load_consulting_topics() -> int:
    for position, (name, is_complex) in enumerate(content.CONSULTING_TOPICS):
        ConsultingTopic.objects.update_or_create(
            name=name, defaults={"is_complex": is_complex, "position": position}
        )
    return len(content.CONSULTING_TOPICS)


def load_districts() -> int:
    for city, names in content.DISTRICTS.items():
        for name in names:
            District.objects.get_or_create(city=city, name=name)
    return sum(len(names) for names in content.DISTRICTS.values())


def load_training_programmes() -> int:
    for position, (title, kind) in enumerate(content.TRAINING_PROGRAMMES):
        Programme.objects.update_or_create(
            title=title, defaults={"kind": kind, "position": position}
        )
    return len(content.TRAINING_PROGRAMMES)


def load_events(*, today=None) -> int:
    today = today or timezone.localdate()
    for slug, title, kind, city, venue, days_ahead, length in content.EVENTS:
        starts_at = timezone.make_aware(
            datetime.combine(today + timedelta(days=days_ahead), time(11, 0))
        )
        Event.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "kind": kind,
                "city": city,
                "venue": venue,
                "summary": content.EVENT_SUMMARIES.get(kind, ""),
                "starts_at": starts_at,
                "ends_at": starts_at + length,
            },
        )
    return len(content.EVENTS)


def load_penza_communities(*, importer) -> dict:
    """The Penza list of seed 002, through the registry's own importer. The list names some
    communities twice, as real lists do: the preview flags those rows and the import skips
    them. A second run finds the list imported and leaves it."""
    done = ImportJob.objects.filter(original_name=PENZA_CSV.name, state=ImportJob.State.DONE)
    if done.exists():
        job = done.latest("created_at")
        return {"rows": job.total_rows, "flagged": job.duplicate_rows, "created": 0}
    content = PENZA_CSV.read_bytes()
    job = ImportJob.objects.create(
        file=ContentFile(content, name=PENZA_CSV.name),
        original_name=PENZA_CSV.name,
        created_by=importer,
    )
    job = importing.import_preview(job_id=job.pk)
    flagged = job.duplicate_rows
    job = importing.import_commit(job_id=job.pk)
    return {"rows": job.total_rows, "flagged": flagged, "created": job.created_count}


def load_accounts(passwords_file: Path | None) -> list[tuple[str, str]]:
    """Demo accounts, one per role. Passwords are random, kept in a local file and reused."""
    known = _read_passwords(passwords_file)
    result = []
    for email, last_name, first_name, roles, superuser in content.ACCOUNTS:
        password = known.get(email) or secrets.token_urlsafe(9)
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"last_name": last_name, "first_name": first_name, "is_superuser": superuser},
        )
        if created or email not in known:
            user.set_password(password)
            user.save()
        user_set_roles(user=user, roles=roles)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if not PersonalDataConsent.objects.filter(user=user, withdrawn_at__isnull=True).exists():
            consent_record(user=user, ip_address=None)
        result.append((email, password))
    if passwords_file:
        passwords_file.parent.mkdir(parents=True, exist_ok=True)
        passwords_file.write_text("".join(f"{e} {p}\n" for e, p in result), encoding="utf-8")
        passwords_file.chmod(0o600)
    return result


def _read_passwords(passwords_file: Path | None) -> dict[str, str]:
    if not passwords_file or not passwords_file.exists():
        return {}
    pairs = (line.split(maxsplit=1) for line in passwords_file.read_text().splitlines())
    return {email: password for email, password in pairs}


def load_consultants() -> int:
    """The demo consultant covers every regular topic, Monday to Friday, 10–13 and 14–17;
    the coordinator takes complex consulting on Tuesdays and Thursdays."""
    plans = [
        (
            content.CONSULTANT_EMAIL,
            False,
            [(day, time(10), time(13)) for day in range(5)]
            + [(day, time(14), time(17)) for day in range(5)],
        ),
        (content.COORDINATOR_EMAIL, True, [(1, time(15), time(18)), (3, time(15), time(18))]),
    ]
    for email, complex_topics, windows in plans:
        user = User.objects.get(email=email)
        # The demo's staff agreed to be named on the public pages (152-FZ art. 10.1).
        publication_consent_set(user=user, publishes=True)
        consultant, created = Consultant.objects.get_or_create(user=user)
        consultant.topics.set(ConsultingTopic.objects.filter(is_complex=complex_topics))
        if created:
            WeeklyAvailability.objects.bulk_create(
                WeeklyAvailability(consultant=consultant, weekday=d, starts=a, ends=b)
                for d, a, b in windows
            )
    return len(plans)


def load_consulting_history(*, today=None) -> int:
    """A few delivered consultations in the current quarter, once, so that the dashboard
    has figures; they are logged through the same service as the portal's form."""
    if ConsultationLog.objects.exists():
        return 0
    today = today or timezone.localdate()
    consultant = Consultant.objects.get(user__email=content.CONSULTANT_EMAIL)
    author = consultant.user
    organisations = list(Organisation.objects.order_by("-members_count")[:6])
    topics = list(ConsultingTopic.objects.filter(is_complex=False))
    start = Quarter.of(today).start
    entries = [
        (0, 90, 0, "walk_in", "Диагностика инициативы: цели на год, команда, ресурсы."),
        (3, 60, 2, "phone", "Смета проекта для заявки на муниципальную субсидию."),
        (7, 120, 4, "group", "Групповая консультация: как выстроить отношения с прессой."),
        (12, 45, 3, "online", "Устав и регистрация НКО: какие документы нужны."),
        (20, 90, 1, "walk_in", "Лидер перегружен: делегирование задач в команде."),
    ]
    created = 0
    for offset, minutes, topic_index, channel, summary in entries:
        day = start + timedelta(days=offset)
        if day > today:
            continue
        hours.log_create(
            user=author,
            consultants=[consultant],
            organisations=[organisations[created % len(organisations)]] if organisations else [],
            held_on=day,
            duration_minutes=minutes,
            topic=topics[topic_index % len(topics)],
            channel=channel,
            people_count=6 if channel == "group" else 1,
            summary=summary,
        )
        created += 1
    return created


def load_training_sessions(*, today=None) -> int:
    """The trainer's profile and upcoming sessions of three seed programmes (once)."""
    trainer_user = User.objects.get(email=content.TRAINER_EMAIL)
    publication_consent_set(user=trainer_user, publishes=True)
    trainer, _ = Trainer.objects.get_or_create(
        user=trainer_user,
        defaults={
            "name": trainer_user.get_full_name(),
            "profile": "Тренер по управлению проектами, 12 лет работы с НКО.",
        },
    )
    if Session.objects.exists():
        return 0
    today = today or timezone.localdate()
    plans = [
        ("Управление инициативой", 12, [(9, 10, 17), (10, 10, 17)], 20),
        ("Как обратиться в органы власти", 19, [(0, 18, 21)], 15),
        ("Как общаться со СМИ", 26, [(0, 18, 20)], 12),
    ]
    for title, days_ahead, days, capacity in plans:
        programme = Programme.objects.get(title=title)
        programme.trainers.add(trainer)
        session = Session.objects.create(
            programme=programme, place="Центр ГРАНИ, ул. Ленина, 51", capacity=capacity
        )
        session.trainers.add(trainer)
        for offset, start, end in days:
            day = today + timedelta(days=days_ahead + offset)
            SessionDay.objects.create(
                session=session,
                starts_at=timezone.make_aware(datetime.combine(day, time(start))),
                ends_at=timezone.make_aware(datetime.combine(day, time(end))),
            )
    return len(plans)


def load_event_details(*, today=None) -> int:
    """The forum series, the civic weekend's programme on seed 002's site plan, partners,
    the vernissage's stand reports deadline, and a past meeting with its commitments."""
    today = today or timezone.localdate()
    series, _ = EventSeries.objects.get_or_create(
        title="Гражданский форум «Диалог»",
        defaults={"description": "Форум СО НКО Зеленогорска, дважды в год."},
    )
    Event.objects.filter(slug__startswith="forum-dialog").update(series=series, capacity=200)
    # Each event in its own place's zone: Penza and Zarechny keep Moscow time, Zelenogorsk
    # Krasnoyarsk time.
    for cities, zone in (
        (("Пенза", "Заречный"), "Europe/Moscow"),
        (("Зеленогорск",), "Asia/Krasnoyarsk"),
    ):
        Event.objects.filter(city__in=cities).update(time_zone=zone)
    Event.objects.filter(slug="vernissage-kofe-s-merom").update(
        reports_deadline=timezone.make_aware(datetime.combine(today + timedelta(days=45), time(18)))
    )
    weekend = Event.objects.get(slug="ot-zhitelya-k-gorozhaninu")
    if not weekend.agenda.exists():
        start = weekend.starts_at
        site_plan = [
            "Сцена",
            "Зал постер-сессии",
            "Арт-мастерская",
            "Детская площадка",
            "Джаз-кафе",
            "Книжная лавка",
            "Стойка навигации",
        ]
        zones = {
            name: SiteZone.objects.create(event=weekend, name=name, position=position)
            for position, name in enumerate(site_plan)
        }
        plan = [
            (0, 1, "Открытие и спич-сессия по технологии TED", "Сцена", "5 спичей"),
            (1, 3, "Городская гражданская постер-сессия", "Зал постер-сессии", "Стендовые доклады"),
            (1, 2, "Мастер-класс: открытка для дома престарелых", "Арт-мастерская", ""),
            (1, 4, "Детская площадка", "Детская площадка", ""),
            (2, 3, "Раздельный сбор мусора: как начать во дворе", "Джаз-кафе", ""),
            (3, 4, "Обмен книгами", "Книжная лавка", ""),
        ]
        for offset, end, title, zone, speakers in plan:
            AgendaItem.objects.create(
                event=weekend,
                title=title,
                zone=zones[zone],
                speakers=speakers,
                starts_at=start + timedelta(hours=offset),
                ends_at=start + timedelta(hours=end),
            )
        Partner.objects.create(event=weekend, name="Администрация города Перми", role="площадка")
        Partner.objects.create(event=weekend, name="Пермская гражданская палата", role="эксперты")
    past, created = Event.objects.get_or_create(
        slug="vstrecha-bloggerov-s-gubernatorom",
        defaults={
            "title": "Встреча блогеров с губернатором",
            "kind": Event.Kind.HEAD_MEETING,
            "city": "Пенза",
            "starts_at": timezone.make_aware(
                datetime.combine(today - timedelta(days=120), time(17))
            ),
            "ends_at": timezone.make_aware(datetime.combine(today - timedelta(days=120), time(19))),
            "registration_open": False,
        },
    )
    if created:
        Commitment.objects.create(
            event=past,
            what="Установить урны вдоль Олимпийской аллеи",
            responsible="Управление благоустройства",
            due_on=today - timedelta(days=60),
            done_on=today - timedelta(days=70),
            report="Установлено 24 урны",
        )
        Commitment.objects.create(
            event=past,
            what="Открыть площадку для встреч городских сообществ",
            responsible="Управление культуры",
            due_on=today - timedelta(days=10),
        )
    return Event.objects.count()


def load_passports() -> int:
    """The two seed passports (003: the Zarechny forum, 004: the Zelenogorsk forum «Диалог»),
    published, through the same service as the editor; loaded once."""
    author = User.objects.get(email=content.COORDINATOR_EMAIL)
    links = {"zarechny.json": "forum-zarechny", "dialog.json": None}
    created = 0
    for name, event_slug in links.items():
        data = json.loads((PASSPORTS / name).read_text(encoding="utf-8"))
        if PracticePassport.objects.filter(title=data["title"]).exists():
            continue
        tables = data.pop("tables")
        fields = {key: value for key, value in data.items() if key in passports.FIELDS}
        if event_slug:
            fields["event"] = Event.objects.filter(slug=event_slug).first()
        if name == "dialog.json":
            fields["series"] = EventSeries.objects.filter(title__contains="Диалог").first()
        passport = passports.passport_save(author=author, fields=fields, tables=tables)
        passports.passport_publish(passport=passport, user=author)
        created += 1
    return created


@transaction.atomic
def load_all(*, passwords_file: Path | None) -> dict:
    return {
        "districts": load_districts(),
        "consulting_topics": load_consulting_topics(),
        "training_programmes": load_training_programmes(),
        "events": load_events(),
        "accounts": load_accounts(passwords_file),
        "penza": load_penza_communities(importer=User.objects.get(email=content.COORDINATOR_EMAIL)),
        "consultants": load_consultants(),
        "consultations": load_consulting_history(),
        "training_sessions": load_training_sessions(),
        "events_total": load_event_details(),
        "passports": load_passports(),
        # After the current quarter's consultations and the upcoming sessions: those load
        # only into an empty log and an empty schedule.
        "results_year": load_results_year(),
    }
