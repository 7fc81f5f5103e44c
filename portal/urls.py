from allauth import urls as allauth_urls
from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

organisation_patterns = [
    path("", views.organisation_home, name="organisation_home"),
    path("huisstijl.css", views.organisation_theme_css, name="organisation_theme_css"),
    path("leden/", views.member_list, name="member_list"),
    path("leden/<int:membership_id>/", views.member_detail, name="member_detail"),
    path("leden/<int:membership_id>/deactiveren/", views.member_deactivate, name="member_deactivate"),
    path("leden/<int:membership_id>/activeren/", views.member_reactivate, name="member_reactivate"),
    path("uitnodigingen/", views.invitation_list, name="invitation_list"),
    path("uitnodigingen/<int:invitation_id>/intrekken/", views.invitation_revoke, name="invitation_revoke"),
]

portal_patterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("organisaties/", views.organisation_switch, name="organisation_switch"),
    path("o/<slug:org_slug>/", include(organisation_patterns)),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("account/mfa-vereist/", views.mfa_required, name="mfa_required"),
    path("healthz", views.healthz, name="healthz"),
    # The notification centre (messaging/urls.py): a person's own notifications, no
    # organisation in the URL; its names stay in this namespace (portal:notifications).
    path("", include("messaging.urls")),
]


def never_stored(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    """The same URL patterns, each view answering ``Cache-Control: no-store``.

    allauth's account pages (sign-in, MFA, sessions, e-mail addresses, passwords)
    show codes, devices and addresses: no browser or proxy may keep them, as
    ``case_page`` and ``personal_page`` do for the portal's own private pages."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            never_stored(pattern.url_patterns)
        elif not getattr(pattern.callback, "_never_stored", False):
            pattern.callback = never_cache(pattern.callback)
            pattern.callback._never_stored = True  # type: ignore[attr-defined]
    return patterns


# Every admin login is allauth's login, with its rate limits and MFA stage.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("Veilig Online – beheer")

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include((portal_patterns, "portal"))),
    path("o/<slug:org_slug>/", include("training.urls")),
    path("o/<slug:org_slug>/", include("cms.urls")),
    path("o/<slug:org_slug>/", include("referrals.urls")),
    path("o/<slug:org_slug>/", include("reporting.urls")),
    path("o/<slug:org_slug>/", include("signalenwijzer.urls")),
    path("o/<slug:org_slug>/", include("sso.urls")),
    path("o/<slug:org_slug>/", include("privacy.urls")),
    path("", include("referrals.partners.public_urls")),
    path("", include("training.public_urls")),
    # The e-mail-first login and home-realm discovery (sso/urls.py), ahead of allauth's.
    path("accounts/", include("sso.account_urls")),
    path("accounts/", include(never_stored(allauth_urls.urlpatterns))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("referrals.api_urls")),
    path("django-admin/login/", views.AdminLoginView.as_view(), name="django_admin_login"),
    path("django-admin/", admin.site.urls),
    path(
        "cms/login/",
        views.AdminLoginView.as_view(permission="wagtailadmin.access_admin"),
        name="wagtail_admin_login",
    ),
    # Wagtail's site-history report, fenced by organisation: ahead of Wagtail's own.
    path("cms/reports/", include("cms.reports")),
    path("cms/", include(wagtailadmin_urls)),
    # Wagtail's document download (``wagtaildocs_serve``): its ``before_serve_document``
    # hook in cms.wagtail_hooks lets only the organisation's members through.
    path("documenten/", include(never_stored(wagtaildocs_urls.urlpatterns))),
]

if settings.DEBUG or getattr(settings, "DEMO_MODE", False):
    # The demo runs with DEBUG off; its uploaded images (organisation logos) are served
    # here, and only images: documents go through Wagtail's view and its permission
    # checks. In production the web server serves media.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:original_images|images)/[^/]+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

handler404 = "portal.errors.page_not_found"
handler403 = "portal.errors.permission_denied"
handler500 = "portal.errors.server_error"
