"""build.spec sanity without building: data sources exist, every PySide6 module is classified."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from cchc_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


def spec_constants() -> dict[str, Any]:
    """The literal top-level assignments of build.spec (QT_KEEP, QT_EXCLUDE, DATAS …)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    found: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id.isupper():
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue
    return found


CONSTANTS = spec_constants()


def installed_qt_modules() -> set[str]:
    """The Qt* extension modules of the installed PySide6 (all its wheels)."""
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None
    assert spec.submodule_search_locations is not None
    folder = Path(next(iter(spec.submodule_search_locations)))
    names = set()
    for path in folder.iterdir():
        match = re.match(r"^(Qt[A-Za-z0-9]+)\.(?:abi3\.so|pyd|cpython.*\.so|.*\.pyd)$", path.name)
        if match:
            names.add(match[1])
    return names


def imported_qt_modules() -> set[str]:
    """The PySide6 modules the program's own code imports."""
    pattern = re.compile(r"(?:from|import)\s+PySide6\.(Qt[A-Za-z0-9]+)")
    used: set[str] = set()
    for path in (ROOT / "cchc_desktop").rglob("*.py"):
        used.update(pattern.findall(path.read_text(encoding="utf-8")))
    return used


def test_the_lists_are_literals() -> None:
    for name in ("QT_KEEP", "QT_EXCLUDE", "OTHER_EXCLUDES", "BABEL_LOCALES", "DATAS"):
        assert name in CONSTANTS, f"build.spec must assign {name} a plain literal"


@pytest.mark.parametrize(("pattern", "dest"), CONSTANTS["DATAS"])
def test_every_datas_source_exists(pattern: str, dest: str) -> None:
    assert sorted(ROOT.glob(pattern)), f"build.spec datas: nothing matches {pattern}"
    assert not Path(dest).is_absolute()


def test_datas_carry_what_the_program_reads_at_run_time() -> None:
    patterns = [p for p, _ in CONSTANTS["DATAS"]]
    needed = [
        *sorted((ROOT / "db" / "migrations").glob("*.sql")),
        *sorted((ROOT / "resources" / "fonts").glob("*.ttf")),
        *sorted((ROOT / "resources" / "translations").glob("*.qm")),
        ROOT / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt",
    ]
    for path in needed:
        rel = path.relative_to(ROOT).as_posix()
        assert any(Path(rel).match(p) or rel == p for p in patterns), f"{rel} is not bundled"


def test_keep_and_exclude_do_not_overlap() -> None:
    assert not set(CONSTANTS["QT_KEEP"]) & set(CONSTANTS["QT_EXCLUDE"])


def test_every_installed_pyside6_module_is_kept_or_excluded() -> None:
    """A new PySide6 release with a new module must be classified before it can ship."""
    classified = set(CONSTANTS["QT_KEEP"]) | set(CONSTANTS["QT_EXCLUDE"])
    unclassified = installed_qt_modules() - classified
    assert not unclassified, f"add to QT_KEEP or QT_EXCLUDE in build.spec: {sorted(unclassified)}"


def test_kept_modules_are_installed() -> None:
    missing = set(CONSTANTS["QT_KEEP"]) - installed_qt_modules()
    assert not missing


def test_the_program_imports_only_kept_modules() -> None:
    """An import of an excluded module would be a ModuleNotFoundError in the frozen build."""
    excluded = imported_qt_modules() - set(CONSTANTS["QT_KEEP"])
    assert not excluded, f"the code imports modules build.spec excludes: {sorted(excluded)}"


def test_other_bindings_and_tkinter_are_excluded() -> None:
    assert {"tkinter", "PyQt5", "PyQt6", "PySide2"} <= set(CONSTANTS["OTHER_EXCLUDES"])


def test_babel_keeps_vietnamese_and_the_fallbacks() -> None:
    assert set(CONSTANTS["BABEL_LOCALES"]) == {"root", "vi", "vi_VN", "en", "en_US"}


def spec_functions(*names: str) -> dict[str, Any]:
    """Run build.spec's constants and the named helper functions (not the build) in a namespace."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name in names)
        or (
            isinstance(node, ast.Assign)
            and node.targets[0].__class__ is ast.Name
            and getattr(node.targets[0], "id", "") in CONSTANTS
        )
    ]
    prelude = ast.parse("from pathlib import Path\nROOT = Path(SPECPATH)").body
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT)}
    exec(
        compile(ast.Module(body=[*prelude, *wanted], type_ignores=[]), str(SPEC), "exec"), namespace
    )
    return namespace


def test_version_resource_numbers_come_from_the_package() -> None:
    spec = spec_functions("_version_tuple", "_read_version")
    assert spec["_read_version"]() == __version__
    numbers = spec["_version_tuple"](__version__)
    assert len(numbers) == 4
    assert ".".join(str(n) for n in numbers).startswith(__version__)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("babel/locale-data/vi.dat", True),
        ("babel/locale-data/vi_VN.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/en_US.dat", True),
        ("babel/locale-data/fr.dat", False),
        ("babel\\locale-data\\zh_Hant_HK.dat", False),
        ("babel/global.dat", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6\\Qt\\translations\\qt_ja.qm", False),
        ("resources/translations/qtbase_vi.qm", True),
        ("resources/fonts/LiberationSerif-Regular.ttf", True),
    ],
)
def test_data_filter(dest: str, kept: bool) -> None:
    assert spec_functions("_keep_data")["_keep_data"](dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6\\Qt6Pdf.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ],
)
def test_binary_filter(dest: str, kept: bool) -> None:
    assert spec_functions("_keep_binary")["_keep_binary"](dest) is kept


def test_icon_has_the_sizes_windows_uses() -> None:
    with Image.open(ROOT / "resources" / "icons" / "app.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    with Image.open(ROOT / "resources" / "icons" / "app.png") as png:
        assert png.size == (256, 256)


def test_the_document_readers_and_their_libraries_are_bundled() -> None:
    readers = sorted(
        f"cchc_desktop.importer.{p.stem}"
        for p in (ROOT / "cchc_desktop" / "importer").glob("*.py")
        if p.stem.endswith(("_reader", "_convert"))
    )
    assert sorted(CONSTANTS["DOCUMENT_READERS"]) == readers
    for library in CONSTANTS["DOCUMENT_LIBRARIES"]:
        assert importlib.util.find_spec(library) is not None, library
        assert library not in CONSTANTS["OTHER_EXCLUDES"]


def test_pdfiums_shared_library_is_collected() -> None:
    """The PDF reader needs PDFium's library (libpdfium.so / pdfium.dll) next to pypdfium2_raw:
    the hook of pyinstaller-hooks-contrib collects it once the package is in the build."""
    hooks = pytest.importorskip("PyInstaller.utils.hooks")
    assert "pypdfium2_raw" in CONSTANTS["DOCUMENT_LIBRARIES"]
    libraries = hooks.collect_dynamic_libs("pypdfium2_raw")
    assert any("pdfium" in Path(source).name for source, _dest in libraries), libraries
