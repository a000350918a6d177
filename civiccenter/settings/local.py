"""Development on a laptop or a demo machine: DEBUG on, e-mails written to .local/mail."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "local-development-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("EMAIL_BACKEND", "civiccenter.kernel.mail_backends.ReadableFileBackend")
# Demo addresses in a domain reserved for examples (RFC 2606): a real centre sets its own.
os.environ.setdefault("DEFAULT_FROM_EMAIL", "portal@centre.example")
os.environ.setdefault("CENTRE_CONTACT_EMAIL", "info@centre.example")
# Demo details of the operator: a real centre sets its own (docs/deployment.md).
os.environ.setdefault(
    "OPERATOR_LEGAL_NAME",
    "МАУ «Центр продюсирования городских инициатив» (демонстрационные реквизиты)",
)
os.environ.setdefault("OPERATOR_ADDRESS", "614000, г. Пермь, ул. Ленина, д. 51")
os.environ.setdefault("OPERATOR_OGRN", "1025900000000")
os.environ.setdefault("OPERATOR_INN", "5902000000")
os.environ.setdefault(
    "PERSONAL_DATA_PROCESSORS",
    "хостинг-провайдер центра (серверы в Российской Федерации)\n"
    "почтовый сервис центра (доставка писем портала)",
)

from .base import *  # noqa: E402

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Static files straight from the source folders; production serves collectstatic output.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
