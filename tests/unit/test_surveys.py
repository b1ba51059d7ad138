"""Safety surveys (trygghetsmätning): index values and answer distributions per area and
question, several years side by side, places marked unsafe, and perceived against reported."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from osgeo import ogr

from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.domain.survey import (
    SurveyWeights,
    index_class,
    perceived_vs_reported,
    percentile_ranks,
)
from trygghet_plugin.sources import surveys
from trygghet_plugin.sources.areas import import_areas
from trygghet_plugin.sources.http import SourceError
from trygghet_sample import write_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return write_sample(tmp_path_factory.mktemp("sample"), size=300, seed=8)


@pytest.fixture
def areas_store(store, sample):
    import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="0682",
                 population=sample["population"])
    import_areas(store, str(sample["areas"]), layer_name="RegSO_2025", kommunkod="0682")
    return store


def write(path, lines, encoding="utf-8-sig"):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_the_sample_survey_two_years_side_by_side(areas_store, sample):
    result = surveys.import_results(areas_store, sample["survey_results"])
    assert (result.read, result.new, result.rejected) == (360, 360, 0)
    assert result.surveys == ["Trygghetsmätning 2024", "Trygghetsmätning 2025"]
    rows = areas_store.survey_results("Trygghetsmätning 2025")
    assert len(rows) == 180 and {r.survey_year for r in rows} == {2025}
    first = [r for r in rows if r.area_code == "0682C1010" and r.question == "Klotter"][0]
    assert 0 <= first.index_value <= 6 and first.respondents >= 20
    again = surveys.import_results(areas_store, sample["survey_results"])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 360)


def test_bad_rows_are_rejected_with_reasons_and_unknown_codes_listed(areas_store, tmp_path):
    path = write(tmp_path / "matning.csv", [
        "Undersökning;Område;Fråga;Index;Andel otrygga;Svarande",
        "2025;0682C1010;Klotter;2,4;31,5;118",
        "2025;Bodafors;Klotter;1,1;12,0;80",        # a unique area name works too
        "2025;0682C9999;Klotter;2,0;20,0;50",       # no such area
        "2025;0682C1020;Klotter;7,2;40,0;90",       # index outside 0-6
        "2025;0682C1030;Klotter;2,2;120,0;90",      # share outside 0-100
        "2025;0682C1040;;2,2;20,0;90",              # no question
        "2025;0682C1050;Klotter;två;20,0;90",       # not a number
        "2025;0682C1010;Klotter;2,9;31,5;118",      # same row, other value
        ";;;;;",
        "2025;0682C1010;Klotter;2,4;31,5;118",      # exact duplicate: skipped
    ], encoding="cp1252")
    result = surveys.import_results(areas_store, path)
    assert (result.read, result.new, result.rejected) == (8, 2, 6)
    assert result.unknown_areas == ["0682C9999"]
    assert "Okända områdeskoder (finns inte bland områdena): 0682C9999" in result.summary()
    assert "1 tomma rader och 1 dubbletter" in result.summary()
    reasons = sorted(r.reason.split(" / ")[0] for r in areas_store.rejected("survey"))
    assert reasons == ["andelen 120 ligger utanför 0–100 %",
                       "indexvärdet 7.2 ligger utanför 0–6",
                       "oläsbart tal 'två'",
                       "områdeskoden '0682C9999' matchar inget område",
                       "raden finns redan med andra värden (Trygghetsmätning 2025, 0682C1010, "
                       "Klotter)",
                       "saknar fråga"]
    bodafors = [r for r in areas_store.survey_results() if r.index_value == 1.1]
    assert bodafors[0].area_code == "0682R004"


def test_a_row_rejected_once_and_taken_later_leaves_the_rejected_list(areas_store, tmp_path):
    bad = write(tmp_path / "a.csv", ["undersokning;omrade;fraga;index",
                                     "Trygghetsmätning 2025;0682C1010;Klotter;9"])
    surveys.import_results(areas_store, bad)
    assert areas_store.count("rejected", "source = 'survey'") == 1
    good = write(tmp_path / "b.csv", ["undersokning;omrade;fraga;index",
                                      "Trygghetsmätning 2025;0682C1010;Klotter;3"])
    surveys.import_results(areas_store, good)
    assert areas_store.count("rejected", "source = 'survey'") == 0


def test_without_areas_the_user_is_told_to_import_them_first(store, sample):
    with pytest.raises(SourceError, match="importera områdena först"):
        surveys.import_results(store, sample["survey_results"])


def test_answer_distributions_wide_become_index_and_share(areas_store, tmp_path):
    path = write(tmp_path / "fordelning.csv", [
        "Område;Fråga;Mycket stort problem;Ganska stort problem;Ganska litet problem;"
        "Inget problem alls;Vet ej",
        "0682C1010;Nedskräpning;10;20;30;40;5",
        "0682C1020;Nedskräpning;0;0;0;0;12",
    ])
    result = surveys.import_results(areas_store, path, survey="2025")
    assert (result.method, result.new, result.rejected) == ("fordelning", 1, 1)
    (row,) = areas_store.survey_results("Trygghetsmätning 2025")
    # (10*6 + 20*4 + 30*2 + 40*0) / 100 answers that count; "vet ej" only in respondents.
    assert (row.index_value, row.share_unsafe, row.respondents) == (2.0, 30.0, 105)
    assert index_class(row.index_value).sv == "Vissa problem"


def test_answer_distributions_long_with_percentages(areas_store, tmp_path):
    path = write(tmp_path / "lang.csv", [
        "undersokning;omrade;fraga;svarsalternativ;andel;svarande",
        "Trygghetsmätning 2024;0682C1010;Otrygg ute sent på kvällen;Mycket otrygg;10,0;80",
        "Trygghetsmätning 2024;0682C1010;Otrygg ute sent på kvällen;Ganska otrygg;15,0;80",
        "Trygghetsmätning 2024;0682C1010;Otrygg ute sent på kvällen;Ganska trygg;35,0;80",
        "Trygghetsmätning 2024;0682C1010;Otrygg ute sent på kvällen;Mycket trygg;40,0;80",
        "Trygghetsmätning 2024;0682C1010;Otrygg ute sent på kvällen;Går aldrig ut;0,0;80",
    ])
    surveys.import_results(areas_store, path)
    (row,) = areas_store.survey_results()
    assert row.share_unsafe == 25.0 and row.respondents == 80
    assert row.index_value == pytest.approx((10 * 6 + 15 * 4 + 35 * 2) / 100)


def test_unknown_answer_options_stop_the_import_with_their_names(areas_store, tmp_path):
    path = write(tmp_path / "okand.csv", ["omrade;fraga;Jättestort problem;Inget problem",
                                         "0682C1010;Klotter;3;4"])
    with pytest.raises(SourceError, match="Okända kolumner: Jättestort problem"):
        surveys.import_results(areas_store, path, survey="2025")


def test_weights_are_read_from_an_editable_file(areas_store, tmp_path):
    weights_file = tmp_path / "vikter.json"
    weights_file.write_text(json.dumps({"options": {"Stort problem": 6, "Litet problem": 3,
                                                    "Inget problem": 0, "Vet ej": None},
                                        "unsafe": ["Stort problem"]}), encoding="utf-8")
    weights = SurveyWeights.load(weights_file)
    path = write(tmp_path / "egen.csv", ["omrade;fraga;Stort problem;Litet problem;"
                                         "Inget problem;Vet ej",
                                         "0682C1010;Klotter;1;2;1;6"])
    surveys.import_results(areas_store, path, survey="Egen 2025", weights=weights)
    (row,) = areas_store.survey_results()
    assert (row.index_value, row.share_unsafe, row.respondents) == (3.0, 25.0, 10)


def test_places_marked_unsafe(areas_store, sample):
    result = surveys.import_places(areas_store, sample["survey_places"])
    assert (result.places_new, result.places_rejected) == (240, 0)
    assert areas_store.count("survey_places", "area_code LIKE '0682%'") == 240
    assert areas_store.count("survey_places", "reason = 'Dålig belysning'") > 0
    again = surveys.import_places(areas_store, sample["survey_places"])
    assert (again.places_new, again.places_unchanged) == (0, 240)


def test_places_outside_the_kommun_or_without_survey_are_rejected(areas_store, tmp_path):
    features = [
        {"geometry": {"type": "Point", "coordinates": [14.6968, 57.6531]},
         "properties": {"orsak": "Mörkt"}},
        {"geometry": {"type": "Point", "coordinates": [18.07, 59.33]},
         "properties": {"orsak": "Stockholm"}},
        {"geometry": None, "properties": {"orsak": "Ingen punkt"}},
    ]
    path = tmp_path / "platser.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", **f} for f in features]}), encoding="utf-8")
    with_name = surveys.import_places(areas_store, path, survey="2025")
    assert (with_name.places_new, with_name.places_rejected) == (1, 2)
    reasons = sorted(r.reason.split(" / ")[0] for r in areas_store.rejected("survey"))
    assert reasons == ["punkten ligger utanför kommunen", "saknar punktgeometri"]


# -- perceived against reported ------------------------------------------------------------
def test_percentile_ranks_share_ties():
    assert percentile_ranks([3.0, 1.0, 2.0]) == [1.0, 0.0, 0.5]
    assert percentile_ranks([1.0, 1.0, 2.0, 3.0]) == [pytest.approx(1 / 6),
                                                      pytest.approx(1 / 6),
                                                      pytest.approx(2 / 3), 1.0]


def test_perceived_against_reported_classes():
    rows = [("A", 4.0, 2, 1000),    # feels unsafe, few reports
            ("B", 1.0, 40, 1000),   # many reports, feels safe
            ("C", 2.5, 20, 1000),   # in line
            ("D", 2.0, 10, None)]   # no population: not ranked
    got = {c.area_code: c for c in perceived_vs_reported(rows)}
    assert got["A"].class_code == "otrygg_fa_rapporter" and got["A"].gap == 1.0
    assert got["B"].class_code == "rapporter_men_tryggt"
    assert got["C"].class_code == "samstammigt"
    assert got["D"].class_code == "underlag_saknas" and got["D"].rate_per_1000 is None
    assert got["B"].rate_per_1000 == 40.0


def test_compare_with_reports_counts_reports_in_the_twelve_months_before(areas_store):
    codes = ["0682C1010", "0682C1020", "0682C1030", "0682C1040"]
    centres = {a.code: ogr.CreateGeometryFromWkb(a.wkb).PointOnSurface().GetPoint_2D()
               for a in areas_store.areas(kind="deso") if a.code in codes}
    reports = {"0682C1010": 30, "0682C1020": 0, "0682C1030": 10, "0682C1040": 20}
    incidents = []
    for code, n in reports.items():
        x, y = centres[code]
        for k in range(n):
            incidents.append(Incident("reports", f"{code}-{k}", "nedskrapning", x, y,
                                      datetime(2025, 3, 1, 12, tzinfo=timezone.utc)))
    # Outside the window (after the fieldwork): does not count.
    incidents.append(Incident("reports", "late", "nedskrapning", *centres["0682C1020"],
                              datetime(2025, 10, 1, tzinfo=timezone.utc)))
    areas_store.upsert_incidents(incidents)
    index = {"0682C1010": 1.0, "0682C1020": 4.5, "0682C1030": 2.0, "0682C1040": 2.2}
    from trygghet_plugin.domain.survey import SurveyResult

    areas_store.upsert_survey_results(SurveyResult("Trygghetsmätning 2025", c, "Klotter", v)
                                      for c, v in index.items())
    done = surveys.compare_with_reports(areas_store, ["Trygghetsmätning 2025"])
    assert done == {"Trygghetsmätning 2025": 4}
    rows = dict(areas_store._conn.execute(
        "SELECT area_code, class_code FROM survey_comparison").fetchall())
    assert rows["0682C1020"] == "otrygg_fa_rapporter"
    assert rows["0682C1010"] == "rapporter_men_tryggt"
    reports_1020 = areas_store._conn.execute(
        "SELECT reports FROM survey_comparison WHERE area_code = '0682C1020'").fetchone()[0]
    assert reports_1020 == 0
    assert areas_store.count("survey_comparison_areas") == 4


def test_index_classes_read_on_the_problem_scale():
    assert [index_class(v).legend for v in (0.4, 1.5, 2.5, 4.8)] == [
        "0–1: Inga eller mycket små problem", "1–2: Små problem", "2–3: Vissa problem",
        "över 3: Stora problem"]


def test_a_broken_weights_file_is_a_message(tmp_path):
    path = tmp_path / "survey_weights.json"
    path.write_text('{"options": {"Stort problem": 9}}', encoding="utf-8")
    with pytest.raises(SourceError, match="survey_weights.json kunde inte läsas: vikten för "
                                          "'Stort problem' ligger utanför 0–6"):
        surveys.load_weights(path)
