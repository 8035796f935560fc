"""Settings read the environment as the README documents."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
REAL_KEY = "k" * 30 + "-random-looking-production-key-0123456789"

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECRET_KEY": s.SECRET_KEY,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "ENGINE": s.DATABASES["default"]["ENGINE"],
    "DB_NAME": str(s.DATABASES["default"]["NAME"]),
    "CACHE": s.CACHES["default"]["BACKEND"],
    "SITE_URL": s.SITE_URL,
    "EMAIL_BACKEND": s.EMAIL_BACKEND,
    "EMAIL_HOST": s.EMAIL_HOST,
    "NOTIFY": s.ADMISSIONS_NOTIFY_EMAILS,
    "ADMIN_PATH": s.ADMIN_PATH,
    "SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "HSTS": s.SECURE_HSTS_SECONDS,
    "SESSION_SECURE": s.SESSION_COOKIE_SECURE,
}))
"""


def run_settings(script=PRINT_SETTINGS, **environ):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL_", "SITE_URL"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "iop_site.settings"
    env["DJANGO_SECRET_KEY_FILE"] = "/nonexistent/secret-key"
    env.update(environ)
    return subprocess.run(  # noqa: S603 - a fixed interpreter and script
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def read_settings(**environ):
    result = run_settings(**environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_defaults_are_local_and_safe():
    values = read_settings(DJANGO_SECRET_KEY=REAL_KEY)

    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1", "[::1]"]
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DB_NAME"] == str(BASE_DIR / "db.sqlite3")
    assert values["CACHE"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["SITE_URL"] == "http://127.0.0.1:8000"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["ADMIN_PATH"] == "admin/"
    assert values["SSL_REDIRECT"] is False


def test_settings_read_every_documented_variable():
    values = read_settings(
        DJANGO_SECRET_KEY=REAL_KEY,
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="clinic.example, www.clinic.example",
        DATABASE_URL="postgres://app:pw@db.internal:5432/iop",
        REDIS_URL="redis://127.0.0.1:6379/3",
        SITE_URL="https://clinic.example/",
        EMAIL_HOST="smtp.clinic.example",
        ADMISSIONS_NOTIFY_EMAILS="intake@clinic.example,lead@clinic.example",
        DJANGO_ADMIN_PATH="/staff-desk/",
        DJANGO_HTTPS="true",
    )

    assert values["DEBUG"] is True
    assert values["SECRET_KEY"] == REAL_KEY
    assert values["ALLOWED_HOSTS"] == ["clinic.example", "www.clinic.example"]
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["DB_NAME"] == "iop"
    assert values["CACHE"] == "django.core.cache.backends.redis.RedisCache"
    assert values["SITE_URL"] == "https://clinic.example"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["EMAIL_HOST"] == "smtp.clinic.example"
    assert values["NOTIFY"] == ["intake@clinic.example", "lead@clinic.example"]
    assert values["ADMIN_PATH"] == "staff-desk/"
    assert values["SSL_REDIRECT"] is True
    assert values["HSTS"] == 31_536_000
    assert values["SESSION_SECURE"] is True


@pytest.mark.parametrize("key", ["", "short", "django-insecure-" + "x" * 60])
def test_settings_refuse_to_start_without_real_secret_key_in_production(key):
    result = run_settings(DJANGO_SECRET_KEY=key, DJANGO_DEBUG="false")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_settings_read_local_key_file_when_no_key_in_environment(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(REAL_KEY + "\n")

    values = read_settings(DJANGO_SECRET_KEY_FILE=str(key_file))

    assert values["SECRET_KEY"] == REAL_KEY


def test_settings_reject_a_boolean_that_is_not_one():
    result = run_settings(DJANGO_SECRET_KEY=REAL_KEY, DJANGO_DEBUG="maybe")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_check_deploy_with_production_environment_reports_nothing():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SECRET_KEY=REAL_KEY,
        DJANGO_HTTPS="true",
        DJANGO_ALLOWED_HOSTS="clinic.example",
        SITE_URL="https://clinic.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
