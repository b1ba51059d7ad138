"""tools/qt6_check.py on small snippets: what PyQt6 / QGIS 4 will not take fails `make lint`.

The enum facts come from a small table here (the real check asks the installed PyQt/PyQGIS), so
these tests need no QGIS.
"""

from __future__ import annotations

import textwrap

import pytest

from tools.qt6_check import EnumFact, check_source

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis

ENUMS = {
    ("Qt", "UserRole"): EnumFact("Qt.ItemDataRole", "Qt.ItemDataRole.UserRole"),
    ("Qt", "RightDockWidgetArea"): EnumFact(
        "Qt.DockWidgetArea", "Qt.DockWidgetArea.RightDockWidgetArea"
    ),
    ("QMessageBox", "Yes"): EnumFact(
        "QMessageBox.StandardButton", "QMessageBox.StandardButton.Yes"
    ),
    ("Qgis", "Warning"): EnumFact("Qgis.MessageLevel", "Qgis.MessageLevel.Warning"),
    ("QgsOld", "Thing"): EnumFact("QgsOld.Kind", None),  # this QGIS has no scoped form yet
}


def lookup(owner: str, member: str) -> EnumFact | None:
    return ENUMS.get((owner, member))


def codes(source: str) -> list[str]:
    return [f.code for f in check_source(textwrap.dedent(source), lookup=lookup) if f.fails]


def messages(source: str) -> list[str]:
    return [str(f) for f in check_source(textwrap.dedent(source), lookup=lookup)]


def test_unscoped_qt_enum_fails_and_says_the_scoped_spelling():
    found = messages("""
        from qgis.PyQt.QtCore import Qt
        role = Qt.UserRole
    """)
    assert found == ["<snippet>:3:8: Q601 unscoped enum Qt.UserRole: use Qt.ItemDataRole.UserRole"]


def test_scoped_enums_pass():
    assert (
        codes("""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMessageBox
        from qgis.core import Qgis
        a = Qt.ItemDataRole.UserRole
        b = Qt.DockWidgetArea.RightDockWidgetArea
        c = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        d = Qgis.MessageLevel.Warning
    """)
        == []
    )


def test_unscoped_values_of_widgets_and_qgis_fail():
    assert codes("""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMessageBox
        from qgis.core import Qgis
        iface.addDockWidget(Qt.RightDockWidgetArea, dock)
        if QMessageBox.question(None, "t", "q") == QMessageBox.Yes:
            log("x", Qgis.Warning)
    """) == ["Q601", "Q601", "Q601"]


def test_only_names_imported_from_qt_or_qgis_are_judged():
    # A local class that happens to share a name with a Qt one is not Qt's.
    assert (
        codes("""
        class Qt:
            UserRole = 1
        role = Qt.UserRole
    """)
        == []
    )


def test_an_enum_this_qgis_has_only_unscoped_is_listed_but_allowed():
    found = check_source("from qgis.core import QgsOld\nx = QgsOld.Thing\n", lookup=lookup)
    assert [(f.code, f.fails) for f in found] == [("Q601", False)]
    assert "kept" in found[0].message


def test_qvariant_field_types_fail_with_the_qmetatype_name():
    found = messages("""
        from qgis.PyQt.QtCore import QVariant
        from qgis.core import QgsField
        a = QgsField("n", QVariant.Int)
        b = QgsField("s", QVariant.String)
    """)
    assert len(found) == 2
    assert "QMetaType.Type.Int" in found[0]
    assert "QMetaType.Type.QString" in found[1]


def test_a_line_marked_qt6_ok_is_allowed():
    assert (
        codes("""
        from qgis.PyQt.QtCore import QVariant
        INT = QVariant.Int  # qt6: ok (QGIS < 3.38)
    """)
        == []
    )


def test_what_pyqt6_removed():
    assert codes("""
        from PyQt5.QtWidgets import QDialog
        from qgis.PyQt.QtCore import QRegExp, QVariant
        from qgis.PyQt.Qt import Qt
        from . import resources_rc
        dialog.exec_()
        empty = QVariant()
        button = Qt.MidButton
        combo.activated[str].connect(pick)
        screen = QApplication.desktop()
        w = QFontMetrics(font).width("x")
        t = QDateTime(2024, 1, 2, 3, 4, 5, 0, Qt.TimeSpec.UTC)
        menu.addAction(icon, "Text", receiver, slot)
        k = QVariant.Type.Int
    """) == [
        "Q606",
        "Q608",
        "Q610",
        "Q609",
        "Q605",
        "Q604",
        "Q602",
        "Q612",
        "Q613",
        "Q611",
        "Q615",
        "Q614",
        "Q616",
    ]


def test_def_exec_underscore_fails():
    assert codes("class Dialog:\n    def exec_(self):\n        pass\n") == ["Q605"]


def test_the_qt6_spellings_pass():
    assert (
        codes("""
        from qgis.core import NULL
        from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, QTime, Qt
        dialog.exec()
        empty = NULL
        button = Qt.MouseButton.MiddleButton
        combo.textActivated.connect(pick)
        w = QFontMetrics(font).horizontalAdvance("x")
        t = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt.TimeSpec.UTC)
        menu.addAction(action)
        k = QMetaType.Type.Int
    """)
        == []
    )


def test_without_an_enum_table_the_other_rules_still_hold():
    found = check_source("from qgis.PyQt.QtCore import Qt\nx = Qt.UserRole\ndialog.exec_()\n")
    assert [f.code for f in found] == ["Q605"]


def test_qaction_from_qtwidgets_fails_unless_it_is_the_qt5_fallback():
    assert codes("from qgis.PyQt.QtWidgets import QAction, QDockWidget\n") == ["Q617"]
    assert codes("""
        try:  # Qt6 has QAction in QtGui
            from qgis.PyQt.QtGui import QAction
        except ImportError:
            from qgis.PyQt.QtWidgets import QAction
    """) == []
