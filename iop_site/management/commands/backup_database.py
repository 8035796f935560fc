"""Write a consistent copy of the database to a file, while the site keeps running.

SQLite: the online backup API (the same as sqlite3's `.backup`), safe under WAL while
gunicorn workers write. PostgreSQL: `pg_dump --format=custom`, restored with
`pg_restore`. The file holds health information: it is created readable by its owner
only, and belongs on encrypted storage.
"""

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Back up the database to a file (SQLite backup API or pg_dump)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="File to write. Default: backups/<database>-<UTC time>.sqlite3 or .dump",
        )

    def handle(self, *args, output=None, **options):
        vendor = connection.vendor
        if vendor not in ("sqlite", "postgresql"):
            raise CommandError(f"Backups of {vendor} databases are not supported.")
        suffix = ".sqlite3" if vendor == "sqlite" else ".dump"
        stamp = datetime.now().astimezone().strftime("%Y%m%dT%H%M%S%z")
        name = Path(str(connection.settings_dict["NAME"])).stem
        target = Path(output or Path("backups") / f"{name}-{stamp}{suffix}")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Owner-only from the first byte: the copy holds what visitors sent.
        old_umask = os.umask(0o077)
        try:
            if vendor == "sqlite":
                self.backup_sqlite(target)
            else:
                self.backup_postgresql(target)
        finally:
            os.umask(old_umask)
        self.stdout.write(f"Backed up the database to {target} ({target.stat().st_size} bytes).")

    def backup_sqlite(self, target):
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()

    def backup_postgresql(self, target):
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise CommandError(
                "pg_dump is not installed (Debian: apt-get install postgresql-client)."
            )
        settings = connection.settings_dict
        env = dict(os.environ)
        if settings.get("PASSWORD"):
            env["PGPASSWORD"] = settings["PASSWORD"]
        command = [pg_dump, "--format=custom", "--no-owner", f"--file={target}"]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if settings.get(key):
                command.append(f"{flag}={settings[key]}")
        command.append(settings["NAME"])
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            target.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
