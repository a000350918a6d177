"""Backup and restore of the portal: the PostgreSQL database (pg_dump's custom format) and
the media files (a tar archive), encrypted with age to the recipients' public keys
(settings.BACKUP_AGE_RECIPIENTS_FILE: the private key that opens them is kept elsewhere, not
beside the backups), with a plain manifest of what was saved and when.

Each run makes a new folder under the backup root, readable by its owner only, and removes
the folders older than settings.BACKUP_KEEP_DAYS. A restore re-applies every erasure of
personal data made since the backup was taken (`erasure_journal`), so that a person erased
after the backup does not come back with it."""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any, cast

from django.conf import settings
from django.db import connections
from django.utils import timezone

DATABASE = "database.dump.age"
MEDIA = "media.tar.gz.age"
MANIFEST = "manifest.json"


def pg_tool(name: str) -> str:
    """The newest server version's tool (pg_dump must not be older than the server)."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3])
    )
    if candidates:
        return str(candidates[-1])
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found: install the PostgreSQL client")
    return found


def _connection_env(alias: str = "default") -> tuple[list[str], dict]:
    db = connections[alias].settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return args, env


def _files(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _age(*args: str, **kwargs: Any) -> subprocess.Popen:
    binary = shutil.which("age")
    if not binary:
        raise RuntimeError("age not found: install the Debian package age")
    # The arguments are our own paths, never from a request.
    return subprocess.Popen([binary, *args], **kwargs)  # noqa: S603


def _recipients() -> str:
    path = settings.BACKUP_AGE_RECIPIENTS_FILE
    if not path or not Path(path).is_file():
        raise RuntimeError(
            "BACKUP_AGE_RECIPIENTS_FILE must name a file of age public keys: backups are "
            "never written unencrypted"
        )
    return str(path)


@contextmanager
def _encrypting(target: Path) -> Iterator[IO[bytes]]:
    """A stream whose bytes land in `target` encrypted; nothing unencrypted touches the disk."""
    with open(target, "wb") as out:
        encrypt = _age(
            "--encrypt", "--recipients-file", _recipients(), stdin=subprocess.PIPE, stdout=out
        )
        stream = cast(IO[bytes], encrypt.stdin)
        try:
            yield stream
        finally:
            stream.close()
            if encrypt.wait() != 0:
                raise RuntimeError(f"encrypting {target.name} failed")


def backup(root: Path) -> tuple[Path, dict]:
    """A new encrypted backup in a folder of `root` named by its time; returns the folder
    and its manifest. Older backups past their term are removed afterwards."""
    made_at = timezone.now()
    old_umask = os.umask(0o077)  # folders 0700, files 0600: no other user reads a backup
    try:
        root.mkdir(parents=True, exist_ok=True)
        _recipients()  # refuses before anything is written
        target = root / made_at.strftime("%Y%m%d-%H%M%S")
        target.mkdir()
        args, env = _connection_env()
        with _encrypting(target / DATABASE) as out:
            # The arguments come from the settings, never from a request.
            subprocess.run(  # noqa: S603
                [pg_tool("pg_dump"), "--format=custom", "--no-owner", *args],
                env=env,
                stdout=out,
                check=True,
            )
        media = Path(settings.MEDIA_ROOT)
        with _encrypting(target / MEDIA) as out, tarfile.open(fileobj=out, mode="w|gz") as archive:
            if media.exists():
                archive.add(media, arcname="media")
        manifest = {
            "made_at": made_at.isoformat(),
            "encryption": "age",
            "files": _files(media),
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    finally:
        os.umask(old_umask)
    prune(root, now=made_at)
    return target, manifest


def prune(root: Path, *, now: datetime) -> list[Path]:
    """Removes the backups of `root` made more than BACKUP_KEEP_DAYS before `now`."""
    cutoff = now - timedelta(days=settings.BACKUP_KEEP_DAYS)
    removed = []
    for folder in sorted(root.iterdir()):
        manifest = folder / MANIFEST
        if not manifest.is_file():
            continue
        made_at = datetime.fromisoformat(
            json.loads(manifest.read_text(encoding="utf-8"))["made_at"]
        )
        if made_at < cutoff:
            shutil.rmtree(folder)
            removed.append(folder)
    return removed


def _decrypted(source: Path, into: Path) -> Path:
    identity = settings.BACKUP_AGE_IDENTITY_FILE
    if not identity or not Path(identity).is_file():
        raise RuntimeError("BACKUP_AGE_IDENTITY_FILE must name the age private key of the backups")
    target = into / source.name.removesuffix(".age")
    decrypt = _age("--decrypt", "--identity", str(identity), "--output", str(target), str(source))
    if decrypt.wait() != 0:
        raise RuntimeError(f"cannot decrypt {source.name} with the key given")
    return target


def restore(source: Path) -> dict[str, Any]:
    """Restores into the configured (empty or old) database and media folder, and checks the
    files against the manifest. The caller re-applies the erasures made since (the restore
    command does, from the erasure journal)."""
    manifest: dict[str, Any] = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    args, env = _connection_env()
    with tempfile.TemporaryDirectory(prefix="civiccenter-restore-") as scratch:
        database = _decrypted(source / DATABASE, Path(scratch))
        subprocess.run(  # noqa: S603
            [
                pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                *args,
                str(database),
            ],
            env=env,
            check=True,
        )
        database.unlink()
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(_decrypted(source / MEDIA, Path(scratch)), "r:gz") as archive:
            for member in archive.getmembers():
                if not member.name.startswith("media"):
                    continue
                member.name = member.name.removeprefix("media").lstrip("/") or "."
                archive.extract(member, media, filter="data")
    restored = _files(media)
    missing = [name for name, digest in manifest["files"].items() if restored.get(name) != digest]
    if missing:
        raise RuntimeError(f"files differ after restore: {missing[:5]}")
    return manifest
