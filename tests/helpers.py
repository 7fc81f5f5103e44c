"""Helpers shared by every suite (the fixtures that use them live in tests/conftest.py)."""

from __future__ import annotations

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from portal.roles import Role
from tests.factories import TEST_TOTP_SECRET, MembershipFactory, UserFactory


def make_member(organisation, role: Role = Role.LEARNER, *, mfa: bool | None = None, **user_kwargs):
    """A member of ``organisation`` with ``role``; with TOTP when the role requires MFA
    (or as ``mfa`` says)."""
    from portal.roles import role_requires_mfa

    if mfa is None:
        mfa = role_requires_mfa(role)
    user = UserFactory(with_totp=mfa, **user_kwargs)
    return MembershipFactory(organisation=organisation, user=user, role=role)


def totp_code(secret: str = TEST_TOTP_SECRET, *, offset: int = 0) -> str:
    """The TOTP code for ``secret`` now (``offset`` periods later or earlier)."""
    import time

    from allauth.mfa import app_settings

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD + offset))
