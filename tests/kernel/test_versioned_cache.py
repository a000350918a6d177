"""A versioned cache: computed once per version, recomputed after a bump."""

from civiccenter.kernel import versioned_cache


def test_a_value_is_computed_once_per_version():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert versioned_cache.cached("things", "count", compute) == 1
    assert versioned_cache.cached("things", "count", compute) == 1
    versioned_cache.bump("things")
    assert versioned_cache.cached("things", "count", compute) == 2
    assert versioned_cache.cached("other", "count", compute) == 3  # namespaces apart
    assert len(calls) == 3


def test_a_bump_before_anything_is_cached_is_harmless():
    versioned_cache.bump("fresh")
    assert versioned_cache.cached("fresh", "x", lambda: "ok") == "ok"
