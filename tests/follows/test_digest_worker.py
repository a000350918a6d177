"""Digests through real Celery workers: a worker killed in the middle of a batch, then beat
running again with a second worker, still sends each person's digest once."""

import signal
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from accounts.roles import Role
from civiccenter.kernel.mail import resend_stale_emails
from civiccenter.kernel.models import OutgoingEmail
from follows import services
from follows.models import Digest, Notice
from follows.tasks import plan_digests
from initiatives.models import Organisation
from initiatives.services.lifecycle import status_set
from tests.factories import OrganisationFactory
from tests.processes import current_database_url, wait_for


def _sessions() -> list[tuple[int, str | None]]:
    """The other sessions on the test database: (pid, what they wait for)."""
    with connection.cursor() as cursor:
        # Within a transaction PostgreSQL keeps the first snapshot of its statistics.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT pid, wait_event_type FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return list(cursor.fetchall())


def _waiting_on_a_lock() -> list[int]:
    return [pid for pid, waits in _sessions() if waits == "Lock"]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_digest_goes_once_when_its_worker_is_killed_and_beat_runs_again(
    start_worker, make_user, tmp_path, settings
):
    settings.DIGEST_BATCH = 10
    first_person, second_person = make_user(Role.ACTIVIST), make_user(Role.ACTIVIST)
    organisation = OrganisationFactory(status=Organisation.Status.IDEA)
    status_set(organisation=organisation, status=Organisation.Status.IDEA)
    for person in (first_person, second_person):
        services.follow_set(user=person, target=organisation, following=True)
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    Notice.objects.update(created_at=timezone.now() - timedelta(days=1, hours=2))

    mailbox = tmp_path / "mail"
    worker_env = {
        "DATABASE_URL": current_database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mailbox),
    }
    first = start_worker(log=tmp_path / "first.log", loglevel="INFO", **worker_env)

    # The second person's notices are locked here, so the worker's batch sends the first
    # person's digest and then stands inside the second's transaction, where it is killed.
    with transaction.atomic():
        list(Notice.objects.select_for_update().filter(user=second_person))
        plan_digests.apply(args=("daily",))  # beat, in this process, sends the batch
        assert wait_for(_waiting_on_a_lock, timeout=90, step=0.2), (
            tmp_path / "first.log"
        ).read_text(errors="replace")
        (blocked,) = _waiting_on_a_lock()
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    # The killed worker's session gets its lock, finds its client gone at its next read and
    # rolls back: nothing of the second person's digest was committed.
    assert wait_for(lambda: blocked not in dict(_sessions()), timeout=60, step=0.2)

    assert list(Digest.objects.values_list("user_id", flat=True)) == [first_person.pk]

    # Beat runs again, twice (a duplicated beat), and a second worker takes the batches.
    second = start_worker(log=tmp_path / "second.log", **worker_env)
    plan_digests.apply(args=("daily",))
    plan_digests.apply(args=("daily",))
    # The first person's letter is in the outbox; its message went down with the first
    # worker's queue, and beat's re-send of stale letters hands it to the second.
    resend_stale_emails(now=timezone.now() + timedelta(minutes=11))

    def both_sent() -> bool:
        return (
            OutgoingEmail.objects.filter(state=OutgoingEmail.State.SENT).count() >= 2
            and Digest.objects.count() == 2
        )

    assert wait_for(both_sent, timeout=90, step=0.2), (tmp_path / "second.log").read_text(
        errors="replace"
    )
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=30)
    assert Digest.objects.filter(user=second_person).count() == 1
    assert OutgoingEmail.objects.count() == 2
    letters = [path.read_text() for path in mailbox.iterdir()]
    assert len(letters) == 2
    assert sum(first_person.email in letter for letter in letters) == 1
    assert sum(second_person.email in letter for letter in letters) == 1
