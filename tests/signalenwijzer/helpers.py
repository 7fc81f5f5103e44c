"""Helpers for the Signalenwijzer suites: walk the screens through their forms, as a
browser posts them (the fixtures live in conftest.py)."""

from __future__ import annotations

import html as html_module
import re
from urllib.parse import urlencode

from django.urls import reverse


def form_fields(html: str, form_class: str = "sw-form") -> list[tuple[str, str]]:
    """The hidden inputs of one form on the page (name, value), as a browser posts them."""
    form = re.search(rf'<form class="{form_class}".*?</form>', html, re.S) or re.search(
        r"<form[^>]*signalenwijzer/melden/.*?</form>", html, re.S
    )
    assert form, f"no form {form_class}"
    return [
        (name, html_module.unescape(value))
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0))
        if name != "csrfmiddlewaretoken"
    ]


def next_screen(client, organisation, response, answers: list[tuple[str, str]] = (), *, go: str = "verder"):
    """Answer the current screen and press a button: the form's hidden fields plus
    ``answers``, as the browser would send them."""
    fields = [*form_fields(response.content.decode()), *answers, ("ga", go)]
    return client.post(
        reverse("signalenwijzer:walk", kwargs={"org_slug": organisation.slug}),
        urlencode(fields),
        content_type="application/x-www-form-urlencoded",
    )


def walk_to_end(client, organisation, *, signals=("teruggetrokken", "telefoon"), certainty="enkele", urgent=("geen",)):
    """A whole walk, screen by screen, through the forms; returns every response."""
    url = reverse("signalenwijzer:walk", kwargs={"org_slug": organisation.slug})
    responses = [client.get(url)]
    responses.append(
        client.post(
            url, urlencode([("stap", "start"), ("ga", "verder")]), content_type="application/x-www-form-urlencoded"
        )
    )
    answers = {
        "signalen": [("s", key) for key in signals],
        "zekerheid": [("zeker", certainty)],
        "urgentie": [("dringend", key) for key in urgent],
    }
    for _ in range(10):
        current = responses[-1]
        screen = current.context["walk"].screen
        if screen == "verder":
            break
        responses.append(next_screen(client, organisation, current, answers.get(screen, [])))
    return responses
