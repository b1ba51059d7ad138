"""Write a sample kommun to files in the forms the real sources deliver."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import numpy as np
from osgeo import ogr

from . import stockholm
from .generator import DEFAULT_END, generate
from .geography import sweref, to_lonlat
from .model import ReportTable, SampleMunicipality
from .profiles import KEYS

ogr.UseExceptions()

_CHUNK = 50_000


def _js(text: str | None) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_reports_geojson(path: Path, reports: ReportTable) -> int:
    """RFC 7946 FeatureCollection in lon/lat, written in chunks so memory stays flat."""
    categories = [_js(k.category) for k in KEYS]
    subcategories = [_js(k.subcategory) for k in KEYS]
    orgs = [_js(o) for o in reports.reporters.orgs]
    reporter_ids = [_js(i) for i in reports.reporters.ids]
    texts = [_js(t) for t in reports.texts.strings]
    n = len(reports)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for lo in range(0, n, _CHUNK):
            part = slice(lo, min(lo + _CHUNK, n))
            lon, lat = to_lonlat(reports.x[part], reports.y[part])
            times = [stockholm.iso_local(getattr(reports, name)[part])
                     for name in ("occurred_at", "reported_at", "updated_at")]
            rows = zip(reports.number[part].tolist(), reports.key[part].tolist(), lon.tolist(),
                       lat.tolist(), *times, reports.closed[part].tolist(),
                       reports.reporter[part].tolist(), reports.text[part].tolist())
            lines = [
                f'{{"type":"Feature","geometry":{{"type":"Point","coordinates":'
                f'[{x:.6f},{y:.6f}]}},"properties":{{"id":"R{num:07d}",'
                f'"category":{categories[key]},"subcategory":{subcategories[key]},'
                f'"occurred_at":"{occ}","reported_at":"{rep}","updated_at":"{upd}",'
                f'"status":"{"closed" if closed else "open"}","reporter_org":{orgs[who]},'
                f'"reporter_id":{reporter_ids[who]},"description":{texts[text]}}}}}'
                for num, key, x, y, occ, rep, upd, closed, who, text in rows]
            out.write((",\n" if lo else "") + ",\n".join(lines))
        out.write("\n]}\n")
    return n


def _layer(ds: ogr.DataSource, name: str, fields: list[tuple[str, int]]) -> ogr.Layer:
    layer = ds.CreateLayer(name, sweref(), ogr.wkbMultiPolygon)
    for field_name, width in fields:
        definition = ogr.FieldDefn(field_name, ogr.OFTString)
        definition.SetWidth(width)
        layer.CreateField(definition)
    return layer


def _add(layer: ogr.Layer, geometry: ogr.Geometry, values: dict[str, str]) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in values.items():
        feature.SetField(name, value)
    feature.SetGeometry(ogr.ForceToMultiPolygon(geometry))
    layer.CreateFeature(feature)


def write_areas_gpkg(path: Path, sample: SampleMunicipality) -> int:
    """Layers DeSO_2025, RegSO_2025 and kommun in EPSG:3006, field names as SCB's."""
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    kommun = {"kommunkod": sample.kommunkod, "kommunnamn": sample.kommun_name}
    deso = _layer(ds, "DeSO_2025", [("desokod", 9), ("regsokod", 8), ("regsonamn", 80),
                                    ("kommunkod", 4), ("kommunnamn", 80)])
    deso.StartTransaction()
    regso: dict[tuple[str, str], ogr.Geometry] = {}
    for area in sample.areas:
        geometry = ogr.CreateGeometryFromWkt(area.wkt)
        _add(deso, geometry, {"desokod": area.code, "regsokod": area.regso_code,
                              "regsonamn": area.regso_name, **kommun})
        key = (area.regso_code, area.regso_name)
        regso[key] = geometry if key not in regso else regso[key].Union(geometry)
    deso.CommitTransaction()
    layer = _layer(ds, "RegSO_2025", [("regsokod", 8), ("regsonamn", 80), ("kommunkod", 4),
                                      ("kommunnamn", 80)])
    for (code, name), geometry in regso.items():
        _add(layer, geometry, {"regsokod": code, "regsonamn": name, **kommun})
    layer = _layer(ds, "kommun", [("kommunkod", 4), ("kommunnamn", 80)])
    _add(layer, ogr.CreateGeometryFromWkt(sample.boundary_wkt), kommun)
    ds = None
    return len(sample.areas)


def write_population_csv(path: Path, sample: SampleMunicipality) -> int:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("desokod;population\n")
        out.writelines(f"{area.code};{area.population}\n" for area in sample.areas)
    return len(sample.areas)


def write_police_json(path: Path, sample: SampleMunicipality) -> int:
    path.write_text(json.dumps(sample.police_events, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return len(sample.police_events)


def _comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def write_survey_csv(path: Path, sample: SampleMunicipality) -> int:
    """Semicolons, decimal comma, UTF-8 with BOM: how the survey tables come out of Excel."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["undersokning", "omrade", "fraga", "index", "andel_otrygga",
                         "svarande"])
        for row in sample.survey_results:
            writer.writerow([row["undersokning"], row["omrade"], row["fraga"],
                             _comma(row["index"]), _comma(row["andel_otrygga"]),
                             row["svarande"]])
    return len(sample.survey_results)


def write_survey_places(path: Path, sample: SampleMunicipality) -> int:
    places = sample.survey_places
    lon, lat = to_lonlat(np.array([p["x"] for p in places]), np.array([p["y"] for p in places]))
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [round(a, 6), round(b, 6)]},
                 "properties": {"survey": p["survey"], "reason": p["reason"],
                                "omrade": p["omrade"]}}
                for p, a, b in zip(places, lon.tolist(), lat.tolist())]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    return len(features)


FILES = {"reports": ("reports.geojson", lambda p, s: write_reports_geojson(p, s.reports)),
         "areas": ("areas.gpkg", write_areas_gpkg),
         "population": ("population.csv", write_population_csv),
         "police_events": ("police_events.json", write_police_json),
         "survey_results": ("survey_results.csv", write_survey_csv),
         "survey_places": ("survey_places.geojson", write_survey_places)}


def write_all(out_dir: Path, sample: SampleMunicipality) -> dict[str, tuple[Path, int]]:
    """Write every file; name -> (path, number of features or rows)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, (filename, write) in FILES.items():
        path = out_dir / filename
        written[name] = (path, write(path, sample))
    return written


def write_sample(out_dir: Path, size: int = 5000, seed: int = 1, end: date = DEFAULT_END,
                 years: int = 3, sample: SampleMunicipality | None = None) -> dict[str, Path]:
    """Generate (or take) a sample and write it to ``out_dir``; returns name -> path."""
    if sample is None:
        sample = generate(size=size, seed=seed, end=end, years=years)
    return {name: path for name, (path, _) in write_all(out_dir, sample).items()}
