"""Labels Django itself shows on our pages that its own catalogue does not translate yet; they
are listed here so that `makemessages` keeps them in the portal's catalogue, which Django reads
before its own (LOCALE_PATHS)."""

from django.utils.translation import gettext_noop

LABELS = [
    # django.db.models.fields.BLANK_CHOICE_LABEL, new in Django 6: the empty choice of a select.
    gettext_noop("- Select an option -"),
]
