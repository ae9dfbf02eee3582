from django.contrib import admin
from django.urls import include, path

from editorial import accounts

# Signing in is throttled and password resets answer alike for every address (editorial/accounts.py).
admin.site.login_form = accounts.ThrottledAdminLogin

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", accounts.set_language, name="set_language"),
    path("api/v1/", include("editorial.api.urls")),
    path("reports/", include("editorial.reports.urls")),
    path("", include("editorial.web.urls")),
]

# JSON errors under /api/, Django's pages elsewhere.
handler400 = "editorial.api.exceptions.json_bad_request"
handler404 = "editorial.api.exceptions.json_not_found"
handler500 = "editorial.api.exceptions.json_server_error"
