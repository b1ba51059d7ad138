"""The Lägesbild dock on a real QMainWindow: choose a period or a tertial, click, and get the
PDF, the layout in the project and the Layout Designer; own templates; errors as messages."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QDate
from qt_wait import wait_for

from trygghet_plugin.analysis.periods import last_complete_period, last_complete_tertial
from trygghet_plugin.reports.generate import REPORT_PROPERTY
from trygghet_plugin.settings import SettingsManager

TOUCHED_SETTINGS = ("store_path", "layout_template_lagesbild", "layout_template_board",
                    "report_dir", "page_size")


def pdf_pages(path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [unicodedata.normalize("NFKC", subprocess.run(
        ["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(path), "-"],
        capture_output=True, text=True, check=True).stdout) for i in range(1, count + 1)]


def page_size_pt(path) -> tuple[int, int]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    return round(float(w)), round(float(h))


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    """A Nässjö-like kommun, reports until 31 October 2026, with DeSO areas and boundary."""
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    path = tmp_path_factory.mktemp("dock") / "nassjo.gpkg"
    sample = generate(size=4000, seed=5)
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_areas(sample.store_areas())
    return path, len(sample.areas)


@pytest.fixture
def dock(plugin, recording_iface, sample_store, tmp_path):
    """The dock as a user opens it, over a copy of the sample store in its own folder."""
    settings = SettingsManager()
    saved = {name: settings.get(name) for name in TOUCHED_SETTINGS}
    for name in TOUCHED_SETTINGS[1:]:
        settings.set(name, "" if name != "page_size" else "A3")
    store = tmp_path / "nassjo.gpkg"
    store.write_bytes(sample_store[0].read_bytes())
    designer = []
    recording_iface.openLayoutDesigner = designer.append
    plugin.lagesbild_action.trigger()
    dock = plugin.lagesbild_dock
    dock.designer = designer
    dock.opened_urls = []
    dock.open_url = dock.opened_urls.append
    dock.results = []
    dock.report_done.connect(dock.results.append)
    dock.storeEdit.setText(str(store))
    dock.storeEdit.editingFinished.emit()
    yield dock
    project = QgsProject.instance()
    for layout in project.layoutManager().layouts():
        project.layoutManager().removeLayout(layout)
    project.removeAllMapLayers()
    for name, value in saved.items():
        settings.set(name, value)


def click_and_wait(dock, button) -> object:
    before = len(dock.results)
    button.click()
    wait_for(lambda: len(dock.results) > before and dock.task is None)
    return dock.results[-1]


def choose_end_date(dock, day: date) -> None:
    dock.customEndCheck.setChecked(True)
    dock.endDateEdit.setDate(QDate(day.year, day.month, day.day))


def report_layers(title: str) -> list:
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty(REPORT_PROPERTY) == title]


def test_the_dock_opens_on_the_last_complete_period_and_steps_through_periods(dock):
    latest = last_complete_period()
    assert dock.period == latest
    assert latest.label in dock.periodLabel.text()
    assert not dock.nextPeriodButton.isEnabled()  # the period after has not ended
    dock.previousPeriodButton.click()
    assert dock.period == latest.previous()
    assert latest.previous().label in dock.periodLabel.text()
    assert dock.nextPeriodButton.isEnabled()
    dock.nextPeriodButton.click()
    assert dock.period == latest
    choose_end_date(dock, date(2026, 10, 25))
    assert "Vecka 42–43 2026" in dock.periodLabel.text()
    dock.latestPeriodButton.click()
    assert dock.period == latest and not dock.customEndCheck.isChecked()
    assert dock.tertialCombo.currentText() == last_complete_tertial().label
    assert dock.chosen_tertial() == last_complete_tertial()


def test_skapa_lagesbild_writes_the_pdf_and_opens_the_layout(dock, tmp_path):
    choose_end_date(dock, date(2026, 10, 25))
    result = click_and_wait(dock, dock.lagesbildButton)

    pdf = tmp_path / "lagesbild_2026-v42-43.pdf"
    assert result is not None and result.pdf == pdf and pdf.is_file()
    pages = pdf_pages(pdf)
    assert len(pages) == 3  # the third: measures and places without one
    assert "Lägesbild Nässjö kommun" in pages[0] and "12–25 oktober 2026" in pages[0]
    assert all("INTERNT – innehåller exakta platser" in text for text in pages)
    layout = QgsProject.instance().layoutManager().layoutByName("Lägesbild 2026-v42-43")
    assert layout is not None
    assert dock.designer == [layout]
    assert "lagesbild_2026-v42-43.pdf" in dock.statusLabel.text()
    assert "Öppna PDF" in dock.statusLabel.text()
    # The layout reads its charts whenever it is drawn: they stay next to the store.
    charts = sorted(p.name for p in (tmp_path / "trygghet-cache").rglob("*.svg"))
    assert charts == ["reporters.svg", "trend.svg", "weekday_hour.svg"]
    # So do its map layers, so the layout keeps its maps when the project is saved.
    layers = report_layers("Lägesbild 2026-v42-43")
    assert {layer.providerType() for layer in layers} == {"ogr"}
    assert all("trygghet-cache" in layer.source() for layer in layers)
    (incidents,) = [layer for layer in layers if layer.name() == "Händelser v.\u00a042–43"]
    assert incidents.featureCount() > 20
    assert incidents.renderer().type() == "categorizedSymbol"  # the print style stays

    dock.statusLabel.linkActivated.emit(dock.statusLabel.text().split("href='")[1]
                                        .split("'")[0])
    assert dock.opened_urls[-1].toLocalFile() == str(pdf)

    # Again for the same period: the first layout (perhaps edited) and PDF are kept, the new
    # report gets the next free name.
    layers = len(report_layers("Lägesbild 2026-v42-43"))
    first_pdf = pdf.read_bytes()
    again = click_and_wait(dock, dock.lagesbildButton)
    names = [lay.name() for lay in QgsProject.instance().layoutManager().layouts()]
    assert sorted(names) == ["Lägesbild 2026-v42-43", "Lägesbild 2026-v42-43 (2)"]
    assert again.pdf == tmp_path / "lagesbild_2026-v42-43_2.pdf" and again.pdf.is_file()
    assert pdf.read_bytes() == first_pdf
    assert len(report_layers("Lägesbild 2026-v42-43")) == layers
    assert len(report_layers("Lägesbild 2026-v42-43 (2)")) == layers
    assert "lagesbild_2026-v42-43_2.pdf" in dock.statusLabel.text()
    assert len(dock.designer) == 2


def test_skapa_lagesbild_in_a4_into_the_chosen_folder(dock, tmp_path):
    choose_end_date(dock, date(2026, 10, 25))
    dock.pageSizeCombo.setCurrentIndex(dock.pageSizeCombo.findData("A4"))
    dock.outputDirEdit.setText(str(tmp_path / "pdf"))
    dock.outputDirEdit.editingFinished.emit()
    result = click_and_wait(dock, dock.lagesbildButton)
    assert result.pdf == tmp_path / "pdf" / "lagesbild_2026-v42-43.pdf"
    assert page_size_pt(result.pdf) == (842, 595)
    assert SettingsManager().get("report_dir") == str(tmp_path / "pdf")
    assert SettingsManager().get("page_size") == "A4"


def test_skapa_namndanalys_writes_a_page_per_area(dock, sample_store, tmp_path):
    from qgis.core import QgsLayoutItemAttributeTable, QgsLayoutItemMap

    from trygghet_plugin.reports.board_layout import AREA_PAGE, PAGES

    _, n_areas = sample_store
    dock.set_tertial("2026-T2")
    result = click_and_wait(dock, dock.boardButton)

    pdf = tmp_path / "namndanalys_2026-T2.pdf"
    assert result is not None and result.pdf == pdf
    pages = pdf_pages(pdf)
    assert len(pages) == result.pages == 2 + n_areas + 4
    assert "Trygghetsanalys Nässjö kommun" in pages[0]
    assert "1 maj – 31 augusti 2026" in pages[0]
    assert "Samma tertial de senaste åren" in pages[1]
    assert "Åtgärder och effekter" in pages[-2]
    assert "INTERNT" not in "\n".join(pages)
    assert [f"sida {i} av {len(pages)}" in page for i, page in enumerate(pages, 1)] \
        == [True] * len(pages)
    layout = QgsProject.instance().layoutManager().layoutByName("Nämndanalys 2026-T2")
    assert layout is not None and dock.designer == [layout]
    # One area page design in the Layout Designer: an atlas over the areas prints it once
    # per area, its map following the area and its table the area's rows.
    assert layout.pageCollection().pageCount() == len(PAGES)
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer().name() == "Områden"
    assert atlas.coverageLayer().featureCount() == n_areas
    assert atlas.coverageLayer() in report_layers("Nämndanalys 2026-T2")
    area_map = layout.itemById("area_map")
    assert isinstance(area_map, QgsLayoutItemMap) and area_map.atlasDriven()
    assert area_map.page() == AREA_PAGE
    atlas.beginRender()  # as the Layout Designer's atlas preview steps through the areas
    try:
        for i in range(n_areas):
            assert atlas.seekTo(i)
            area = layout.reportContext().feature().geometry().boundingBox()
            shown = area_map.extent()
            assert shown.contains(area) and min(shown.width(), shown.height()) >= 799
            assert shown.width() >= 1.29 * area.width() or shown.height() >= 1.29 * area.height()
    finally:
        atlas.endRender()
    table = layout.itemById("area_figures").multiFrame()
    assert isinstance(table, QgsLayoutItemAttributeTable)
    assert table.vectorLayer().name() == "Siffror per område"
    assert [c.heading() for c in table.columns()][:2] == ["Kategori", "Antal"]
    assert not [i for i in layout.items() if getattr(i, "id", lambda: "")().startswith(
        "area_map_")]  # no cloned pages
    # Each area page highlights its own area: the focus layer draws the atlas's area.
    (focus,) = [layer for layer in report_layers("Nämndanalys 2026-T2")
                if layer.name() == "Området"]
    assert focus.featureCount() == n_areas
    assert "@atlas_feature" in focus.renderer().rootRule().children()[0].filterExpression()

    # Saved with the project and opened again, the layout prints the same.
    from trygghet_plugin.reports.layout import export_pdf

    project_file = tmp_path / "projekt.qgz"
    assert QgsProject.instance().write(str(project_file))
    reopened = QgsProject()
    assert reopened.read(str(project_file))
    again = export_pdf(reopened.layoutManager().layoutByName("Nämndanalys 2026-T2"),
                       tmp_path / "igen.pdf")
    assert pdf_pages(again) == pages

    # Again for the same tertial: the first layout (perhaps edited) and PDF are kept.
    first_pdf = pdf.read_bytes()
    second = click_and_wait(dock, dock.boardButton)
    assert second.pdf == tmp_path / "namndanalys_2026-T2_2.pdf" and second.pdf.is_file()
    assert pdf.read_bytes() == first_pdf
    names = sorted(x.name() for x in QgsProject.instance().layoutManager().layouts())
    assert names == ["Nämndanalys 2026-T2", "Nämndanalys 2026-T2 (2)"]
    assert layout.atlas().coverageLayer() is not None  # the first keeps its areas


def test_the_board_analysis_hides_with_the_threshold_set_and_says_how_much(dock, tmp_path):
    """The threshold from the settings page reaches the public PDF; the status line says how
    many counts were hidden, and no hidden count can be worked out from the PDF's text."""
    from pdf_attacker import attack

    settings = SettingsManager()
    saved = settings.get("small_count_threshold")
    settings.set("small_count_threshold", 3)
    try:
        dock.set_tertial("2026-T2")
        result = click_and_wait(dock, dock.boardButton)
    finally:
        settings.set("small_count_threshold", saved)
    pages = pdf_pages(result.pdf)
    text = "\n".join(pages)
    assert "små antal visas som <4" in pages[0] and "<3" not in text
    summary = result.disclosure
    assert summary.threshold == 3 and summary.primary > 0 and summary.secondary > 0
    share = f"{summary.loss * 100:.1f}".replace(".", ",")  # Swedish: a decimal comma
    status = dock.statusLabel.text()
    assert (f"Röjandekontroll: {summary.hidden} av {summary.published} antal dolda "
            f"({share} %): {summary.primary} små, {summary.secondary} för att skydda dem."
            ) in status, status
    method = " ".join(pages[-1].split())
    assert f"({share} %) dolda" in method
    assert attack(pages).pinned == []


