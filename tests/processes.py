"""Helpers for tests that start real server processes against the test database."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
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


ROOT = Path(__file__).resolve().parents[1]


# Only against a server that hangs for good: a busy machine is waited for.
SERVER_START_LIMIT = 600


def start_gunicorn(env: dict) -> tuple[str, subprocess.Popen]:
    """Starts the portal under gunicorn with the project's gunicorn.conf.py (one worker) on a
    free loopback port, and waits while it starts until /healthz answers. The caller
    terminates the process."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn"],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_LOG_LEVEL": "warning",
            "GUNICORN_ACCESS_LOG": "",
        },
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_LIMIT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return url, process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"the server at {url} did not start")


def wait_for(condition, timeout=90, step=0.05) -> bool:
    """Polls `condition` until it is true (True) or `timeout` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


class Browser:
    """A person's browser against a server of the test: cookies kept, CSRF token sent back
    with every form, redirects not followed (the test reads them)."""

    def __init__(self, base_url: str):
        import http.cookiejar

        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects()
        )

    def _csrf(self) -> str:
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base_url + path))  # noqa: S310 (loopback)

    def post(self, path: str, data: dict) -> tuple[int, str]:
        from urllib.parse import urlencode

        body = urlencode({**data, "csrfmiddlewaretoken": self._csrf()}).encode()
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.base_url + path, data=body, method="POST"
        )
        request.add_header("Referer", self.base_url + path)
        return self._open(request)

    def _open(self, request) -> tuple[int, str]:
        import urllib.error

        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def log_in(self, email: str, password: str) -> int:
        """Signs in through the login form; returns the status of the form's answer."""
        self.get("/accounts/login/")
        status, _body = self.post("/accounts/login/", {"login": email, "password": password})
        return status


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None
