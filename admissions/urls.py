from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "admissions"

urlpatterns = [
    # Translated: /contact/ in English, /es/contacto/ in Spanish.
    path(pgettext_lazy("URL", "contact/"), views.inquiry, name="inquiry"),
]
