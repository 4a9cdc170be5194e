"""``python -m kg.cli``: the same as ``kg``."""

import sys

from . import main

sys.exit(main())
