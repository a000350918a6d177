import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.models import User
from consulting.models import ConsultingTopic
from events.models import Event
from initiatives.models import Organisation
from training.models import Programme

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Organisation.objects.count(),
        ConsultingTopic.objects.count(),
        Programme.objects.count(),
        Event.objects.count(),
        User.objects.count(),
    )


def test_demo_data_is_built_from_the_seeds_and_idempotent(tmp_path):
    passwords = tmp_path / "demo-accounts.txt"
    call_command("load_demo_data", passwords_file=passwords)
    first = _counts()
    first_passwords = passwords.read_text()

    call_command("load_demo_data", passwords_file=passwords)

    assert _counts() == first
    assert passwords.read_text() == first_passwords
    assert Organisation.objects.get(name="Телеканал Пенза").members_count == 23340
    # The Penza list names several communities twice; the importer keeps one of each.
    assert Organisation.objects.filter(name="АвтокаВ58").count() == 1
    assert Organisation.objects.filter(name="Пензенский клуб инвесторства «Бизнес»").count() == 1
    assert ConsultingTopic.objects.filter(is_complex=True).count() == 3
    from initiatives.models import District

    # the registry's district filter has the demo cities' districts to offer
    assert District.objects.filter(city="Пермь").count() == 8
    assert District.objects.filter(city="Пенза", name="Первомайский").exists()
    assert Event.objects.filter(title__contains="Заречный").exists()
    assert Event.objects.filter(title__contains="Диалог").count() == 2
    emails = dict(line.split() for line in first_passwords.splitlines())
    assert len(emails) == 5
    from portal.models import PracticePassport
    from portal.services.passports import costs_total

    zarechny = PracticePassport.objects.get(title__startswith="Форум «Заречный")
    assert zarechny.status == "published" and costs_total(zarechny.tables) == 365000
    assert PracticePassport.objects.get(title__startswith="Гражданский форум «Диалог»").tables[
        "problems"
    ]
    admin = User.objects.get(email="admin@portal.local")
    assert admin.check_password(emails["admin@portal.local"])
    assert set(admin.groups.values_list("name", flat=True)) == {"administration"}


def test_the_seed_passports_have_positions_in_their_own_column_and_no_repeated_heading():

    folder = Path(__file__).resolve().parents[2] / "portal" / "demo" / "passports"
    dialog = json.loads((folder / "dialog.json").read_text(encoding="utf-8"))
    contacts = dialog["tables"]["contacts"]
    assert all(row["position"] and "," not in row["name"] for row in contacts)
    zarechny = json.loads((folder / "zarechny.json").read_text(encoding="utf-8"))
    assert "Предпосылки реализации" not in zarechny["preconditions"]


# Seed 004, «4. Результаты проекта»: the form's row, its value as Zelenogorsk wrote it.
SEED_004_RESULTS = [
    (1, "Проведение консультаций для СО НКО (кол-во, шт.)", "более 100"),
    (
        2,
        "Информационная поддержка деятельности СО НКО города (кол-во публикаций в СМИ, шт.)",
        "более 20",
    ),
    (
        3,
        "Оказание экспертной оценки написанных грантовых заявок на конкурсы (кол-во проектов, шт.)",
        "38",
    ),
    (
        4,
        "Получение федеральных, краевых, муниципальных и иных грантов СО НКО "
        "(кол-во поддержанных проектов, шт.)",
        "23",
    ),
    (5, "Проведение семинаров и круглых столов для руководителей СО НКО", "более 20"),
    (6, "Встречи Главы города с представителями СО НКО (кол-во, шт.)", "3"),
    (
        7,
        "Увеличение количества активных СО НКО, действующих на территории города (кол-во, шт.)",
        "7",
    ),
    (8, "Создан реестр всех общественных организаций города (кол-во, шт.)", "1"),
    (9, "Количество поддержанных общественных инициатив", "более 100"),
]


def _agrees(value: int, seed: str) -> bool:
    if seed.startswith("более "):
        return value > int(seed.removeprefix("более "))
    return value == int(seed)


def test_the_period_report_reproduces_seed_004s_results_table_from_the_demo_data(
    tmp_path, client, make_user
):
    import time_machine
    from allauth.mfa.models import Authenticator
    from django.urls import reverse

    from portal.period_report import PeriodForm, figures_for

    with time_machine.travel(datetime(2026, 12, 2, 9, tzinfo=UTC), tick=True):
        call_command("load_demo_data", passwords_file=tmp_path / "demo-accounts.txt")
        form = PeriodForm({"start": "2025-01-01", "end": "2025-12-31"})
        assert form.is_valid()
        results = figures_for(form)["practice_results"]

        assert [(r.number, r.label) for r in results] == [
            (n, label) for n, label, _ in SEED_004_RESULTS
        ]
        for result, (number, label, seed) in zip(results, SEED_004_RESULTS, strict=True):
            assert _agrees(result.value, seed), (number, label, result.value, seed)

        # The administration reads the same table on the period report's page.
        head = make_user("administration")
        Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={})
        client.force_login(head)
        html = client.get(
            reverse("reports:period"), {"start": "2025-01-01", "end": "2025-12-31"}
        ).content.decode()
        assert "Результаты практики по форме паспорта" in html
        assert "Встречи Главы города с представителями СО НКО (кол-во, шт.)" in html
