from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.phones import display_phone, normalise_phone
from civiccenter.kernel.spam import HoneypotFormMixin

from . import services
from .models import User


class SignupForm(HoneypotFormMixin, AllauthSignupForm):
    """allauth's sign-up plus the activist's name and a separate 152-FZ consent."""

    last_name = forms.CharField(label=_("Last name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    personal_data_consent = forms.BooleanField(
        label=_("I consent to the processing of my personal data"),
        required=True,
        error_messages={
            "required": _(
                "Without a consent to the processing of personal data we cannot create an account."
            )
        },
    )

    field_order = ["last_name", "first_name", "email", "password1", "password2"]
    # The server checks every field and answers in Russian; the browser's own bubbles would
    # speak the browser's language and skip the consent's explanation.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal_data_consent"].help_text = format_html(
            gettext(
                'Read <a href="{}">the consent</a> and the <a href="{}">personal data processing '
                "policy</a>. This consent is separate from any other terms; you can withdraw it "
                "at any time in your profile."
            ),
            reverse("consent_document"),
            reverse("privacy"),
        )

    def validate_unique_email(self, value):
        """The address of a withdrawn account that is not anonymised yet reopens it
        (accounts/services.py `withdrawn_account_reopen`) instead of counting as taken."""
        self.withdrawn_account = services.withdrawn_account(value)
        if self.withdrawn_account is not None:
            self.account_already_exists = False
            return value
        return super().validate_unique_email(value)

    def save(self, request):
        ip_address = get_adapter().get_client_ip(request)
        withdrawn = getattr(self, "withdrawn_account", None)
        if withdrawn is not None:
            return services.withdrawn_account_reopen(
                user=withdrawn,
                last_name=self.cleaned_data["last_name"],
                first_name=self.cleaned_data["first_name"],
                password=self.cleaned_data["password1"],
                ip_address=ip_address,
            )
        # allauth's adapter copies first_name and last_name from cleaned_data.
        user = super().save(request)
        services.activist_register(user=user, ip_address=ip_address)
        return user


class ConsentForm(forms.Form):
    """The same separate consent as at sign-up, for a person who has not given it to the
    policy in force."""

    personal_data_consent = forms.BooleanField(
        label=_("I consent to the processing of my personal data"),
        required=True,
        error_messages={
            "required": _("Tick the box to give your consent, or sign out."),
        },
    )
    use_required_attribute = False


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["last_name", "first_name", "patronymic", "phone"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["phone"] = display_phone(self.instance.phone)

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])


class ConsentWithdrawalForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be closed and my data anonymised"),
        required=True,
        error_messages={"required": _("Tick the box to confirm the withdrawal.")},
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the key is for"),
        max_length=100,
        help_text=_("For example: «the quarter's consultations for the city's report»."),
    )
