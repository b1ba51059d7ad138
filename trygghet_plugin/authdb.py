"""Reading a config from the QGIS authentication database: one place for the sync's HTTP
credentials and the PostGIS store's login. Only the authcfg id is ever stored elsewhere."""

from __future__ import annotations

from .i18n import translator

tr = translator("Store")


def load_auth_config(authcfg: str, error: type[Exception]):
    """The decrypted ``QgsAuthMethodConfig`` of ``authcfg``; ``error`` (the caller's own
    user-facing exception) when QGIS is missing, the id is unknown or it cannot be read."""
    try:
        from qgis.core import QgsApplication, QgsAuthMethodConfig
    except ImportError:
        raise error(tr("authcfg needs QGIS.")) from None
    manager = QgsApplication.authManager()
    if manager is None or authcfg not in manager.configIds():
        raise error(tr("The authentication config '{authcfg}' does not exist in QGIS.")
                    .format(authcfg=authcfg))
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise error(tr("The authentication config '{authcfg}' could not be read: is the "
                       "master password set?").format(authcfg=authcfg))
    return config
