"""A URLconf with a view that fails, to see the 500 page as a visitor would."""

from django.urls import path

from iop_site.urls import handler500, urlpatterns


def broken(request):
    raise RuntimeError("database password is hunter2")


urlpatterns = [path("boom/", broken), *urlpatterns]
__all__ = ["handler500", "urlpatterns"]
