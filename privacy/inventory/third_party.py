"""The inventory of third-party models: Django (auth, contenttypes, sessions, admin),
allauth (account, mfa, socialaccount, usersessions), Wagtail and taggit.

Read from the libraries' models and from how the portal configures them
(``portal/settings/base.py``): allauth keeps no provider tokens
(``SOCIALACCOUNT_STORE_TOKENS = False``) and confirms e-mail addresses with HMAC keys
(no ``EmailConfirmation`` rows); no page type subclasses Wagtail's ``AbstractForm``
and no block embeds media, so ``wagtailforms`` and ``wagtailembeds`` stay empty.
Everything edited in the Wagtail admin is content (pages, documents, images, the
take-down guides and the signalenwijzer snippets), never case data.
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
    PRIMARY_KEY as ID,
)
from privacy.inventory.base import (
    account_part as _account,
)
from privacy.inventory.base import (
    user_reference as _user,
)

C, S, B, R = Category, Subject, Basis, Retention

CONTENT = technical("content or configuration, no personal data")


def _editor(note: str = "", category: Category = C.IDENTIFIER) -> Classified:
    """Who made or changed content: kept with the content."""
    return Classified(category, S.EDITOR, B.CONTRACT, R.CONTENT, "content", note=note)


def _editor_log(note: str = "", category: Category = C.ACTIVITY) -> Classified:
    """The CMS and admin audit trail: what an editor or administrator did."""
    return Classified(category, S.EDITOR, B.LEGITIMATE_INTEREST, R.AUDIT, "security_logging", note=note)


_UPLOADER = _editor("the editor who uploaded the file (emptied when the account is deleted)")
_OWNER = _editor("the editor who created the page (emptied when the account is deleted)")

# --- Django -----------------------------------------------------------------------------

DJANGO: dict[str, dict[str, Classified]] = {
    "auth.group": {"*": NOT_PERSONAL},
    "auth.permission": {"*": NOT_PERSONAL},
    "contenttypes.contenttype": {"*": NOT_PERSONAL},
    "sessions.session": {
        "session_key": Classified(
            C.ACCOUNT,
            S.ANY_MEMBER,
            B.CONTRACT,
            R.SESSION,
            "accounts",
            note="the session cookie's value: whoever holds it is signed in as the person",
        ),
        "session_data": Classified(
            C.ACCOUNT,
            S.ANY_MEMBER,
            B.CONTRACT,
            R.SESSION,
            "accounts",
            note="session contents: the user id and password-hash digest, the current organisation, the "
            "address typed at sign-in, allauth's sign-in state (login codes, MFA stage). Expired rows are "
            "deleted daily (portal.tasks.sessions_clear_expired, Django's clearsessions)",
        ),
        "expire_date": Classified(C.ACCOUNT, S.ANY_MEMBER, B.CONTRACT, R.SESSION, "accounts"),
    },
    "admin.logentry": {
        "*": _editor_log("the Django admin's change history (platform administrators)"),
        "id": ID,
        "user": _user(
            S.EDITOR,
            R.AUDIT,
            "security_logging",
            B.LEGITIMATE_INTEREST,
            "the administrator who made the change; the row is deleted with that account (cascade)",
        ),
        "content_type": technical("which model was changed"),
        "object_id": technical("which row was changed"),
        "object_repr": _editor_log(
            "the changed object's name at the time; for an account this is the person's name or e-mail "
            "address, replaced by '(verwijderd account)' when the account is deleted (portal.receivers)"
        ),
        "change_message": _editor_log(
            "which fields were changed (names, not values); emptied for an account when it is deleted"
        ),
    },
}

# --- allauth ----------------------------------------------------------------------------

ALLAUTH: dict[str, dict[str, Classified]] = {
    "account.emailaddress": {
        "id": ID,
        "user": _user(S.ANY_MEMBER, R.ACCOUNT, "accounts", B.CONTRACT, "the account"),
        "email": _account(C.IDENTITY, "the sign-in address (a copy of the account's e-mail address)"),
        "verified": _account(C.ACCOUNT, "whether the address was confirmed"),
        "primary": _account(C.ACCOUNT),
    },
    "account.emailconfirmation": {
        "*": _account(
            C.ACCOUNT,
            "a stored confirmation key; not used: allauth confirms addresses with HMAC keys "
            "(ACCOUNT_EMAIL_CONFIRMATION_HMAC, default True), so the table stays empty",
        ),
        "id": ID,
        "email_address": _user(S.ANY_MEMBER, R.ACCOUNT, "accounts", B.CONTRACT, "the address being confirmed"),
    },
    "mfa.authenticator": {
        "id": ID,
        "user": _user(S.ANY_MEMBER, R.ACCOUNT, "accounts", B.CONTRACT, "whose second factor"),
        "type": _account(C.ACCOUNT, "TOTP, recovery codes or passkey (WebAuthn)"),
        "data": Classified(
            C.ACCOUNT,
            S.ANY_MEMBER,
            B.CONTRACT,
            R.ACCOUNT,
            "accounts",
            encrypted=True,
            note="the TOTP secret and the recovery codes' seed (and migrated codes), encrypted with "
            "FIELD_ENCRYPTION_KEYS (portal.adapters.MFAAdapter; rotated by `rotate_field_keys`), with the mask "
            "of used codes; for a passkey its public credential (not secret, not encrypted)",
        ),
        "created_at": _account(C.ACCOUNT),
        "last_used_at": Classified(
            C.ACTIVITY, S.ANY_MEMBER, B.LEGITIMATE_INTEREST, R.ACCOUNT, "accounts", note="the last use of the factor"
        ),
    },
    "socialaccount.socialapp": {
        "*": NOT_PERSONAL,
        "secret": technical(
            "not personal, but a credential: an OpenID Connect client secret, stored in the clear (empty for SAML)"
        ),
    },
    "socialaccount.socialaccount": {
        "id": ID,
        "user": _user(S.ANY_MEMBER, R.ACCOUNT, "accounts", B.CONTRACT, "the account the sign-in is linked to"),
        "provider": _account(
            C.ACCOUNT, "which organisation's or federation's provider (its id names the organisation)"
        ),
        "uid": _account(C.IDENTIFIER, "the person's identifier at the identity provider (often pseudonymous)"),
        "last_login": Classified(
            C.ACTIVITY,
            S.ANY_MEMBER,
            B.LEGITIMATE_INTEREST,
            R.ACCOUNT,
            "accounts",
            note="the last sign-in through the provider",
        ),
        "date_joined": _account(C.ACCOUNT, "when the link was made"),
        "extra_data": _account(
            C.IDENTITY,
            "what the identity provider asserted at the last sign-in: name, e-mail address, affiliation "
            "(e.g. student/employee), home organisation code, authentication context; the whole OIDC "
            "userinfo/id_token or SAML attribute statement is kept, not only what the portal reads",
        ),
    },
    "socialaccount.socialtoken": {
        "*": _account(
            C.ACCOUNT,
            "a provider's access or refresh token; not stored: SOCIALACCOUNT_STORE_TOKENS = False, the table "
            "stays empty",
        ),
        "id": ID,
        "app": technical("the provider configuration"),
    },
    "usersessions.usersession": {
        "id": ID,
        "user": _user(S.ANY_MEMBER, R.SESSION, "security_logging", B.LEGITIMATE_INTEREST, "whose session"),
        "session_key": Classified(C.ACCOUNT, S.ANY_MEMBER, B.LEGITIMATE_INTEREST, R.SESSION, "security_logging"),
        "created_at": Classified(
            C.ACTIVITY, S.ANY_MEMBER, B.LEGITIMATE_INTEREST, R.SESSION, "security_logging", note="when they signed in"
        ),
        "last_seen_at": Classified(
            C.ACTIVITY,
            S.ANY_MEMBER,
            B.LEGITIMATE_INTEREST,
            R.SESSION,
            "security_logging",
            note="not updated per request (USERSESSIONS_TRACK_ACTIVITY = False)",
        ),
        "ip": Classified(
            C.ACTIVITY,
            S.ANY_MEMBER,
            B.LEGITIMATE_INTEREST,
            R.SESSION,
            "security_logging",
            note="the IP address at sign-in, shown in the person's list of sessions. A daily sweep "
            "(portal.tasks.user_sessions_purge) deletes the row once its session has ended (signed out, expired "
            "or deleted); allauth also removes it when the person opens the list or signs in again",
        ),
        "user_agent": Classified(
            C.ACTIVITY,
            S.ANY_MEMBER,
            B.LEGITIMATE_INTEREST,
            R.SESSION,
            "security_logging",
            note="the browser and operating system at sign-in; kept like the IP address",
        ),
        "data": Classified(
            C.ACTIVITY, S.ANY_MEMBER, B.LEGITIMATE_INTEREST, R.SESSION, "security_logging", note="allauth's extra data"
        ),
    },
}

# --- Wagtail ----------------------------------------------------------------------------

_LOG_ENTRY: dict[str, Classified] = {
    "*": _editor_log("the CMS's history of what was done to a page or object (activity content/security)"),
    "id": ID,
    "content_type": technical("the kind of object"),
    "uuid": technical("groups the entries of one request"),
    "revision": technical("the version the action was about"),
    "content_changed": technical(),
    "deleted": technical("the object was deleted since"),
    "label": _editor_log(
        "the object's title at the time; for an account changed in Wagtail's user admin this is the "
        "person's name or e-mail address, replaced by '(verwijderd account)' when the account is deleted"
    ),
    "data": _editor_log(
        "details of the action (titles, revision ids, for comment actions the comment's text); emptied for an "
        "account when it is deleted"
    ),
    "user": _user(
        S.EDITOR,
        R.AUDIT,
        "security_logging",
        B.LEGITIMATE_INTEREST,
        "who did it; Wagtail keeps the id (no database constraint) after the account is deleted",
    ),
}

_COMMENT_TEXT = _editor(
    "an editor's comment on a draft page: about the content, not about a case, so ACTIVITY of the editor "
    "rather than FREE_TEXT; deleted with the page",
    C.ACTIVITY,
)

WAGTAIL: dict[str, dict[str, Classified]] = {
    "wagtailcore.page": {
        "*": CONTENT,
        "id": ID,
        "owner": _OWNER,
        "locked_by": _editor("the editor who locked the page"),
        "locked_at": _editor("when the editor locked the page", C.ACTIVITY),
    },
    "wagtailcore.revision": {
        "*": CONTENT,
        "id": ID,
        "user": _editor("who saved this version"),
        "created_at": _editor("when the editor saved this version", C.ACTIVITY),
        "content": technical(
            "the serialised page or object (content; includes the owner's and locker's user ids); revisions "
            "are kept until `purge_revisions` runs, which nothing schedules"
        ),
    },
    "wagtailcore.pagelogentry": {**_LOG_ENTRY, "page": technical("the page (id kept after deletion)")},
    "wagtailcore.modellogentry": {**_LOG_ENTRY, "object_id": technical("the object")},
    "wagtailcore.comment": {
        "id": ID,
        "page": technical("the page commented on"),
        "user": _editor("who wrote the comment"),
        "text": _COMMENT_TEXT,
        "contentpath": technical("where on the page"),
        "position": technical("where in the field"),
        "created_at": _editor("when", C.ACTIVITY),
        "updated_at": _editor("when", C.ACTIVITY),
        "revision_created": technical("the version the comment was made on"),
        "resolved_at": _editor("when the comment was resolved", C.ACTIVITY),
        "resolved_by": _editor("who resolved it"),
    },
    "wagtailcore.commentreply": {
        "id": ID,
        "comment": technical("the comment replied to"),
        "user": _editor("who replied"),
        "text": _COMMENT_TEXT,
        "created_at": _editor("when", C.ACTIVITY),
        "updated_at": _editor("when", C.ACTIVITY),
    },
    "wagtailcore.pagesubscription": {
        "id": ID,
        "user": _editor("who follows a page's comments"),
        "page": technical("the page"),
        "comment_notifications": _editor("whether they want comment notifications", C.ACCOUNT),
    },
    "wagtailcore.workflow": {"*": NOT_PERSONAL},
    "wagtailcore.workflowcontenttype": {"*": NOT_PERSONAL},
    "wagtailcore.workflowpage": {"*": NOT_PERSONAL},
    "wagtailcore.workflowtask": {"*": NOT_PERSONAL},
    "wagtailcore.task": {"*": NOT_PERSONAL},
    "wagtailcore.groupapprovaltask": {"*": NOT_PERSONAL},
    "wagtailcore.workflowstate": {
        "*": CONTENT,
        "id": ID,
        "requested_by": _editor("who submitted the page for review"),
        "created_at": _editor("when it was submitted", C.ACTIVITY),
    },
    "wagtailcore.taskstate": {
        "*": CONTENT,
        "id": ID,
        "finished_by": _editor("the reviewer who approved or rejected"),
        "finished_at": _editor("when the reviewer decided", C.ACTIVITY),
        "comment": _editor(
            "the reviewer's comment on a page in review: about content, not a case, so ACTIVITY rather than FREE_TEXT",
            C.ACTIVITY,
        ),
    },
    "wagtailcore.site": {"*": NOT_PERSONAL},
    "wagtailcore.locale": {"*": NOT_PERSONAL},
    "wagtailcore.collection": {"*": NOT_PERSONAL},
    "wagtailcore.groupcollectionpermission": {"*": NOT_PERSONAL},
    "wagtailcore.grouppagepermission": {"*": NOT_PERSONAL},
    "wagtailcore.groupsitepermission": {"*": NOT_PERSONAL},
    "wagtailcore.pageviewrestriction": {
        "*": NOT_PERSONAL,
        "password": technical("a shared viewing password (not a person's); Wagtail stores it in the clear"),
    },
    "wagtailcore.collectionviewrestriction": {
        "*": NOT_PERSONAL,
        "password": technical("a shared viewing password (not a person's); Wagtail stores it in the clear"),
    },
    "wagtailcore.referenceindex": {"*": technical("which content refers to which (Wagtail's usage index)")},
    "wagtailcore.uploadedfile": {
        "*": CONTENT,
        "id": ID,
        "uploaded_by_user": _editor("who uploaded the file (a temporary upload before it becomes an image)"),
    },
    "wagtailcore.apitoken": {
        "*": _account(
            C.ACCOUNT, "a Wagtail API token (only its hash is stored); the portal does not use Wagtail's API", S.EDITOR
        ),
        "id": ID,
        "user": _user(S.EDITOR, R.ACCOUNT, "accounts", B.CONTRACT, "whose token"),
        "last_used_at": Classified(
            C.ACTIVITY, S.EDITOR, B.LEGITIMATE_INTEREST, R.ACCOUNT, "accounts", note="the token's last use"
        ),
    },
    "wagtailadmin.admin": {"*": NOT_PERSONAL},
    "wagtailadmin.editingsession": {
        "id": ID,
        "user": _user(S.EDITOR, R.SESSION, "content", B.CONTRACT, "who has the edit screen open"),
        "content_type": technical("the kind of object"),
        "object_id": technical("the object"),
        "last_seen_at": Classified(
            C.ACTIVITY,
            S.EDITOR,
            B.CONTRACT,
            R.SESSION,
            "content",
            note="shows other editors who is editing; Wagtail deletes rows not seen for an hour",
        ),
        "is_editing": Classified(C.ACTIVITY, S.EDITOR, B.CONTRACT, R.SESSION, "content"),
    },
    "wagtailadmin.formstate": {
        "id": ID,
        "user": _user(S.EDITOR, R.SESSION, "content", B.CONTRACT, "whose unsaved edit form"),
        "data": technical(
            "the unsaved edit form of a page or snippet, kept for its preview (content only: no model with "
            "personal data is edited in the Wagtail admin); rows older than 24 hours are deleted at the next preview"
        ),
        "content_type": technical("the kind of object"),
        "object_id": technical("the object"),
        "parent_object_id": technical("the parent page"),
        "last_updated_at": Classified(C.ACTIVITY, S.EDITOR, B.CONTRACT, R.SESSION, "content"),
    },
    "wagtailusers.userprofile": {
        "*": _account(
            C.ACCOUNT,
            "the editor's admin preferences (notifications, language, time zone, theme, dismissed hints)",
            S.EDITOR,
        ),
        "id": ID,
        "user": _user(S.EDITOR, R.ACCOUNT, "accounts", B.CONTRACT, "whose profile"),
        "avatar": _account(C.IDENTITY, "a profile picture the editor may upload (often a photo of them)", S.EDITOR),
    },
    "wagtailimages.image": {
        "*": technical("an image the editors publish (content)"),
        "id": ID,
        "uploaded_by_user": _UPLOADER,
    },
    "wagtailimages.rendition": {"*": technical("a resized copy of an image")},
    "wagtaildocs.document": {
        "*": technical("a document the editors publish (content; PDF only)"),
        "id": ID,
        "uploaded_by_user": _UPLOADER,
    },
    "wagtailembeds.embed": {
        "*": technical(
            "cached oEmbed data of embedded media; not used by the portal (no embed block). author_name would "
            "be the public channel name of a published video"
        ),
    },
    "wagtailforms.formsubmission": {
        "id": ID,
        "page": technical("the form page"),
        "form_data": Classified(
            C.ACTIVITY,
            S.ANY_MEMBER,
            B.CONTRACT,
            R.CONTENT,
            "content",
            note="not used by the portal: no page type subclasses AbstractForm, so the table stays empty. A form "
            "page would store whatever a visitor typed; classify it again (FREE_TEXT with case retention if it "
            "could be about a case) before adding one",
        ),
        "submit_time": Classified(
            C.ACTIVITY, S.ANY_MEMBER, B.CONTRACT, R.CONTENT, "content", note="not used by the portal (see form_data)"
        ),
    },
    "wagtailredirects.redirect": {"*": NOT_PERSONAL},
    "wagtailsearch.indexentry": {
        "*": technical("search index of pages, snippets, images and documents (content only)"),
    },
    "wagtailsearch.sqliteftsindexentry": {
        "*": technical("full-text search index on SQLite (content only)"),
    },
}

# --- taggit -----------------------------------------------------------------------------

TAGGIT: dict[str, dict[str, Classified]] = {
    "taggit.tag": {"*": NOT_PERSONAL},
    "taggit.taggeditem": {"*": technical("which tag is on which image or document")},
}

INVENTORY: dict[str, dict[str, Classified]] = {**DJANGO, **ALLAUTH, **WAGTAIL, **TAGGIT}
