"""PostgreSQL restarted under a running web server: the next requests succeed without
restarting the server (Django checks a kept connection before reusing it)."""

import urllib.error
import urllib.parse
import urllib.request
import uuid

from tests.processes import start_gunicorn


def _catalogue_status(url: str) -> int:
    """A search no cache has seen, so that the page must ask the database."""
    query = urllib.parse.quote(f"двор {uuid.uuid4().hex[:6]}")
    try:
        with urllib.request.urlopen(f"{url}/initiatives/?q={query}", timeout=20) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_web_server_survives_a_database_restart(private_postgres):
    url, server = start_gunicorn(private_postgres.env)
    try:
        assert _catalogue_status(url) == 200  # the worker now keeps a database connection

        private_postgres.restart()

        assert [_catalogue_status(url) for _ in range(3)] == [200, 200, 200]
    finally:
        server.terminate()
        server.wait(timeout=30)
