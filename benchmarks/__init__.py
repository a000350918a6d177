"""Benchmarks: `scripts/benchmark NAME` runs `benchmarks/NAME.py` (see docs/performance.md)."""

import os

# Each data set has cache keys of its own: the 10,000- and the 100,000-record databases share
# the benchmarks' Redis, and a record's cached card or a cached page made from one database
# must not be served while measuring the other (found: it was, which flattered the runs).
os.environ.setdefault("CACHE_KEY_PREFIX", f"bench-{os.environ.get('BENCH_RECORDS', '10000')}")
