"""A stand-alone test OpenID Connect provider built on ``allauth.idp.oidc``.

Started as its own process by :mod:`tests.sso.oidc_provider` (see ``serve.py``);
it never runs inside the portal's settings.
"""
