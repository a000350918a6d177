"""The erasure journal: one line for each person whose data the portal erased, kept outside
the database and outside the backups (settings.ERASURE_JOURNAL), so that a restore of an
older backup can erase them again (`replay`). A line holds an account's number and the time,
never personal data.

Each app that erases registers how to re-apply it (`register_replay`); the accounts app does,
for the anonymisation of an account."""

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings

_REPLAYS: dict[str, Callable[[int], Any]] = {}


def register_replay(kind: str, replay: Callable[[int], Any]) -> None:
    _REPLAYS[kind] = replay


def _path() -> Path | None:
    return Path(settings.ERASURE_JOURNAL) if settings.ERASURE_JOURNAL else None


def append(kind: str, pk: int, *, at: datetime) -> None:
    """Written before the erasure commits and flushed to disk: a journal line whose erasure
    rolled back only makes a restore erase once more someone who had withdrawn."""
    path = _path()
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"kind": kind, "pk": pk, "at": at.isoformat()}) + "\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def entries() -> list[dict[str, Any]]:
    path = _path()
    if path is None or not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def replay(*, since: datetime | None = None) -> int:
    """Re-applies every erasure of the journal made after `since` (all when None); each
    replay skips what is already erased. Returns how many were applied."""
    applied = 0
    for entry in entries():
        if since is not None and datetime.fromisoformat(entry["at"]) < since:
            continue
        if _REPLAYS[entry["kind"]](entry["pk"]):
            applied += 1
    return applied
