"""portal.forms.submit: the one form → service step every view uses."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from portal.forms import Done, submit


class NameForm(forms.Form):
    name = forms.CharField(max_length=10)


def post(data):
    return RequestFactory().post("/", data)


def test_a_valid_post_calls_the_service_with_the_cleaned_data_and_answers_its_result():
    calls = []
    form = NameForm({"name": " Ada "})

    done = submit(post({}), form, lambda data: calls.append(data) or "made")

    assert done == Done("made")
    assert calls == [{"name": "Ada"}]


def test_a_service_that_returns_nothing_still_counts_as_done():
    done = submit(post({}), NameForm({"name": "Ada"}), lambda data: None)
    assert done is not None and done.value is None
    assert done  # the view's `if submit(...)` takes this branch


@pytest.mark.parametrize("method", ["get", "head"])
def test_no_post_no_service(method):
    request = getattr(RequestFactory(), method)("/")
    assert submit(request, NameForm({"name": "Ada"}), lambda data: pytest.fail("called")) is None


def test_an_invalid_form_never_reaches_the_service():
    form = NameForm({"name": "far too long a name"})
    assert submit(post({}), form, lambda data: pytest.fail("called")) is None
    assert "name" in form.errors


def test_the_services_refusal_lands_on_the_field_it_names_and_the_rest_on_top():
    def refuse(data):
        raise ValidationError({"name": ["Die naam is al in gebruik."], "other": ["Iets anders klopt niet."]})

    form = NameForm({"name": "Ada"})
    assert submit(post({}), form, refuse) is None
    assert form.errors["name"] == ["Die naam is al in gebruik."]
    assert form.non_field_errors() == ["Iets anders klopt niet."]
    assert form.data["name"] == "Ada"  # the input is kept for the page shown again


def test_a_refusal_without_a_field_goes_on_top():
    form = NameForm({"name": "Ada"})
    assert submit(post({}), form, lambda data: (_ for _ in ()).throw(ValidationError("Nee."))) is None
    assert form.non_field_errors() == ["Nee."]
