"""Field types for ``QgsField`` on QGIS 3.22 and on Qt6 builds alike.

QGIS 3.22 takes ``QgsField(name, QVariant.Int)``; PyQt6 has no ``QVariant.Int`` and QGIS gained
``QgsField(name, QMetaType.Type.Int)`` in 3.38. Every layer module takes its types from here, so
the choice is made once (``tools/qt6_check.py`` allows ``QVariant`` types only in this file).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qgis.core import Qgis, QgsField, QgsFields

#: The first QGIS whose QgsField takes a QMetaType.Type.
QMETATYPE_FROM = 33800

if Qgis.QGIS_VERSION_INT >= QMETATYPE_FROM:
    from qgis.PyQt.QtCore import QMetaType

    STRING: Any = QMetaType.Type.QString
    INT: Any = QMetaType.Type.Int
    DOUBLE: Any = QMetaType.Type.Double
    DATE: Any = QMetaType.Type.QDate
else:
    from qgis.PyQt.QtCore import QVariant

    STRING = QVariant.String  # qt6: ok (QGIS < 3.38 takes only QVariant.Type)
    INT = QVariant.Int  # qt6: ok
    DOUBLE = QVariant.Double  # qt6: ok
    DATE = QVariant.Date  # qt6: ok


def make_fields(spec: Iterable[tuple[str, Any]]) -> QgsFields:
    """``QgsFields`` from (name, STRING | INT | DOUBLE | DATE) pairs, in order."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields
