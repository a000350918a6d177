from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.choices import ShortModelChoiceField
from civiccenter.kernel.spam import HoneypotFormMixin
from initiatives.models import Organisation

from .models import Feedback


class EnrolForm(forms.Form):
    organisation = ShortModelChoiceField(
        label=_("For which initiative"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Personally, not for an initiative"),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = organisations


class FeedbackForm(HoneypotFormMixin, forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was the training?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )

    class Meta:
        model = Feedback
        fields = ["rating", "comments"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 4})}

    use_required_attribute = False
