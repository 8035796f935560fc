"""What the tests need to know about where they run."""

import os


def running_in_ci():
    """True under CI (CI=true), where a missing service or browser fails the run instead
    of skipping the tests that need it."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}
