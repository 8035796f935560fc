"""The S3-compatible media store for sites with several app servers (settings, "Media")."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class SiteServedS3Storage(S3Storage):
    """django-storages' S3 storage, except that a file's URL is the site's own /media/
    address: browsers never see the bucket (another origin, which the CSP refuses),
    and the bucket can stay private, read by the app servers with their credentials."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name).lstrip("/")
