"""``python -m emm.synth OUT_DIR --seed N --size NAME``: see :func:`emm.synth.generation.main`."""

from emm.synth.generation import main

raise SystemExit(main())
