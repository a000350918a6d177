import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from initiatives.models import ImportJob, Organisation
from tests.factories import OrganisationFactory, OrganisationLinkFactory

pytestmark = pytest.mark.django_db

PENZA = Path(__file__).resolve().parents[2] / "portal" / "demo" / "penza_communities.csv"


def _upload(client, name, content):
    return client.post(reverse("initiatives:import"), {"file": SimpleUploadedFile(name, content)})


def _detail(client, name):
    return client.get(reverse("initiatives:import_detail", args=[_job(name).pk]))


def _job(name):
    return ImportJob.objects.get(original_name=name)


def test_penza_list_preview_flags_its_duplicated_communities(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "penza.csv", PENZA.read_bytes())

    response = _detail(client, "penza.csv")
    job = _job("penza.csv")
    assert job.state == "preview"
    assert job.total_rows == 53 and job.error_rows == 0
    flagged = {row["data"]["name"] for row in job.preview if row["duplicates"]}
    # Named twice in seed 002: the same name, or the same page under another name.
    assert {"АвтокаВ58", "Penza Racing Club Пенза", "Кураторы", "КБР.Творческий кластер"} <= flagged
    assert "Телеканал Пенза" not in flagged
    html = response.content.decode()
    assert "Вероятный дубликат" in html and "та же ссылка" in html and "то же название" in html
    # Nothing is written before the person decides.
    assert not Organisation.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("initiatives:import_detail", args=[job.pk]), {"skip_duplicates": "on"})
    job.refresh_from_db()
    assert job.state == "done" and job.created_count == 53 - job.duplicate_rows
    assert Organisation.objects.filter(name="АвтокаВ58").count() == 1
    assert Organisation.objects.get(name="Телеканал Пенза").members_count == 23340


def test_duplicates_of_registry_records_are_flagged_by_name_and_link(
    client, coordinator, django_capture_on_commit_callbacks
):
    existing = OrganisationFactory(name="Музыканты Пензы")
    OrganisationLinkFactory(
        organisation=OrganisationFactory(name="Другое"), url="https://vk.com/urbanart"
    )
    client.force_login(coordinator)
    content = "название;ссылки\nМУЗЫКАНТЫ ПЕНЗЫ;\nПространство танца;http://www.vk.com/urbanart/\n"

    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "list.csv", content.encode("cp1251"))

    rows = _job("list.csv").preview
    assert rows[0]["duplicates"][0] == {
        "where": "registry",
        "id": existing.pk,
        "name": "Музыканты Пензы",
        "slug": existing.slug,
        "reason": "name",
    }
    assert rows[1]["duplicates"][0]["reason"] == "link"


def test_a_file_with_errors_imports_nothing(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    content = (
        "название,участники,ссылки,вид\nХороший клуб,10,https://vk.com/good,\n,abc,ftp://x,клуб\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "bad.csv", content.encode())
    response = _detail(client, "bad.csv")

    job = _job("bad.csv")
    errors = job.preview[1]["errors"]
    assert "Не указано название." in errors
    assert "«abc» — не целое число." in errors
    assert "«ftp://x» — не ссылка на общедоступный сайт." in errors
    assert "Неизвестный вид «клуб»." in errors
    assert "Исправьте строки с ошибками" in response.content.decode()

    client.post(reverse("initiatives:import_detail", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == "preview"
    assert not Organisation.objects.exists()


def test_xlsx_files_are_read_and_commit_runs_once(coordinator, django_capture_on_commit_callbacks):
    from initiatives.services import importing

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Название", "Вид", "Участники", "Темы", "Основано"])
    sheet.append(["Лесная страна", "сообщество", 306, "Экология, Дети и семья", 2011])
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = importing.import_job_create(
        upload=SimpleUploadedFile("list.xlsx", buffer.getvalue()), user=coordinator, max_bytes=10**6
    )

    importing.import_preview(job_id=job.pk)
    importing.import_commit(job_id=job.pk)
    importing.import_commit(job_id=job.pk)  # a retried task does not import twice

    organisation = Organisation.objects.get()
    assert organisation.members_count == 306
    assert sorted(organisation.topics.values_list("name", flat=True)) == [
        "Дети и семья",
        "Экология",
    ]
    assert organisation.founded_on.year == 2011
    assert organisation.moderation == "published"
    assert organisation.status_changes.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("list.pdf", b"%PDF-1.7\x00\x01binary"), ("list.csv", b"\x89PNG\r\n\x1a\n\x00\x00")],
)
def test_a_file_that_is_not_csv_or_xlsx_is_refused(client, coordinator, name, content):
    client.force_login(coordinator)

    response = _upload(client, name, content)

    assert response.status_code == 200
    assert "Файл должен быть таблицей CSV или XLSX." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_broken_xlsx_fails_with_a_reason(client, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "broken.xlsx", b"PK\x03\x04 this is not a workbook")
    response = _detail(client, "broken.xlsx")

    assert _job("broken.xlsx").state == "failed"
    assert "Файл должен быть таблицей CSV или XLSX." in response.content.decode()


def test_import_is_for_staff_only(client, activist):
    client.force_login(activist)
    assert client.get(reverse("initiatives:import")).status_code == 403


def test_status_endpoint_reports_progress(client, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "penza.csv", PENZA.read_bytes())
    job = _job("penza.csv")

    status = client.get(reverse("initiatives:import_status", args=[job.pk])).json()

    assert status == {
        "state": "preview",
        "state_label": "Готов к просмотру",
        "progress": 100,
        "finished": True,
    }


def test_a_column_named_ssylka_brings_its_links_and_finds_duplicates_by_them(
    client, coordinator, django_capture_on_commit_callbacks
):
    existing = OrganisationFactory(name="Музыканты Пензы")
    OrganisationLinkFactory(organisation=existing, url="https://vk.com/muzpenza")
    content = (
        "Название инициативы;Ссылка:;Численность;Куратор\n"
        "Музыка города;https://vk.com/muzpenza;40;Иванов\n"
    ).encode()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "ssylka.csv", content)

    job = _job("ssylka.csv")
    row = job.preview[0]
    assert row["data"]["links"] == ["https://vk.com/muzpenza"]
    assert row["data"]["members_count"] == 40
    assert row["duplicates"]
    assert job.unknown_columns == ["Куратор"]
    html = _detail(client, "ssylka.csv").content.decode()
    assert "Эти столбцы не импортируются" in html and "Куратор" in html


def test_a_file_with_a_header_and_no_rows_says_so(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "empty.csv", "Название;Ссылки\n;\n".encode())

    job = _job("empty.csv")
    assert job.state == "failed"
    assert job.error == "В файле есть заголовок, но нет строк: импортировать нечего."
    assert "Импортировать" not in _detail(client, "empty.csv").content.decode().split("</h1>")[1]
