"""Settings, read from the environment with safe local defaults.

Nothing needs to be installed to run locally: SQLite in ``var/`` and live updates within
the one server process. ``DATABASE_URL`` switches to PostgreSQL (psycopg 3), ``REDIS_URL``
shares live updates between server processes through Redis. ``DJANGO_ENV=production`` turns
on the hardening that ``manage.py check --deploy`` asks for.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when DJANGO_ENV=production")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production-0123456789"

DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "channels",
    "axes",
    "csp",
    "sessions.apps.CommitteeSessionsConfig",
    "resolutions.apps.ResolutionsConfig",
    "voting.apps.VotingConfig",
    "outcome.apps.OutcomeConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ccpcj.middleware.FriendlyMethodNotAllowed",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into its page.
    "axes.middleware.AxesMiddleware",
]

# Log-in lock-out (django-axes): after 5 failed log-ins for one account from one address,
# that account is locked from that address for 15 minutes (a conference room shares one
# address, so the address alone is never locked). The secretariat unlocks in the admin
# (Axes › Access attempts: delete the attempts) or with `manage.py axes_reset_username`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

ROOT_URLCONF = "ccpcj.urls"

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
                "sessions.context_processors.committee_access",
                "resolutions.context_processors.invitations",
            ],
        },
    },
]

WSGI_APPLICATION = "ccpcj.wsgi.application"
ASGI_APPLICATION = "ccpcj.asgi.application"

DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
# Several requests write at once on SQLite (a chair marking the roll call while delegates
# sign papers): readers never block the writer (write-ahead log), a transaction takes the
# write lock when it begins (so two read-then-write transactions queue instead of one
# failing with "database is locked"), and a writer waits up to 20 s for the lock.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
# PostgreSQL: each server process keeps a bounded pool of connections (psycopg_pool), so
# requests do not pay for a new connection each (about 8 ms of the server's CPU) and a
# storm of requests waits for a free connection instead of exhausting max_connections.
# DB_POOL_MAX_SIZE × server processes must stay below the server's max_connections.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not int(
    os.environ.get("CONN_MAX_AGE", "0")
):
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DB_POOL_MIN_SIZE", "2")),
        "max_size": int(os.environ.get("DB_POOL_MAX_SIZE", "20")),
        "timeout": int(os.environ.get("DB_POOL_TIMEOUT", "10")),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    # Tests use a file too (not the shared in-memory database, whose table locks fail at
    # once instead of waiting when the browser tests' server thread writes alongside).
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-db.sqlite3")}

# Live updates (sessions.hub): with REDIS_URL, server processes share them through Redis
# pub/sub (one subscription per process); without it, within the one process. Channels
# serves the websockets but gives them no channel layer.
LIVE_REDIS_URL = os.environ.get("REDIS_URL") or None
CHANNEL_LAYERS = {}

# A delegate may paste a whole resolution (at most 300,000 characters, which URL-encoding can
# triple); a larger request gets the 400 page, which names this limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Content-Security-Policy (django-csp): the app has no inline script and loads nothing from
# elsewhere. Styles allow inline attributes (Django's admin and crispy forms use a few);
# images allow data: URIs (Bootstrap's form icons). The socket is same-origin ('self').
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # A refused action (403) is an answer, not an error: logged without a traceback.
        "no_traceback_for_403": {"()": "ccpcj.logs.NoTracebackForPermissionDenied"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_traceback_for_403"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Error reporting: set SENTRY_DSN (and install sentry-sdk: pip install ".[sentry]").
if os.environ.get("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=os.environ["SENTRY_DSN"],
        environment=os.environ.get("DJANGO_ENV", "development"),
        send_default_pii=False,
    )

# Static files are served by WhiteNoise straight from the app folders (no collectstatic needed
# locally); production collects them once and serves the compressed, hashed copies.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# Browser tests: the Chromium that Playwright drives (Playwright cannot download its own here).
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
