"""Servers of a test's own that the test may stop, start and restart."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.processes import ROOT, free_port


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture
def private_postgres():
    """A PostgreSQL cluster of this test's own, migrated, that the test may restart."""
    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
    root = Path(tempfile.mkdtemp(prefix="civic-pg-"))
    root.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", free_port()
    subprocess.run(
        _as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres"])
        + ["--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off"
    pg_ctl = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log")])
    subprocess.run([*pg_ctl, "-w", "-o", options, "start"], check=True, stdout=subprocess.DEVNULL)
    try:
        subprocess.run(
            [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
            + ["civiccenter"],
            check=True,
        )
        url = f"postgres://postgres@127.0.0.1:{port}/civiccenter"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test"}
        env["DATABASE_URL"] = url
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
        )

        def restart() -> None:
            subprocess.run(
                [*pg_ctl, "-w", "-m", "fast", "-o", options, "restart"],
                check=True,
                stdout=subprocess.DEVNULL,
            )

        def stop() -> None:
            subprocess.run(
                [*pg_ctl, "-w", "-m", "fast", "stop"], check=True, stdout=subprocess.DEVNULL
            )

        def start() -> None:
            subprocess.run(
                [*pg_ctl, "-w", "-o", options, "start"], check=True, stdout=subprocess.DEVNULL
            )

        yield SimpleNamespace(env=env, url=url, restart=restart, stop=stop, start=start)
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], stdout=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)
