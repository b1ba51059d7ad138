"""Trygghet: safety work for Swedish municipalities, inside QGIS."""


def classFactory(iface):  # noqa: N802 - QGIS's name
    from .plugin import TrygghetPlugin

    return TrygghetPlugin(iface)
