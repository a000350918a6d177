"""Uploaded files are stored under generated names, whatever the visitor called them."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civiccenter.kernel.uploads import extension_from_content
from initiatives.services.importing import import_job_create
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEX_NAME = r"[0-9a-f]{32}"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#1d6b35").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_logo_gets_a_random_name_and_the_extension_of_its_content(client):
    organisation = OrganisationFactory()
    organisation.logo = SimpleUploadedFile("../../Иванова паспорт.exe", _png())
    organisation.save()

    name = organisation.logo.name
    assert re.fullmatch(rf"logos/\d{{4}}/\d{{2}}/{HEX_NAME}\.png", name), name
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "Иванова" not in response["Content-Disposition"]


def test_two_uploads_with_one_name_get_different_names():
    first, second = OrganisationFactory(), OrganisationFactory()
    for organisation in (first, second):
        organisation.logo = SimpleUploadedFile("logo.png", _png())
        organisation.save()

    assert first.logo.name != second.logo.name


def test_an_import_keeps_the_original_name_only_as_data(activist):
    upload = SimpleUploadedFile("Список НКО <Пенза>.csv", "Название;ИНН\n".encode())

    job = import_job_create(upload=upload, user=activist, max_bytes=1024 * 1024)

    assert job.original_name == "Список НКО <Пенза>.csv"
    assert re.fullmatch(rf"imports/\d{{4}}/\d{{2}}/{HEX_NAME}\.csv", job.file.name), job.file.name


@pytest.mark.parametrize(
    ("head", "suffix"),
    [
        (b"%PDF-1.7\n", ".pdf"),
        (b"\x89PNG\r\n\x1a\n", ".png"),
        (b"\xff\xd8\xff\xe0", ".jpg"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", ".webp"),
        (b"PK\x03\x04", ".xlsx"),
        (b"MZ\x90\x00", ""),
    ],
)
def test_extension_comes_from_the_first_bytes(head, suffix):
    assert extension_from_content(head) == suffix
