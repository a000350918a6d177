"""HTTP load run against the production setup on loopback: gunicorn with production
settings (DEBUG off), PostgreSQL and Redis, driven by wrk for a fixed time per page.

Run with `scripts/benchmark load` after `scripts/benchmark consulting_totals` (10,000 registry
records, 1,000,000 logged consultations). Prints requests per second, median and p95 per page
and the ratio to a bare Django view (/healthz) served by the same server in the same run, and
writes the table to docs/performance.md.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
# The server and this script share the key, so that the staff session made here is valid there.
os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
django.setup()

from allauth.mfa.models import Authenticator  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from accounts.services import user_set_roles  # noqa: E402
from civiccenter.quarters import Quarter  # noqa: E402
from events.models import Event  # noqa: E402
from initiatives.models import Organisation  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PORT = int(os.environ.get("BENCH_PORT", "8100"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
PERCENTILES = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.3f %.3f %d\\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.errors.status))
end
"""


def staff_cookie() -> str:
    """A signed-in coordinator with an authenticator, as a session cookie for wrk."""
    User = get_user_model()
    user, _created = User.objects.get_or_create(email="bench-coordinator@example.org")
    user_set_roles(user=user, roles=["coordinator"])
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {}}
    )
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def event_slug() -> str:
    event = Event.objects.filter(is_published=True).first()
    if event is None:
        from datetime import timedelta

        from django.utils import timezone

        start = timezone.now() + timedelta(days=10)
        event = Event.objects.create(
            kind="forum",
            title="Гражданский форум «Диалог»",
            slug="bench-forum",
            starts_at=start,
            ends_at=start + timedelta(hours=6),
            city="Зеленогорск",
            capacity=500,
        )
    return event.slug


def wrk(path: str, lua: Path, headers: list[str]) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{SECONDS}s",
        "-s",
        str(lua),
        f"http://127.0.0.1:{PORT}{path}",
    ]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests, median, p95, errors = re.search(
        r"RESULT (\d+) ([\d.]+) ([\d.]+) (\d+)", output
    ).groups()
    return {
        "rps": int(requests) / SECONDS,
        "median": float(median),
        "p95": float(p95),
        "errors": int(errors),
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _status_without_redirects(request) -> int:
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk)")
        return 1
    records = Organisation.objects.count()
    cookie = staff_cookie()
    slug = event_slug()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.production",
        "SECRET_KEY": os.environ["SECRET_KEY"],
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "civiccenter.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        lua = Path(tempfile.mkstemp(suffix=".lua")[1])
        lua.write_text(PERCENTILES)
        quarter = Quarter.current().previous()
        pages = [
            ("bare Django view (/healthz)", "/healthz", []),
            (
                "catalogue, searched and filtered",
                "/initiatives/?q=%D0%B4%D0%B2%D0%BE%D1%80&status=active",
                [],
            ),
            ("event page", f"/events/{slug}/", []),
            (
                "staff hours list (1M entries)",
                f"/consulting/log/?quarter={quarter}",
                [f"Cookie: {cookie}"],
            ),
        ]
        for _label, path, headers in pages:
            request = urllib.request.Request(
                f"http://127.0.0.1:{PORT}{path}", headers=dict(h.split(": ", 1) for h in headers)
            )
            status = _status_without_redirects(request)
            if status != 200:
                raise RuntimeError(
                    f"{path} answers {status}, not 200: the load run would measure the wrong page"
                )
        results = [(label, path, wrk(path, lua, headers)) for label, path, headers in pages]
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    bare = results[0][2]["rps"]
    lines = [
        f"gunicorn, 2 sync workers, DEBUG off, PostgreSQL and Redis on loopback; wrk -t2 -c{CONNECTIONS} "
        f"-d{SECONDS}s per page; {records} registry records.",
        "",
        "| page | requests/s | median ms | p95 ms | non-2xx | ratio to the bare view |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, _path, r in results:
        lines.append(
            f"| {label} | {r['rps']:.0f} | {r['median']:.1f} | {r['p95']:.1f} | {r['errors']} | {r['rps'] / bare:.2f} |"
        )
    table = "\n".join(lines)
    print(table)
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "performance.md").write_text(
        "# Performance\n\nMeasured by `scripts/benchmark load` (after `scripts/benchmark consulting_totals`) "
        "on the project's 2-core machine.\n\n" + table + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
