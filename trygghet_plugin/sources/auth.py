"""Credentials from the QGIS authentication database, given to a session that adds them
to each request for the configured origin only (see http.GuardedSession).

Only the authcfg id is ever stored in settings or projects; the secret stays in QGIS's
encrypted database. QGIS 3.22 has no "API header" method, so a Basic config carries the
other kinds by its user name:

- user ``bearer`` or ``token``, password = the token -> ``Authorization: Bearer <token>``
- user ``header:X-API-Key`` (any header name), password = the key -> ``X-API-Key: <key>``
- any other user name -> HTTP Basic with that user and password.

Newer QGIS versions' "API Header" configs are applied as they are.
"""

from __future__ import annotations

import requests

from ..authdb import load_auth_config
from ..i18n import translator
from .http import Credentials, SourceError

tr = translator("Sources")


def apply_authcfg(session: requests.Session, authcfg: str | None) -> None:
    """Give ``session`` (a GuardedSession) the credentials of ``authcfg``; they are never put
    on the session's own headers, so a request to another origin cannot carry them."""
    if not authcfg:
        return
    session.credentials = load_credentials(authcfg)


def load_credentials(authcfg: str) -> Credentials:
    config = load_auth_config(authcfg, SourceError)
    method = config.method()
    if method == "Basic":
        user, password = config.config("username"), config.config("password")
        if user.lower() in ("bearer", "token") and password:
            # A bearer token kept in a Basic config: 3.22 has no API-header method.
            return Credentials(headers={"Authorization": f"Bearer {password}"})
        if user.lower().startswith("header:") and user[7:].strip() and password:
            return Credentials(headers={user[7:].strip(): password})
        return Credentials(basic=(user, password))
    if method == "APIHeader":
        return Credentials(headers=dict(config.configMap().items()))
    raise SourceError(tr("The authentication method {method} is not supported; use Basic "
                         "(user name and password, or 'bearer'/'header:Name' with the key "
                         "as the password).").format(method=method))
