"""Dutch by default; English only when the person chooses it with the switch.

Django's LocaleMiddleware also follows the browser's Accept-Language, which would
show a Dutch teacher with an English browser an English portal they never chose.
Only the language cookie set by /i18n/setlang/ counts here.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
