from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Delivery


class DeliveryForm(forms.Form):
    delivery = forms.ChoiceField(
        label=_("How to tell me of what I follow"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
    )
