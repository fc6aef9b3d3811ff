"""Where bundled resources, migrations, user data and logs live (dev checkout or frozen build)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "CCHC Desktop"
DATA_DIR_ENV = "CCHC_DATA_DIR"  # tests and portable installs point the data folder elsewhere

_REPO_ROOT = Path(__file__).resolve().parent.parent


def bundle_root() -> Path:
    """The folder holding `resources/` and `db/`: the PyInstaller bundle or the repository root."""
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    return _REPO_ROOT


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. ``resource_path("fonts", "x.ttf")``."""
    return bundle_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    """The folder of numbered SQL migration files (`db/migrations`)."""
    return bundle_root() / "db" / "migrations"


def user_data_dir() -> Path:
    """The per-user data folder (database, evidence files, backups); not created here.

    On Windows this is ``%LOCALAPPDATA%\\CCHC Desktop``. The environment variable
    ``CCHC_DATA_DIR`` overrides it.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    """The per-user log folder; under the data folder when ``CCHC_DATA_DIR`` is set."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
