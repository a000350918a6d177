"""The catalogue's filter form and result cards, written in Python rather than through the
form widgets' templates and a template loop: the two were 70 % of the searched catalogue's
time (benchmarks/growth.py's profile of 200 views: 4.4 s of 17.5 in the form's `as_p`, 7.6 s
in the results loop). The HTML is the same: labelled controls, one card per record.

    {% load catalogue %}{% filter_fields filter.form %} … {% result_card organisation %}
"""

from django import forms, template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.forms import BoundField
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

register = template.Library()


def _control(field: BoundField) -> SafeString:
    widget = field.field.widget
    name, element_id = field.html_name, field.id_for_label
    value = field.value()
    if isinstance(widget, forms.Select):
        chosen = (
            "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
        )
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) == chosen else "", label)
                for key, label in widget.choices
            ),
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


@register.simple_tag
def result_card(organisation) -> SafeString:
    """A record as the catalogue lists it: logo or initial, name, kind, status, place,
    members, description and topics."""
    if organisation.logo:
        logo = format_html(
            '<img class="logo" src="{}" alt="" width="56" height="56" loading="lazy">',
            organisation.logo.url,
        )
    else:
        logo = format_html(
            '<span class="logo logo-placeholder" aria-hidden="true">{}</span>',
            organisation.name[:1].upper(),
        )
    place = organisation.city
    if organisation.district:
        place = f"{place}, {organisation.district.name}" if place else organisation.district.name
    facts = [organisation.get_kind_display(), organisation.get_status_display()]
    if place:
        facts.append(place)
    members = ngettext("%(members)s member", "%(members)s members", organisation.members_count) % {
        "members": intcomma(organisation.members_count)
    }
    facts.append(members)
    description = (
        format_html("<p>{}</p>", organisation.short_description)
        if organisation.short_description
        else ""
    )
    topics = list(organisation.topics.all())
    tags = (
        format_html(
            '<p class="tags">{}</p>',
            format_html_join("", '<span class="tag">{}</span>', ((t.label,) for t in topics)),
        )
        if topics
        else ""
    )
    return format_html(
        '<li class="result">{}<div><h3><a href="{}">{}</a></h3><p class="muted">{}</p>{}{}</div>'
        "</li>",
        logo,
        reverse("initiatives:profile", args=[organisation.slug]),
        organisation.name,
        " · ".join(facts),
        description,
        tags,
    )
