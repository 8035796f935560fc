"""List the internal links in the site's texts that lead to no page, or to one visitors
cannot see (a draft, a page scheduled for later). Exits with an error when there is
one, so it can run in CI or a timer and show up in monitoring.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from programs.links import check_links


class Command(BaseCommand):
    help = "List internal links in the content that lead to a missing or unpublished page."

    def handle(self, *args, **options):
        broken, moved = check_links()
        for link in broken:
            self.stdout.write(f"BROKEN  {link.where}")
            self.stdout.write(f"        [{link.text}]({link.href}): {link.problem}")
            if link.moved_to:
                self.stdout.write(f"        It redirects to {link.moved_to}.")
            self._edit(link)
        for link in moved:
            self.stdout.write(f"MOVED   {link.where}")
            self.stdout.write(
                f"        [{link.text}]({link.href}) redirects to {link.moved_to}: "
                "it works, but linking there directly saves visitors a step."
            )
            self._edit(link)
        self.stdout.write(f"{len(broken)} broken link(s), {len(moved)} to an old address.")
        if broken:
            raise CommandError(f"{len(broken)} broken internal link(s).")

    def _edit(self, link):
        if link.edit_url:
            self.stdout.write(f"        Edit: {settings.SITE_URL}{link.edit_url}")
