"""Django settings of the gcts web application: the store's settings (:mod:`gcts.store.settings`) plus the
pages, sessions, admin and static files, all taken from the environment.

- ``GCTS_HOME``, ``DATABASE_URL``, ``GCTS_SECRET_KEY``: see :mod:`gcts.store.settings`.
- ``GCTS_DEBUG``: ``1`` for development (debug pages); never set it in production.
- ``GCTS_ALLOWED_HOSTS``: comma-separated host names (default: loopback names only).
- ``GCTS_MAX_UPLOAD_MB``: upload size limit (default 20).
"""

from __future__ import annotations

import os
from pathlib import Path

from gcts.store.settings import *  # noqa: F403 (the store's database, data folder and apps)
from gcts.store.settings import GCTS_HOME, STORE_APPS

BASE_DIR = Path(__file__).resolve().parent
DEBUG = os.environ.get("GCTS_DEBUG", "") in {"1", "true", "yes"}
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("GCTS_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",")
    if h.strip()
]

#: The web's own apps: pages, templates, template tags and static files (no models).
WEB_APPS = [
    "gcts.web.library",
    "gcts.web.screening",
    "gcts.web.registry",
    "gcts.web.dashboard",
]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # /api/docs from the Swagger UI files django-ninja ships (its CDN page otherwise): works offline
    *STORE_APPS,
    *WEB_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "gcts.web.middleware.RejectInvalidCharactersMiddleware",  # after Locale: its page is translated
    "gcts.web.faults.FaultMiddleware",  # a full/read-only data folder, a busy store: 503, told plainly
    "gcts.web.security.ContentSecurityPolicyMiddleware",
    "gcts.web.security.SignInThrottleMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who made each change in the registry's history
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gcts.web.urls"
WSGI_APPLICATION = "gcts.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gcts.web.navigation.navigation",
            ],
        },
    },
]



# Rendered reading views and API documents (gcts.web.library.fragments), keyed to the library's version, are
# kept in files under GCTS_HOME: shared by all worker processes and kept across restarts, so a document is
# rendered once per change, not once per process.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(GCTS_HOME / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Small fragments every page shows (the search form's filter menus): in each process's memory.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 500}},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]  # the design system (docs/design.md): stylesheet, fonts, script
STATIC_ROOT = GCTS_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve app static files without collectstatic in the embedded setup
MEDIA_ROOT = GCTS_HOME / "uploads"

MAX_UPLOAD_BYTES = int(float(os.environ.get("GCTS_MAX_UPLOAD_MB", "20")) * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG and os.environ.get("GCTS_HTTPS", "") in {"1", "true", "yes"}:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
