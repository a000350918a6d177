"""Forms of the registry. They check input and explain problems in Russian; the services
apply the rules."""

from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.numbers import DecimalField
from civiccenter.kernel.phones import display_phone, normalise_phone
from civiccenter.kernel.safe_links import validate_public_url

from .links import with_scheme
from .models import District, Organisation, Partnership, Relation, Role, Topic
from .names import normalise_name, normalise_url
from .picker import InitiativePickerMixin

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AboutForm(forms.ModelForm):
    """Step 1: who the initiative is."""

    confirm_distinct = forms.BooleanField(
        label=_("Yes, this is a different organisation with a similar name"), required=False
    )

    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name",
            "short_description",
            "description",
            "status",
            "founded_on",
            "logo",
            "inn",
            "ogrn",
            "registered_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "short_description": forms.Textarea(attrs={"rows": 2}),
            "founded_on": DATE_INPUT,
            "registered_on": DATE_INPUT,
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }
        # A plain file field: the logo's own validator (validators.validate_logo) says what
        # is wrong with a file, where Django's image field says only «upload a valid image».
        field_classes = {"logo": forms.FileField}
        help_texts = {
            "inn": _("For a registered NGO: 10 digits."),
            "ogrn": _("For a registered NGO: 13 digits."),
            "logo": _("PNG, JPEG or WebP, up to 2 MB."),
        }

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            (value, label)
            for value, label in Organisation.Status.choices
            if value in (Organisation.Status.IDEA, Organisation.Status.ACTIVE)
            or value == self.instance.status
        ]
        self.duplicate = None

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        self.duplicate = (
            Organisation.objects.exclude(pk=self.instance.pk)
            .exclude(moderation=Organisation.Moderation.DRAFT)
            .filter(name_key=normalise_name(name))
            .only("name", "slug")
            .first()
        )
        return name

    def clean(self):
        cleaned = super().clean() or {}
        if self.duplicate and not cleaned.get("confirm_distinct"):
            url = reverse("initiatives:profile", args=[self.duplicate.slug])
            self.add_error(
                "name",
                ValidationError(
                    format_html(
                        gettext(
                            'The registry already has <a href="{}">{}</a>. If this is the same '
                            "initiative, ask its leader to add you to the team; if not, tick "
                            "the box below."
                        ),
                        url,
                        self.duplicate.name,
                    ),
                    code="duplicate_name",
                ),
            )
        if cleaned.get("kind") != Organisation.Kind.NGO:
            for field in ("inn", "ogrn", "registered_on"):
                cleaned[field] = "" if field != "registered_on" else None
        return cleaned


class TopicsForm(forms.ModelForm):
    """Step 2: what it works on and where."""

    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one topic.")},
    )

    class Meta:
        model = Organisation
        fields = ["city", "district"]

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["district"]).queryset = District.objects.all()
        if self.instance.pk:
            self.fields["topics"].initial = list(self.instance.topics.all())


class ContactsForm(forms.ModelForm):
    """Step 3: contacts and links. Public contacts are shown to everyone; private ones only
    to the team and the centre's staff."""

    links = forms.CharField(
        label=_("Pages in social networks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("VK, Telegram, OK or others: one address per line, http or https only."),
    )

    class Meta:
        model = Organisation
        fields = [
            "website",
            "public_email",
            "public_phone",
            "contact_person",
            "private_email",
            "private_phone",
        ]
        widgets = {
            name: forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
            for name in ("public_phone", "private_phone")
        }

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["links"].initial = "\n".join(
                self.instance.links.values_list("url", flat=True)
            )
            for name in ("public_phone", "private_phone"):
                self.initial[name] = display_phone(getattr(self.instance, name))

    def clean_links(self):
        urls, seen, bad = [], set(), []
        for line in self.cleaned_data["links"].splitlines():
            line = line.strip()
            if not line:
                continue
            url = with_scheme(line) if "://" not in line else line
            try:
                validate_public_url(url)
            except ValidationError:
                bad.append(line)
                continue
            if normalise_url(url) not in seen:
                seen.add(normalise_url(url))
                urls.append(url)
        if bad:
            raise ValidationError(
                _("These are not links to public web sites: %(links)s"),
                params={"links": ", ".join(bad)},
            )
        return urls

    def clean_public_phone(self):
        return normalise_phone(self.cleaned_data["public_phone"])

    def clean_private_phone(self):
        return normalise_phone(self.cleaned_data["private_phone"])


class TeamForm(forms.ModelForm):
    """Step 4: how many people, and who else edits the record."""

    invite_emails = forms.CharField(
        label=_("Invite by e-mail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address per line. They get a link to join the team."),
    )
    invite_role = forms.ChoiceField(label=_("Role of the invited"), choices=Role.choices)

    class Meta:
        model = Organisation
        fields = ["members_count", "volunteers_count"]

    use_required_attribute = False

    def clean_invite_emails(self):
        emails, bad = [], []
        field = forms.EmailField()
        for line in self.cleaned_data["invite_emails"].split():
            try:
                emails.append(field.clean(line))
            except ValidationError:
                bad.append(line)
        if bad:
            raise ValidationError(
                _("These are not e-mail addresses: %(emails)s"), params={"emails": ", ".join(bad)}
            )
        return emails


STEPS = [
    ("about", _("About"), AboutForm),
    ("topics", _("Topics and district"), TopicsForm),
    ("contacts", _("Contacts and links"), ContactsForm),
    ("team", _("Team"), TeamForm),
]
STEP_FORMS = {key: form for key, _label, form in STEPS}


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What should be changed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what should be changed.")},
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Organisation.Status.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class RelationForm(InitiativePickerMixin, forms.Form):
    picker_fields = ("other",)

    kind = forms.ChoiceField(label=_("What happened"), choices=Relation.Kind.choices)
    other = forms.ModelChoiceField(
        label=_("Other record"),
        queryset=Organisation.objects.none(),  # the picker sets it
        widget=forms.RadioSelect,
    )
    occurred_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class GrantForm(forms.Form):
    funder = forms.CharField(label=_("Funder"), max_length=255)
    title = forms.CharField(label=_("Project"), max_length=255, required=False)
    amount = DecimalField(label=_("Amount, roubles"), min_value=0, max_digits=14, decimal_places=2)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    awarded_on = forms.DateField(label=_("Awarded on"), required=False, widget=DATE_INPUT)


class PartnershipForm(forms.Form):
    partner_name = forms.CharField(label=_("Partner"), max_length=255)
    partner_type = forms.ChoiceField(
        label=_("Partner type"), choices=Partnership.PartnerType.choices
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE_INPUT)
    subject = forms.CharField(label=_("Subject"), max_length=500, required=False)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "Columns: название, вид, участники, волонтёры, город, район, ссылки, сайт, "
            "описание, темы, основано. Only «название» is required."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
