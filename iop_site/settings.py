"""Settings for the IOP clinic site: one module, configured from the environment.

Every variable read here is documented in the README ("Configuration"). Defaults are
safe for a local checkout; production refuses to start without a real secret key.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


# --- Core ------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", default=False)

# A key shorter than this, or Django's "django-insecure-" placeholder, is not a real key.
MIN_SECRET_KEY_LENGTH = 50
SECRET_KEY_FILE = Path(os.environ.get("DJANGO_SECRET_KEY_FILE", BASE_DIR / ".local-secret-key"))


def _secret_key():
    key = os.environ.get("DJANGO_SECRET_KEY", "").strip()
    if not key and SECRET_KEY_FILE.is_file():
        key = SECRET_KEY_FILE.read_text().strip()
    if DEBUG:
        return key or "django-insecure-local-development-only"
    if len(key) < MIN_SECRET_KEY_LENGTH or key.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random string of at least "
            f"{MIN_SECRET_KEY_LENGTH} characters when DJANGO_DEBUG is off."
        )
    return key


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# The public address of the site, used in emails, canonical links and the sitemap.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = [SITE_URL] if SITE_URL.startswith("https://") else []

# The admin can be moved off the well-known /admin/ path.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"

INSTALLED_APPS = [
    # Before the admin: adds the per-language columns (programs/translation.py) before
    # the admin registers its forms.
    "modeltranslation",
    # django.contrib.admin with the project's admin site (iop_site/admin.py).
    "iop_site.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "phonenumber_field",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "imagekit",
    "programs",
    "admissions",
    # Last: syncs the staff groups after every other app has migrated.
    "iop_site.apps.SiteConfig",
]

MIDDLEWARE = [
    # First: times the whole request and tags it with an id.
    "iop_site.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Uploaded images, before compression, sessions and the rest (iop_site/media.py).
    "iop_site.media.MediaMiddleware",
    # The language comes from the path alone (/es/...), before the page cache resolves
    # the URL: never from a cookie or Accept-Language, so no page varies on them.
    "iop_site.languages.PathLanguageMiddleware",
    # Compresses HTML (static files come precompressed from WhiteNoise, cached pages from
    # the page cache). Pages with a CSRF token are safe from BREACH: Django masks the
    # token anew on every response and pads the gzip output with random bytes.
    "django.middleware.gzip.GZipMiddleware",
    # Before the page cache, so a visitor landing from a campaign gets the attribution
    # cookie even when the page comes from the cache.
    "admissions.middleware.AttributionMiddleware",
    # Turns a 404 into the redirect from its old address (programs/redirects.py).
    "programs.redirects.RedirectFallbackMiddleware",
    # Serves cached content pages to visitors without a session before the layers below.
    "programs.middleware.PageCacheMiddleware",
    # The first request of any kind after a scheduled time publishes what is due.
    "programs.middleware.ScheduledPublishingMiddleware",
    "iop_site.middleware.SessionCookieGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "iop_site.idle.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iop_site.urls"
WSGI_APPLICATION = "iop_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "iop_site.context_processors.site",
                "iop_site.languages.context",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------------------
# SQLite in the project folder by default; PostgreSQL in production via DATABASE_URL.

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE transactions take the write
    # lock up front, so concurrent gunicorn workers queue (busy timeout) instead of
    # failing with "database is locked" halfway through a transaction. Connections are
    # kept between requests (DATABASE_CONN_MAX_AGE) like PostgreSQL's: opening one costs
    # a millisecond or more, more than answering a cached page.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------------
# Shared by every gunicorn worker and app server: Redis when REDIS_URL is set, otherwise
# a table in the database. The default is never a per-process memory cache (rate limits
# must be shared).

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }
CACHES["default"]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "iop")
# Each process's own copies of the shared parts of dynamic pages (the inquiry form's
# page around its token: programs/templatetags/shared_fragments.py). Safe per process:
# they are kept under the shared content version every request reads, so a change shows
# on every server at once.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 200},
}

# --- Authentication and staff sessions -------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "admin:login"
# After signing in with a `next` that is refused (another site's address), the admin, not
# Django's /accounts/profile/ default, which this site does not have.
LOGIN_REDIRECT_URL = "admin:index"

# Lock a user name at one address after repeated failed logins (django-axes). The address
# is the one the rest of the site trusts (iop_site/addresses.py): behind the proxy, each
# visitor's own, so a stranger's wrong passwords never lock a colleague out.
AXES_CLIENT_IP_CALLABLE = "iop_site.addresses.client_address"
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Failures that lock the address, normally STAFF_LOGIN_FAILURE_LIMIT. A user name with
# STAFF_LOGIN_USERNAME_FAILURE_LIMIT failures from all addresses together is being
# guessed at from many places: an address that failed for it then waits
# STAFF_LOGIN_RETRY_MINUTES between tries. Addresses that have not failed are never
# held back, so the account's owner still signs in (iop_site/lockout.py).
AXES_FAILURE_LIMIT = "iop_site.lockout.failure_limit"
STAFF_LOGIN_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
STAFF_LOGIN_USERNAME_FAILURE_LIMIT = env_int("AXES_USERNAME_FAILURE_LIMIT", 20)
STAFF_LOGIN_RETRY_MINUTES = env_int("AXES_USERNAME_RETRY_MINUTES", 10)

# Two-factor sign-in for staff. With STAFF_REQUIRE_2FA on, every account that can see
# inquiry data (superusers included) must give a second factor to use the admin
# (iop_site/two_factor/access.py, `can_view_inquiry_data`); anyone with a device is asked.
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = os.environ.get("CLINIC_NAME", "Harbor Light Recovery") + " staff"

# A friendly page, with no detail an attacker could use, when an account is locked.
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# Staff sessions end after this many minutes without a request (iop_site/idle.py); the
# Admissions desk, which keeps the queue open through a shift, may have longer, up to
# 12 hours. A background refresh of the queue is not a request that counts.
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30)
ADMISSIONS_DESK_IDLE_MINUTES = env_int("ADMISSIONS_DESK_IDLE_MINUTES", 8 * 60)
if not 1 <= ADMISSIONS_DESK_IDLE_MINUTES <= 12 * 60:
    raise ImproperlyConfigured("ADMISSIONS_DESK_IDLE_MINUTES must be from 1 to 720.")
SESSION_COOKIE_AGE = max(STAFF_SESSION_IDLE_MINUTES, ADMISSIONS_DESK_IDLE_MINUTES) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Security headers ------------------------------------------------------------------

# DJANGO_HTTPS=true in production (behind TLS): HTTPS-only cookies, redirect, HSTS.
HTTPS = env_bool("DJANGO_HTTPS", default=False)
# Behind a reverse proxy (nginx): trust its X-Forwarded-Proto, and the one address it
# appends to X-Forwarded-For (iop_site/addresses.py). Off: no forwarded header is read.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
# A day, not Django's year: a visitor's browser keeps no lasting trace of this site.
CSRF_COOKIE_AGE = 24 * 60 * 60
CSRF_FAILURE_VIEW = "iop_site.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a one-way commitment for the whole domain; the clinic opts in
    # deliberately with DJANGO_HSTS_PRELOAD=true, so it is off by default.
    "security.W021",
]

# Nothing is ever loaded from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# --- Email -----------------------------------------------------------------------------
# Notifications carry a reference and a link only, never what a visitor wrote.

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=bool(EMAIL_HOST))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMISSIONS_NOTIFY_EMAILS = env_list("ADMISSIONS_NOTIFY_EMAILS")

# --- Internationalisation --------------------------------------------------------------

# English at the site's addresses, Spanish under /es/ (iop_site/urls.py). The language
# is read from the path only (iop_site/languages.py). "en", not "en-us": the default
# language must be one of LANGUAGES for unprefixed English addresses to resolve.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content in both languages (django-modeltranslation, programs/translation.py): a Spanish
# field left empty reads as the English one, and programs/translation.py says when an
# item counts as translated.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------------
# Served by whitenoise with hashed, compressed (gzip and brotli) names.

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # "default" is set under "Media" below.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Media -----------------------------------------------------------------------------
# Marketing's uploaded images (never personal data), stored through STORAGES["default"]
# and always served by the site itself at MEDIA_URL (iop_site/media.py), so the CSP's
# "img-src 'self'" holds whatever the storage.

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Only files under these folders are served; the rest of the storage never is.
MEDIA_SERVED_PREFIXES = ["images/", "renditions/"]
# Files here get a new name whenever their content changes, so browsers keep them a year.
MEDIA_IMMUTABLE_PREFIXES = ["renditions/"]


def media_storage(environ):
    """STORAGES["default"]: the MEDIA_ROOT folder, or, for several app servers, the
    S3-compatible bucket (AWS, MinIO, Ceph...) named by DJANGO_MEDIA_S3_BUCKET.
    Credentials come the standard way (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or
    an instance role), never from this file. The bucket stays private: the site reads
    it and serves the files itself."""
    bucket = environ.get("DJANGO_MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    from botocore.config import Config

    return {
        "BACKEND": "iop_site.storage.SiteServedS3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ.get("DJANGO_MEDIA_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": environ.get("DJANGO_MEDIA_S3_REGION", "").strip() or None,
            "location": environ.get("DJANGO_MEDIA_S3_PREFIX", "").strip().strip("/"),
            # An upload never replaces a file of the same name: renditions are cached
            # for a year under theirs.
            "file_overwrite": False,
            "default_acl": None,
            # A visitor waits for the bucket: fail in seconds, not after long retries.
            "client_config": Config(
                connect_timeout=2,
                read_timeout=10,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        },
    }


STORAGES["default"] = media_storage(os.environ)

# --- Images ----------------------------------------------------------------------------
# Uploads are checked and cleaned by programs/images.py; Pillow's own decompression-bomb
# limit (Image.MAX_IMAGE_PIXELS) is set to IMAGE_MAX_PIXELS when the site starts.

IMAGE_MAX_UPLOAD_BYTES = 15 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
# Renditions are made when a picture is saved, so a page never checks that they exist.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHEFILE_DIR = "renditions"

# --- Forms -----------------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
PHONENUMBER_DEFAULT_REGION = "US"

# --- Clinic fallback -------------------------------------------------------------------
# Shown on error pages, which must render even when the database is down.

CLINIC_FALLBACK_NAME = os.environ.get("CLINIC_NAME", "Harbor Light Recovery")
CLINIC_FALLBACK_PHONE = os.environ.get("CLINIC_PHONE", "(555) 010-0199")

# --- Logging ---------------------------------------------------------------------------
# Everything to stdout/stderr; never a submitted name, phone, email or message.

DEFAULT_EXCEPTION_REPORTER_FILTER = "iop_site.log.PrivateExceptionReporterFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "iop_site.log.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Console only: Django's default would also email errors to ADMINS, and an
        # error report is no place for health information.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Every request is logged once by iop_site.middleware.RequestLogMiddleware, without
        # its query string; Django's own request logger would repeat 4xx lines with it.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# --- Content ---

# An article not clinically reviewed for this many months is flagged to editors.
ARTICLE_REVIEW_INTERVAL_MONTHS = env_int("ARTICLE_REVIEW_INTERVAL_MONTHS", 12)

# --- Admissions ---
# The inquiry form's abuse limits, the first-contact deadlines and retention.

ADMISSIONS_MIN_FILL_SECONDS = env_int("ADMISSIONS_MIN_FILL_SECONDS", 3)
# More than ADMISSIONS_RATE_LIMIT inquiries from one address in the window are still
# stored, but held for review; past the daily cap (a flood) the form is shown back
# with what was typed. An urgent inquiry is never held or refused.
ADMISSIONS_RATE_LIMIT = env_int("ADMISSIONS_RATE_LIMIT", 5)
ADMISSIONS_RATE_WINDOW_MINUTES = env_int("ADMISSIONS_RATE_WINDOW_MINUTES", 60)
ADMISSIONS_DAILY_CAP = env_int("ADMISSIONS_DAILY_CAP", 200)
ADMISSIONS_URGENT_DEADLINE_MINUTES = env_int("ADMISSIONS_URGENT_DEADLINE_MINUTES", 60)
ADMISSIONS_DEADLINE_MINUTES = env_int("ADMISSIONS_DEADLINE_MINUTES", 240)
ADMISSIONS_RETENTION_DAYS = env_int("ADMISSIONS_RETENTION_DAYS", 365)
ADMISSIONS_ACCESS_RETENTION_DAYS = env_int("ADMISSIONS_ACCESS_RETENTION_DAYS", 2190)
ADMISSIONS_REPORT_MIN_COUNT = env_int("ADMISSIONS_REPORT_MIN_COUNT", 5)
# Seconds the visitor's request may wait for the mail server before the notification
# is left to `manage.py send_notifications`.
ADMISSIONS_EMAIL_TIMEOUT = env_int("ADMISSIONS_EMAIL_TIMEOUT", 3)
