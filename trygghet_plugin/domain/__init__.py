"""Plain Python domain: incidents, areas, surveys, taxonomy, periods (no Qt, no QGIS)."""
