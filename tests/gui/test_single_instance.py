"""One instance per database: a second start brings the first forward; another PC is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from cchc_desktop.qt.single_instance import (
    InstanceStatus,
    SingleInstance,
    instance_key,
    raise_window,
)
from cchc_desktop.store import integrity

ROOT = Path(__file__).resolve().parents[2]

SECOND_START = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from cchc_desktop.qt.single_instance import SingleInstance
    app = QCoreApplication([])
    instance = SingleInstance(Path(sys.argv[1]))
    print(instance.start().value)
    print(instance.message)
    instance.close()
    """
)


Instances = Callable[[Path], SingleInstance]


@pytest.fixture
def instances(qtbot: QtBot) -> Iterator[Instances]:
    made: list[SingleInstance] = []

    def factory(db_path: Path) -> SingleInstance:
        instance = SingleInstance(db_path)
        made.append(instance)
        return instance

    yield factory
    for instance in made:
        instance.close()


def second_start(db_path: Path) -> tuple[str, str]:
    """Start a second process on `db_path`, as a clerk double-clicking the icon again would."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", SECOND_START, str(db_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=True,
    )
    status, _, message = proc.stdout.partition("\n")
    return status.strip(), message.strip()


def test_key_depends_on_the_database(tmp_path: Path) -> None:
    a = instance_key(tmp_path / "a.db")
    assert a == instance_key(tmp_path / "." / "a.db")
    assert a != instance_key(tmp_path / "b.db")
    assert a.startswith("cchc-desktop-")


def test_first_start_is_primary_and_writes_the_pc_lock(
    instances: Instances, tmp_path: Path
) -> None:
    db_path = tmp_path / "cchc.db"
    first = instances(db_path)
    assert first.start() is InstanceStatus.PRIMARY
    owner = integrity.DatabaseLock(db_path).owner()
    assert owner is not None
    assert owner.pid == os.getpid()
    first.close()
    assert not integrity.lock_path(db_path).exists()


def test_second_start_in_another_process_brings_the_first_forward(
    qtbot: QtBot, instances: Instances, tmp_path: Path
) -> None:
    db_path = tmp_path / "cchc.db"
    first = instances(db_path)
    assert first.start() is InstanceStatus.PRIMARY
    with qtbot.waitSignal(first.activation_requested, timeout=20000):
        # The event loop must run while the other process connects, so start it in a thread
        # of the OS (a subprocess) and wait for the signal here.
        proc = subprocess.Popen(
            [sys.executable, "-c", SECOND_START, str(db_path)],
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
        )
    out, _ = proc.communicate(timeout=60)
    assert out.splitlines()[0] == "forwarded"


def test_second_start_in_the_same_process(
    qtbot: QtBot, instances: Instances, tmp_path: Path
) -> None:
    db_path = tmp_path / "cchc.db"
    first = instances(db_path)
    assert first.start() is InstanceStatus.PRIMARY
    second = instances(db_path)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.start() is InstanceStatus.FORWARDED
    assert second.message == ""


def test_other_databases_are_independent(instances: Instances, tmp_path: Path) -> None:
    assert instances(tmp_path / "a.db").start() is InstanceStatus.PRIMARY
    assert instances(tmp_path / "b.db").start() is InstanceStatus.PRIMARY


def test_after_close_the_next_start_is_primary(instances: Instances, tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    first = instances(db_path)
    assert first.start() is InstanceStatus.PRIMARY
    first.close()
    assert second_start(db_path) == ("primary", "")


def test_database_open_on_another_pc(instances: Instances, tmp_path: Path) -> None:
    db_path = tmp_path / "cchc.db"
    integrity.lock_path(db_path).write_text(
        json.dumps({"host": "MAY-VAN-THU", "pid": 77, "user": "vanthu", "started": time.time()}),
        encoding="utf-8",
    )
    instance = instances(db_path)
    assert instance.start() is InstanceStatus.LOCKED_ELSEWHERE
    assert instance.message.startswith("Cơ sở dữ liệu đang được mở trên máy MAY-VAN-THU")
    assert "vanthu" in instance.message
    # The local claim was given back: once the other PC lets go, this PC can open it.
    integrity.lock_path(db_path).unlink()
    assert second_start(db_path) == ("primary", "")


def test_a_crashed_instance_does_not_block(tmp_path: Path) -> None:
    """A killed first instance leaves its lock files; the next start takes over."""
    db_path = tmp_path / "cchc.db"
    script = SECOND_START.replace("instance.close()", "import os; os._exit(0)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", script, str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    assert out.startswith("primary")
    assert integrity.lock_path(db_path).exists(), "the crash left the PC lock behind"
    assert second_start(db_path) == ("primary", "")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen platform only
def test_raise_window_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    raise_window(window)
    assert not window.isMinimized()
    assert window.isVisible()
