"""The Redis cache reuses one client per connection pool instead of building one per
operation, and that client still answers across many operations."""

from django.core.cache import caches


def test_one_client_serves_every_operation():
    backend = caches["redis"]
    client = backend._cache.get_client()
    assert backend._cache.get_client(write=True) is client
    for number in range(3):
        backend.set(f"reused-{number}", number)
    assert backend.get_many([f"reused-{n}" for n in range(3)]) == {
        f"reused-{n}": n for n in range(3)
    }
    assert backend._cache.get_client() is client
