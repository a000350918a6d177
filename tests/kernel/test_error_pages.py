"""Error pages speak Russian in the portal's look, and none of them needs the database."""

import pytest
from django.db import OperationalError
from django.test import Client

from civiccenter.kernel import errors


def test_a_database_that_is_away_is_a_503_and_any_other_error_a_500(rf):
    try:
        raise OperationalError("connection to server at 127.0.0.1 failed")
    except OperationalError:
        away = errors.server_error(rf.get("/initiatives/"))
    try:
        raise ValueError("a bug")
    except ValueError:
        broken = errors.server_error(rf.get("/initiatives/"))

    assert (away.status_code, away["Retry-After"]) == (503, "30")
    assert "Портал ненадолго недоступен" in away.content.decode()
    assert broken.status_code == 500
    assert "Ошибка на сервере" in broken.content.decode()


@pytest.mark.django_db
def test_a_refused_csrf_check_explains_itself_in_russian_without_django_s_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x"})

    page = response.content.decode()
    assert response.status_code == 403
    assert "Форма устарела" in page
    assert "DEBUG" not in page and "CSRF" not in page


def test_a_bad_request_page_is_russian(rf):
    response = errors.bad_request(rf.get("/"))
    assert response.status_code == 400 and "Неверный запрос" in response.content.decode()
