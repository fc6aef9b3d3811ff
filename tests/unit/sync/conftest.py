"""Fixtures: an enrolled network built once per session and copied for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.sync.netkit import Net, build_network, copy_network


@pytest.fixture(scope="session")
def network_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    net = build_network(folder)
    net.close()
    return folder


@pytest.fixture
def net(network_template: Path, tmp_path: Path) -> Iterator[Net]:
    network = copy_network(network_template, tmp_path)
    yield network
    network.close()
