from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ccpcj import views as site_views
from outcome import views as outcome_views
from sessions import views as session_views

urlpatterns = [
    path("", session_views.home, name="home"),
    path("favicon.ico", site_views.favicon, name="favicon"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("healthz", site_views.health, name="health"),
    path("conference/", session_views.conference_overview, name="conference_overview"),
    path("c/<slug:committee>/", include("sessions.urls")),
    path("c/<slug:committee>/", include("resolutions.urls")),
    path("c/<slug:committee>/", include("voting.urls")),
    path("c/<slug:committee>/", include("outcome.urls")),
    path(
        "conference/<int:pk>/documentation/",
        outcome_views.conference_documentation,
        name="conference_documentation",
    ),
    path(
        "conference/<int:pk>/documentation/pdf/",
        outcome_views.conference_pdf,
        name="conference_documentation_pdf",
    ),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "MUN committee administration"
admin.site.site_title = "Committee administration"

handler400 = "ccpcj.views.bad_request"
