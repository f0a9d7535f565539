"""The two-factor pages, mounted at /admin/2fa/ (before Wagtail's admin URLs)."""

from django.urls import path

from editorial.security import views

app_name = "admin_2fa"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
