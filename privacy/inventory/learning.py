"""The inventory of learning, content and statistics: the apps ``training``, ``cms``,
``reporting`` and ``signalenwijzer``.

Read from the models and from what the services write into them: the certificate's
copied holder name (``training.services``: ``str(user)``, the full name or else the
e-mail address), the contact-person block of an organisation's pages
(``cms.blocks.ContactPersonBlock``), the rollups (``reporting.rollups``) and the
Signalenwijzer's counts (``signalenwijzer.services.walk_count_record``; a walk's
answers are never stored, ``signalenwijzer.walk``).

Wagtail page types: only the fields a subclass declares (and its ``page_ptr``) are
classified here; the fields inherited from ``wagtailcore.Page`` (title, owner,
locked_by, ...) are classified under ``wagtailcore.page`` in ``third_party``.
"""

from __future__ import annotations

from privacy.inventory.base import (
    NOT_PERSONAL,
    Basis,
    Category,
    Classified,
    Retention,
    Subject,
    technical,
)
from privacy.inventory.base import (
    OWNING_ORGANISATION as ORGANISATION,
)
from privacy.inventory.base import (
    PRIMARY_KEY as ID,
)

C, S, B, R = Category, Subject, Basis, Retention

PAGE_PTR = technical("link to the Wagtail page row (wagtailcore.page)")
MUNICIPALITY = technical("the municipality of the organisation")
MODULE = technical("the module (a content page)")


# --- training ---------------------------------------------------------------------------


def _learner(category: Category, note: str = "", retention: Retention = R.ACCOUNT) -> Classified:
    """The learner's own training record. Attempts, progress, answers and certificates
    belong to the person (``on_delete=CASCADE`` on the user, kept when they move between
    organisations), so they live as long as the account, not the membership."""
    return Classified(category, S.STAFF, B.CONTRACT, retention, "training", note=note)


_ATTEMPT_ROW = _learner(C.ACTIVITY, "a learner's pass through a module: when, how far, score, passed or not")
_PROGRESS_ROW = _learner(C.ACTIVITY, "which lesson the learner finished and when")
_ANSWER_ROW = _learner(C.ACTIVITY, "the options a learner chose in a knowledge check and whether they were right")
_CERTIFICATE_ROW = _learner(
    C.ACTIVITY,
    "which module the person passed, where and when, and until when it is valid",
)
_ASSIGNMENT = Classified(
    C.ACTIVITY,
    S.STAFF,
    B.CONTRACT,
    R.TRAINING,
    "training",
    note="what a coordinator asked a member (or a role) to do and by when; about one person when membership is set",
)

TRAINING: dict[str, dict[str, Classified]] = {
    "training.moduleattempt": {
        "*": _ATTEMPT_ROW,
        "id": ID,
        "user": _learner(C.IDENTIFIER, "the learner"),
        "module": MODULE,
    },
    "training.lessonprogress": {
        "*": _PROGRESS_ROW,
        "id": ID,
        "attempt": _learner(C.IDENTIFIER, "the learner's attempt (and so the learner)"),
        "lesson": technical("the lesson (a content page)"),
    },
    "training.answer": {
        "*": _ANSWER_ROW,
        "id": ID,
        "attempt": _learner(C.IDENTIFIER, "the learner's attempt (and so the learner)"),
        "lesson": technical("the lesson (a content page)"),
        "question_id": technical("the question's block id in the lesson"),
    },
    "training.certificate": {
        "*": _CERTIFICATE_ROW,
        "id": ID,
        "user": _learner(C.IDENTIFIER, "the holder"),
        "holder_name": _learner(
            C.IDENTITY,
            "the holder's name copied at issue (str(user): the e-mail address when no name is set); "
            "shown to anyone who has the code on the public verification page",
        ),
        "code": _learner(
            C.IDENTIFIER,
            "unguessable verification code; whoever has it sees name, module and validity (public page)",
        ),
        "module": MODULE,
    },
    "training.assignment": {
        "*": _ASSIGNMENT,
        "id": ID,
        "organisation": ORGANISATION,
        "module": MODULE,
        "role": technical("the role the module is assigned to (blank for a personal assignment)"),
        "membership": Classified(
            C.IDENTIFIER, S.STAFF, B.CONTRACT, R.TRAINING, "training", note="the member who must do the module"
        ),
        "created_by": Classified(
            C.IDENTIFIER, S.STAFF, B.CONTRACT, R.TRAINING, "training", note="the coordinator who made the assignment"
        ),
    },
}


# --- cms --------------------------------------------------------------------------------

_CONTACT_PERSONS = Classified(
    C.IDENTITY,
    S.STAFF,
    B.PUBLIC_TASK,
    R.CONTENT,
    "content",
    note="an organisation's own page; its contact-person blocks hold the name, function and how to reach "
    "a member of staff (shown to the organisation's members). For a club the basis is legitimate interest",
)

