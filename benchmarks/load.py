"""HTTP load run against the production setup on loopback: gunicorn with production
settings (DEBUG off), PostgreSQL and Redis, driven by wrk for a fixed time per page.

Run with `scripts/benchmark load`. It first brings the benchmarks' database to the full data
set (benchmarks/data.py: 10,000 registry records, 1,000,000 logged consultations, 100,000 event
registrations). Pages: the catalogue with a search, an event page, a forum's registration
opening (each request a different signed-in person registering), the consultation booking form
posted by signed-in activists (each request a real booking), the staff hours list. Prints
requests per second, median and p95 per page and the ratio to a bare Django view (/healthz)
served by the same server in the same run, and writes the table into docs/performance.md
between its `load` markers (the rest of the file is kept).
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
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
# The server and this script share the key, so that the staff session made here is valid there.
os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
django.setup()

from allauth.mfa.models import Authenticator  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.timezone import now as time_now  # noqa: E402

from accounts.services import user_set_roles  # noqa: E402
from benchmarks.booking_posts import booking_load, bookings_stored  # noqa: E402
from benchmarks.data import ADJECTIVES, LOGS, NOUNS, PLACES, RECORDS, dataset_ensure  # noqa: E402
from benchmarks.registration_posts import registration_load, registrations_stored  # noqa: E402
from benchmarks.sessions import session_cookie  # noqa: E402
from civiccenter.celery import app as celery_app  # noqa: E402
from civiccenter.kernel.quarters import Quarter  # noqa: E402
from consulting.models import ConsultationLog  # noqa: E402
from events.models import Event, Registration  # noqa: E402
from initiatives.models import Organisation, Topic  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PORT = int(os.environ.get("BENCH_PORT", "8100"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
THREADS = 2
# wrk's own default is 2 s, and a request slower than that vanishes from the latencies: a
# saturated page showed «0 errors» and a flattering p95. A request still unanswered after
# TIMEOUT is counted as a timeout and reported beside the status errors.
TIMEOUT = os.environ.get("BENCH_TIMEOUT", "30s")
DOCS = ROOT / "docs" / "performance.md"
# Each data-set size has its own table in the docs.
BEGIN = f"<!-- load:{RECORDS}:begin -->"
END = f"<!-- load:{RECORDS}:end -->"
PERCENTILES = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.3f %d %d %d\\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, e.status, e.timeout,
    e.connect + e.read + e.write))
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
    return session_cookie(user)


def busiest_upcoming_event() -> Event:
    """The generated upcoming event with the most registrations (500 of them); not the forum
    whose registration opening is measured."""
    return (
        Event.objects.filter(
            is_published=True, starts_at__gt=time_now(), slug__startswith="bench-event-"
        )
        .annotate(people=Count("registrations"))
        .order_by("-people", "starts_at")
        .first()
    )


def wrk(path: str, lua: Path, headers: list[str]) -> dict:
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{SECONDS}s",
        f"--timeout={TIMEOUT}",
        "-s",
        str(lua),
        f"http://127.0.0.1:{PORT}{path}",
    ]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests, median, p95, errors, timeouts, socket_errors = re.search(
        r"RESULT (\d+) ([\d.]+) ([\d.]+) (\d+) (\d+) (\d+)", output
    ).groups()
    return {
        "rps": int(requests) / SECONDS,
        "median": float(median),
        "p95": float(p95),
        "errors": int(errors),
        "timeouts": int(timeouts),
        "socket_errors": int(socket_errors),
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _status_without_redirects(request) -> tuple[int, str]:
    """The status and, for a redirect, where to."""
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@dataclass
class Page:
    label: str
    path: str
    expected: int = 200
    headers: list[str] = field(default_factory=list)
    script: str = ""  # Lua that makes the requests (a POST); empty: GET `path`
    probe_body: str | None = None  # sent as a POST by the check before the run


def server_environment(static_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
    }


def server_start(env: dict) -> subprocess.Popen:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    # The project's gunicorn.conf.py (preloaded application), two workers, no access log.
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn"],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{PORT}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_LOG_LEVEL": "warning",
            "GUNICORN_ACCESS_LOG": "",
        },
    )
    deadline = time.monotonic() + 600  # waits for a busy machine; only a hung start fails
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def page_check(page: Page) -> None:
    """One request first: a page answering the wrong status would be measured for nothing."""
    headers = dict(h.split(": ", 1) for h in page.headers)
    data = None
    if page.probe_body is not None:
        data = page.probe_body.encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{page.path}", data=data, headers=headers
    )
    status, location = _status_without_redirects(request)
    # A redirect to the sign-in or the consent page is a 302 too, and stores nothing.
    if status != page.expected or location.startswith("/accounts/"):
        raise RuntimeError(
            f"{page.path} answers {status} {location}, not {page.expected}: "
            "the load run would measure the wrong page"
        )


def page_measure(page: Page) -> dict:
    lua = Path(tempfile.mkstemp(suffix=".lua")[1])
    try:
        lua.write_text(page.script + PERCENTILES, encoding="utf-8")
        return wrk(page.path, lua, page.headers)
    finally:
        lua.unlink()


SEARCH_WORDS = ["сквер", "дети", "экология", "спорт", "культура", "пенсионеры", "парк"]
STATUSES = ["", "active", "idea", "dormant", "closed"]


def query_mix_script() -> str:
    """Lua for wrk: the catalogue with a different search and filters on every request — a
    word of the data's vocabulary, a status, a topic and a page, taken in turn from some
    5,000 combinations, each thread from its own half — so that neither the page cache nor a
    lucky plan for one word can flatter the figure."""
    vocabulary = SEARCH_WORDS + [word.lower() for word in ADJECTIVES + NOUNS] + PLACES
    words = ", ".join(f'"{urllib.parse.quote(word)}"' for word in vocabulary)
    statuses = ", ".join(f'"{status}"' for status in STATUSES)
    topics = ", ".join(['""'] + [f'"{pk}"' for pk in Topic.objects.values_list("pk", flat=True)])
    return (
        f"local words = {{{words}}}\n"
        f"local statuses = {{{statuses}}}\n"
        f"local topics = {{{topics}}}\n"
        "local threads = 0\n"
        "setup = function(thread)\n"
        "  thread:set('first', threads)\n"
        "  threads = threads + 1\n"
        "end\n"
        "local n = nil\n"
        "request = function()\n"
        "  if n == nil then n = first * 2500 end\n"
        "  n = n + 1\n"
        "  local i = n\n"
        "  local word = words[(i % #words) + 1]; i = math.floor(i / #words)\n"
        "  local status = statuses[(i % #statuses) + 1]; i = math.floor(i / #statuses)\n"
        "  local topic = topics[(i % #topics) + 1]; i = math.floor(i / #topics)\n"
        "  local page = (i % 2) + 1\n"
        '  return wrk.format("GET", "/initiatives/?q=" .. word .. "&status=" .. status ..\n'
        '    "&topic=" .. topic .. "&page=" .. page)\n'
        "end\n"
    )


def page_size(path: str, cookie: str = "") -> int:
    """The HTML's size in bytes, as the server sends it (uncompressed)."""
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return len(response.read())


