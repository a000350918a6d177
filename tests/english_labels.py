"""English labels that Django and allauth could put on our pages untranslated: every msgid of
their own catalogues, read from the packages installed. A page of the Russian interface that
shows one of them as a whole text (a button, a label, an option, a heading, a hint) fails the
tests that use `english_labels_in`: Django 6's «- Select an option -» went out that way."""

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import allauth
import django
import polib

# Names that read the same in a Russian interface.
SAME_IN_RUSSIAN = {"English", "WebAuthn", "TOTP", "Email", "E-mail"}
# Text with placeholders never shows as it is written in the catalogue.
_PLACEHOLDER = re.compile(r"%(\(\w+\))?[sd]|\{")
_WORD = re.compile(r"[A-Za-z]{3,}")


def _catalogues() -> list[Path]:
    django_root = Path(django.__file__).parent
    return [
        django_root / "conf/locale/en/LC_MESSAGES/django.po",
        *sorted(django_root.glob("contrib/*/locale/en/LC_MESSAGES/django.po")),
        Path(allauth.__file__).parent / "locale/en/LC_MESSAGES/django.po",
    ]


def _normal(text: str) -> str:
    return " ".join(text.split()).rstrip(":*").strip()


@functools.cache
def english_labels() -> frozenset[str]:
    labels = set()
    for path in _catalogues():
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                if text and not _PLACEHOLDER.search(text) and _WORD.search(text):
                    labels.add(_normal(text))
    return frozenset(labels - SAME_IN_RUSSIAN)


def english_labels_in(texts) -> list[str]:
    """The texts (whole text nodes, attribute values) that are an English label."""
    known = english_labels()
    return sorted({_normal(text) for text in texts} & known)


class _Texts(HTMLParser):
    """The texts a person sees or hears of a page: text nodes outside scripts and styles, and
    the attributes that name or describe a control."""

    ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        for name, value in attrs:
            if value and (
                name in self.ATTRIBUTES or (name == "value" and tag in ("button", "input"))
            ):
                if name == "value" and dict(attrs).get("type") not in ("submit", "button"):
                    continue
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(data)


def texts_of_html(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    return parser.texts
