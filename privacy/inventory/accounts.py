"""The inventory of accounts, organisations, sign-in and messaging: the apps ``portal``,
``messaging`` and ``sso``.

Read from the models and from what the services write into them: the audit trail's
``detail`` (``portal.services.audit_record`` and its callers), the notifications'
titles and bodies (``messaging``, ``referrals/messages.py``, ``training/messages.py``),
the reminders' ``delivered_to`` and ``last_error`` (``messaging/reminders.py``).
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
from privacy.inventory.base import (
    account_part as _account,
)
from privacy.inventory.base import (
    user_reference as _user_ref,
)

C, S, B, R = Category, Subject, Basis, Retention


# --- portal -----------------------------------------------------------------------------

_MEMBERSHIP = Classified(
    C.ACCOUNT,
    S.ANY_MEMBER,
    B.CONTRACT,
    R.MEMBERSHIP,
    "accounts",
    note="which organisation a person belongs to, with which role, since when and whether still active",
)

_INVITATION = Classified(C.ACCOUNT, S.STAFF, B.CONTRACT, R.INVITATION, "accounts")

_AUDIT = Classified(C.ACTIVITY, S.ANY_MEMBER, B.LEGAL_OBLIGATION, R.AUDIT, "security_logging")

_EXPORT = Classified(
    C.ACTIVITY,
    S.STAFF,
    B.PUBLIC_TASK,
    R.EXPORT,
    "reporting",
    note="who asked for an export and when; the row stays after the file is deleted (no sweep removes it)",
)

PORTAL: dict[str, dict[str, Classified]] = {
    "portal.user": {
        "id": ID,
        "password": _account(C.ACCOUNT, "password hash (never the password); unusable for federated accounts"),
        "last_login": Classified(
            C.ACTIVITY, S.ANY_MEMBER, B.LEGITIMATE_INTEREST, R.ACCOUNT, "accounts", note="the last sign-in"
        ),
        "is_superuser": _account(C.ACCOUNT, "platform administrator (kept in step with the memberships)"),
        "is_staff": _account(C.ACCOUNT, "may open the admin (platform administrator or content editor)"),
        "is_active": _account(C.ACCOUNT, "account switched off"),
        "first_name": _account(C.IDENTITY),
        "last_name": _account(C.IDENTITY),
        "email": _account(
            C.IDENTITY,
            "sign-in name and address for notifications; empty for an account made by a federation "
            "that sends no address (Entree)",
        ),
        "date_joined": _account(
            C.ACCOUNT, "when the account was made; counts as the last use of an account that never signed in"
        ),
        "groups": _account(C.ACCOUNT, "the editors' groups (kept in step with the memberships)", S.EDITOR),
        "user_permissions": _account(C.ACCOUNT, "per-person permissions (not used by the portal)"),
    },
    "portal.organisation": {
        "*": NOT_PERSONAL,
    },
    "portal.membership": {
        "*": _MEMBERSHIP,
        "id": ID,
        "user": _user_ref(S.ANY_MEMBER, R.MEMBERSHIP, "accounts", B.CONTRACT, "the member"),
    },
    "portal.invitation": {
        "*": _INVITATION,
        "id": ID,
        "organisation": ORGANISATION,
        "email": Classified(
            C.IDENTITY,
            S.STAFF,
            B.CONTRACT,
            R.INVITATION,
            "accounts",
            note="the invitee's address, typed by a coordinator (the person has no account yet)",
        ),
        "token_hash": Classified(
            C.ACCOUNT,
            S.STAFF,
            B.CONTRACT,
            R.INVITATION,
            "accounts",
            note="SHA-256 of the single-use link's token; the token itself is not stored",
        ),
        "invited_by": _user_ref(S.STAFF, R.INVITATION, "accounts", B.CONTRACT, "the coordinator who invited"),
        "accepted_by": _user_ref(S.STAFF, R.INVITATION, "accounts", B.CONTRACT, "the account that accepted"),
    },
    "portal.auditevent": {
        "id": ID,
        "organisation": ORGANISATION,
        "kind": _AUDIT,
        "created_at": _AUDIT,
        "actor": _user_ref(
            S.ANY_MEMBER, R.AUDIT, "security_logging", B.LEGAL_OBLIGATION, "who did it (emptied when the account goes)"
        ),
        "subject_user": _user_ref(
            S.ANY_MEMBER,
            R.AUDIT,
            "security_logging",
            B.LEGAL_OBLIGATION,
            "the member it was done to (emptied when the account goes)",
        ),
        "detail": Classified(
            C.IDENTITY,
            S.STAFF,
            B.LEGAL_OBLIGATION,
            R.AUDIT,
            "security_logging",
            note="text the code writes: an invitee's e-mail address (invitation sent/revoked), roles, a provider's "
            "name, a mail domain, a module title and due date, retention settings, an export's kind and row "
            "count. Never victim data (every caller checked). The invitee's address stays only as long as the "
            "invitation: the sweep that deletes it (90 days after it ended) replaces the address in its rows by "
            "'(adres verwijderd)' (found by the invitation's number at the start of the text)",
        ),
    },
    "portal.processinglogentry": {
        "id": ID,
        "organisation": ORGANISATION,
        "*": Classified(
            C.ACTIVITY,
            S.ANY_MEMBER,
            B.LEGAL_OBLIGATION,
            R.PROCESSING_LOG,
            "security_logging",
            note="trace and span ids, the operation, status, times and the processing activity: with the "
            "pseudonym and actor, what was done with a person's data",
        ),
        "subject_type": Classified(C.ACTIVITY, S.ANY_MEMBER, B.LEGAL_OBLIGATION, R.PROCESSING_LOG, "security_logging"),
        "subject_ref": Classified(
            C.IDENTIFIER,
            S.VICTIM,
            B.LEGAL_OBLIGATION,
            R.PROCESSING_LOG,
            "security_logging",
            note="a pseudonym (HMAC with PSEUDONYM_KEY) of the case reference or user id; staff too",
        ),
        "actor_id": Classified(
            C.IDENTIFIER, S.ANY_MEMBER, B.LEGAL_OBLIGATION, R.PROCESSING_LOG, "security_logging", note="who processed"
        ),
        "actor_organisation_id": technical("the organisation of whoever processed the data"),
    },
    "portal.exportjob": {
        "*": technical("progress and state of the export job"),
        "organisation": ORGANISATION,
        "requested_by": _user_ref(S.STAFF, R.EXPORT, "reporting", B.PUBLIC_TASK, "only this member sees the job"),
        "created_at": _EXPORT,
        "params": technical(
            "the validated filters only (period, kind of threat, status, partner); no person, no row of data"
        ),
        "file_name": technical("a generated path (organisation id, job id, random); the file holds case rows"),
        "error": technical("a fixed message for the member, never data"),
    },
}

# --- messaging ----------------------------------------------------------------------------

_NOTIFICATION = Classified(
    C.ACTIVITY,
    S.ANY_MEMBER,
    B.PUBLIC_TASK,
    R.NOTIFICATION,
    "notifications",
    note="what a person was told and when they read it; deleted with the account only",
)

_NOTIFICATION_TEXT = Classified(
    C.SEXUAL_LIFE,
    S.VICTIM,
    B.PUBLIC_TASK,
    R.CASE,
    "notifications",
    note="no name or contact details of a victim, but next to the case reference it names the partner or task "
    "(e.g. Centrum Seksueel Geweld, StopNCII, Meldpunt Kinderporno, aangifte bij de politie) and a referral's "
    "outcome: pseudonymised special-category and criminal data, shown only in the portal (the e-mail about a "
    "case kind is a fixed neutral text with a link). For staff also training titles and due dates. Deleted with "
    "the case's personal data (anonymisation, deletion, erasure: referrals' case-deleting hook)",
)

MESSAGING: dict[str, dict[str, Classified]] = {
    "messaging.notification": {
        "id": ID,
        "organisation": ORGANISATION,
        "user": _user_ref(S.ANY_MEMBER, R.NOTIFICATION, "notifications", B.PUBLIC_TASK, "the recipient"),
        "kind": _NOTIFICATION,
        "created_at": _NOTIFICATION,
        "read_at": _NOTIFICATION,
        "title": _NOTIFICATION_TEXT,
        "body": _NOTIFICATION_TEXT,
        "url": Classified(
            C.IDENTIFIER,
            S.VICTIM,
            B.PUBLIC_TASK,
            R.NOTIFICATION,
            "notifications",
            note="a link into the portal; for a case the case's id is in the path",
        ),
    },
    "messaging.notificationpreference": {
        "id": ID,
        "user": _user_ref(S.ANY_MEMBER, R.ACCOUNT, "notifications", B.CONTRACT),
        "kind": Classified(C.ACCOUNT, S.ANY_MEMBER, B.CONTRACT, R.ACCOUNT, "notifications", note="a person's setting"),
        "email": Classified(C.ACCOUNT, S.ANY_MEMBER, B.CONTRACT, R.ACCOUNT, "notifications", note="a person's setting"),
    },
    "messaging.messagetemplate": {
        "*": NOT_PERSONAL,
        "updated_by": _user_ref(
            S.EDITOR, R.CONTENT, "content", B.CONTRACT, "the platform administrator who last edited the text"
        ),
    },
    "messaging.reminder": {
        "*": technical("the sweep's bookkeeping"),
        "organisation": ORGANISATION,
        "subject": Classified(
            C.IDENTIFIER,
            S.VICTIM,
            B.PUBLIC_TASK,
            R.NOTIFICATION,
            "notifications",
            note="'case:12', 'referral:3', 'task:7' (a victim's case) or 'assignment:', 'certificate:', 'digest:' "
            "(a member). A case's reminders (and those of its referrals and tasks) are deleted with the case's "
            "personal data",
        ),
        "due_at": Classified(
            C.CASE,
            S.VICTIM,
            B.PUBLIC_TASK,
            R.NOTIFICATION,
            "notifications",
            note="with the subject: a case's follow-up moments follow from the day the case was opened",
        ),
        "delivered_to": Classified(
            C.IDENTITY,
            S.PARTNER,
            B.PUBLIC_TASK,
            R.NOTIFICATION,
            "notifications",
            note="'user:<id>' of each recipient, or 'email:<address>' of a partner without an account (link "
            "referral); kept after sending while the reminder exists; a case's reminders go with the case",
        ),
        "last_error": Classified(
            C.IDENTITY,
            S.PARTNER,
            B.PUBLIC_TASK,
            R.NOTIFICATION,
            "notifications",
            note="the mail server's error text; a refused recipient's error names the address",
        ),
        "cancel_reason": technical("a fixed sentence (e.g. the due date had passed)"),
    },
}

# --- sso ----------------------------------------------------------------------------------

_SIGN_IN = Classified(
    C.ACTIVITY,
    S.ANY_MEMBER,
    B.LEGITIMATE_INTEREST,
    R.SIGN_IN_ATTEMPTS,
    "security_logging",
    note="a sign-in through a provider: when, where, allowed or refused and a reason code; no name, address or "
    "claim. A refused pupil (reason 'student') has no account, so that row names nobody",
)

SSO: dict[str, dict[str, Classified]] = {
    "sso.federationlink": {
        "*": NOT_PERSONAL,
    },
    "sso.signindomain": {
        "*": NOT_PERSONAL,
        "verified_by": _user_ref(
            S.EDITOR, R.ACCOUNT, "accounts", B.CONTRACT, "the platform administrator who verified the domain"
        ),
    },
    "sso.signinsettings": {
        "*": NOT_PERSONAL,
        "tested_by": _user_ref(S.STAFF, R.ACCOUNT, "accounts", B.CONTRACT, "the coordinator who tested the provider"),
        "test_result": technical(
            "the test's outcome: a mail domain and whether a second step was reported, no address"
        ),
    },
    "sso.signinattempt": {
        "*": _SIGN_IN,
        "id": ID,
        "user": _user_ref(
            S.ANY_MEMBER, R.SIGN_IN_ATTEMPTS, "security_logging", B.LEGITIMATE_INTEREST, "empty when unknown"
        ),
    },
}

INVENTORY: dict[str, dict[str, Classified]] = {**PORTAL, **MESSAGING, **SSO}
