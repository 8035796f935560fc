from django.urls import path

from . import views

app_name = "admissions"

urlpatterns = [
    path("contact/", views.inquiry, name="inquiry"),
]
