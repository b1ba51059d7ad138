"""Credentials from the QGIS authentication database, applied to a requests session.

Only the authcfg id is ever stored in settings or projects; the secret stays in QGIS's
encrypted database.
"""

from __future__ import annotations

import requests

from .http import SourceError


def apply_authcfg(session: requests.Session, authcfg: str | None) -> None:
    if not authcfg:
        return
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if authcfg not in manager.configIds():
        raise SourceError(f"Autentiseringen '{authcfg}' finns inte i QGIS. / "
                          f"Authentication config '{authcfg}' does not exist in QGIS.")
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise SourceError(f"Autentiseringen '{authcfg}' kunde inte läsas: är huvudlösenordet "
                          f"angivet? / Authentication config '{authcfg}' could not be read: "
                          "is the master password set?")
    method = config.method()
    if method == "Basic":
        user, password = config.config("username"), config.config("password")
        if user.lower() in ("bearer", "token") and password:
            # A bearer token kept in a Basic config: 3.22 has no API-header method.
            session.headers["Authorization"] = f"Bearer {password}"
        else:
            session.auth = (user, password)
    elif method == "APIHeader":
        for key, value in config.configMap().items():
            session.headers[key] = value
    else:
        raise SourceError(f"Autentiseringsmetoden {method} stöds inte; använd Basic eller "
                          f"API-header. / Auth method {method} is not supported.")
