"""The catalogue's filter form, written in Python rather than through the form widgets'
templates: it was a quarter of the searched catalogue's time (benchmarks/growth.py's profile
of 200 views: 4.4 s of 17.5 in the form's `as_p`). The HTML is the same: labelled controls,
each field's errors above it. The result cards are `initiatives/cards.py`.

    {% load catalogue %}{% filter_fields filter.form %}
"""

from functools import lru_cache

from django import forms, template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@lru_cache(maxsize=256)
def _options(choices: tuple[tuple[str, str], ...]) -> SafeString:
    """A select's options, none chosen, kept per set of choices in this process (the topics
    and districts are the same on every view; found: a tenth of a searched view)."""
    return format_html_join("", '<option value="{}">{}</option>', choices)


def _control(field: BoundField) -> SafeString:
    widget = field.field.widget
    name, element_id = field.html_name, field.id_for_label
    value = field.value()
    if isinstance(widget, forms.Select):
        chosen = (
            "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
        )
        choices = tuple((str(key), str(label)) for key, label in widget.choices)
        options = _options(choices)
        if chosen in {key for key, _label in choices}:
            option = format_html('<option value="{}">', chosen)
            options = mark_safe(  # noqa: S308 (escaped options, one marked chosen)
                options.replace(option, f"{option[:-1]} selected>", 1)
            )
        return format_html('<select name="{}" id="{}">{}</select>', name, element_id, options)
    kind = getattr(widget, "input_type", "text")
    extra = mark_safe(' step="any"') if kind == "number" else ""
    shown = format_html(' value="{}"', value) if value not in (None, "") else ""
    return format_html(
        '<input type="{}" name="{}" id="{}"{}{}>', kind, name, element_id, shown, extra
    )


@register.simple_tag
def filter_fields(form: forms.Form) -> SafeString:
    """Each field as a paragraph with its label and control, its errors above it (as
    Django's `as_p` writes them)."""
    paragraphs = []
    for field in form:
        errors = (
            format_html_join("", "<li>{}</li>", ((error,) for error in field.errors))
            if field.errors
            else ""
        )
        paragraphs.append(
            format_html(
                '{}<p><label for="{}">{}:</label> {}</p>',
                format_html('<ul class="errorlist">{}</ul>', errors) if errors else "",
                field.id_for_label,
                field.label,
                _control(field),
            )
        )
    return mark_safe("".join(paragraphs))  # noqa: S308 (each part is escaped above)