def test_a_municipalitys_own_template_from_the_dock(dock, tmp_path):
    from trygghet_plugin.reports import lagesbild_layout
    from trygghet_plugin.reports.layout import save_template

    layout = lagesbild_layout.build_template(QgsProject(), "A3")
    layout.itemById("inset_title").setText("Nässjö stad")
    own = save_template(layout, tmp_path / "mallar" / "var_lagesbild.qpt")
    dock.set_template("lagesbild", str(own))
    assert SettingsManager().get("layout_template_lagesbild") == str(own)

    choose_end_date(dock, date(2026, 10, 25))
    result = click_and_wait(dock, dock.lagesbildButton)
    assert "Nässjö stad" in pdf_pages(result.pdf)[0]

    dock.lagesbildTemplateResetButton.click()
    assert dock.lagesbildTemplateEdit.text() == ""
    assert SettingsManager().get("layout_template_lagesbild") == ""
    assert "Standardmallen" in dock.statusLabel.text()


def test_opening_the_template_in_the_layout_designer(dock):
    assert "Spara som mall" in dock.templateGroup.toolTip()
    assert not dock.templateHelpLabel.isVisibleTo(dock)
    dock.boardTemplateOpenButton.click()
    layout = QgsProject.instance().layoutManager().layoutByName(
        "Mall – nämndanalys (board_a4)")
    assert layout is not None and dock.designer == [layout]
    assert layout.itemById("area_map") is not None
    assert "Spara som mall" in dock.statusLabel.text()
    assert dock.templateHelpLabel.isVisibleTo(dock)
    assert "resources/layouts/" in dock.templateHelpLabel.text()


