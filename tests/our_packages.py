"""The portal's own packages, named once: the root packages of import-linter's contracts in
pyproject.toml. Each is also the label of its Django app (the kernel's label is
«civiccenter»), so the tests that walk our models and our imports read the same list."""

import tomllib

from .processes import ROOT

with (ROOT / "pyproject.toml").open("rb") as _file:
    OUR_PACKAGES: tuple[str, ...] = tuple(
        tomllib.load(_file)["tool"]["importlinter"]["root_packages"]
    )
