"""HTTP helpers every app's URLs use.

``case_page`` wraps every page that shows case data, referrals, dashboards, settings or
exports: the answer is never cached and a request carrying a file is refused. Apps wrap
their views with it in their ``urls.py``, in one place, so no such page can be added
without it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

# A view answers a page, a redirect, or a streamed file (``StreamingHttpResponse``,
# ``FileResponse``).
View = Callable[..., HttpResponseBase]


def case_page(view: View) -> View:
    """No caching anywhere, and no files: a request with an uploaded file is a 400."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if request.method == "POST" and request.content_type == "multipart/form-data" and request.FILES:
            for _name, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.close()
            response: HttpResponseBase = HttpResponseBadRequest(_("Bestanden uploaden kan hier niet."))
        else:
            try:
                response = view(request, *args, **kwargs)
            except (Http404, PermissionDenied) as exc:
                # The error page too: it says whether a case id exists for this member.
                response = response_for_exception(request, exc)
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        return response

    return wrapped
