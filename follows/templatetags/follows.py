"""The «Follow» button: `{% follow_button record %}` on a record's page (one query), or
`{% follow_button row followed %}` in a list, with `followed` the set of the rows the person
follows from `followed_pks` (one query for the list)."""

from django import template
from django.db.models import Model, QuerySet

from .. import followables, services

register = template.Library()


@register.inclusion_tag("follows/includes/follow_button.html", takes_context=True)
def follow_button(context, target: Model, followed: set[int] | None = None, label: str = ""):
    request = context["request"]
    user = request.user
    if not user.is_authenticated:
        following = False
    elif followed is None:
        following = services.is_following(user, target)
    else:
        following = target.pk in followed
    return {
        "kind": followables.kind_of(target).kind,
        "target": target,
        "following": following,
        "signed_in": user.is_authenticated,
        "label": label or str(target),
        "next": request.get_full_path(),
    }


@register.simple_tag(takes_context=True)
def followed_of(context, rows: QuerySet) -> set[int]:
    """`{% followed_of rows as followed %}`: which of the rows' kind the person follows."""
    return services.followed_pks(context["request"].user, rows.model)
