import sqlite3

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_database_writes_an_owner_only_copy(tmp_path):
    Group.objects.create(name="Backup check")
    target = tmp_path / "copy"

    call_command("backup_database", output=str(target))

    assert target.stat().st_mode & 0o077 == 0
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(target)
        names = [row[0] for row in copy.execute("SELECT name FROM auth_group")]
        copy.close()
        assert "Backup check" in names
    else:
        assert target.read_bytes().startswith(b"PGDMP")
