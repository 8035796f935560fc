from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def empty_page_cache(db):
    """Each test starts with an empty shared cache (it outlives tests with Redis)."""
    cache.clear()


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=StringIO())