CMS: dict[str, dict[str, Classified]] = {
    "cms.traininglibrarypage": {"page_ptr": PAGE_PTR, "intro": NOT_PERSONAL},
    "cms.modulepage": {
        "page_ptr": PAGE_PTR,
        "intro": NOT_PERSONAL,
        "learning_goals": NOT_PERSONAL,
        "estimated_minutes": NOT_PERSONAL,
        "audience": NOT_PERSONAL,
        "pass_mark": NOT_PERSONAL,
        "certificate_validity_months": NOT_PERSONAL,
    },
    "cms.lessonpage": {
        "page_ptr": PAGE_PTR,
        "summary": NOT_PERSONAL,
        "body": technical(
            "lesson content: text, fictional scenarios and dialogues, knowledge checks; no learner input"
        ),
    },
    "cms.takedownguide": {"*": NOT_PERSONAL},
    "cms.organisationsindexpage": {"page_ptr": PAGE_PTR},
    "cms.organisationsectionpage": {
        "page_ptr": PAGE_PTR,
        "organisation": ORGANISATION,
        "intro": technical("editor's introduction to the organisation's pages"),
    },
    "cms.organisationcontentpage": {"page_ptr": PAGE_PTR, "body": _CONTACT_PERSONS},
    "cms.organisationcollection": {"*": technical("links an organisation to its Wagtail collection")},
}


# --- reporting --------------------------------------------------------------------------

_COUNT = technical(
    "a count per organisation (or municipality, partner) and month or day; no person, no case id. "
    "Small counts are stored exactly and hidden on display (reporting.suppression)"
)


def _rollup(**fields: Classified) -> dict[str, Classified]:
    """A rollup table: organisation, period, codes and counts, rebuilt every 5 minutes
    from the source tables (so a deleted case or referral drops out of it)."""
    return {"*": technical("period or code of a rollup cell"), "id": ID, **fields}


_TRAINING_COUNT = Classified(
    C.ACTIVITY,
    S.STAFF,
    B.CONTRACT,
    R.TRAINING,
    "training",
    note="members per organisation, role and module who must do it, have done it or are late; a role often "
    "has one holder (e.g. the coordinator), so a cell can single that person out. Suppressed on display; "
    "rebuilt every 5 minutes from active memberships",
)

REPORTING: dict[str, dict[str, Classified]] = {
    "reporting.rollupstate": {"*": technical("when the rollups were last rebuilt")},
    "reporting.casemonthrollup": _rollup(organisation=ORGANISATION, municipality=MUNICIPALITY, count=_COUNT),
    "reporting.referralmonthrollup": _rollup(organisation=ORGANISATION, municipality=MUNICIPALITY, count=_COUNT),
    "reporting.partnerreferraldayrollup": _rollup(partner=ORGANISATION, count=_COUNT),
    "reporting.areacasemonthrollup": _rollup(municipality=MUNICIPALITY, count=_COUNT),
    "reporting.areareferralmonthrollup": _rollup(municipality=MUNICIPALITY, count=_COUNT),
    "reporting.organisationmonthtotal": _rollup(
        organisation=ORGANISATION, municipality=MUNICIPALITY, cases=_COUNT, referrals=_COUNT, escalated=_COUNT
    ),
    "reporting.areamonthtotal": _rollup(municipality=MUNICIPALITY, cases=_COUNT, referrals=_COUNT, escalated=_COUNT),
    "reporting.trainingrollup": {
        "*": technical("organisation, role or module of a training rollup cell"),
        "id": ID,
        "organisation": ORGANISATION,
        "municipality": MUNICIPALITY,
        "module": MODULE,
        "assigned": _TRAINING_COUNT,
        "completed": _TRAINING_COUNT,
        "overdue": _TRAINING_COUNT,
    },
}


# --- signalenwijzer ---------------------------------------------------------------------

_CONFIDENTIAL_CONTACT = Classified(
    C.IDENTITY,
    S.STAFF,
    B.PUBLIC_TASK,
    R.CONTENT,
    "content",
    note="the organisation's confidential contact named in the Signalenwijzer, set by its coordinator; "
    "stays until the coordinator changes it (not tied to the person's membership)",
)

SIGNALENWIJZER: dict[str, dict[str, Classified]] = {
    "signalenwijzer.walkstep": {"*": NOT_PERSONAL},
    "signalenwijzer.walksignal": {"*": NOT_PERSONAL},
    "signalenwijzer.walkguidance": {
        "*": NOT_PERSONAL,
        "phone": technical("a national helpline number, not a person's"),
    },
    "signalenwijzer.organisationcontact": {
        "id": ID,
        "organisation": ORGANISATION,
        "name": _CONFIDENTIAL_CONTACT,
        "role": _CONFIDENTIAL_CONTACT,
        "how_to_reach": _CONFIDENTIAL_CONTACT,
    },
    "signalenwijzer.walkcount": {
        "*": technical(
            "walks started, finished and handed over per organisation and month; no person, no answer, no time of day"
        ),
        "id": ID,
        "organisation": ORGANISATION,
    },
}


INVENTORY: dict[str, dict[str, Classified]] = {**TRAINING, **CMS, **REPORTING, **SIGNALENWIJZER}
