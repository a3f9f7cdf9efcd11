"""Settings shared by every environment of the reference site."""

import hashlib
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

from gezondin import add_gezondin_apps

from .csp import style_hashes
from .env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The site's own apps, then GezondIn's (before the Wagtail apps) and what the plugin and its
# sharing URLs need, added the way a host site adds them (docs/installing.md).
INSTALLED_APPS = add_gezondin_apps(
    [
        "wagtail.contrib.forms",
        "wagtail.contrib.redirects",
        "wagtail.embeds",
        "wagtail.sites",
        "wagtail.users",
        "wagtail.snippets",
        "wagtail.documents",
        "wagtail.images",
        "wagtail.search",
        "wagtail.admin",
        "wagtail",
        "modelcluster",
        "taggit",
        "django_tasks",
        "django_tasks_db",
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django.contrib.staticfiles",
    ],
    sharing=True,
)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "gezondin.sites.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "settings.urls"
# The proxy's health check (gezondin.health) comes over plain HTTP to the app server's own
# address: it is answered there, not redirected to HTTPS when SECURE_SSL_REDIRECT is on.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
WSGI_APPLICATION = "settings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL points at Redis (redis://host:port/db).
_cache_url = env("CACHE_URL")
if _cache_url:
    CACHES = {
        "default": {
            # Django's RedisCache with one client per pool (gezondin/cache.py).
            "BACKEND": "gezondin.cache.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "gezondin"),
        }
    }
else:
    # Without Redis: one cache on disk for every process of this site on this machine (web
    # server workers, management commands, the task worker), so a publication or a harvest in
    # one process drops the cached kennisbank counts in all of them. One folder per database.
    _database = DATABASES["default"]
    _cache_id = hashlib.sha256(
        repr((_database.get("HOST"), _database.get("PORT"), str(_database.get("NAME")))).encode()
    ).hexdigest()[:12]
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env(
                "CACHE_DIR", str(Path(tempfile.gettempdir()) / f"gezondin-cache-{_cache_id}")
            ),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first, English second. LANGUAGE_CODE must be "nl" before the first migrate,
# because Wagtail creates its default Locale from it.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The reference site's own templates (templates/) have their catalogue here; each app has its own.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves the uploads itself (settings/urls.py) when DEBUG is on or SERVE_MEDIA says so
# (the browser tests' server runs with DEBUG off); in production the web server or the object
# storage serves them.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

_media_backend = env("MEDIA_STORAGE", "filesystem")
if _media_backend == "s3":
    # S3-compatible object storage; the AWS_* variables are read by django-storages.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# E-mail: console unless EMAIL_URL-style settings are given.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Folder for django.core.mail.backends.filebased.EmailBackend (the browser tests read mail there).
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "GezondIn <noreply@gezondin.localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background tasks (Django's tasks framework through the django-tasks backport): immediate
# unless TASKS_BACKEND says otherwise (production uses the database backend and a worker).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Search: Wagtail's database backend (SQLite FTS5, PostgreSQL full text) understanding Dutch the
# same way on both (gezondin.search_backend). SEARCH_BACKEND / SEARCH_URL switch to OpenSearch
# or Elasticsearch.
_search_backend = env("SEARCH_BACKEND", "gezondin.search_backend")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": _search_backend, "AUTO_UPDATE": True}}
if env("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"].update(
        {"URLS": [env("SEARCH_URL")], "INDEX": env("SEARCH_INDEX", "gezondin")}
    )

# Wagtail
WAGTAIL_SITE_NAME = "GezondIn"
# Where the kennisbank, the agenda and the overview of municipalities may be created. The plugin
# allows any page type (a host puts them in its own tree); the reference site has one fixed
# layout, home page -> sections, which its navigation, sitemaps and the demo follow: editors
# are offered these page types only directly under the home page (docs/installing.md).
GEZONDIN_PARENT_PAGE_TYPES = ["gezondin.HomePage"]
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: every admin page would send a hash of the editor's e-mail address to
# a third party. Editors keep Wagtail's default avatar or upload their own (account settings).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"
# "Translate" makes a draft, live only when someone publishes the translation (gezondin.W005).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The read API (docs/api.md): at most 100 items per request (20 by default).
WAGTAILAPI_LIMIT_MAX = 100

