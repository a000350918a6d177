import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_public_uploads_are_served_and_private_folders_are_not(client):
    logo = default_storage.save("logos/2026/11/logo.png", ContentFile(b"\x89PNG\r\n\x1a\n0000"))
    private = default_storage.save(
        "imports/2026/11/list.csv", ContentFile("ФИО,телефон\n".encode())
    )

    response = client.get(f"/media/{logo}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")

    assert client.get(f"/media/{private}").status_code == 404
    assert client.get("/media/logos/../imports/2026/11/list.csv").status_code == 404
    assert client.get("/media/logos/missing.png").status_code == 404
