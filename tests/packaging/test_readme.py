"""The README's command table and the documents' cross-references match the program."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

from cchc_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Options every command has or that only change the output's form.
COMMON_OPTIONS = {"-h", "--help", "--db", "--json", "-o", "--output", "--screenshot"}


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from _leaves(child, (*path, name))


def _rows(command: tuple[str, ...]) -> list[str]:
    """The README table rows that name this command (`a\\|b` alternatives count)."""
    rows = []
    for line in README.splitlines():
        if not line.startswith("| `cchc-desktop"):
            continue
        cell = line.split("|`", 1)[0]
        words = re.sub(r"\\\|", "|", cell)
        if all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", words) for w in command):
            rows.append(line)
    return rows


def test_every_command_and_its_options_are_in_the_readme_table() -> None:
    missing: list[str] = []
    for command, parser in _leaves(build_parser()):
        rows = _rows(command)
        if not rows:
            missing.append(" ".join(command))
            continue
        for action in parser._actions:
            options = set(action.option_strings)
            if not options or options & COMMON_OPTIONS:
                continue
            if not any(opt in row for opt in options for row in rows):
                missing.append(f"{' '.join(command)} {sorted(options)[-1]}")
    assert missing == []


def test_readme_names_the_data_folders_and_the_linux_setup() -> None:
    for text in (
        "`outbox/`",
        "~/.local/state/CCHC Desktop/log",
        "libxcb-cursor0",
        ".venv/bin/python",
    ):
        assert text in README


def test_documents_refer_only_to_documents_in_the_repository() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for name in re.findall(r"[\w./-]+\.md\b", text):
            found = (doc.parent / name).exists() or (ROOT / name).exists()
            assert found, f"{doc.name} refers to {name}, which is not in the repository"
