"""Temporary files beside the data, and clearing those a killed run left behind.

Every file written under a temporary name in the data folder (a backup being copied, a restore
being checked, a bundle being copied into the inbox, a job marker) is named by `partial_path`,
which carries the writing process's id. At the next start `remove_leftovers` deletes those
whose process is no longer running, so a kill never leaves a database-sized file for good.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

from cchc_desktop.store.processes import pid_alive

log = logging.getLogger(__name__)

_PARTIAL = re.compile(r"^\..+\.(\d+)\.part$")
# Names of earlier versions: a restore's copy, an evidence file on its way in, a pid-less backup.
_OLDER = re.compile(r"^\.(?:cchc-restore-(\d+)\.tmp|incoming-(\d+)-[0-9a-f]+\.tmp|.+\.db\.part)$")
_PIDLESS_AGE_SECONDS = 24 * 3600
SUBFOLDERS = ("backups", "inbox", "evidence")


def partial_path(target: Path) -> Path:
    """The temporary name a file is written under before it is renamed to `target`."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def _is_leftover(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    match = _PARTIAL.match(name) or _OLDER.match(name)
    if match is None or not entry.is_file(follow_symlinks=False):
        return False
    pids = [int(group) for group in match.groups() if group]
    if pids:
        return pids[0] != os.getpid() and not pid_alive(pids[0])
    return time.time() - entry.stat().st_mtime > _PIDLESS_AGE_SECONDS


def remove_leftovers(data_dir: Path) -> list[Path]:
    """Delete the temporary files of runs that were killed; return what was removed.

    Best effort: a folder that cannot be read or a file that cannot be deleted (read-only
    media) is left as it is.
    """
    removed: list[Path] = []
    for folder in (data_dir, *(data_dir / name for name in SUBFOLDERS)):
        try:
            with os.scandir(folder) as entries:
                leftovers = [Path(e.path) for e in entries if _is_leftover(e)]
        except OSError:
            continue
        for path in leftovers:
            try:
                path.unlink()
            except OSError as exc:
                log.info("Cannot remove leftover %s: %s", path, exc)
                continue
            removed.append(path)
    if removed:
        log.info("Removed %d leftover temporary files: %s", len(removed), removed)
    return removed
