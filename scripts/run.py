"""Set up (on first use) and open CCHC Desktop on the embedded default plan.

python scripts/run.py            # the window
python scripts/run.py --help     # the command line
"""

from __future__ import annotations

import sys

from dev_env import ensure, run

if __name__ == "__main__":
    python = ensure()
    sys.exit(run([str(python), "-m", "cchc_desktop", *sys.argv[1:]]))
