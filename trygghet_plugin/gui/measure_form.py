"""The form for one measure (a dialog, not squeezed into the dock): title, type from the
taxonomy, responsible organisation, status, start and end dates, target categories, internal
notes. Save checks the words with :func:`..jobs.measures.make_measure` (the rules
``trygghet:addmeasure`` applies) and stays open with the reason when they do not hold."""

from __future__ import annotations

from datetime import date

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import QDialog, QListWidgetItem

from ..analysis.errors import AnalysisError
from ..domain import clock
from ..domain.measure import PLANNED, STATUS_LABELS, Measure, MeasureTypes
from ..domain.taxonomy import Taxonomy
from ..i18n import language, translator
from ..jobs.measures import make_measure
from ..paths import form
from .status import ERROR_STYLE

FORM, _ = uic.loadUiType(str(form("measure_form.ui")))

tr = translator("MeasureForm")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class MeasureForm(QDialog, FORM):
    """Edit ``measure`` (or a new one acting at ``wkb``); after exec() ``measure`` holds the
    checked result."""

    def __init__(self, parent=None, *, measure: Measure | None = None,
                 wkb: bytes | None = None, place_text: str = "",
                 types: MeasureTypes | None = None, taxonomy: Taxonomy | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.types = types or MeasureTypes.load()
        self.taxonomy = taxonomy
        self.original = measure
        self.wkb = wkb
        self.measure: Measure | None = None
        lang = language()
        self.setWindowTitle(tr("New measure") if measure is None else tr("Edit measure"))
        for code, kind in self.types.types.items():
            self.typeCombo.addItem(kind.label(lang), code)
        for code, (sv, en) in STATUS_LABELS.items():
            self.statusCombo.addItem(sv if lang.startswith("sv") else en, code)
        self._fill_categories(lang)
        today = _qdate(clock.today())
        self.startDate.setDate(today)
        self.endDate.setDate(today)
        self.startCheck.toggled.connect(self.startDate.setEnabled)
        self.endCheck.toggled.connect(self.endDate.setEnabled)
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.placeLabel.setText(place_text or (tr("kept as it is") if measure is not None
                                               else tr("none (only in the list)")))
        self.errorLabel.setStyleSheet(ERROR_STYLE)
        self.errorLabel.hide()
        self._show(measure)

    def _fill_categories(self, lang: str) -> None:
        if self.taxonomy is None:
            from ..paths import taxonomy_file

            self.taxonomy = Taxonomy.load(taxonomy_file())
        for code, cat in self.taxonomy.categories.items():
            item = QListWidgetItem(cat.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categoryList.addItem(item)

    def _show(self, m: Measure | None) -> None:
        self.startCheck.setChecked(m is None or m.start is not None)
        self.endCheck.setChecked(m is not None and m.end is not None)
        self.startDate.setEnabled(self.startCheck.isChecked())
        self.endDate.setEnabled(self.endCheck.isChecked())
        status = m.status if m is not None else PLANNED
        self.statusCombo.setCurrentIndex(max(0, self.statusCombo.findData(status)))
        if m is None:
            return
        self.titleEdit.setText(m.title)
        self.typeCombo.setCurrentIndex(max(0, self.typeCombo.findData(m.type)))
        self.organisationEdit.setText(m.organisation or "")
        if m.start:
            self.startDate.setDate(_qdate(m.start))
        if m.end:
            self.endDate.setDate(_qdate(m.end))
        self.notesEdit.setPlainText(m.notes or "")
        chosen = set(m.categories)
        for row in range(self.categoryList.count()):
            item = self.categoryList.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen_categories(self) -> list[str]:
        items = (self.categoryList.item(r) for r in range(self.categoryList.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items
                if i.checkState() == Qt.CheckState.Checked]

    def set_categories(self, codes) -> None:
        wanted = set(codes)
        for row in range(self.categoryList.count()):
            item = self.categoryList.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in wanted else Qt.CheckState.Unchecked)

    def checked_measure(self) -> Measure:
        """The form's measure, checked; AnalysisError (a MeasureError) says what is wrong."""
        m = self.original
        return make_measure(
            title=self.titleEdit.text(), type_word=self.typeCombo.currentData(),
            status_word=self.statusCombo.currentData(),
            start=_day(self.startDate) if self.startCheck.isChecked() else None,
            end=_day(self.endDate) if self.endCheck.isChecked() else None,
            organisation=self.organisationEdit.text(),
            categories=";".join(self.chosen_categories()),
            notes=self.notesEdit.toPlainText(),
            kommunkod=m.kommunkod if m is not None else None,
            # An edit keeps the stored place (add_measure fills it in) unless a new one came.
            wkb=self.wkb, uid=m.uid if m is not None else None,
            source=m.source if m is not None else "manual", types=self.types,
            taxonomy=self.taxonomy)

    def accept(self) -> None:
        try:
            self.measure = self.checked_measure()
        except AnalysisError as exc:
            self.errorLabel.setText(str(exc))
            self.errorLabel.show()
            return
        super().accept()
