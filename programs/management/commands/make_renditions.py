"""Make every library image's renditions ahead of time: on a new or restored media
store, or after a change to the rendition widths or save options (programs/images.py),
which gives renditions new names. Pages name renditions without asking the storage
whether they exist, so run this before such a change goes live.

imagekit's own `generateimages` cannot do it: it makes the files of registered
generators (ImageSpecField and the like), and these renditions are specs made per
picture, registered nowhere.
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from programs import images
from programs.cache import bump_content_version
from programs.models import Image
from programs.models.images import rerender_texts_showing


class Command(BaseCommand):
    help = "Make the renditions of every library image the storage lacks (all with --force)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Make every rendition again, even those already stored.",
        )

    def handle(self, *args, force=False, **options):
        """Writes renditions to the default storage; renders again the stored HTML of
        the Markdown texts that show a picture (they name its renditions) and starts a
        new page cache version. Exits with an error if a picture's file is missing."""
        done, written, missing = 0, 0, []
        for image in Image.objects.order_by("pk").iterator():
            if not default_storage.exists(image.file.name):
                missing.append(image)
                self.stderr.write(
                    f"MISSING  image {image.pk} “{image.title}”: {image.file.name} is not in "
                    "the storage; upload the picture again."
                )
                continue
            written += images.make_renditions(image, force=force)
            rerender_texts_showing(image)
            done += 1
        bump_content_version()
        self.stdout.write(f"{written} rendition(s) written for {done} picture(s).")
        if missing:
            raise CommandError(f"{len(missing)} picture(s) missing from the storage.")
