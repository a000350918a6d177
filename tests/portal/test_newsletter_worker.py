"""A newsletter through a real Celery worker: the chain of batches runs to the end at its
rate, and a second chain started at the same time (a repeated task) writes to nobody twice."""

import signal

import pytest
from django.db import connection

from accounts.services import newsletter_consent_set
from civiccenter.kernel.jobs import enqueue
from civiccenter.kernel.models import OutgoingEmail
from portal.models import Newsletter, NewsletterDelivery
from portal.services import newsletters as service
from tests.factories import UserFactory
from tests.processes import current_database_url, wait_for


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_newsletter_goes_to_each_person_once_through_a_worker(start_worker, make_user, tmp_path):
    people = [UserFactory(email=f"reader{n}@example.org") for n in range(7)]
    for person in people:
        newsletter_consent_set(user=person, receives=True)
    author = UserFactory(email="coordinator@example.org")
    newsletter = Newsletter.objects.create(
        subject="Новости центра", body="Текст", created_by=author
    )

    mailbox = tmp_path / "mail"
    log = tmp_path / "worker.log"
    worker = start_worker(
        log=log,
        DATABASE_URL=current_database_url(),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mailbox),
        NEWSLETTER_BATCH="3",
        NEWSLETTER_BATCH_INTERVAL="1",
    )
    assert service.send_start(newsletter, actor=author)
    enqueue(service.send_newsletter_batch, newsletter.pk)  # a second chain at once

    def all_sent() -> bool:
        connection.close()  # a fresh snapshot of the worker's commits
        return (
            Newsletter.objects.get(pk=newsletter.pk).status == Newsletter.Status.SENT
            and OutgoingEmail.objects.filter(state=OutgoingEmail.State.SENT).count() >= 7
        )

    assert wait_for(all_sent, timeout=120, step=0.2), log.read_text(errors="replace")
    worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=30)

    assert NewsletterDelivery.objects.filter(newsletter=newsletter).count() == 7
    # The file backend writes a file per connection, with the messages one after another.
    sent = "".join(path.read_text() for path in mailbox.iterdir())
    for person in people:
        assert sent.count(f"\nTo: {person.email}\n") == 1
        assert OutgoingEmail.objects.filter(to=[person.email]).count() == 1
