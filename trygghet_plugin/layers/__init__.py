"""QGIS layers made from the store: styles, groups, temporal properties."""
