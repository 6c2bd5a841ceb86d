"""``python -m parley`` runs the CLI, so a checkout without the installed script (PYTHONPATH=src) works the same."""

import sys

from parley.cli import main

sys.exit(main())
