"""What the legal documents of the portal (the processing policy and the consent) print from
the settings: the operator, its processors, the terms."""

from typing import Any, cast

from django.conf import settings


def documents_context() -> dict:
    processors = list(settings.PERSONAL_DATA_PROCESSORS)
    storage = cast(dict[str, Any], settings.STORAGES["default"])
    if storage["BACKEND"].startswith("storages."):
        endpoint = storage["OPTIONS"].get("endpoint_url") or "S3"
        processors.append(f"S3-compatible file storage ({endpoint})")
    return {
        "policy_version": settings.PERSONAL_DATA_POLICY_VERSION,
        "anonymise_after_days": settings.PERSONAL_DATA_ANONYMISE_AFTER_DAYS,
        "contact_email": settings.CENTRE_CONTACT_EMAIL,
        "operator": {
            "name": settings.OPERATOR_LEGAL_NAME or settings.CENTRE_NAME,
            "address": settings.OPERATOR_ADDRESS,
            "ogrn": settings.OPERATOR_OGRN,
            "inn": settings.OPERATOR_INN,
        },
        "processors": processors,
        "import_files_days": settings.IMPORT_FILES_KEEP_DAYS,
        "backup_days": settings.BACKUP_KEEP_DAYS,
    }
