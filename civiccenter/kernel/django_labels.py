"""Labels Django and allauth show on our pages that their own catalogues do not translate yet
(or translate badly); they
are listed here so that `makemessages` keeps them in the portal's catalogue, which Django reads
before its own (LOCALE_PATHS)."""

from django.utils.translation import gettext_noop

LABELS = [
    # django.db.models.fields.BLANK_CHOICE_LABEL, new in Django 6: the empty choice of a select.
    gettext_noop("- Select an option -"),
    # allauth's TOTP set-up page: its Russian catalogue calls the secret «Код аутентификатора»,
    # the same as the code field below it, and says «секрет ключ».
    gettext_noop("Authenticator secret"),
    gettext_noop(
        "You can store this secret and use it to reinstall your authenticator app at a later time."
    ),
]
