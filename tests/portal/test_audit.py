"""Changes to reports and passports made through their services are in the audit trail."""

import pytest

from civiccenter.kernel import audit
from civiccenter.kernel.quarters import Quarter
from portal.services import passports, reports

pytestmark = pytest.mark.django_db


def test_a_passport_keeps_who_wrote_changed_and_published_it(coordinator):
    passport = passports.passport_save(
        author=coordinator, fields={"title": "Форум «Диалог»"}, tables={}
    )
    passports.passport_save(
        author=coordinator,
        passport=passport,
        fields={"title": "Форум «Диалог»", "territory": "ЗАТО Зеленогорск"},
        tables={"costs": [{"item": "Зал", "amount": "1000", "source": "Спонсоры"}]},
    )
    passports.passport_publish(passport=passport, user=coordinator)

    published, edited, created = audit.history(passport)
    assert [e.action for e in (created, edited, published)] == ["created", "edited", "published"]
    assert edited.changes["territory"] == ["", "ЗАТО Зеленогорск"]
    assert edited.changes["tables"] == [None, "версия 2"]


def test_a_report_request_is_in_the_trail(coordinator):
    report = reports.report_request(quarter=Quarter(2026, 3), user=coordinator)

    (entry,) = audit.history(report)
    assert (entry.action, entry.actor, entry.object_label) == (
        "requested",
        coordinator,
        "III квартал 2026",
    )
