"""Django's built-in CSP with nonces everywhere, except the Wagtail and Django admin.

Those admin screens render inline scripts and styles we do not control. Only staff
reach them; they get ``settings.ADMIN_CSP`` instead of ``settings.SECURE_CSP``.
"""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class AdminContentSecurityPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if request.path_info.startswith(settings.ADMIN_CSP_PATH_PREFIXES) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return response