def _posting(label: str, prepared: dict) -> Page:
    """A page measured by posting its form (each request stores something: expect 302)."""
    return Page(
        label,
        prepared["path"],
        expected=302,
        script=prepared["script"],
        probe_body=prepared["probe_body"],
        headers=[f"Cookie: {prepared['probe_cookie']}"],
    )


def pages_prepare() -> tuple[list[Page], dict, dict]:
    quarter = Quarter.current().previous()
    event = busiest_upcoming_event()
    booking = booking_load(THREADS)
    rush = registration_load(THREADS)
    activist = booking["probe_cookie"]
    booking["page"] = booking_page = reverse("consulting:book", args=[booking["topic"].pk])
    pages = [
        Page("bare Django view (/healthz)", "/healthz"),
        # A different search and filters on each request: what the page costs uncached.
        Page(
            "catalogue, query mix (a new search and filters on each request)",
            "/initiatives/?q=%D0%B4%D0%B2%D0%BE%D1%80",
            script=query_mix_script(),
        ),
        Page(
            "catalogue, one search repeated by anonymous visitors",
            "/initiatives/?q=%D0%B4%D0%B2%D0%BE%D1%80&status=active",
        ),
        Page("catalogue, first page, anonymous visitors", "/initiatives/"),
        Page("home page, anonymous visitors", "/"),
        Page(f"event page ({event.registrations.count()} registrations)", f"/events/{event.slug}/"),
        Page(
            f"booking page of the busiest topic, one day ({booking['consultants']} consultants)",
            booking_page,
            headers=[f"Cookie: {activist}"],
        ),
        Page(
            f"staff hours list ({quarter}, {LOGS:,} entries in all)",
            f"/consulting/log/?quarter={quarter}",
            headers=[f"Cookie: {staff_cookie()}"],
        ),
        # Writes last: the pages read before them are measured on the data as generated.
        _posting("forum registration POST (a person each)", rush),
        _posting("booking form POST (a booking each)", booking),
    ]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner sees the data as it is after the preparation
    return pages, booking, rush


