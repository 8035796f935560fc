import pytest


@pytest.fixture(autouse=True)
def staff_groups(db):
    """The staff groups as the post_migrate sync makes them (idempotent). Called here
    because the receiver, connected to the models-less iop_site app, is not sent
    post_migrate by Django, so the test database starts without groups."""
    from iop_site.groups import sync_staff_groups

    sync_staff_groups()
