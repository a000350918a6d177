"""Settings shared by every environment. Deploy-specific values come from the environment."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Lowest first: the kernel, accounts, follows, the registry, its three sibling apps, and
    # the top app that reads every one of them (import-linter's contracts in pyproject.toml
    # keep it so).
    "civiccenter.kernel",
    "accounts",
    "follows",
    "initiatives",
    "consulting",
    "training",
    "events",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "civiccenter.kernel.middleware.RussianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Anonymous visitors' pages from the cache, ahead of what a visitor without a session
    # does not need (civiccenter/kernel/page_cache.py).
    "civiccenter.kernel.page_cache.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.ConsentRequiredMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
]

ROOT_URLCONF = "civiccenter.urls"
WSGI_APPLICATION = "civiccenter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", default="civiccenter")
# Redis first, a table in PostgreSQL while Redis does not answer (civiccenter/kernel/cache.py):
# sessions and sign-in rate limits keep working through a Redis outage.
CACHES = {
    "default": {
        "BACKEND": "civiccenter.kernel.cache.FallbackCache",
        "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "database", "RETRY_AFTER": 5},
    },
    "redis": {
        "BACKEND": "civiccenter.kernel.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        # A Redis that is gone answers within a second, not after the system's TCP timeout.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    },
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "civiccenter_cache",  # created by civiccenter/kernel/migrations
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
# Sessions live in PostgreSQL (cached), so any web process can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Media files go through Django's storage API: a local folder by default, S3-compatible
# object storage when MEDIA_STORAGE=s3 (credentials and bucket from the AWS_* variables).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
if env("MEDIA_STORAGE", default="local") == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Accounts ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "accounts:profile"
LOGIN_URL = "account_login"

ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
# How many reverse proxies stand in front of the portal and append the client's address to
# X-Forwarded-For (nginx: 1). allauth takes the client's address that many steps from the
# right of the header, so a header the client forges itself is ignored; the consent records
# and the per-address rate limits then see each person, not the proxy. 0: no proxy, the
# connection's own address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, written out so that an administrator sees them in one place.
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    # A forum's desk signs many people up from one address: a minute's burst is allowed,
    # a bot's stream is not (a honeypot field catches the rest).
    "signup": "20/m/ip,200/h/ip",
    # Other forms that anyone may send (the survey after a training).
    "public_form": "20/m/ip,200/h/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
CENTRE_SHORT_NAME = env("CENTRE_SHORT_NAME", default="Центр инициатив")
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{CENTRE_SHORT_NAME}] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = CENTRE_SHORT_NAME
# Accept the code of the neighbouring 30-second period: phone clocks drift, and a code typed
# at the turn of a period should not fail.
MFA_TOTP_TOLERANCE = 1

# --- E-mail -----------------------------------------------------------------------------
# Django's MAILERS, filled from the usual EMAIL_* variables: SMTP in production, a folder of
# files in development (settings/local.py), memory in tests.
EMAIL_BACKEND_PATH = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    _mailer_options = {
        "host": env("EMAIL_HOST", default="localhost"),
        "port": env.int("EMAIL_PORT", default=25),
        "username": env("EMAIL_HOST_USER", default=""),
        "password": env("EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env.bool("EMAIL_USE_TLS", default=False),
        "use_ssl": env.bool("EMAIL_USE_SSL", default=False),
        "timeout": env.int("EMAIL_TIMEOUT", default=30),
    }
elif EMAIL_BACKEND_PATH.endswith(("filebased.EmailBackend", "ReadableFileBackend")):
    _mailer_options = {
        "file_path": str(env.path("EMAIL_FILE_PATH", default=BASE_DIR / ".local" / "mail"))
    }
else:
    _mailer_options = {}
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH, "OPTIONS": _mailer_options}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Language and time ------------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Russian date and time formats that read as people write them (civiccenter/kernel/formats).
FORMAT_MODULE_PATH = ["civiccenter.kernel.formats"]
USE_I18N = True
USE_TZ = True
# The centre's own time zone: Asia/Yekaterinburg for Perm, Europe/Moscow for Penza,
# Asia/Krasnoyarsk for Zelenogorsk. Stored in UTC, shown in this zone.
TIME_ZONE = env("TIME_ZONE", default="Asia/Yekaterinburg")
LANGUAGE_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Security ---------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # allauth shows the TOTP QR code as an inline data: SVG image.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "civiccenter.kernel.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

# --- Celery -----------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
# No result store: every job keeps its state in its own PostgreSQL row, and a web process that
# waited on results would stop sending tasks after Redis went away once.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "anonymise-withdrawn-accounts": {
        "task": "accounts.tasks.anonymise_withdrawn_accounts",
        "schedule": crontab(minute=17),
    },
    "consulting-reminders": {
        "task": "consulting.tasks.send_reminders",
        "schedule": crontab(minute="*/15"),
    },
    "training-reminders": {
        "task": "training.tasks.send_day_before_reminders",
        "schedule": crontab(minute=5),
    },
    "training-feedback": {
        "task": "training.tasks.request_feedback",
        "schedule": crontab(minute=35),
    },
    "overdue-commitments": {
        "task": "events.tasks.notify_overdue_commitments",
        "schedule": crontab(hour=9, minute=10),
    },
    "purge-expired": {
        "task": "civiccenter.kernel.tasks.purge_expired_data",
        "schedule": crontab(hour=3, minute=40),
    },
    "resend-stale-emails": {
        "task": "civiccenter.kernel.tasks.resend_stale_outbox",
        "schedule": crontab(minute="4-59/5"),
    },
    "resend-stale-reports": {
        "task": "portal.services.reports.resend_stale_reports",
        "schedule": crontab(minute="*/5"),
    },
    "resend-stale-registry-jobs": {
        "task": "initiatives.tasks.resend_stale_jobs",
        "schedule": crontab(minute="1-59/5"),
    },
    "resend-stale-passports": {
        "task": "portal.services.passports.resend_stale_passports",
        "schedule": crontab(minute="3-59/5"),
    },
    "resend-stale-certificates": {
        "task": "training.tasks.resend_stale_certificates",
        "schedule": crontab(minute="2-59/5"),
    },
    "quarterly-report": {
        "task": "portal.services.reports.request_quarterly_report",
        "schedule": crontab(hour=6, minute=0),
    },
    "follows-immediate": {
        "task": "follows.services.mail_immediate_notices",
        "schedule": crontab(minute="*/5"),
    },
    # Hourly through the day: the first run after 07:00 sends yesterday's digests (and, on
    # Mondays, last week's); the later runs send what a failed run left behind.
    "follows-daily-digest": {
        "task": "follows.tasks.plan_digests",
        "schedule": crontab(minute=25, hour="7-22"),
        "args": ("daily",),
    },
    "follows-weekly-digest": {
        "task": "follows.tasks.plan_digests",
        "schedule": crontab(minute=45, hour="7-22"),
        "args": ("weekly",),
    },
    "resume-newsletters": {
        "task": "portal.services.newsletters.resume_newsletters",
        "schedule": crontab(minute="*/5"),
    },
    "registry-dormancy-sweep": {
        "task": "initiatives.tasks.dormancy_sweep",
        "schedule": crontab(hour=4, minute=30),
    },
}

# --- The centre -------------------------------------------------------------------------
# People per task when beat sends the digests of what they follow.
DIGEST_BATCH = env.int("DIGEST_BATCH", default=200)
# Days a staff member's API key stays valid.
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=365)
# Newsletters go out NEWSLETTER_BATCH letters every NEWSLETTER_BATCH_INTERVAL seconds (the
# default, 3,000 an hour, stays within what a city's mail relay takes from one sender).
NEWSLETTER_BATCH = env.int("NEWSLETTER_BATCH", default=50)
NEWSLETTER_BATCH_INTERVAL = env.int("NEWSLETTER_BATCH_INTERVAL", default=60)

CENTRE_NAME = env("CENTRE_NAME", default="Центр продюсирования городских инициатив")
CENTRE_CITY = env("CENTRE_CITY", default="Пермь")
CENTRE_CONTACT_EMAIL = env("CENTRE_CONTACT_EMAIL", default=DEFAULT_FROM_EMAIL)
# The operator of personal data as the consent and the policy name it (152-FZ art. 9 part 4):
# the legal entity that runs the centre, its address and registration numbers, and those who
# process data on its behalf (hosting, the mail provider, S3 storage), one per line.
OPERATOR_LEGAL_NAME = env("OPERATOR_LEGAL_NAME", default="")
OPERATOR_ADDRESS = env("OPERATOR_ADDRESS", default="")
OPERATOR_OGRN = env("OPERATOR_OGRN", default="")
OPERATOR_INN = env("OPERATOR_INN", default="")
PERSONAL_DATA_PROCESSORS = [
    line.strip() for line in env("PERSONAL_DATA_PROCESSORS", default="").split("\n") if line.strip()
]
# The quarterly promises of seed 000: 40 hours of training and 250 hours of consultations.
QUARTERLY_TARGET_TRAINING_HOURS = env.int("QUARTERLY_TARGET_TRAINING_HOURS", default=40)
QUARTERLY_TARGET_CONSULTING_HOURS = env.int("QUARTERLY_TARGET_CONSULTING_HOURS", default=250)
# 152-FZ: the version of the personal-data processing policy users consent to. Raise it
# whenever templates/pages/privacy.html changes in substance.
PERSONAL_DATA_POLICY_VERSION = env("PERSONAL_DATA_POLICY_VERSION", default="2026-12-02")
# Days between a withdrawal of consent and anonymisation. The sweep runs every hour, so 29
# days keeps the law's 30-day limit.
PERSONAL_DATA_ANONYMISE_AFTER_DAYS = env.int("PERSONAL_DATA_ANONYMISE_AFTER_DAYS", default=29)
# Backups (civiccenter/kernel/backup.py): encrypted with age to the public keys of this file;
# the private key (for restores only) lives elsewhere. Older backups go after BACKUP_KEEP_DAYS.
BACKUP_AGE_RECIPIENTS_FILE = env("BACKUP_AGE_RECIPIENTS_FILE", default="")
BACKUP_AGE_IDENTITY_FILE = env("BACKUP_AGE_IDENTITY_FILE", default="")
BACKUP_KEEP_DAYS = env.int("BACKUP_KEEP_DAYS", default=35)
# One line per erased person, outside the database and the backups: a restore erases them again.
ERASURE_JOURNAL = env("ERASURE_JOURNAL", default=str(BASE_DIR / ".local" / "erasure-journal.jsonl"))
# Retention terms (civiccenter/kernel/retention.py, run daily; portal/personal_data_register.py).
PERSONAL_DATA_ACCESS_KEEP_DAYS = env.int("PERSONAL_DATA_ACCESS_KEEP_DAYS", default=3 * 365)
IMPORT_FILES_KEEP_DAYS = env.int("IMPORT_FILES_KEEP_DAYS", default=30)
INVITATIONS_KEEP_DAYS = env.int("INVITATIONS_KEEP_DAYS", default=30)
# How long the facts of a sent letter (to, subject, time; the text is dropped at once) are kept.
OUTBOX_KEEP_SENT_DAYS = env.int("OUTBOX_KEEP_SENT_DAYS", default=90)
# Staff and administration accounts must have an authenticator app.
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools report every step of a PDF at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The portal's public address, for links in e-mails sent by Celery (no request there).
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- The registry -----------------------------------------------------------------------
# An initiative with no activity for this many days becomes dormant; its leaders are warned
# REGISTRY_DORMANCY_WARNING_DAYS before.
REGISTRY_DORMANCY_AFTER_DAYS = env.int("REGISTRY_DORMANCY_AFTER_DAYS", default=180)
REGISTRY_DORMANCY_WARNING_DAYS = env.int("REGISTRY_DORMANCY_WARNING_DAYS", default=14)
REGISTRY_PAGE_SIZE = 20
REGISTRY_IMPORT_MAX_BYTES = 5 * 1024 * 1024

# --- Consulting -------------------------------------------------------------------------
# How far ahead activists see free slots, how soon a slot may start, and until when before
# its start a booking may be cancelled or moved by the activist.
CONSULTING_BOOKING_HORIZON_DAYS = env.int("CONSULTING_BOOKING_HORIZON_DAYS", default=21)
CONSULTING_MIN_LEAD_HOURS = env.int("CONSULTING_MIN_LEAD_HOURS", default=2)
CONSULTING_CHANGE_HOURS_BEFORE = env.int("CONSULTING_CHANGE_HOURS_BEFORE", default=24)
# A quarter's log is locked this many days after the quarter ends, unless the administration
# reopens it (or closes it earlier).
CONSULTING_QUARTER_GRACE_DAYS = env.int("CONSULTING_QUARTER_GRACE_DAYS", default=10)
