"""Helpers for tests that start real server processes against the test database."""

import os
import socket
from urllib.parse import urlsplit, urlunsplit

from django.db import connection


def current_database_url() -> str:
    """The URL of the database this test uses (pytest-django's test_… copy)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
