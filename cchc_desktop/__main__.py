"""`python -m cchc_desktop` runs the same entry point as the `cchc-desktop` command."""

from cchc_desktop.main import main

raise SystemExit(main())
