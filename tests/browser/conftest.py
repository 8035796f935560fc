"""Browser tests: the real site in Debian's Chromium, driven by Playwright.

Chromium comes from the Debian package `chromium` (never `playwright install`, which
downloads a browser). On a fresh machine where we are root with apt-get, the first browser
test installs it; elsewhere the browser tests are skipped with a message naming the
package, except under CI (CI=true), where a missing browser fails the run.
"""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from tests.browser.helpers import SCREENSHOTS_DIR, AxeChecker, BrowserWatch
from tests.ci import running_in_ci

# Playwright's sync API runs an asyncio event loop in the test thread, and from then on
# Django refuses ORM calls in that thread (SynchronousOnlyOperation), even though nothing
# here is asynchronous. Set before Playwright starts, for the whole browser session.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PACKAGE = "chromium"
DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
APT_TIMEOUT_SECONDS = 900

# Why Chromium could not be found or installed, for the end-of-run summary.
CHROMIUM_MISSING = pytest.StashKey[str]()


def _run_apt(*arguments):
    """Run apt-get quietly; return (succeeded, last lines of its output)."""
    command = ["apt-get", "-o", "DPkg::Lock::Timeout=120", *arguments]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=APT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    output = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, "\n".join(output[-15:])


def _install_chromium(say):
    """Install the Debian package when we are root with apt-get. Returns why not, or ""."""
    if shutil.which("apt-get") is None:
        return "apt-get is not available on this machine"
    if os.geteuid() != 0:
        return "the tests are not running as root, so they cannot install it"
    say(f"Chromium is missing: installing the Debian package '{CHROMIUM_PACKAGE}' (apt-get)...")
    for step in (["update", "-qq"], ["install", "-y", "-qq", CHROMIUM_PACKAGE]):
        succeeded, output = _run_apt(*step)
        if not succeeded:
            return f"`apt-get {' '.join(step)}` failed:\n{output}"
    say(f"Installed '{CHROMIUM_PACKAGE}' at {DEFAULT_CHROMIUM_PATH}.")
    return ""


@pytest.fixture(scope="session")
def chromium_executable(pytestconfig):
    """The path of a Chromium binary, installing Debian's package on first use if we can."""
    path = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM_PATH)
    if Path(path).is_file():
        return path

    capture = pytestconfig.pluginmanager.getplugin("capturemanager")

    def say(message):
        with capture.global_and_fixture_disabled():
            sys.stderr.write(f"\n[browser tests] {message}\n")
            sys.stderr.flush()

    reason = (
        "CHROMIUM_PATH points to a file that does not exist"
        if "CHROMIUM_PATH" in os.environ
        else _install_chromium(say)
    )
    if not reason and Path(path).is_file():
        return path
    message = (
        f"Browser tests need Chromium at {path}, which is missing ({reason or 'not found'}). "
        f"Install the Debian package: sudo apt-get install {CHROMIUM_PACKAGE}"
    )
    pytestconfig.stash[CHROMIUM_MISSING] = message
    if running_in_ci():
        pytest.fail(f"CI requires the browser tests to run. {message}", pytrace=False)
    say(f"SKIPPING every browser test. {message}")
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter):
    message = terminalreporter.config.stash.get(CHROMIUM_MISSING, "")
    if message:
        terminalreporter.section("browser tests not run", sep="!", red=True, bold=True)
        terminalreporter.write_line(message, red=True, bold=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_executable):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_executable,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # No viewport here: tests pass their own to new_context (Playwright's default is
    # 1280 x 720, a desktop).
    # The clinic's time zone, as its staff's computers have it (the admin's time widgets
    # otherwise add "You are 5 hours ahead of server time").
    return {**browser_context_args, "locale": "en-US", "timezone_id": settings.TIME_ZONE}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative URLs (page.goto("/contact/")) go to the live server. Also replaces
    pytest-playwright's own base_url fixture, whose definition pytest deprecates."""
    return live_server.url


@pytest.fixture
def watch(live_server):
    """Everything the browser does in this test, checked against the site's rules."""
    return BrowserWatch(live_server.url)


@pytest.fixture
def new_context(new_context, watch):
    """Every browser context a test opens is watched: requests to other hosts, failed
    same-origin subresources, CSP violations and script errors fail the test."""

    def create(**kwargs):
        context = new_context(**kwargs)
        watch.attach(context)
        return context

    yield create
    watch.assert_clean()


@pytest.fixture(scope="session")
def axe_engine():
    return Axe()  # reads the bundled axe-core once


@pytest.fixture
def axe(axe_engine, watch):
    """axe.report(page) -> readable violations or ""; axe.assert_accessible(page)."""
    return AxeChecker(axe_engine, watch)


@pytest.fixture(scope="session")
def screenshots_dir():
    """The git-ignored screenshots/ folder at the repository root; each run overwrites
    the screenshots of the tests it runs."""
    SCREENSHOTS_DIR.mkdir(exist_ok=True)
    return SCREENSHOTS_DIR


@pytest.fixture(autouse=True)
def _empty_database_cache(transactional_db):
    """Transactional tests truncate the model tables but not the cache table, so cached
    pages and submission counts would leak from one browser test into the next. Only the
    test database's cache table is emptied; a Redis cache (REDIS_URL) is never flushed."""
    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        cache.clear()


@pytest.fixture
def demo_content(transactional_db):
    """The demo clinic's pages, schedule, therapies and questions, as `make run` loads them."""
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def inquiry_settings(settings):
    """No minimum fill time (a test types faster than a person) and no submission limit
    (every test posts from 127.0.0.1). pytest-django's live server runs in this process,
    so its requests see these settings."""
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_RATE_LIMIT = 1000
    return settings
