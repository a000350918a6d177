import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from portal.models import PassportVersion, PracticePassport
from portal.services import passports

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "portal" / "demo" / "passports"


def _zarechny(author):
    data = json.loads((SEEDS / "zarechny.json").read_text(encoding="utf-8"))
    tables = data.pop("tables")
    fields = {k: v for k, v in data.items() if k in passports.FIELDS}
    return passports.passport_save(author=author, fields=fields, tables=tables)


def test_seed_passport_costs_add_up_to_365_000(coordinator):
    passport = _zarechny(coordinator)
    assert passports.costs_total(passport.tables) == Decimal("365000")
    assert len(passport.tables["results"]) == 9 and passport.reached == 65000


def test_the_editor_saves_rows_keeps_versions_and_explains_bad_cells(client, coordinator):
    client.force_login(coordinator)
    data = {
        "title": "Форум «Диалог»",
        "territory": "ЗАТО Зеленогорск",
        "t-costs-0-item": "Кофе-брейк",
        "t-costs-0-amount": "сто тысяч",
        "t-costs-0-source": "Грант",
        "t-costs-1-item": "Баннеры",
        "t-costs-1-amount": "20 000",
        "t-costs-1-source": "",
        "t-results-0-indicator": "Участники форума, чел.",
        "t-results-0-whole_period": "более 100",
    }

    response = client.post(reverse("passports:create"), data)
    html = response.content.decode()
    assert "Строка 1: «сто тысяч» — не число." in html
    assert "Строка 2: укажите источник финансирования." in html
    assert 'value="Кофе-брейк"' in html and 'value="более 100"' in html
    assert not PracticePassport.objects.exists()

    data.update({"t-costs-0-amount": "100 000", "t-costs-1-source": "Спонсоры"})
    client.post(reverse("passports:create"), data)
    passport = PracticePassport.objects.get()
    assert passports.costs_total(passport.tables) == Decimal("120000")
    client.post(
        reverse("passports:edit", args=[passport.pk]),
        {
            **data,
            "t-costs-2-item": "Аренда",
            "t-costs-2-amount": "5 000",
            "t-costs-2-source": "Грант",
        },
    )
    assert PassportVersion.objects.filter(passport=passport).count() == 2
    passport.refresh_from_db()
    assert len(passport.tables["costs"]) == 3


def test_drafts_are_for_authors_and_staff_published_for_everyone(client, coordinator, activist):
    passport = _zarechny(coordinator)
    url = reverse("passports:detail", args=[passport.pk])
    client.force_login(activist)
    assert client.get(url).status_code == 404

    passports.passport_publish(passport=passport, user=coordinator)
    client.logout()
    html = client.get(url).content.decode()
    assert "Форум «Заречный: городские сообщества в действии»" in html
    assert 'id="costs-total" class="number">365\xa0000<' in html


def test_passport_pdf_has_numbered_tables_and_the_costs_total(
    client, coordinator, tmp_path, django_capture_on_commit_callbacks
):
    passport = _zarechny(coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("passports:action", args=[passport.pk, "pdf"]))
    passport.refresh_from_db()
    assert passport.pdf_state == "ready"

    pdf = tmp_path / "passport.pdf"
    pdf.write_bytes(
        b"".join(client.get(reverse("passports:pdf", args=[passport.pk])).streaming_content)
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Паспорт практики" in flat and "1. Наименование практики" in flat
    assert "Затраты" in flat and "Всего 365 000" in flat  # split() folds the no-break space
    assert "Количество участников форума 140 140" in flat


def test_linked_event_figures_are_offered_as_results(client, coordinator):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Event, MediaPublication, Outcome

    start = timezone.now() - timedelta(days=30)
    event = Event.objects.create(
        kind="forum",
        title="Форум",
        slug="forum-x",
        starts_at=start,
        ends_at=start + timedelta(hours=5),
    )
    Outcome.objects.create(event=event, other_participants=140)
    MediaPublication.objects.bulk_create(
        MediaPublication(outlet=f"СМИ {n}", published_on=start.date(), event=event)
        for n in range(12)
    )
    passport = passports.passport_save(
        author=coordinator, fields={"title": "Форум", "event": event}, tables={}
    )
    client.force_login(coordinator)

    html = client.get(
        reverse("passports:edit", args=[passport.pk]) + "?prefill=event"
    ).content.decode()

    assert 'value="Публикации в СМИ, шт."' in html and 'value="12"' in html
    assert 'value="Пришли участники, чел."' in html and 'value="140"' in html


def test_a_linked_programme_offers_its_training_figures(client, coordinator, make_user):
    from datetime import timedelta

    from django.utils import timezone

    from training.models import Programme, Session, SessionDay
    from training.services import attendance, enrolment

    programme = Programme.objects.create(title="Управление ресурсами", kind="two_day_session")
    session = Session.objects.create(programme=programme, place="Центр", capacity=5)
    start = timezone.now() + timedelta(days=1)
    day = SessionDay.objects.create(
        session=session, starts_at=start, ends_at=start + timedelta(hours=4)
    )
    people = [
        enrolment.enrolment_create(session=session, user=make_user("activist")) for _ in range(2)
    ]
    attendance.attendance_mark(day=day, marks={p.pk: True for p in people}, user=coordinator)
    passport = passports.passport_save(
        author=coordinator, fields={"title": "Школа", "programme": programme}, tables={}
    )

    rows = passports.figures_for(passport)

    assert {"indicator": "Посетили занятия, чел.", "last_year": "2", "whole_period": "2"} in rows
