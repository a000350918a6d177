"""Forms anyone can send (sign-up, the survey after a training) against bots, without a
captcha of a third party: a honeypot field people never see and bots fill in, and limits per
address (allauth's rate limits, ACCOUNT_RATE_LIMITS in settings)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT = "homepage"


class HoneypotFormMixin(forms.Form):
    """A field named like one that bots fill in, kept out of sight (portal.css: `.honeypot`),
    out of the keyboard order and out of the browser's autofill."""

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={"class": "honeypot", "tabindex": "-1", "autocomplete": "off"}
        ),
    )

    def clean_homepage(self) -> Any:
        if self.cleaned_data.get(HONEYPOT):
            raise ValidationError(
                _("The form could not be sent. Reload the page and try again."), code="honeypot"
            )
        return ""
