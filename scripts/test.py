"""Set up (on first use) and run the whole test suite; extra arguments go to pytest.

python scripts/test.py
python scripts/test.py tests/unit -x
python scripts/test.py --cov --cov-report=term:skip-covered   # with coverage, as CI runs it

Coverage is measured only when asked (pytest-cov's --cov); what it covers is set in
pyproject.toml's [tool.coverage] tables.
"""

from __future__ import annotations

import os
import sys

from dev_env import ensure, run

if __name__ == "__main__":
    python = ensure("dev")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    workers = os.environ.get("CCHC_TEST_WORKERS", "2")
    sys.exit(run([str(python), "-m", "pytest", "-n", workers, *sys.argv[1:]]))
