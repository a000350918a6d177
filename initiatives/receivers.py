"""The registry's cached figures and pages (home page, catalogue) are out of date once any
of its records, links, topics or districts is saved or deleted."""

from django.apps import apps

from civiccenter.kernel import versioned_cache

from . import topic_ids
from .selectors import REGISTRY_CACHE


def connect() -> None:
    versioned_cache.bump_on_change(REGISTRY_CACHE, apps.get_app_config("initiatives").get_models())
    topic_ids.connect()
