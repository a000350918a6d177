"""{% portal_url 'training:session' session.pk %}: a page's full address, for e-mails."""

from typing import Any

from django import template

from .. import links

register = template.Library()


@register.simple_tag
def portal_url(viewname: str, *args: Any) -> str:
    return links.portal_url(viewname, *args)
