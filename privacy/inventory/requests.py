"""The inventory of the privacy app: the requests of data subjects (``privacy.SubjectRequest``).

Read from ``privacy/requests/services.py``: a request names a victim by case
references and pseudonym, or a member by account; the answer is free text; the
erasure result lists what was erased and kept (with the case references in it).
After ``SUBJECT_REQUESTS_KEEP_MONTHS`` (24) from the answer the retention sweep
(``privacy.tasks.subject_requests_reduce``) empties every field that says whom the
request was about; kind, dates and status stay as counts.
"""

from __future__ import annotations

from privacy.inventory.base import (
    OWNING_ORGANISATION as ORGANISATION,
)
from privacy.inventory.base import (
    PRIMARY_KEY as ID,
)
from privacy.inventory.base import (
    Basis,
    Category,
    Classified,
    Retention,
    Subject,
    technical,
    user_reference,
)

C, S, B, R = Category, Subject, Basis, Retention

# Answering a data subject is a legal obligation (art. 12-17 AVG); the request is part of
# the organisation's accountability (activity subject_rights), reduced to counts after
# SUBJECT_REQUESTS_KEEP_MONTHS.
_REDUCED = "emptied SUBJECT_REQUESTS_KEEP_MONTHS (24) after the answer (privacy.tasks.subject_requests_reduce)"


def _about(category: Category, subject: Subject, note: str) -> Classified:
    return Classified(
        category, subject, B.LEGAL_OBLIGATION, R.SUBJECT_REQUEST, "subject_rights", note=f"{note}; {_REDUCED}"
    )


def _fact(note: str) -> Classified:
    return Classified(
        C.ACTIVITY,
        S.ANY_MEMBER,
        B.LEGAL_OBLIGATION,
        R.SUBJECT_REQUEST,
        "subject_rights",
        note=f"{note}; kept as a count",
    )


INVENTORY: dict[str, dict[str, Classified]] = {
    "privacy.subjectrequest": {
        "id": ID,
        "organisation": ORGANISATION,
        "kind": _fact("access (art. 15) or erasure (art. 17)"),
        "subject_type": _fact("whether the request is about a victim or a member"),
        "case_references": _about(C.IDENTIFIER, S.VICTIM, "the case references the person gave"),
        "pseudonym": _about(C.PSEUDONYM, S.VICTIM, "the pseudonym of the case, to check the person"),
        "subject_user": user_reference(
            S.STAFF,
            R.SUBJECT_REQUEST,
            "subject_rights",
            B.LEGAL_OBLIGATION,
            f"the member the request is about; {_REDUCED}",
        ),
        "received_on": _fact("when the request came in"),
        "due_on": _fact("the legal due date (one month after receipt)"),
        "extended_until": _fact("the extended due date (art. 12 lid 3)"),
        "extension_reason": _about(
            C.ACTIVITY,
            S.STAFF,
            "why the due date was extended, in the coordinator's words (help text: no details about the person or "
            "the case). Free text that may outlive the case",
        ),
        "status": _fact("open or answered"),
        "handled_by": user_reference(
            S.STAFF, R.SUBJECT_REQUEST, "subject_rights", B.LEGAL_OBLIGATION, "the coordinator who handles the request"
        ),
        "answered_on": _fact("when the answer was sent"),
        "answer": _about(
            C.ACTIVITY,
            S.STAFF,
            "what the coordinator answered and did, in their words (help text: no details about the person or the "
            "case; the overview itself is a file that expires). Free text that may outlive the case",
        ),
        "erasure_result": _about(
            C.IDENTIFIER, S.ANY_MEMBER, "what was erased and what was kept and why (names case references)"
        ),
        "erasure_done_at": _fact("when the erasure was applied"),
        "export": technical("the overview file's export job (portal.ExportJob); the file expires like other exports"),
        "created_at": _fact("when the request was registered"),
        "reduced_at": technical("when the request was reduced to counts"),
    },
}
