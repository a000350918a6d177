"""An activist follows an initiative, something happens to it, the next morning's digest
arrives in the mail folder, and its unsubscribe link works without signing in — at desktop
and phone sizes, in Russian, axe-checked. The follow buttons of commitments and programmes
are on their pages too."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from events.models import Commitment
from follows import services
from follows.models import Delivery, Notice
from initiatives.models import Organisation
from initiatives.services.lifecycle import status_set
from tests.factories import EventFactory, OrganisationFactory
from training.models import Programme

from .helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_follow_an_initiative_get_the_digest_and_unsubscribe(checked_page, make_user):
    page = checked_page.page
    organisation = OrganisationFactory(name="Двор на Пушкина", status=Organisation.Status.IDEA)
    status_set(organisation=organisation, status=Organisation.Status.IDEA)
    Commitment.objects.create(
        event=EventFactory(kind="coffee_with_mayor"),
        what="Поставить скамейки во дворе на улице Пушкина",
        responsible="Управление благоустройства",
        due_on=date(2027, 5, 1),
    )
    Programme.objects.create(kind=Programme.Kind.TRAINING, title="Проектная заявка на грант")
    person = make_user(Role.ACTIVIST)
    log_in(checked_page, person.email)

    checked_page.goto(f"/initiatives/{organisation.slug}/")
    checked_page.assert_accessible()
    page.get_by_role("button", name=re.compile(r"^Следить")).click()
    page.wait_for_url(re.compile(rf"/initiatives/{organisation.slug}/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Вы следите за этим").is_visible()
    assert page.get_by_role("button", name=re.compile(r"^Не следить")).is_visible()

    # The commitments and the programmes have their buttons, usable on a phone.
    for path, what in (("/events/commitments/", "Поставить скамейки"), ("/training/", "Проектная")):
        checked_page.goto(path)
        checked_page.assert_accessible()
        assert page.get_by_role("button", name=re.compile(rf"^Следить «{what}")).is_visible()

    # A coordinator marks the initiative active: the follower's notice, dated yesterday.
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    Notice.objects.update(created_at=timezone.now() - timedelta(days=1))
    checked_page.goto("/notifications/")
    checked_page.assert_accessible()
    assert page.get_by_role("link", name="«Двор на Пушкина»: статус теперь «Действует»")
    assert page.get_by_label("Сводка раз в день").is_checked()

    # This morning beat sends yesterday's digest.
    mail.outbox.clear()
    (digest,) = services.digests_send(
        delivery=Delivery.DAILY, user_pks=[person.pk], now=timezone.now()
    )
    (letter,) = mail.outbox
    assert letter.to == [person.email]
    assert "«Двор на Пушкина»: статус теперь «Действует»" in letter.body
    link = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", letter.body).group(0)
    assert letter.extra_headers["List-Unsubscribe"] == f"<{link}>"

    # The person opens the link from the letter, signed out, and presses the one button.
    log_out(checked_page)
    checked_page.goto(link[link.index("/notifications/") :])
    checked_page.assert_accessible()
    page.get_by_role("button", name="Перестать присылать письма").click()
    checked_page.assert_accessible()
    assert page.get_by_text("мы больше не будем писать вам").is_visible()
    assert services.delivery_of(person) == Delivery.OFF