def test_what_a_user_can_get_wrong_is_a_message(dock, tmp_path):
    manager = QgsProject.instance().layoutManager()

    dock.storeEdit.setText("")
    assert click_and_wait(dock, dock.lagesbildButton) is None
    assert "Välj databasen" in dock.statusLabel.text()

    dock.storeEdit.setText(str(tmp_path / "finns_inte.gpkg"))
    assert click_and_wait(dock, dock.boardButton) is None
    assert "finns inte" in dock.statusLabel.text()

    dock.storeEdit.setText(str(tmp_path / "nassjo.gpkg"))
    choose_end_date(dock, date(2020, 3, 15))  # before the first report
    assert click_and_wait(dock, dock.lagesbildButton) is None
    assert "inga händelser" in dock.statusLabel.text()

    broken = tmp_path / "trasig.qpt"
    broken.write_text("<Layout><PageCollection", encoding="utf-8")
    dock.set_template("lagesbild", str(broken))
    choose_end_date(dock, date(2026, 10, 25))
    assert click_and_wait(dock, dock.lagesbildButton) is None
    assert "kunde inte läsas" in dock.statusLabel.text()

    other = tmp_path / "fel_mall.qpt"
    other.write_text('<Layout name="x" units="mm"/>', encoding="utf-8")
    dock.set_template("lagesbild", str(other))
    assert click_and_wait(dock, dock.lagesbildButton) is None
    assert "Är det rätt mall" in dock.statusLabel.text()

    dock.set_template("lagesbild", "")
    dock.outputDirEdit.setText(str(tmp_path / "nassjo.gpkg" / "pdf"))  # under a file
    assert click_and_wait(dock, dock.lagesbildButton) is None
    assert "kan inte skapas" in dock.statusLabel.text()
    assert manager.layouts() == []  # no half-made layout is left behind

    dock.set_template("board", str(tmp_path / "borttagen.qpt"))
    assert click_and_wait(dock, dock.boardButton) is None
    assert "Återställ standardmall" in dock.statusLabel.text()

    dock.outputDirEdit.setText("")
    dock.set_template("board", "")
    dock.set_tertial("2026-T2")
    dock.boardButton.click()
    dock.cancelButton.click()  # cancelled while computing: nothing is made
    wait_for(lambda: dock.task is None)
    assert dock.results[-1] is None and "Avbrutet" in dock.statusLabel.text()

    assert manager.layouts() == [] and dock.designer == []
    assert report_layers("Lägesbild 2026-v42-43") == []
    assert dock.lagesbildButton.isEnabled() and dock.boardButton.isEnabled()


def test_a_period_the_data_do_not_reach_is_warned_about_before_the_picture(dock):
    choose_end_date(dock, date(2026, 10, 25))  # the sample runs to 31 October 2026
    assert "synka först" not in dock.periodLabel.text()
    choose_end_date(dock, date(2026, 11, 29))
    assert "Underlaget slutar 29 dagar före periodens slut: synka först" in \
        dock.periodLabel.text()


def test_an_empty_store_says_what_to_do_next(dock, tmp_path):
    from trygghet_plugin.store import open_store

    empty = tmp_path / "tom.gpkg"
    with open_store(empty):
        pass
    dock.storeEdit.setText(str(empty))
    dock.storeEdit.editingFinished.emit()
    assert click_and_wait(dock, dock.lagesbildButton) is None
    text = dock.statusLabel.text()
    assert "Databasen har inga händelser ännu" in text
    assert "Synka nu" in text and "Data" in text
