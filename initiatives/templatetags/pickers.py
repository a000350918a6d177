"""{% form_fields form %}: every field of a form, initiative pickers (initiatives/picker.py)
as their fieldset with the search box, the others as Django's field groups."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/form_fields.html", takes_context=True)
def form_fields(context, form):
    pickers = getattr(form, "picker_fields", ())
    searches = {f"{name}_search" for name in pickers}
    items = []
    for field in form:
        if field.name in searches:
            continue
        item = {"field": field, "picker": field.name in pickers}
        if item["picker"]:
            item["search"] = form[f"{field.name}_search"]
            item["found"] = form.found.get(field.name, [])
        items.append(item)
    return {
        "items": items,
        "searching": getattr(form, "searching", False),
        "request": context.get("request"),
    }
