"""Write db/schema.sql: the schema a fresh database has after every migration.

Run after adding a migration: `python scripts/dump_schema.py`. A test compares the two.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_desktop.store.db import connect, migrate  # noqa: E402
from cchc_desktop.store.schema import schema_text  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "schema.db")
        migrate(db)
        (ROOT / "db" / "schema.sql").write_text(schema_text(db), encoding="utf-8")
        db.conn.close()


if __name__ == "__main__":
    main()
