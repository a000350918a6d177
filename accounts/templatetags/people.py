"""How a person is named on public pages: by name only with their consent to publication
(152-FZ art. 10.1), otherwise by their part in the centre's work."""

from django import template

register = template.Library()


@register.filter
def public_name(user, placeholder: str = "") -> str:
    """`{{ consultant.user|public_name:_("A consultant of the centre") }}`"""
    if user is not None and user.publishes_name and user.get_full_name():
        return str(user.get_full_name())
    return placeholder


@register.filter
def initials(user) -> str:
    """«А. С.»: enough to compare with a certificate in hand, not a name to publish."""
    parts = [user.first_name, user.last_name] if user is not None else []
    return " ".join(f"{part[0]}." for part in parts if part)
