"""What a browser would send back for a form as rendered: every named input, select and
textarea of the form with its current value, ticked boxes only, no files."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._multiple = False
        self._options: list[str] = []
        self._chosen = False
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or attributes.get("id") == self.form_id
            return
        if not self.inside or "name" not in attributes and tag != "option":
            return
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            default = "on" if kind in ("checkbox", "radio") else ""  # what a browser sends
            value = attributes.get("value")
            self.data.append((attributes["name"], default if value is None else value))
        elif tag == "select":
            self._select, self._multiple = attributes["name"], "multiple" in attributes
            self._options, self._chosen = [], False
        elif tag == "option" and self._select:
            self._options.append(attributes.get("value") or "")
            if "selected" in attributes:
                self.data.append((self._select, attributes.get("value") or ""))
                self._chosen = True
        elif tag == "textarea":
            self._textarea, self._text = attributes["name"], []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select:
            # A single select with nothing marked sends its first option.
            if not self._chosen and not self._multiple and self._options:
                self.data.append((self._select, self._options[0]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            self.data.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def form_data(html: str, *, form_id: str | None = None) -> dict[str, list[str]]:
    """The fields of the page's form (the one with `form_id`, or every form) as a browser
    posts them: {name: [values]}, for `client.post(url, data)`."""
    reader = _FormReader(form_id)
    reader.feed(html)
    result: dict[str, list[str]] = {}
    for name, value in reader.data:
        result.setdefault(name, []).append(value)
    return result
