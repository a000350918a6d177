"""Forms fed arbitrary text, numbers, dates and files answer valid or invalid — never fail."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consulting.forms import LogForm
from events.validators import validate_poster
from initiatives.forms import AboutForm, ContactsForm
from initiatives.validators import validate_inn, validate_logo

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200
)
FORM_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@FORM_SETTINGS
@given(name=TEXT, description=TEXT, founded=TEXT, inn=st.text("0123456789", max_size=14), kind=TEXT)
def test_about_form(name, description, founded, inn, kind):
    form = AboutForm(
        data={
            "kind": kind,
            "name": name,
            "short_description": description,
            "description": description,
            "status": "active",
            "founded_on": founded,
            "inn": inn,
        }
    )
    if form.is_valid():
        assert form.cleaned_data["name"].strip()


@pytest.mark.django_db
@FORM_SETTINGS
@given(links=TEXT, email=TEXT, website=TEXT)
def test_contacts_form(links, email, website):
    form = ContactsForm(data={"links": links, "public_email": email, "website": website})
    if form.is_valid():
        assert all(url.startswith(("http://", "https://")) for url in form.cleaned_data["links"])


@pytest.mark.django_db
@FORM_SETTINGS
@given(hours=TEXT, held_on=TEXT, people=TEXT, summary=TEXT)
def test_log_form(hours, held_on, people, summary):
    form = LogForm(
        data={"hours": hours, "held_on": held_on, "people_count": people, "summary": summary}
    )
    if form.is_valid():
        minutes = form.service_fields()["duration_minutes"]
        assert 0 < minutes <= 720 and minutes % 15 == 0


@settings(max_examples=60, deadline=None)
@given(
    content=st.binary(max_size=2048), name=st.sampled_from(["logo.png", "poster.pdf", "x.jpg", "a"])
)
def test_uploaded_files_are_judged_by_their_content(content, name):
    upload = SimpleUploadedFile(name, content)
    for validator in (validate_logo, validate_poster):
        try:
            validator(upload)
        except ValidationError:
            pass


@given(st.text(max_size=20))
def test_inn_validation_never_fails_unexpectedly(value):
    try:
        validate_inn(value)
    except ValidationError:
        pass