def table(results: list[tuple[Page, dict]]) -> str:
    bare = results[0][1]["rps"]
    lines = [
        "| page | requests/s | median ms | p95 ms | errors (4xx/5xx) | timeouts "
        f"(>{TIMEOUT}) | socket errors | ratio to the bare view |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, r in results:
        lines.append(
            f"| {page.label} | {r['rps']:.0f} | {r['median']:.1f} | {r['p95']:.1f} "
            f"| {r['errors']} | {r['timeouts']} | {r['socket_errors']} "
            f"| {r['rps'] / bare:.2f} |"
        )
    return "\n".join(lines)


def docs_write(section: str) -> None:
    """Replaces the part of docs/performance.md between the load markers."""
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Performance\n\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    DOCS.write_text(f"{before}{BEGIN}\n{section}\n{END}{after}", encoding="utf-8")


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk)")
        return 1
    dataset_ensure()
    pages, booking, rush = pages_prepare()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    server = server_start(server_environment(static_root))
    try:
        for page in pages:
            page_check(page)
        booking_bytes = page_size(booking["page"], booking["probe_cookie"])
        results = []
        for page in pages:
            print(f"measuring {page.label} for {SECONDS} s", flush=True)
            results.append((page, page_measure(page)))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
        # The bookings queued e-mails to made-up addresses: they are not to be sent.
        celery_app.control.purge()

    def posted(prepared) -> int:
        return round(
            # The posting page, not the booking page's GET at the same address.
            next(
                r
                for page, r in results
                if page.path == prepared["path"] and page.probe_body is not None
            )["rps"]
            * SECONDS
        )

    stored = bookings_stored(booking["topic"]) - 1  # the check's booking before the run
    people = registrations_stored(rush["event"])
    facts = (
        f"Run on {time_now():%Y-%m-%d}: gunicorn, 2 sync workers, DEBUG off, PostgreSQL and "
        f"Redis on loopback; wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s per page. Data: "
        f"{Organisation.objects.count()} registry records, {ConsultationLog.objects.count()} "
        f"logged consultations, {Registration.objects.count()} event registrations. "
        f"Forum registration POSTs: {posted(rush)} requests, {people['registered']} registered "
        f"(500 places, the check's one included), {people['waitlisted']} on the waitlist. "
        f"Booking POSTs: {stored} bookings stored for {posted(booking)} requests "
        f"({booking['slots']} free slots offered). The booking page of that topic, one day: "
        f"{booking_bytes / 1024:.0f} KB of HTML."
    )
    section = facts + "\n\n" + table(results)
    print(section)
    docs_write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
