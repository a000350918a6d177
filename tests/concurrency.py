"""Running a service from many threads at the same instant, each on its own database
connection, as simultaneous web requests would."""

import threading
from collections.abc import Callable, Iterable

from django.db import connection


def at_once(action: Callable, arguments: Iterable, *, refused: type[Exception]) -> list[str]:
    """Calls action(argument) for every argument at the same moment; returns "ok" or
    "refused" for each call (in completion order). Any other exception fails the test."""
    arguments = list(arguments)
    barrier = threading.Barrier(len(arguments))
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def run(argument):
        try:
            barrier.wait()
            action(argument)
            outcomes.append("ok")
        except refused:
            outcomes.append("refused")
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return outcomes
