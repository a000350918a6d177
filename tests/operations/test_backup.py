"""A filled database and media folder are backed up (encrypted, readable by their owner only),
restored into an empty database and another folder, and every table and file compared; a
person erased after the backup is erased again by the restore; old backups are pruned."""

import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from accounts.services import consent_withdraw, user_anonymise
from civiccenter.kernel.backup import backup, prune
from initiatives.models import Organisation
from tests.factories import OrganisationFactory

ROOT = Path(__file__).resolve().parents[2]


def _table_digests(conninfo: str) -> dict[str, tuple[int, str]]:
    """Row count and a digest of every row of every table in the public schema."""
    with psycopg.connect(conninfo) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        result = {}
        for table in tables:
            rows = "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
            count, digest = db.execute(f'SELECT count(*), {rows} FROM "{table}" t').fetchone()  # noqa: S608
            result[table] = (count, digest)
    return result


def _url(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture
def backup_keys(tmp_path, settings):
    """An age key pair: the backups are encrypted to its public key, restores use the private
    one (kept, as in production, apart from the backups)."""
    identity = tmp_path / "keys" / "backup-key.txt"
    identity.parent.mkdir()
    subprocess.run(["age-keygen", "-o", str(identity)], check=True, capture_output=True)
    recipients = tmp_path / "keys" / "recipients.txt"
    public = subprocess.run(
        ["age-keygen", "-y", str(identity)], check=True, capture_output=True, text=True
    ).stdout
    recipients.write_text(public)
    settings.BACKUP_AGE_RECIPIENTS_FILE = str(recipients)
    settings.BACKUP_AGE_IDENTITY_FILE = str(identity)
    return identity


def _restore(backup_dir: Path, database: str, media: Path, settings) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
        "DATABASE_URL": _url(database),
        "MEDIA_ROOT": str(media),
        "BACKUP_AGE_IDENTITY_FILE": settings.BACKUP_AGE_IDENTITY_FILE,
        "ERASURE_JOURNAL": settings.ERASURE_JOURNAL,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_table_and_file(tmp_path, settings, backup_keys, empty_database):
    organisation = OrganisationFactory(name="Лесная страна", private_email="lesnaya@example.org")
    organisation.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"0" * 64))
    OrganisationFactory.create_batch(5)
    call_command("backup", tmp_path / "backups")
    (backup_dir,) = (tmp_path / "backups").iterdir()

    # Encrypted, and for the owner's eyes only.
    for name in ("database.dump.age", "media.tar.gz.age"):
        content = (backup_dir / name).read_bytes()
        assert content.startswith(b"age-encryption.org/v1")
        assert b"lesnaya@example.org" not in content
    assert {oct(path.stat().st_mode & 0o777) for path in backup_dir.iterdir()} == {"0o600"}
    assert oct(backup_dir.stat().st_mode & 0o777) == "0o700"

    restored_media = tmp_path / "restored-media"
    _restore(backup_dir, empty_database, restored_media, settings)

    source = _table_digests(_url(connection.settings_dict["NAME"]))
    copy = _table_digests(_url(empty_database))
    assert source == copy
    assert source["initiatives_organisation"][0] == Organisation.objects.count() == 6
    original = Path(settings.MEDIA_ROOT) / organisation.logo.name
    assert (restored_media / organisation.logo.name).read_bytes() == original.read_bytes()


@pytest.mark.django_db(transaction=True)
def test_a_restore_erases_again_whoever_was_erased_after_the_backup(
    tmp_path, settings, backup_keys, empty_database, make_user
):
    person = make_user(last_name="Шевчукова", first_name="Евлампия", phone="+79125550147")
    email = person.email
    organisation = OrganisationFactory(contact_person="Шевчукова Евлампия", private_email=email)
    call_command("backup", tmp_path / "backups")
    (backup_dir,) = (tmp_path / "backups").iterdir()

    consent_withdraw(user=person, ip_address=None)
    user_anonymise(user=person)
    assert f'"pk": {person.pk}' in Path(settings.ERASURE_JOURNAL).read_text()

    output = _restore(backup_dir, empty_database, tmp_path / "restored-media", settings)

    assert "erased again since then: 1" in output
    with psycopg.connect(_url(empty_database)) as restored:
        dump = "\n".join(
            str(row)
            for table in ("accounts_user", "initiatives_organisation", "civiccenter_auditentry")
            for row in restored.execute(f"SELECT * FROM {table}")  # noqa: S608
        )
    for needle in ("Шевчукова", "Евлампия", email, "+79125550147"):
        assert needle not in dump
    with psycopg.connect(_url(empty_database)) as restored:
        kept = restored.execute(
            "SELECT name FROM initiatives_organisation WHERE id = %s", [organisation.pk]
        ).fetchone()
    assert kept == (organisation.name,)  # the record stays; only the person's data goes


def test_backups_past_their_term_are_removed(tmp_path, settings):
    settings.BACKUP_KEEP_DAYS = 35
    now = timezone.now()
    for age_in_days in (1, 34, 36, 90):
        folder = tmp_path / f"backup-{age_in_days}"
        folder.mkdir()
        made_at = (now - timedelta(days=age_in_days)).isoformat()
        (folder / "manifest.json").write_text(json.dumps({"made_at": made_at}))
    (tmp_path / "not-a-backup").mkdir()

    removed = prune(tmp_path, now=now)

    assert sorted(path.name for path in removed) == ["backup-36", "backup-90"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "backup-1",
        "backup-34",
        "not-a-backup",
    ]


def test_no_backup_is_written_without_a_key(tmp_path, settings):
    settings.BACKUP_AGE_RECIPIENTS_FILE = ""
    with pytest.raises(RuntimeError, match="never written unencrypted"):
        backup(tmp_path)
    assert list(tmp_path.iterdir()) == []  # no half-made backup folder is left behind
