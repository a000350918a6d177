"""The shipped nginx configuration (deploy/nginx.conf), run by Debian's nginx on loopback in
front of gunicorn: two clients on two loopback addresses reach the consent records and the
sign-in limits as two people, and an X-Forwarded-For a client forges itself changes nothing."""

import http.client
import os
import re
import shutil
import subprocess
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from accounts.models import PersonalDataConsent
from tests.processes import ROOT, current_database_url, free_port, start_gunicorn, wait_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TOO_MANY = "Слишком много неудачных попыток входа"


class LoopbackClient:
    """A browser whose connections leave from one loopback address (127.0.0.2, 127.0.0.3…)."""

    def __init__(self, port: int, source: str, headers: dict | None = None):
        self.port, self.source, self.headers = port, source, headers or {}
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=60, source_address=(self.source, 0)
        )
        headers = {**self.headers, "Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        text = response.read().decode(errors="replace")
        connection.close()
        return response.status, text

    def sign_up(self, email: str) -> int:
        self.request("GET", "/accounts/signup/")
        status, _page = self.request(
            "POST",
            "/accounts/signup/",
            {
                "last_name": "Соколова",
                "first_name": "Анна",
                "email": email,
                "password1": "correct-horse-battery-7",
                "password2": "correct-horse-battery-7",
                "personal_data_consent": "on",
            },
        )
        return status

    def failed_sign_in(self, email: str) -> bool:
        """Whether the portal still checks the password, or refuses for too many attempts."""
        self.request("GET", "/accounts/login/")
        _status, page = self.request(
            "POST", "/accounts/login/", {"login": email, "password": "not-the-password"}
        )
        return TOO_MANY not in page


@pytest.fixture
def nginx_in_front(tmp_path):
    """gunicorn behind nginx with the shipped server block; yields nginx's port."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: scripts/run-tests installs it (APT_TESTS)")

    def start(backend: str) -> int:
        port = free_port()
        server_block = (ROOT / "deploy" / "nginx.conf").read_text()
        server_block = server_block.replace("server 127.0.0.1:8000;", f"server {backend};")
        server_block = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", server_block)
        (tmp_path / "civiccenter.conf").write_text(server_block)
        (tmp_path / "nginx.conf").write_text(
            f"""
            worker_processes 1;
            pid {tmp_path}/nginx.pid;
            error_log {tmp_path}/error.log warn;
            events {{ worker_connections 64; }}
            http {{
                access_log off;
                client_body_temp_path {tmp_path}/body;
                proxy_temp_path {tmp_path}/proxy;
                fastcgi_temp_path {tmp_path}/fastcgi;
                uwsgi_temp_path {tmp_path}/uwsgi;
                scgi_temp_path {tmp_path}/scgi;
                include {tmp_path}/civiccenter.conf;
            }}
            """
        )
        process = subprocess.Popen(
            [NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path), "-g", "daemon off;"]
        )
        started.append(process)

        def answers() -> bool:
            try:
                return LoopbackClient(port, "127.0.0.1").request("GET", "/healthz")[0] == 200
            except OSError:
                return process.poll() is None and False

        assert wait_for(answers, timeout=120), (tmp_path / "error.log").read_text()
        return port

    started: list[subprocess.Popen] = []
    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_two_people_behind_nginx_are_two_addresses_and_a_forged_header_changes_nothing(
    nginx_in_front, reference_data
):
    url, server = start_gunicorn(
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
            "DATABASE_URL": current_database_url(),
            "TRUSTED_PROXY_COUNT": "1",
        }
    )
    try:
        port = nginx_in_front(url.removeprefix("http://"))
        anna, boris = LoopbackClient(port, "127.0.0.2"), LoopbackClient(port, "127.0.0.3")
        forger = LoopbackClient(port, "127.0.0.2", {"X-Forwarded-For": "203.0.113.9"})

        assert anna.sign_up("anna@example.org") == 302
        assert boris.sign_up("boris@example.org") == 302
        assert forger.sign_up("mallory@example.org") == 302

        consents = dict(PersonalDataConsent.objects.values_list("user__email", "ip_address"))
        assert consents == {
            "anna@example.org": "127.0.0.2",
            "boris@example.org": "127.0.0.3",
            "mallory@example.org": "127.0.0.2",
        }

        # allauth allows 10 failed sign-ins a minute from one address: the eleventh from
        # Anna's is refused, Boris's address is untouched, and forging the header (which
        # would give each attempt a fresh address) does not help.
        checked = [anna.failed_sign_in(f"nobody{n}@example.org") for n in range(10)]
        assert checked == [True] * 10
        assert not anna.failed_sign_in("nobody10@example.org")
        assert not forger.failed_sign_in("nobody11@example.org")
        assert boris.failed_sign_in("nobody12@example.org")
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_nginx_compresses_pages_but_not_the_account_pages(nginx_in_front, reference_data):
    url, server = start_gunicorn(
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
            "DATABASE_URL": current_database_url(),
        }
    )
    try:
        port = nginx_in_front(url.removeprefix("http://"))

        def encoding(path: str) -> tuple[int, str | None]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request(
                "GET", path, headers={"Accept-Encoding": "gzip", "Host": "127.0.0.1"}
            )
            response = connection.getresponse()
            response.read()
            connection.close()
            return response.status, response.getheader("Content-Encoding")

        assert encoding("/") == (200, "gzip")
        assert encoding("/initiatives/") == (200, "gzip")
        assert encoding("/accounts/login/") == (200, None)  # BREACH: secrets live here
    finally:
        server.terminate()
        server.wait(timeout=30)
