"""What a reminder is about: a typed subject instead of a hand-built string.

A subject is stored in ``Reminder.subject`` as ``"<kind>:<id>"`` (``"case:12"``), the
format the rows have always had, so stored values stay byte-identical. Build one with
its constructor (``Subject.case(case.pk)``), store ``str(subject)``, read one back with
``Subject.parse(reminder.subject)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


class SubjectError(ValueError):
    """Text that is not a reminder subject."""


@dataclass(frozen=True, slots=True)
class Subject:
    kind: str
    id: int

    # What a reminder can be about, and whose id the subject holds.
    KINDS: ClassVar[dict[str, str]] = {
        "case": "a case (referrals.Case)",
        "referral": "a referral (referrals.Referral)",
        "task": "a case task (referrals.CaseTask)",
        "assignment": "a training assignment (training.Assignment)",
        "certificate": "a certificate (training.Certificate)",
        "digest": "a coordinator's weekly digest (portal.Membership)",
        "notification": "the e-mail beside a notification (portal.Notification)",
        "privacy_request": "a subject access or erasure request (privacy.SubjectRequest)",
    }

    def __post_init__(self) -> None:
        if self.kind not in self.KINDS:
            raise SubjectError(f"Unknown subject kind {self.kind!r}; known: {', '.join(self.KINDS)}.")
        if isinstance(self.id, bool) or not isinstance(self.id, int) or self.id < 0:
            raise SubjectError(f"A subject's id is a whole number of 0 or more, not {self.id!r}.")

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> Subject:
        """``"case:12"`` -> ``Subject("case", 12)``; a SubjectError naming the text otherwise."""
        kind, sep, number = str(text).partition(":")
        if not kind or not sep or not number.isdecimal() or not number.isascii():
            raise SubjectError(f"Not a reminder subject: {text!r} (expected '<kind>:<id>', such as 'case:12').")
        return cls(kind, int(number))

    @classmethod
    def of(cls, value: Subject | str) -> Subject:
        """A subject, from a subject or its text (checked)."""
        return value if isinstance(value, Subject) else cls.parse(value)

    @staticmethod
    def prefix(kind: str) -> str:
        """``"case:"``: what every subject of ``kind`` starts with, for a ``startswith``
        filter or a subject built in SQL."""
        if kind not in Subject.KINDS:
            raise SubjectError(f"Unknown subject kind {kind!r}; known: {', '.join(Subject.KINDS)}.")
        return f"{kind}:"

    @classmethod
    def case(cls, case_id: int) -> Subject:
        return cls("case", case_id)

    @classmethod
    def referral(cls, referral_id: int) -> Subject:
        return cls("referral", referral_id)

    @classmethod
    def task(cls, task_id: int) -> Subject:
        return cls("task", task_id)

    @classmethod
    def assignment(cls, assignment_id: int) -> Subject:
        return cls("assignment", assignment_id)

    @classmethod
    def certificate(cls, certificate_id: int) -> Subject:
        return cls("certificate", certificate_id)

    @classmethod
    def digest(cls, membership_id: int) -> Subject:
        return cls("digest", membership_id)

    @classmethod
    def notification(cls, notification_id: int) -> Subject:
        return cls("notification", notification_id)

    @classmethod
    def privacy_request(cls, request_id: int) -> Subject:
        return cls("privacy_request", request_id)
