"""The typed subject of a reminder: the stored text stays "<kind>:<id>" byte for byte,
and text that is no subject is refused with an error that names it."""

from __future__ import annotations

import pytest

from messaging.subjects import Subject, SubjectError


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (Subject.case(12), "case:12"),
        (Subject.referral(3), "referral:3"),
        (Subject.task(77), "task:77"),
        (Subject.assignment(8), "assignment:8"),
        (Subject.certificate(1), "certificate:1"),
        (Subject.digest(5), "digest:5"),
        (Subject.notification(40), "notification:40"),
    ],
)
def test_the_stored_text_is_the_format_the_rows_have(subject, text):
    assert str(subject) == text
    assert Subject.parse(text) == subject
    assert Subject.of(text) == subject and Subject.of(subject) is subject


@pytest.mark.parametrize("text", ["", "case", "case:", "case:x", "case:-1", "case:1.5", ":12", "case:１２", "12"])
def test_text_that_is_no_subject_is_refused_naming_it(text):
    with pytest.raises(SubjectError, match="Not a reminder subject"):
        Subject.parse(text)


def test_an_unknown_kind_is_refused_naming_the_known_ones():
    with pytest.raises(SubjectError, match="Unknown subject kind 'birthday'; known: case, referral"):
        Subject.parse("birthday:1")
    with pytest.raises(SubjectError, match="Unknown subject kind"):
        Subject.prefix("birthday")


@pytest.mark.parametrize("bad_id", [True, -1, "12", 1.0])
def test_an_id_is_a_whole_number(bad_id):
    with pytest.raises(SubjectError, match="whole number"):
        Subject("case", bad_id)


def test_a_prefix_for_startswith_filters():
    assert Subject.prefix("notification") == "notification:"
    assert str(Subject.notification(9)).startswith(Subject.prefix("notification"))


def test_a_subject_is_a_value():
    assert Subject.case(1) == Subject("case", 1)
    assert len({Subject.case(1), Subject.case(1), Subject.task(1)}) == 2
    with pytest.raises(AttributeError):
        Subject.case(1).id = 2  # type: ignore[misc]
