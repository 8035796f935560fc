from django.shortcuts import render


def inquiry(request):
    return render(request, "admissions/inquiry.html")
