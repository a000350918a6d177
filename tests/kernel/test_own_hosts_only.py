"""No page or stylesheet makes the browser load anything from a third-party host."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=\"([^\"]+)\""
    r"|<link\b[^>]*\bhref=\"([^\"]+)\"",
    re.IGNORECASE,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["home", "privacy", "account_login", "account_signup", "account_reset_password"]
)
def test_pages_load_resources_only_from_the_portal(client, url_name):
    html = client.get(reverse(url_name)).content.decode()
    resources = [a or b for a, b in RESOURCE.findall(html)]
    assert resources, "the page should at least load its stylesheet"
    foreign = [url for url in resources if re.match(r"^(https?:)?//", url)]
    assert foreign == []


def test_stylesheets_import_nothing_from_other_hosts():
    for css in (ROOT / "static").rglob("*.css"):
        text = css.read_text()
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", text), css
        assert "@import" not in text, css
