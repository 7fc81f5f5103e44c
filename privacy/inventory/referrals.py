"""The inventory of the ``referrals`` app: cases about victims of online threats
(sextortion, doxing, intimate images), their chronology, notes, evidence, tasks and
contact details, the referrals to partners with their consent ledger and messages,
the partners' one-time links, the personal-data access log, API tokens, an
organisation's case settings and the routing data (rule sets, local rules, the
national and local social maps).

Read from the models and from what the services write into them:
``referrals/services.py`` (the case wizard, the chronology lines, ``_case_anonymise``
and ``retention_apply``), ``referrals/cases/referral_services.py`` (what a partner may
read: ``referral_summary_read``, ``referral_contact_read``, ``shared_with_partner``),
``referrals/partners/views.py`` and its templates (the inbox, the referral page, the
link page, the contact page), ``referrals/selectors.py`` (``referrer_contact``) and
``referrals/crypto.py`` (``EncryptedTextField``: only ``VictimContact`` uses it).

Retention: ``Retention.CASE`` covers every row that hangs on a case. The retention
sweep (``services.retention_apply``) first anonymises a closed case (pseudonym, signal,
first impressions, wishes, most facts, the advice, contact details, notes, evidence,
the chronology's details, the tasks' titles, destinations and guides, referral
summaries and decline reasons, partner messages, the age in the consent ledger, the
one-time links with the partner's address; and every notification and reminder about
the case, ``referrals.messages.cases_forget``) and later deletes the case with
everything that cascades from it (deleting a case in any way forgets its messages
too). What the anonymising step leaves is what the dashboards count
(``reporting.rollups``: the case's status, dates and forms; each referral's
destination, partner, municipality, status, outcome and moments) and the chronology's
kinds, moments and actors; it goes with the deletion. The access log has its own
period: ``Retention.PROCESSING_LOG``, the processing log's.
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

REFERRAL_FK = technical("the referral the row belongs to (the referral names the case)")

_CASE_HANDLING = "case_handling"
_REFERRAL = "referral"


def _case(category: Category, note: str = "", *, shared: bool = False, encrypted: bool = False) -> Classified:
    """Data about the victim in a case (activity ``case_handling``, kept with the case)."""
    return Classified(
        category,
        S.VICTIM,
        B.PUBLIC_TASK,
        R.CASE,
        _CASE_HANDLING,
        encrypted=encrypted,
        shared_with_partners=shared,
        note=note,
    )


def _referral(category: Category, note: str = "", *, shared: bool = False) -> Classified:
    """Data about the victim in a referral to a partner (activity ``referral``, kept with the case)."""
    return Classified(category, S.VICTIM, B.CONSENT, R.CASE, _REFERRAL, shared_with_partners=shared, note=note)


def _case_ref(note: str = "the case", *, activity: str = _CASE_HANDLING, shared: bool = False) -> Classified:
    """A foreign key to the case: a pseudonymous reference to the victim."""
    basis = B.CONSENT if activity == _REFERRAL else B.PUBLIC_TASK
    return Classified(C.IDENTIFIER, S.VICTIM, basis, R.CASE, activity, shared_with_partners=shared, note=note)


def _staff_ref(
    note: str, *, activity: str = _CASE_HANDLING, subject: Subject = S.STAFF, shared: bool = False
) -> Classified:
    """A foreign key to the member who did something on a case row (set to null when
    the account is deleted; otherwise kept with the case)."""
    basis = B.CONSENT if activity == _REFERRAL else B.PUBLIC_TASK
    return Classified(C.IDENTIFIER, subject, basis, R.CASE, activity, shared_with_partners=shared, note=note)


def _publisher(subject: Subject, note: str) -> Classified:
    """Who published routing data: a foreign key to a user, kept until the account goes."""
    return Classified(C.IDENTIFIER, subject, B.CONTRACT, R.ACCOUNT, "content", note=note)


# What a destination code or name says: "Centrum Seksueel Geweld", "Meldpunt Kinderporno",
# "StopNCII", "aangifte bij de politie" next to a case reveal the kind of harm.
_DESTINATION_NOTE = (
    "names the help the victim is referred to (e.g. Centrum Seksueel Geweld, Meldpunt Kinderporno, StopNCII, "
    "a police report): next to the case reference it reveals sexual life and, often, a criminal offence"
)

# --- Cases ------------------------------------------------------------------------------

_CASE_FACT = _case(C.CASE)

CASES: dict[str, dict[str, Classified]] = {
    "referrals.case": {
        "id": ID,
        "organisation": ORGANISATION,
        "reference": _case(
            C.IDENTIFIER,
            "the case reference (kenmerk); shown to the partner, in notifications in the portal and in the access "
            "log, which keeps it after the case is deleted; never in an e-mail (a case's e-mails are neutral by "
            "construction: messaging.registry.NeutralMail)",
            shared=True,
        ),
        "status": _CASE_FACT,
        "outcome": _case(C.CASE, "e.g. referred, or the victim wants no further steps"),
        "raised_by": _staff_ref("the member who raised the signal"),
        "handler": _staff_ref(
            "the case handler; their name and work e-mail are shown to the partner as the contact person "
            "(selectors.referrer_contact)",
            shared=True,
        ),
        "pseudonym": _case(
            C.PSEUDONYM,
            "initials or a self-chosen name (help text: no full name); NOT encrypted; shown to the partner "
            "with the summary; set to a dash by anonymisation",
            shared=True,
        ),
        "signal": _case(
            C.FREE_TEXT,
            "what happened, in the handler's words: may hold anything about the victim, the offender and the "
            "images; NOT encrypted; cleared by anonymisation",
        ),
        "first_impressions": _case(
            C.FREE_TEXT,
            "impressions from the conversation with the victim; NOT encrypted; cleared by anonymisation",
        ),
        "wishes_note": _case(
            C.FREE_TEXT, "the victim's wishes in the handler's words; NOT encrypted; cleared by anonymisation"
        ),
        "facts": _case(
            C.SEXUAL_LIFE,
            "the routing facts: age, form of the threat (sextortion, sexual exposing, grooming, doxing ...), "
            "intimate images and the age on them, threats (rape, sexual assault), physical sexual violence, "
            "offender relation, self-harm signs, unsafe home, vulnerabilities. Also criminal-offence and health "
            "data. The partner sees the age and the forms. Anonymisation keeps only country and forms",
            shared=True,
        ),
        "routing_result": _case(
            C.SEXUAL_LIFE,
            "the advice: recommended destinations, the rules that fired and their explanations, derived from the "
            "facts (so it reveals the same: sextortion, images of a minor, self-harm, unsafe home). Cleared by "
            "anonymisation (no dashboard reads it)",
        ),
        "rules_version": technical("the version of the routing rules that gave the advice"),
        "routed_at": _CASE_FACT,
        "consent_contact": _case(C.CASE, "the victim agreed that contact details are kept"),
        "consent_referral": _case(C.CASE, "the victim agreed to be referred"),
        "consent_recorded_at": _CASE_FACT,
        "created_at": _case(C.CASE, "when the signal was raised"),
        "closed_at": _case(C.CASE, "when the case was closed; starts the retention period"),
        "anonymised_at": technical("when the retention sweep removed the personal data"),
    },
    "referrals.caseevent": {
        "id": ID,
        "organisation": ORGANISATION,
        "case": _case_ref(),
        "referral": REFERRAL_FK,
        "kind": _case(C.CASE, "what happened in the case (e.g. referral declined, contact details viewed)"),
        "actor": _staff_ref(
            "who did it: a member of the case's organisation, a partner's worker or the municipality's coordinator "
            "(null for a partner acting through a link and for the retention sweep)",
            subject=S.ANY_MEMBER,
        ),
        "detail": _case(
            C.FREE_TEXT,
            "mostly text the code writes: destination names (" + _DESTINATION_NOTE + "), task titles, which facts "
            "changed (never their values), what consent covers and who gave it (victim or parent). Also the "
            "municipality coordinator's free-text reason for redirecting a referral (help text: no personal data). "
            "Cleared by anonymisation; the line's kind, moment and actor stay until the case is deleted",
        ),
        "created_at": _CASE_FACT,
    },
    "referrals.casenote": {
        "id": ID,
        "organisation": ORGANISATION,
        "case": _case_ref(),
        "author": _staff_ref("who wrote the note"),
        "text": _case(
            C.FREE_TEXT,
            "notes from the conversation and follow-up: may hold anything about the victim; NOT encrypted; "
            "deleted by anonymisation",
        ),
        "created_at": _CASE_FACT,
    },
    "referrals.evidenceitem": {
        "id": ID,
        "organisation": ORGANISATION,
        "case": _case_ref(),
        "kind": _case(C.CASE, "what kind of evidence was saved (screenshot, URL, profile name ...); never a file"),
        "platform": _case(C.CASE, "where it happened (e.g. a social-media platform)"),
        "captured_on": _CASE_FACT,
        "description": _case(
            C.FREE_TEXT,
            "what was saved: may hold URLs, profile names or account ids of the victim or the offender and "
            "message details; NOT encrypted; deleted by anonymisation",
        ),
        "kept_where": _case(
            C.FREE_TEXT, "where the evidence is kept (e.g. the parent's phone); deleted by anonymisation"
        ),
        "recorded_by": _staff_ref("who recorded it"),
        "created_at": _CASE_FACT,
    },
    "referrals.casetask": {
        "id": ID,
        "organisation": ORGANISATION,
        "case": _case_ref(),
        "title": _case(
            C.SEXUAL_LIFE,
            "the chosen action, named after its destination: " + _DESTINATION_NOTE + ". Replaced by a dash "
            "by anonymisation",
        ),
        "destination": _case(
            C.SEXUAL_LIFE, "the destination code: " + _DESTINATION_NOTE + "; cleared by anonymisation"
        ),
        "status": _CASE_FACT,
        "due_date": _CASE_FACT,
        "assignee": _staff_ref("who carries out the task"),
        "takedown_guide": _case(
            C.CASE,
            "the guide for taking content offline from a platform: says images or posts are online; cleared by "
            "anonymisation",
        ),
        "created_at": _CASE_FACT,
        "done_at": _CASE_FACT,
        "done_by": _staff_ref("who did the task"),
    },
    "referrals.victimcontact": {
        "id": ID,
        "organisation": ORGANISATION,
        "case": _case_ref(),
        **{
            name: Classified(
                C.IDENTITY,
                S.VICTIM,
                B.CONSENT,
                R.CASE,
                _CASE_HANDLING,
                encrypted=True,
                shared_with_partners=True,
                note=f"the victim's (or a parent's) {label}; only with consent (Case.consent_contact); Fernet-"
                "encrypted (EncryptedTextField); every read logged; a partner's intake worker reads it only with "
                "valid consent to share contact details, a reason and MFA; deleted by anonymisation",
            )
            for name, label in (("name", "name"), ("phone", "phone number"), ("email", "e-mail address"))
        },
        "note": Classified(
            C.FREE_TEXT,
            S.VICTIM,
            B.CONSENT,
            R.CASE,
            _CASE_HANDLING,
            encrypted=True,
            shared_with_partners=True,
            note="how to reach the victim (e.g. call the mother): free text, encrypted like the contact details and "
            "shown with them to the partner",
        ),
        "updated_by": _staff_ref("who last changed the contact details"),
        "updated_at": _CASE_FACT,
    },
}

# --- The access log ---------------------------------------------------------------------

# The access log is kept as long as the processing log (Retention.PROCESSING_LOG, PROCESSING_LOG_KEEP_DAYS):
# its rows are the same reads, and the daily retention task (referrals.tasks, services.access_log_purge)
# deletes rows past that period. No retention value of its own: the period and the purge are the same.
_ACCESS = Classified(C.ACTIVITY, S.STAFF, B.LEGAL_OBLIGATION, R.PROCESSING_LOG, "security_logging")


def _access_ref(subject: Subject, note: str) -> Classified:
    return Classified(C.IDENTIFIER, subject, B.LEGAL_OBLIGATION, R.PROCESSING_LOG, "security_logging", note=note)


ACCESS_LOG: dict[str, dict[str, Classified]] = {
    "referrals.personaldataaccess": {
        "id": ID,
        "organisation": ORGANISATION,
        "case": _access_ref(S.VICTIM, "the case whose data was read; set to null when the case is deleted"),
        "case_reference": _access_ref(
            S.VICTIM,
            "the case reference, kept after the case is deleted so the log outlives the data, until the row "
            "is deleted after PROCESSING_LOG_KEEP_DAYS (services.access_log_purge, in the daily retention task)",
        ),
        "user": _access_ref(
            S.STAFF, "who read it: a member of the case's organisation or a partner's intake worker (null via a link)"
        ),
        "reader_organisation": Classified(
            C.ACTIVITY,
            S.STAFF,
            B.LEGAL_OBLIGATION,
            R.PROCESSING_LOG,
            "security_logging",
            note="the organisation the reader acted for (the partner, for a partner's read)",
        ),
        "kind": Classified(
            C.ACTIVITY,
            S.STAFF,
            B.LEGAL_OBLIGATION,
            R.PROCESSING_LOG,
            "security_logging",
            note="what was read: contact details, the case file or a referral's shared summary",
        ),
        "reason": Classified(
            C.ACTIVITY,
            S.STAFF,
            B.LEGAL_OBLIGATION,
            R.PROCESSING_LOG,
            "security_logging",
            note="why: a fixed text, or the reader's own words when they open the contact details (help text: no "
            "personal data). Free text that outlives the case, until PROCESSING_LOG_KEEP_DAYS",
        ),
        "created_at": _ACCESS,
    },
}

# --- Referrals --------------------------------------------------------------------------

_REFERRAL_FACT = _referral(C.CASE)
_REFERRAL_SHARED = _referral(C.CASE, "the partner sees it", shared=True)

_CONSENT_NOTE = "the consent ledger: the proof of what the victim (or a parent) agreed to share, with whom, until when"

REFERRALS: dict[str, dict[str, Classified]] = {
    "referrals.referral": {
        "id": ID,
        "trace_id": technical("the W3C trace the referral was sent in (links the processing log's entries)"),
        "organisation": technical("the referring organisation"),
        "case": _case_ref(activity=_REFERRAL, shared=True, note="the case; the partner sees its reference"),
        "municipality": technical("the municipality whose coordinator sees referrals in its area"),
        "destination": _referral(
            C.SEXUAL_LIFE,
            "the destination code: " + _DESTINATION_NOTE + ". Kept by anonymisation until the case is deleted: "
            "the referral counts per destination (reporting.rollups) need it; without pseudonym, texts and "
            "contact details it is tied to the case reference only",
        ),
        "destination_label": _referral(
            C.SEXUAL_LIFE,
            "the destination's name: " + _DESTINATION_NOTE + "; the partner sees it. Kept by anonymisation for "
            "the counts, as the code",
            shared=True,
        ),
        "partner": technical("the receiving organisation (empty: the partner is reached by a link)"),
        "urgency": _REFERRAL_SHARED,
        "summary": _referral(
            C.FREE_TEXT,
            "the summary for the partner, in the handler's words; the partner reads it while consent covers it "
            "and the referral is under way; NOT encrypted; cleared by anonymisation",
            shared=True,
        ),
        "status": _REFERRAL_SHARED,
        "outcome": _referral(C.CASE, "e.g. helped, no contact, the victim stopped; the partner sees it", shared=True),
        "decline_reason": _referral(
            C.FREE_TEXT, "the partner's reason for declining, free text; cleared by anonymisation", shared=True
        ),
        "redirected_from": technical("the referral the municipality redirected"),
        "created_by": _staff_ref("who drafted the referral", activity=_REFERRAL),
        "created_at": _REFERRAL_FACT,
        "sent_at": _REFERRAL_SHARED,
        "acknowledged_at": _REFERRAL_SHARED,
        "decided_at": _REFERRAL_SHARED,
        "closed_at": _REFERRAL_SHARED,
        "escalated_at": _referral(C.CASE, "when the municipality was told the partner did not answer"),
    },
    "referrals.referralconsent": {
        "id": ID,
        "organisation": ORGANISATION,
        "referral": REFERRAL_FK,
        "recipient_label": technical("the name of the organisation consent was given for"),
        "shares_summary": _referral(C.CASE, _CONSENT_NOTE),
        "shares_contact": _referral(C.CASE, _CONSENT_NOTE),
        "given_by": _referral(C.CASE, "the victim or a parent or guardian (says whether the victim is under age)"),
        "victim_age": _referral(C.CASE, "the age when consent was given; cleared by anonymisation"),
        "given_at": _REFERRAL_FACT,
        "expires_at": _REFERRAL_FACT,
        "recorded_by": _staff_ref("who recorded the consent", activity=_REFERRAL),
        "withdrawn_at": _REFERRAL_FACT,
        "withdrawn_by": _staff_ref("who recorded the withdrawal", activity=_REFERRAL),
    },
    "referrals.referralupdate": {
        "id": ID,
        "organisation": ORGANISATION,
        "referral": REFERRAL_FK,
        "author": _staff_ref(
            "who wrote it: a partner's worker or the referrer's handler (null via a link)",
            activity=_REFERRAL,
            subject=S.ANY_MEMBER,
        ),
        "author_label": technical("the name of the author's organisation (not the person)"),
        "from_partner": technical("written by the partner or by the referrer"),
        "text": _referral(
            C.FREE_TEXT,
            "messages between partner and referrer about the victim; both sides read them while consent covers the "
            "summary; NOT encrypted; deleted by anonymisation",
            shared=True,
        ),
        "created_at": _referral(C.CASE, "the partner sees it", shared=True),
    },
    "referrals.partnerlink": {
        "id": ID,
        "organisation": ORGANISATION,
        "referral": REFERRAL_FK,
        "email": Classified(
            C.IDENTITY,
            S.PARTNER,
            B.PUBLIC_TASK,
            R.CASE,
            _REFERRAL,
            note="the address the link went to, typed by the handler: the partner's intake address, which may be "
            "a named worker's. The link rows are deleted by anonymisation",
        ),
        "token_hash": Classified(
            C.ACCOUNT,
            S.PARTNER,
            B.PUBLIC_TASK,
            R.CASE,
            _REFERRAL,
            note="SHA-256 of the link's token (the credential); the token itself is not stored",
        ),
        "created_by": _staff_ref("who sent the link", activity=_REFERRAL),
        "created_at": _referral(C.CASE, "when the referral was sent to the partner by link"),
        "expires_at": technical("when the link stops working (14 days after it was made)"),
        "used_at": Classified(
            C.ACTIVITY,
            S.PARTNER,
            B.PUBLIC_TASK,
            R.CASE,
            _REFERRAL,
            note="when the partner declined or closed the referral through the link",
        ),
        "revoked_at": _referral(C.CASE, "when the link was revoked"),
        "revoked_by": _staff_ref(
            "who revoked the link (the handler, or the municipality's coordinator on redirecting)", activity=_REFERRAL
        ),
    },
}

# --- Settings, retention log, API tokens -------------------------------------------------

_API_TOKEN = Classified(
    C.ACCOUNT,
    S.STAFF,
    B.CONTRACT,
    R.ACCOUNT,
    "accounts",
    note="a member's personal token for the routing API (a case handler or platform administrator); revoked "
    "tokens are kept until the account is deleted",
)

SETTINGS: dict[str, dict[str, Classified]] = {
    "referrals.organisationcasesettings": {"*": NOT_PERSONAL},
    "referrals.deletionlog": {"*": technical("counts of anonymised and deleted cases per organisation and month")},
    "referrals.apitoken": {
        "*": _API_TOKEN,
        "id": ID,
        "user": Classified(C.IDENTIFIER, S.STAFF, B.CONTRACT, R.ACCOUNT, "accounts", note="the token's owner"),
        "token_hash": Classified(
            C.ACCOUNT,
            S.STAFF,
            B.CONTRACT,
            R.ACCOUNT,
            "accounts",
            note="SHA-256 of the token; the token itself is shown once and not stored",
        ),
        "last_used_at": Classified(
            C.ACTIVITY, S.STAFF, B.LEGITIMATE_INTEREST, R.ACCOUNT, "accounts", note="when the token was last used"
        ),
    },
}

# --- Routing data and the social maps ----------------------------------------------------

ROUTING: dict[str, dict[str, Classified]] = {
    "referrals.rulesetversion": {
        "*": NOT_PERSONAL,
        "created_by": _publisher(S.EDITOR, "the platform administrator who published the rules version"),
    },
    "referrals.localrule": {
        "*": NOT_PERSONAL,
        "created_by": _publisher(S.STAFF, "the municipality's coordinator who made the rule"),
    },
    "referrals.localdestination": {
        "*": NOT_PERSONAL,
        "phone": technical(
            "the organisation's own number (no victim data); a municipality could type a named worker's direct "
            "number here: the form does not say not to"
        ),
        "email": technical(
            "the organisation's own address (e.g. info@...); a municipality could type a named worker's address "
            "here: the form does not say not to"
        ),
    },
    "referrals.directoryentry": {
        "*": NOT_PERSONAL,
        "phone": technical("the organisation's central number, checked against its public pages; never a person's"),
    },
}

INVENTORY: dict[str, dict[str, Classified]] = {**CASES, **ACCESS_LOG, **REFERRALS, **SETTINGS, **ROUTING}
