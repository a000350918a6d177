"""Backup and restore of the portal: the PostgreSQL database (pg_dump's custom format) and
the media files (a tar archive), with a manifest of what was saved."""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone


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


def backup(target: Path) -> dict:
    """Writes database.dump, media.tar.gz and manifest.json into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    args, env = _connection_env()
    # The arguments come from the settings, never from a request.
    subprocess.run(  # noqa: S603
        [
            pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(target / "database.dump"),
            *args,
        ],
        env=env,
        check=True,
    )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    manifest = {"made_at": timezone.now().isoformat(), "files": _files(media)}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def restore(source: Path) -> dict[str, Any]:
    """Restores into the configured (empty or old) database and media folder, and checks the
    files against the manifest."""
    manifest: dict[str, Any] = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    args, env = _connection_env()
    subprocess.run(  # noqa: S603
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            *args,
            str(source / "database.dump"),
        ],
        env=env,
        check=True,
    )
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
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