# Logging. No log line carries a sign-up token or an e-mail address (gezondin/logging.py): the
# filter sits on every handler, and on the Django loggers that write request paths so their
# records are clean before any handler sees them. Django's own default handlers are replaced.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "personal_data": {"()": "gezondin.logging.RedactPersonalData"},
        "bad_host": {"()": "gezondin.logging.BadHostWarning"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["personal_data"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO"},
        "django.request": {"filters": ["personal_data"]},
        "django.security.csrf": {"filters": ["personal_data"]},
        # A Host header the site does not serve: one line at WARNING, no traceback.
        "django.security.DisallowedHost": {"filters": ["bad_host", "personal_data"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "filters": ["personal_data"],
            "propagate": False,
        },
        "django.db.backends": {"level": "WARNING"},
        # django_tasks logs every task at INFO; keep its warnings and errors.
        "django_tasks": {"level": "WARNING"},
    },
}

# How many reverse proxies of your own stand in front of the site (gezondin.clients: the client
# address the login lock and the sign-up limits count for). 0: the client is REMOTE_ADDR and
# X-Forwarded-For is ignored; N: the client is the N-th entry from the right in X-Forwarded-For.
GEZONDIN_TRUSTED_PROXY_COUNT = env_int("GEZONDIN_TRUSTED_PROXY_COUNT", 0)

# --- Login protection (django-axes) ---------------------------------------------------------------
# Failed admin logins are counted per account and per client address; after AXES_FAILURE_LIMIT
# failures either one is refused for AXES_COOLOFF_TIME (docs/publishing.md: lockout, unlocking).
# Two separate criteria, not their combination: per account stops guessing one editor's password
# from many addresses, per address stops trying a few passwords on many accounts from one client.
# The price is that a guesser can lock an account (or an office behind one address) for the
# cool-off; that is short, and the national team can lift it at once (axes_reset_username).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last: it turns a lockout into the lockout page
AUTHENTICATION_BACKENDS = [
    # First: refuses locked-out logins before any password is checked. AxesBackend rather than
    # AxesStandaloneBackend: it can also load the user of a session, which code that logs in
    # with the first backend (Wagtail's test utilities, force_login) relies on.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True  # a successful login clears that account's failures
# A lock lasts the cool-off from the last counted failure; tries during a lock do not extend it,
# so the time on the lockout page is true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "gezondin.login_protection.lockout_response"
# The client address: the one the whole site uses (gezondin.clients.client_ip), X-Forwarded-For
# trusted only as far as GEZONDIN_TRUSTED_PROXY_COUNT reverse proxies (0: not at all).
AXES_CLIENT_IP_CALLABLE = "gezondin.login_protection.client_ip_address"
AXES_IPWARE_PROXY_COUNT = GEZONDIN_TRUSTED_PROXY_COUNT  # used only if the callable is removed
# Log lines of axes name only what a lock is about (account, address), not the user agent.
AXES_VERBOSE = False
# --- end of login protection ----------------------------------------------------------------------

# Harvesting (docs/sharing.md): origins (scheme://host:port) the harvester may fetch although
# they are at a loopback or private address, e.g. an installation on the internal network.
# Everything else must be at a public address.
GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = env_list("GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS")

# Content-Security-Policy (django-csp; settings/csp.py, docs/configuration.md). The public site
# allows what it uses: its own scripts (none inline; a template that needs one nonces it with
# {{ request.csp_nonce }}), its own style sheets, images from itself and the media host, video
# players in frames. Style *attributes* are allowed: Wagtail's responsive embeds set their aspect
# ratio in one, and a style attribute runs no script.
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "settings.csp.CSPMiddleware",
)
_csp_media = []
if env("AWS_S3_CUSTOM_DOMAIN"):
    _csp_media.append(f"https://{env('AWS_S3_CUSTOM_DOMAIN')}")
if MEDIA_URL.startswith(("http://", "https://")):
    _csp_media.append("/".join(MEDIA_URL.split("/")[:3]))
if _media_backend == "s3" and not env("AWS_S3_CUSTOM_DOMAIN"):
    _csp_media.append(env("AWS_S3_ENDPOINT_URL", "https://*.amazonaws.com"))
_csp_frames = env_list(
    "CSP_FRAME_SRC",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        # The self-contained error page's <style> by its hash (it is rendered without a request).
        "style-src": ["'self'", *style_hashes(BASE_DIR / "templates" / "500.html")],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_csp_media, *env_list("CSP_IMG_SRC")],
        "media-src": ["'self'", *_csp_media],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": _csp_frames,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Wagtail's admin (page previews included) has inline scripts and styles of its own.
ADMIN_CONTENT_SECURITY_POLICY = {
    "URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # https: for embed thumbnails and the like.
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "media-src": ["'self'", *_csp_media],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_csp_frames],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
