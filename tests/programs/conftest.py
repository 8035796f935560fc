from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from programs import cache as page_cache


@pytest.fixture(autouse=True)
def empty_page_cache(db):
    """Each test starts with no current cached page: with Redis the shared cache
    outlives tests. Forgetting the content version is enough (every page is stored
    under one) and, unlike cache.clear(), leaves the rest of a shared Redis alone."""
    cache.delete(page_cache.VERSION_KEY)


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def marketing(client):
    """The test client, signed in as a member of the Marketing group."""
    from tests.factories import make_user

    client.force_login(make_user("morgan", groups=("Marketing",)))
    return client
