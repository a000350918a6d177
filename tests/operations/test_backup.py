"""A filled database and media folder are backed up, restored into an empty database and
another folder, and every table and file compared."""

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

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


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_table_and_file(tmp_path, settings, activist):
    organisation = OrganisationFactory(name="Лесная страна")
    organisation.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"0" * 64))
    OrganisationFactory.create_batch(5)
    backup_dir = tmp_path / "backup"
    call_command("backup", backup_dir)

    empty = f"restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{empty}"')
    try:
        restored_media = tmp_path / "restored-media"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
            "DATABASE_URL": _url(empty),
            "MEDIA_ROOT": str(restored_media),
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "restore", str(backup_dir)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr

        source = _table_digests(_url(connection.settings_dict["NAME"]))
        copy = _table_digests(_url(empty))
        assert source == copy
        assert source["initiatives_organisation"][0] == Organisation.objects.count() == 6
        original = Path(settings.MEDIA_ROOT) / organisation.logo.name
        assert (restored_media / organisation.logo.name).read_bytes() == original.read_bytes()
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')
