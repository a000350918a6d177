from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from civiccenter.kernel import audit
from civiccenter.kernel.models import QuarterlyTarget
from civiccenter.kernel.quarters import Quarter
from consulting import rollups, totals
from consulting.models import ConsultationLog
from consulting.services import bookings
from tests.consulting.conftest import local, log_form_data
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

Q4 = Quarter(2026, 4)


def test_staff_log_a_walk_in_consultation(client, clock, consultant, topic):
    organisation = OrganisationFactory()
    client.force_login(consultant.user)

    response = client.post(
        reverse("consulting:log_create"),
        log_form_data(consultant, topic, organisations=[organisation.pk]),
    )

    assert response.status_code == 302
    log = ConsultationLog.objects.get()
    assert (log.duration_minutes, log.held_on) == (90, date(2026, 11, 30))
    assert list(log.organisations.all()) == [organisation]
    (entry,) = audit.history(log)
    assert (entry.action, entry.actor) == ("created", consultant.user)
    assert entry.changes["duration_minutes"] == [None, 90]
    organisation.refresh_from_db()
    assert organisation.last_activity_at is not None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hours": "0"}, "Самая короткая консультация — 0,25 ч (15 минут)."),
        ({"hours": "-1"}, "Самая короткая консультация — 0,25 ч (15 минут)."),
        ({"hours": "0.1"}, "Самая короткая консультация — 0,25 ч (15 минут)."),
        ({"hours": "12.25"}, "Консультация не может длиться больше 12 часов."),
        ({"hours": "1.1"}, "Указывайте длительность с шагом 15 минут."),
        ({"held_on": "2026-12-01"}, "Нельзя внести консультацию будущей датой."),
        ({"consultants": []}, "Укажите хотя бы одного консультанта."),
        # Checked by the database's constraint, explained in words (it said «Нарушено
        # ограничение "log_at_least_one_person"»).
        ({"people_count": "0"}, "Участвовал хотя бы один человек."),
    ],
)
def test_bad_entries_are_explained_and_the_input_kept(
    client, clock, consultant, topic, overrides, message
):
    client.force_login(consultant.user)

    response = client.post(
        reverse("consulting:log_create"), log_form_data(consultant, topic, **overrides)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Разобрали смету проекта" in html
    assert not ConsultationLog.objects.exists()


def test_a_closed_quarter_is_locked_until_the_administration_reopens_it(
    client, consultant, topic, make_user
):
    client.force_login(consultant.user)
    # 20 January 2027: the grace period of ten days after Q4 2026 has passed.
    with time_machine.travel(timezone.make_aware(timezone.datetime(2027, 1, 20, 10)), tick=False):
        response = client.post(reverse("consulting:log_create"), log_form_data(consultant, topic))
        assert "IV квартал 2026 закрыт" in response.content.decode()

        administration = make_user("administration")
        from allauth.mfa.models import Authenticator

        Authenticator.objects.create(user=administration, type=Authenticator.Type.TOTP, data={})
        client.force_login(administration)
        client.post(reverse("consulting:quarter_state"), {"quarter": "2026-Q4", "closed": "0"})

        client.force_login(consultant.user)
        assert (
            client.post(
                reverse("consulting:log_create"), log_form_data(consultant, topic)
            ).status_code
            == 302
        )


def test_consultants_cannot_reopen_a_quarter(client, consultant):
    client.force_login(consultant.user)
    assert (
        client.post(
            reverse("consulting:quarter_state"), {"quarter": "2026-Q4", "closed": "0"}
        ).status_code
        == 403
    )


def test_every_edit_is_kept(client, clock, consultant, topic):
    client.force_login(consultant.user)
    client.post(reverse("consulting:log_create"), log_form_data(consultant, topic))
    log = ConsultationLog.objects.get()

    client.post(
        reverse("consulting:log_edit", args=[log.pk]), log_form_data(consultant, topic, hours="2")
    )

    edited = audit.history(log)[0]
    assert (edited.action, edited.actor) == ("edited", consultant.user)
    assert edited.changes["duration_minutes"] == [90, 120]
    page = client.get(reverse("consulting:log_edit", args=[log.pk])).content.decode()
    assert "длительность, мин: 90 → 120" in page


def test_hours_are_logged_against_a_booking(client, clock, activist, consultant, topic):
    booking = bookings.booking_create(
        activist=activist, consultant=consultant, topic=topic, starts_at=local(0, 11), question="?"
    )
    client.force_login(consultant.user)
    page = client.get(reverse("consulting:log_create") + f"?booking={booking.pk}").content.decode()
    assert 'value="1"' in page  # one hour, from the booking

    with time_machine.travel(local(0, 12, 30), tick=False):
        client.post(
            reverse("consulting:log_create") + f"?booking={booking.pk}",
            log_form_data(consultant, topic, channel="booked"),
        )
        again = client.post(
            reverse("consulting:log_create") + f"?booking={booking.pk}",
            log_form_data(consultant, topic),
        )
    assert ConsultationLog.objects.get().booking == booking
    assert "Часы по этой записи уже внесены." in again.content.decode()


def test_private_notes_are_for_staff_only(client, clock, activist, consultant, topic):
    organisation = OrganisationFactory()
    from initiatives.models import Membership

    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    client.force_login(consultant.user)
    client.post(
        reverse("consulting:log_create"),
        log_form_data(consultant, topic, organisations=[organisation.pk]),
    )

    client.force_login(activist)
    html = client.get(reverse("consulting:mine")).content.decode()
    assert "Разобрали смету проекта" in html and "Лидер устал" not in html
    assert client.get(reverse("consulting:log")).status_code == 403


def _log(consultants, topic, minutes, day, organisations=()):
    from consulting.services.hours import log_create

    return log_create(
        user=None,
        consultants=consultants,
        organisations=list(organisations),
        held_on=day,
        duration_minutes=minutes,
        topic=topic,
        summary="—",
    )


def test_quarter_totals_count_each_consultation_once(clock, consultant, topic, make_user):
    from consulting.models import Consultant, ConsultingTopic

    second = Consultant.objects.create(user=make_user("consultant", last_name="Иванова"))
    legal = ConsultingTopic.objects.create(name="Юридические консультации")
    a, b = OrganisationFactory(name="А"), OrganisationFactory(name="Б")
    _log([consultant, second], topic, 90, date(2026, 10, 5), [a, b])
    _log([consultant], legal, 60, date(2026, 11, 30), [a])
    # An entry of the previous quarter, already locked, made directly (as a bulk load
    # would, which then rebuilds the log's sums).
    ConsultationLog.objects.create(
        held_on=date(2026, 9, 30), duration_minutes=45, topic=legal, summary="—"
    ).consultants.set([second])
    rollups.rebuild()

    figures = totals.quarter_totals(Q4)

    assert figures["hours"] == Decimal("2.50") and figures["sessions"] == 2
    assert figures["by_topic"] == [
        {"name": "Бюджет проекта", "hours": Decimal("1.50"), "sessions": 1},
        {"name": "Юридические консультации", "hours": Decimal("1.00"), "sessions": 1},
    ]
    assert [(r["name"], r["hours"]) for r in figures["by_consultant"]] == [
        ("Петров Игорь", Decimal("2.50")),
        ("Иванова Анна", Decimal("1.50")),
    ]
    assert [(r["name"], r["hours"]) for r in figures["by_initiative"]] == [
        ("А", Decimal("2.50")),
        ("Б", Decimal("1.50")),
    ]
    assert totals.quarter_totals(Q4.previous())["hours"] == Decimal("0.75")


def test_pace_needed_to_reach_the_target():
    pace = totals.pace(
        target_hours=250, done_hours=Decimal("100"), quarter=Q4, today=date(2026, 12, 21)
    )
    assert pace["left_hours"] == Decimal("150")
    assert pace["working_days_left"] == 9  # 21–25 and 28–31 December
    assert pace["hours_per_day"] == Decimal("16.7")


def test_dashboard_shows_hours_against_the_editable_target(client, clock, consultant, topic):
    QuarterlyTarget.objects.create(year=2026, quarter=4, consulting_hours=200, training_hours=40)
    _log([consultant], topic, 90, date(2026, 11, 2))
    client.force_login(consultant.user)

    html = client.get(reverse("consulting:dashboard") + "?quarter=2026-Q4").content.decode()

    assert 'id="hours-total">1,5<' in html
    assert "часов из 200 по плану" in html
    assert "IV квартал 2026" in html


@pytest.mark.parametrize("size", [1, 50])
def test_log_list_runs_a_constant_number_of_queries(
    client, clock, consultant, topic, django_assert_num_queries, size
):
    organisation = OrganisationFactory()
    for i in range(size):
        _log([consultant], topic, 60, date(2026, 10, 1) + timedelta(days=i % 60), [organisation])
    client.force_login(consultant.user)
    client.get(reverse("home"))

    # user, their roles, authenticator and permissions (one query: accounts/access.py),
    # quarter state, the quarter's number of entries (from the log's sums, not a count of
    # the log), rows, their consultants' and initiatives' names (one query)
    with django_assert_num_queries(6) as captured:
        response = client.get(reverse("consulting:log") + "?quarter=2026-Q4")
    assert len(response.context["logs"]) == size
    assert response.context["paginator"].count == size
    assert not any(
        "COUNT(*)" in query["sql"] and "consulting_consultationlog" in query["sql"]
        for query in captured.captured_queries
    )


def test_the_log_list_names_consultants_and_initiatives_in_order(
    client, clock, consultant, topic, make_user
):
    from consulting.models import Consultant

    nameless = Consultant.objects.create(
        user=make_user(Role.CONSULTANT, first_name="", last_name="", email="desk@example.org")
    )
    anna = Consultant.objects.create(
        user=make_user(
            Role.CONSULTANT, last_name="Аксёнова", first_name="Анна", patronymic="Ильинична"
        )
    )
    _log(
        [consultant, nameless, anna],
        topic,
        60,
        date(2026, 11, 2),
        [OrganisationFactory(name="Яблоневый сад"), OrganisationFactory(name="Двор на Лесной")],
    )
    _log([consultant], topic, 30, date(2026, 11, 3))
    client.force_login(consultant.user)

    html = client.get(reverse("consulting:log") + "?quarter=2026-Q4").content.decode()

    rows = html[html.index("<tbody>") : html.index("</tbody>")].split("<tr>")[1:]
    assert "<td>desk@example.org, Аксёнова Анна Ильинична, Петров Игорь</td>" in rows[1]
    assert "<td>Двор на Лесной, Яблоневый сад</td>" in rows[1]
    assert "<td>Петров Игорь</td><td></td>" in rows[0]  # no initiative


def test_the_log_list_escapes_what_people_typed(client, clock, consultant, topic):
    log = _log(
        [consultant], topic, 60, date(2026, 11, 2), [OrganisationFactory(name='Сад "<b>" & Co')]
    )
    log.summary = "<script>alert(1)</script>" + "ы" * (120 - 25)  # 120 characters: kept whole
    log.save()
    client.force_login(consultant.user)

    html = client.get(reverse("consulting:log") + "?quarter=2026-Q4").content.decode()

    row = html[html.index("<tbody>") : html.index("</tbody>")]
    assert "<td>Сад &quot;&lt;b&gt;&quot; &amp; Co</td>" in row
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;" + "ы" * 95 + "</td>" in row
    assert "<script>" not in row and "<b>" not in row


def test_hours_typed_with_a_comma_are_logged(client, clock, consultant, topic):
    client.force_login(consultant.user)
    response = client.post(
        reverse("consulting:log_create"), log_form_data(consultant, topic, hours="11,5")
    )
    assert response.status_code == 302
    assert ConsultationLog.objects.get().duration_minutes == 690


def test_the_log_list_shows_each_entry(client, clock, consultant, topic, make_user):
    from consulting.models import Consultant

    second = Consultant.objects.create(
        user=make_user("consultant", last_name="Абрамова", first_name="Анна", patronymic="")
    )
    clubs = [OrganisationFactory(name="Яблоневый сад"), OrganisationFactory(name="Двор на Ленина")]
    log = _log([consultant, second], topic, 105, date(2026, 11, 2), clubs)
    log.people_count = 1200
    log.summary = "Разобрали устав " + "и смету " * 20
    log.save()
    client.force_login(consultant.user)

    html = client.get(reverse("consulting:log") + "?quarter=2026-Q4").content.decode()

    row = html[html.index("<tbody>") : html.index("</tbody>")]
    edit = reverse("consulting:log_edit", args=[log.pk])
    assert f'<td><a href="{edit}">02.11.2026</a></td><td>1,75</td>' in row
    assert f"<td>Абрамова Анна, {consultant.user}</td>" in row
    assert "<td>Двор на Ленина, Яблоневый сад</td>" in row
    assert "<td>1\xa0200</td>" in row  # as the reports print people
    assert "и смету …</td>" in row or "и смету…</td>" in row

    with time_machine.travel(timezone.make_aware(timezone.datetime(2027, 1, 20, 10)), tick=False):
        closed = client.get(reverse("consulting:log") + "?quarter=2026-Q4").content.decode()
    assert "02.11.2026" in closed and edit not in closed  # a closed quarter is not edited
