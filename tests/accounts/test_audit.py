"""Changes to accounts made through their services are in the audit trail."""

import pytest

from accounts import services
from civiccenter.kernel import audit

pytestmark = pytest.mark.django_db


def test_consent_roles_and_withdrawal_are_in_the_trail(make_user):
    coordinator = make_user("coordinator")
    person = make_user(consented=False)

    services.consent_record(user=person, ip_address="192.0.2.7")
    services.user_set_roles(user=person, roles=["activist", "trainer"], actor=coordinator)
    services.consent_withdraw(user=person, ip_address=None)

    entries = list(audit.history(person))
    assert [(e.action, e.actor) for e in entries] == [
        ("consent_withdrawn", person),
        ("roles", coordinator),
        ("consent_given", person),
    ]
    assert entries[1].changes == {"groups": [[], ["activist", "trainer"]]}
