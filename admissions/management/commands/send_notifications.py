"""Send the admissions notifications that are still pending, and retry failed ones.

Run it every minute (cron or a systemd timer, see README). It exits with an error when
a notification could not be sent, so the timer's failures show in monitoring.
"""

from django.core.management.base import BaseCommand, CommandError

from admissions.notifications import send_pending


class Command(BaseCommand):
    help = "Send pending admissions notifications and retry failed ones."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"Sent {sent} notification(s); {failed} failed.")
        if failed:
            raise CommandError(f"{failed} notification(s) could not be sent; will retry.")
