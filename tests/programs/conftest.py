from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from iop_site.groups import sync_staff_groups


@pytest.fixture(autouse=True)
def empty_page_cache(db):
    """Each test starts with an empty shared cache (it outlives tests with Redis)."""
    cache.clear()


@pytest.fixture(autouse=True)
def staff_groups(db):
    # post_migrate is only sent for apps with a models module, which iop_site has not,
    # so the groups may be missing from the test database: sync them as migrate should.
    sync_staff_groups()


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=StringIO())
