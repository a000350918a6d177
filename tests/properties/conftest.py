"""Hypothesis profiles. The suite is the gate for every change, so by default it tries the same
examples on every run (a failure is reproducible and does not come and go) and sets no time
limit per example (CI machines are shared and slow at times). To search new examples, run
`HYPOTHESIS_PROFILE=explore scripts/run-tests tests/properties`: that is how «NAN» was found to
break amounts."""

import os

from hypothesis import settings

settings.register_profile("suite", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, max_examples=1000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
