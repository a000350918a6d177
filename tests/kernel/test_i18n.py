"""Russian first, English available: complete catalogues, right plurals, dates and numbers."""

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_catalogues_are_up_to_date_with_the_code(tmp_path):
    """makemessages on a copy of the code finds no string the catalogue lacks."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", ".local", ".git", "media", "staticfiles", "*.mo")
    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run(
        [
            "python",
            "manage.py",
            "makemessages",
            "-l",
            "ru",
            "--no-obsolete",
            "--ignore",
            "tests/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )

    def msgids(path: Path) -> set[str]:
        result = subprocess.run(
            ["msgattrib", "--no-wrap", "--no-obsolete", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        return {line for line in result.stdout.splitlines() if line.startswith("msgid")}

    committed = ROOT / "locale/ru/LC_MESSAGES/django.po"
    fresh = copy / "locale/ru/LC_MESSAGES/django.po"
    assert msgids(fresh) - msgids(committed) == set()


def _render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return engines["django"].from_string(source).render(context).strip()


HOURS = (
    "{% load i18n %}{% blocktranslate count hours=n %}{{ hours }} hour"
    "{% plural %}{{ hours }} hours{% endblocktranslate %}"
)


@pytest.mark.parametrize(
    ("n", "russian", "english"),
    [
        (1, "1 час", "1 hour"),
        (2, "2 часа", "2 hours"),
        (5, "5 часов", "5 hours"),
        (11, "11 часов", "11 hours"),
        (21, "21 час", "21 hours"),
        (250, "250 часов", "250 hours"),
    ],
)
def test_plurals(n, russian, english):
    assert _render(HOURS, "ru", n=n) == russian
    assert _render(HOURS, "en", n=n) == english


def test_dates_and_numbers():
    day = datetime.date(2026, 11, 25)
    template = "{% load humanize %}{{ day|date:'DATE_FORMAT' }} · {{ n|intcomma }}"
    russian = _render(template, "ru", day=day, n=59643)
    english = _render(template, "en", day=day, n=59643)
    assert russian == "25 ноября 2026 г. · 59\xa0643"
    assert english == "Nov. 25, 2026 · 59,643"


def test_english_labels_of_django_and_allauth_are_found_in_a_page():
    from tests.english_labels import english_labels, english_labels_in, texts_of_html

    labels = english_labels()
    # read from the packages' own catalogues: Django's forms, its admin, allauth's pages
    assert {"- Select an option -", "This field is required.", "Remember Me"} <= labels
    page = """<form><label>Password:</label><select><option value="">- Select an option -</option>
      <option>Пенза</option></select><input type="submit" value="Sign In">
      <input type="hidden" name="next" value="Save"><script>const label = "Delete";</script>
      <p>English</p><p>Сохранить</p></form>"""
    # a hidden field's value, a script and the language switch are not labels people read
    assert english_labels_in(texts_of_html(page)) == ["- Select an option -", "Password", "Sign In"]
