"""The registry's cached figures (home page, filter options) are out of date once a record
is saved or deleted."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from civiccenter.kernel import versioned_cache

from .models import Organisation
from .selectors import REGISTRY_CACHE


@receiver(post_save, sender=Organisation, dispatch_uid="registry_changed_on_save")
@receiver(post_delete, sender=Organisation, dispatch_uid="registry_changed_on_delete")
def registry_changed(**kwargs) -> None:
    # After the commit: a reader between the save and the commit would cache the old figures
    # under the new version.
    transaction.on_commit(lambda: versioned_cache.bump(REGISTRY_CACHE))
