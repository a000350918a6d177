"""Browser fixtures: every page a test visits is checked for accessibility (axe-core), for
width (no sideways scrolling), for English labels of Django or allauth on a Russian page, for
Content-Security-Policy violations and for requests to any host but the portal's own."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.english_labels import english_labels_in, texts_of_html

BLOCKING_IMPACTS = {"serious", "critical"}
_axe = Axe()


class CheckedPage:
    """A Playwright page whose every visited URL must pass `assert_accessible` before the
    test ends."""

    def __init__(self, page, live_server_url: str):
        self.page = page
        self.base_url = live_server_url
        self.own_host = urlsplit(live_server_url).netloc
        self.visited: list[str] = []
        self.checked: set[str] = set()
        self.foreign_requests: list[str] = []
        self.csp_violations: list[str] = []
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("framenavigated", self._on_navigated)

    def _on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.own_host:
            self.foreign_requests.append(request.url)

    def _on_console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def _on_navigated(self, frame):
        if frame == self.page.main_frame:
            self.visited.append(self._path(frame.url))

    @staticmethod
    def _path(url: str) -> str:
        return urlsplit(url).path

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("load")

    def assert_accessible(self):
        self.page.wait_for_load_state("load")
        results = _axe.run(self.page)
        blocking = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]
        assert not blocking, f"axe on {self.page.url}:\n" + "\n".join(blocking)
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{self.page.url} scrolls sideways by {overflow}px"
        if self.page.evaluate("document.documentElement.lang") == "ru":
            english = english_labels_in(texts_of_html(self.page.content()))
            assert not english, f"English labels on {self.page.url}: {english}"
        self.checked.add(self._path(self.page.url))

    def finish(self):
        unchecked = [path for path in self.visited if path not in self.checked]
        assert not unchecked, f"pages visited without an axe check: {unchecked}"
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        assert not self.csp_violations, f"CSP violations: {self.csp_violations}"


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport(request):
    """Every journey runs on a desktop screen and on a phone's (390×844), where no page may
    scroll sideways (`CheckedPage.assert_accessible`)."""
    return request.param


@pytest.fixture
def checked_page(browser, live_server, reference_data, viewport):
    context = browser.new_context(
        locale="ru-RU", viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    checked = CheckedPage(page, live_server.url)
    yield checked
    try:
        checked.finish()
    finally:
        context.close()
