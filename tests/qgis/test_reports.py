"""The lägesbild and the board analysis as the user gets them: PDF pages and their text."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, timezone

import pytest
from pdf_attacker import pdf_pages
from qgis.core import QgsProcessingException

from trygghet_plugin.domain.incident import Incident

SECRET_TEXT = "Hemligfritext"
SECRET_ORG = "Kalle Kulas Bevakning AB"


def page_size_pt(path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    return float(w), float(h)


@pytest.fixture(scope="module")
def report_store(tmp_path_factory):
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    path = tmp_path_factory.mktemp("reports") / "nassjo.gpkg"
    sample = generate(size=6000, seed=11)
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        # A report with free text and a reporter that must never reach the public PDF.
        store.write_batch([Incident(
            "reports", "SECRET1", "skadegorelse", 481000.0, 6390000.0,
            datetime(2026, 6, 10, 21, 0, tzinfo=timezone.utc), subcategory="klotter",
            reporter_org=SECRET_ORG, description=f"{SECRET_TEXT} på Storgatan 5")])
        store.upsert_areas(sample.store_areas())
    return path, len(sample.areas)


def test_lagesbild_pdf_has_three_pages_marked_internal(provider_loaded, report_store, tmp_path):
    import processing

    store, _ = report_store
    out = tmp_path / "lagesbild.pdf"
    result = processing.run("trygghet:lagesbild", {"STORE": str(store),
                                                   "PERIOD_END": "2026-10-25",
                                                   "OUTPUT": str(out)})
    assert result["PAGES"] == 3
    pages = pdf_pages(out)
    assert len(pages) == 3
    for text in pages:
        assert "INTERNT – innehåller exakta platser" in text
    first = pages[0]
    assert "Lägesbild Nässjö kommun" in first
    assert "12–25 oktober 2026" in first and "v. 42–43" in first
    for word in ("Kategori", "Skadegörelse", "Nedskräpning", "Totalt", "Teckenförklaring",
                 "Centralorten", "Väntat", "fler / färre än väntat"):
        assert word in first, word
    second = pages[1]
    for word in ("Platser med flest händelser", "Polisens händelser i perioden"):
        assert word in second, word
    third = pages[2]
    # The store holds no measures: the table says so, and every hot place is listed.
    assert "Inga åtgärder pågick i perioden" in third
    assert "Ovanligt/het plats utan åtgärd" in third and "Het plats (Gi*" in third
    w, h = page_size_pt(out)
    assert (round(w), round(h)) == (1191, 842)  # A3 landscape


def test_lagesbild_in_a4_and_the_last_complete_period_by_default(provider_loaded, report_store,
                                                                   tmp_path, clock_at):
    import processing

    clock_at(date(2026, 11, 2))  # the Monday after the sample's last day (2026-10-31)
    store, _ = report_store
    out = tmp_path / "a4.pdf"
    processing.run("trygghet:lagesbild", {"STORE": str(store), "PAGE_SIZE": 1,
                                          "OUTPUT": str(out)})
    w, h = page_size_pt(out)
    assert (round(w), round(h)) == (842, 595)
    first = pdf_pages(out)[0]
    assert "INTERNT" in first
    assert "19 oktober – 1 november 2026" in first  # the last complete period on 2 November
    assert "Totalt" in first and "Otrygg plats" in first  # the key figures fit the smaller page


def test_board_analysis_is_public_aggregated_and_has_a_page_per_area(provider_loaded, report_store,
                                                                     tmp_path):
    import processing

    store, n_areas = report_store
    out = tmp_path / "namndanalys.pdf"
    result = processing.run("trygghet:boardanalysis", {"STORE": str(store),
                                                        "TERTIAL": "2026-T2",
                                                        "OUTPUT": str(out)})
    pages = pdf_pages(out)
    assert result["PAGES"] == len(pages) == 2 + n_areas + 4
    text = "\n".join(pages)
    assert "Trygghetsanalys Nässjö kommun" in pages[0]
    assert "Det viktigaste" in pages[0] and "1 maj – 31 augusti 2026" in pages[0]
    assert re.search(r"Totalt\s+\d+", pages[0])  # the key figures' total fits the page
    assert "Metod och källor" in pages[-1]
    # The trend chart in words, and each area page names its area above its map.
    assert "Samma tertial de senaste åren" in pages[1]
    assert re.search(r"Skadegörelse: [\d<]+ \(2026-T2\), [\d<]+ \(2025-T2\)", pages[1])
    assert all(re.search(r"\(0682[ABC]\d{4}\)", page) for page in pages[2:2 + n_areas])
    survey = pages[2 + n_areas]
    assert "Trygghetsmätning" in survey and "Ingen trygghetsmätning finns" in survey
    police = " ".join(pages[-3].split())  # the store has no police data
    assert "Databasen har inga händelser från polisen för perioden." in police
    assert "uppgifter för perioden" not in police.replace("Polisens uppgifter", "")
    measures = " ".join(pages[-2].split())
    assert "Åtgärder och effekter" in measures
    assert "Ingen avslutad åtgärd har utvärderats ännu." in measures
    # The atlas's page numbers run through the document.
    assert [f"sida {i} av {len(pages)}" in page for i, page in enumerate(pages, 1)] \
        == [True] * len(pages)
    assert "<3" in text  # small counts suppressed
    assert SECRET_TEXT not in text and "Storgatan 5" not in text
    assert SECRET_ORG not in text
    assert "rep-0" not in text  # no reporter ids
    assert "INTERNT" not in text
    assert re.search(r"per 1 000 invånare i tertialen: \d+,\d\.", text)  # decimal comma


def test_a_municipalitys_own_template_is_used(provider_loaded, report_store, tmp_path, qgis_app):
    import processing
    from qgis.core import QgsProject

    from trygghet_plugin.reports import lagesbild_layout
    from trygghet_plugin.reports.layout import save_template

    project = QgsProject()
    layout = lagesbild_layout.build_template(project, "A3")
    layout.itemById("band_p1").setId("band_p1")  # as a Layout Designer user would keep it
    extra = layout.itemById("inset_title")
    extra.setText("Nässjö stad")
    custom = save_template(layout, tmp_path / "var_mall.qpt")
    out = tmp_path / "custom.pdf"
    store, _ = report_store
    processing.run("trygghet:lagesbild", {"STORE": str(store), "PERIOD_END": "2026-10-25",
                                          "TEMPLATE": str(custom), "OUTPUT": str(out)})
    assert "Nässjö stad" in pdf_pages(out)[0]


def test_a_board_template_made_before_the_atlas_prints_the_same(provider_loaded, report_store,
                                                                tmp_path):
    """A municipality's own template from the time of cloned area pages (a manual figures
    table, a plain area title, no page exclusions) still makes the same document."""
    import processing
    from qgis.core import QgsLayoutObject, QgsProject, QgsProperty

    from trygghet_plugin.reports import board_layout
    from trygghet_plugin.reports import layout as lay

    project = QgsProject()
    layout = board_layout.build_template(project)
    frame = layout.itemById("area_figures")
    position, page, table = frame.pagePositionWithUnits(), frame.page(), frame.multiFrame()
    layout.removeLayoutItem(frame)
    layout.removeMultiFrame(table)
    lay.add_table(layout, "area_figures", page, (position.x(), position.y(), 190, 96),
                  ["Kategori", "Antal", "Väntat", "Föreg. tertial", "Ett år sedan", "Förändr."],
                  widths=(62, 20, 25, 25, 25, 25), font_size=8)
    layout.itemById("area_title").setText("Område")
    layout.itemById("area_facts").setText("")
    for i in range(layout.pageCollection().pageCount()):
        layout.pageCollection().page(i).dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.ExcludeFromExports, QgsProperty())
    old = lay.save_template(layout, tmp_path / "gammal_mall.qpt")
    store, n_areas = report_store
    pages = {}
    for name, template in (("shipped", ""), ("old", str(old))):
        out = tmp_path / f"{name}.pdf"
        processing.run("trygghet:boardanalysis", {"STORE": str(store), "TERTIAL": "2026-T2",
                                                  "TEMPLATE": template, "OUTPUT": str(out)})
        pages[name] = pdf_pages(out)
    assert len(pages["old"]) == 2 + n_areas + 4
    assert pages["old"] == pages["shipped"]


def test_bad_period_is_a_clear_message(provider_loaded, report_store, tmp_path):
    import processing

    store, _ = report_store
    with pytest.raises(QgsProcessingException, match="Ogiltigt datum"):
        processing.run("trygghet:lagesbild", {"STORE": str(store), "PERIOD_END": "igår",
                                              "OUTPUT": str(tmp_path / "x.pdf")})
    with pytest.raises(QgsProcessingException, match="tertial"):
        processing.run("trygghet:boardanalysis", {"STORE": str(store), "TERTIAL": "våren",
                                                  "OUTPUT": str(tmp_path / "y.pdf")})


@pytest.mark.parametrize("name,module", [("lagesbild_a3.qpt", "lagesbild_layout"),
                                         ("lagesbild_a4.qpt", "lagesbild_layout"),
                                         ("board_a4.qpt", "board_layout")])
def test_shipped_templates_load_with_the_items_the_generator_fills(name, module):
    import importlib

    from qgis.core import QgsProject

    from trygghet_plugin.paths import resource
    from trygghet_plugin.reports.layout import load_template

    layout = load_template(QgsProject(), resource("layouts", name), name)
    ids = {i.id() for i in layout.items() if hasattr(i, "id") and i.id()}
    generator = importlib.import_module(f"trygghet_plugin.reports.{module}")
    wanted = set(getattr(generator, "ITEM_IDS", ())) | set(getattr(generator, "AREA_IDS", ()))
    assert wanted <= ids, wanted - ids


def test_the_public_trend_chart_leaves_out_categories_with_small_counts():
    from trygghet_plugin.reports.data import _public_series

    series = {"skadegorelse": [40, 52, 61], "vald": [0, 2, 5], "trafik": [0, 0, 4]}
    shown, hidden = _public_series(series, 2)
    assert shown == {"skadegorelse": [40, 52, 61], "trafik": [0, 0, 4]}
    assert hidden == ["vald"]


def test_a_period_after_the_data_says_so_in_red_and_marks_nothing(provider_loaded,
                                                                    report_store, tmp_path):
    import processing

    store, _ = report_store
    out = tmp_path / "stale.pdf"
    processing.run("trygghet:lagesbild", {"STORE": str(store), "PERIOD_END": "2026-11-29",
                                          "OUTPUT": str(out)})
    first = pdf_pages(out)[0]
    assert "Underlaget når bara till 31/10 2026" in first
    assert "inga förändringar markeras" in first and "Inga rader markeras" in first
    assert "↑*" not in first and "↓*" not in first


def test_police_events_placed_on_the_kommun_raise_no_areas_numbers(provider_loaded, tmp_path):
    import processing

    from trygghet_plugin.analysis.areas import incident_area_codes
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    path = tmp_path / "nassjo.gpkg"
    sample = generate(size=2000, seed=5)
    areas = sample.store_areas()
    x, y = 481300.0, 6390300.0  # the kommun's centre point as the police feed gives it
    police = [Incident("police", f"P{i}", "skadegorelse", x, y,
                       datetime(2026, 10, 14, 10, i, tzinfo=timezone.utc),
                       location_precision="kommun", kommunkod="0682") for i in range(60)]
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.write_batch(police)
        store.upsert_areas(areas)
        frame = store.incident_frame("source = 'police'", (), ("location_precision",))
        deso = [a for a in store.areas() if a.kind == "deso"]
        codes = incident_area_codes(frame, deso)
    assert set(codes) == {"~kommun"}  # not the DeSO the centre point lies in
    out = tmp_path / "lagesbild.pdf"
    processing.run("trygghet:lagesbild", {"STORE": str(path), "PERIOD_END": "2026-10-25",
                                          "OUTPUT": str(out)})
    pages = pdf_pages(out)
    places = pages[1].split("Platser med flest händelser")[1].split("Polisens händelser")[0]
    counts = [int(n) for n in re.findall(r"\)\s+(\d+)\s", places)]
    assert counts and max(counts) < 60  # no area got the 60 kommun-level events
    assert re.search(r"Totalt\s+(\d+)", pages[0])
    assert int(re.search(r"Totalt\s+(\d+)", pages[0]).group(1)) >= 60


def test_the_lagesbild_lists_the_periods_measures_and_the_places_left_without_one(
        provider_loaded, report_store, tmp_path):
    """Page 3: the measures active in the period (not those before it), their latest
    verdict, and the unusual or hot places with no active measure within 250 m."""
    import shutil

    import processing
    from osgeo import ogr

    from trygghet_plugin.domain.measure import FINISHED, ONGOING, Measure
    from trygghet_plugin.store import open_store

    store = tmp_path / "nassjo.gpkg"
    shutil.copy(report_store[0], store)

    def at(wkt):
        return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())

    out = tmp_path / "utan.pdf"
    params = {"STORE": str(store), "PERIOD_END": "2026-10-25", "OUTPUT": str(out)}
    processing.run("trygghet:lagesbild", params)
    flagged_before = _flagged_rows(pdf_pages(out)[2])
    assert flagged_before and all(re.search(r"\(0682[ABC]\d{4}\)$", where)
                                  for _, where in flagged_before), flagged_before
    with open_store(store) as s:
        s.upsert_measures([
            Measure("m-1", "Belysning vid Storgatan", "belysning", ONGOING,
                    start=date(2026, 9, 1), organisation="Gatuavdelningen",
                    wkb=at("POINT (470000 6380000)")),
            Measure("m-2", "Klotterborttagning i centrum", "stadning", FINISHED,
                    start=date(2026, 8, 1), end=date(2026, 10, 15),
                    organisation="Nässjö kommun", wkb=at("POINT (470500 6380000)")),
            Measure("m-3", "Kameror i våras", "kamerabevakning", FINISHED,
                    start=date(2026, 3, 1), end=date(2026, 4, 30),
                    wkb=at("POINT (471000 6380000)"))])
        s.save_measure_evaluation("m-2", "decreased", 0.6, 0.4, 0.9, -0.3)
    out = tmp_path / "med.pdf"
    result = processing.run("trygghet:lagesbild", {**params, "OUTPUT": str(out)})
    assert result["PAGES"] == 3
    third = " ".join(pdf_pages(out)[2].split())
    for cells in (("Belysning vid Storgatan", "Belysning", "pågående", "2026-09-01 – pågår",
                   "Gatuavdelningen", "–"),
                  ("Klotterborttagning i centrum", "Städning/klotterborttagning", "avslutad",
                   "2026-08-01 – 2026-10-15", "Nässjö kommun", "minskade")):
        assert re.search(r"\s+".join(map(re.escape, cells)), third), cells
    assert "Kameror i våras" not in third  # ended before the period
    assert "INTERNT – innehåller exakta platser" in third
    # Measures far from every place change no flag; the page says what the flag means.
    assert _flagged_rows(pdf_pages(out)[2]) == flagged_before
    note = " ".join(subprocess.run(["pdftotext", "-raw", "-f", "3", "-l", "3", str(out), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())
    assert "ingen åtgärd som pågår i perioden verkar inom 250 m" in note


def _flagged_rows(page: str) -> list[tuple[str, ...]]:
    """The lines of the flag list that say what a place is ('Het plats …', 'Ovanligt …')."""
    part = page.split("Ovanligt/het plats utan åtgärd", 1)[1]
    # A row: what it is, then where (the area's name and code), columns apart.
    return [tuple(re.split(r"\s{3,}", line.strip())[:2]) for line in part.splitlines()
            if line.strip().startswith(("Het plats", "Ovanligt just nu"))]


def test_a_legend_with_more_entries_than_room_shrinks_to_fit_its_frame(qgis_app):
    """A busy period (many categories, measures, flags) must not cut the legend at its
    frame's bottom: its text and symbols shrink until the content fits; a short legend is
    left as it is."""
    from qgis.core import (
        QgsLayoutItemMap,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsProject,
        QgsVectorLayer,
    )

    from trygghet_plugin.reports import layout as lay

    project = QgsProject()
    layers = []
    for n in range(24):
        layer = QgsVectorLayer("Point?crs=EPSG:3006", f"Lager nummer {n}", "memory")
        project.addMapLayer(layer)
        layers.append(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    main = QgsLayoutItemMap(layout)
    layout.addLayoutItem(main)

    def label_size(item) -> float:
        return item.rstyle(QgsLegendStyle.Style.SymbolLabel).font().pointSizeF()

    roomy = lay.add_legend(layout, "roomy", 0, (10, 10, 130, 120), main)
    lay.set_legend(layout, "roomy", layers[:3])
    assert label_size(roomy) == 8
    tight = lay.add_legend(layout, "tight", 0, (150, 10, 130, 54), main)
    tight.setColumnCount(2)
    lay.set_legend(layout, "tight", layers)
    assert label_size(tight) < 8
    assert (tight.sizeWithUnits().width(), tight.sizeWithUnits().height()) == (130, 54)
