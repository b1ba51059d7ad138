"""Trygghet: safety work for Swedish municipalities, inside QGIS."""


def classFactory(iface):
    from .plugin import TrygghetPlugin

    return TrygghetPlugin(iface)
