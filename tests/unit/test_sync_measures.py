"""Which records of a collection service are measures: the taxonomy's measure categories,
their type from the subcategory (or the category's own measure_type), and the reason kept
for each record that cannot be a measure. The sync itself, through trygghet:syncreports
against pygeoapi, is tests/qgis/test_syncreports_measures.py."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from trygghet_plugin.domain.incident import Incident, Rejected
from trygghet_plugin.domain.measure import Measure, MeasureTypes
from trygghet_plugin.domain.taxonomy import Taxonomy
from trygghet_plugin.paths import taxonomy_file
from trygghet_plugin.sources.exportfile import sync_file
from trygghet_plugin.sources.measure_records import split_measures
from trygghet_plugin.store import open_store


def record(n: int, category: str, sub: str | None = None, **kw) -> Incident:
    at = datetime(2026, 5, 4, 8, tzinfo=timezone.utc)
    return Incident(**{"source": "reports", "source_id": str(n), "category": category,
                       "subcategory": sub, "x": 480000.0, "y": 6390000.0, "occurred_at": at,
                       "reported_at": at, "updated_at": at, **kw})


def test_the_taxonomy_marks_measure_categories_and_keeps_the_type_word(taxonomy):
    hit = taxonomy.classify("Insats – Belysning")
    assert (hit.category, hit.subcategory, hit.known) == ("insats", "Belysning", True)
    assert taxonomy.classify("åtgärder", "Kameror").subcategory == "Kameror"
    assert taxonomy.is_measure("insats") and not taxonomy.is_measure("skadegorelse")
    assert taxonomy.classify("Klotter").category == "skadegorelse"  # reports as before
    assert "insats" not in taxonomy.categories  # no incident legend shows it
    aliased = taxonomy.with_aliases({"Genomförd insats": "insats"})
    assert aliased.classify("Genomförd insats", "Städning").category == "insats"
    assert aliased.is_measure("insats")


def test_records_that_cannot_be_measures_are_rejected_with_the_reason(taxonomy):
    types = MeasureTypes.load()
    split = split_measures([
        record(1, "skadegorelse", "klotter"),
        record(2, "insats", "patrullering", reporter_org="Polisen",
               description="Kvällspatrull\nfre–lör"),
        record(3, "insats", "trollformler"),
        record(4, "insats"),
        record(5, "insats", "dialog", status="deleted"),
        record(6, "insats", "dialog", status="kanske"),
    ], taxonomy, types)
    assert [i.source_id for i in split.incidents] == ["1"]
    (patrol,) = split.measures
    assert (patrol.uid, patrol.title, patrol.type, patrol.status, patrol.start,
            patrol.organisation) == ("reports:2", "Kvällspatrull", "narvaro", "pagaende",
                                     date(2026, 5, 4), "Polisen")
    reasons = {r.source_id: r.reason for r in split.rejected}
    assert sorted(reasons) == ["3", "4", "5", "6"]
    assert "trollformler" in reasons["3"] and "belysning" in reasons["3"]
    assert "ingen typ av åtgärd" in reasons["4"]
    assert "borttagen i källan" in reasons["5"]
    assert "okänd status 'kanske'" in reasons["6"]
    assert all(json.loads(r.raw)["source_id"] for r in split.rejected)  # nothing lost


def test_a_category_with_a_measure_type_needs_no_subcategory(tmp_path):
    data = json.loads(taxonomy_file().read_text(encoding="utf-8"))
    data["measures"].append({"code": "sanering", "sv": "Klottersanering utförd",
                             "en": "Graffiti removed", "aliases": ["sanerat"],
                             "measure_type": "stadning"})
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    taxonomy = Taxonomy.load(path)
    classified = taxonomy.classify("Sanerat")
    split = split_measures([record(1, classified.category, classified.subcategory,
                                   status="closed")], taxonomy)
    (done,) = split.measures
    assert (done.type, done.status, done.end, done.title) == (
        "stadning", "avslutad", date(2026, 5, 4), "Städning/klotterborttagning")


def test_an_export_file_sync_puts_measures_in_their_table(tmp_path):
    """The same split in the file sync (and Open311): one path for every source type."""
    path = tmp_path / "export.csv"
    path.write_text("id;category;subcategory;occurred_at;status;lat;lon\n"
                    "1;Klotter;;2026-05-04 08:00;open;57.6531;14.6968\n"
                    "2;Insats;Belysning;2026-05-04 09:00;pågående;57.6520;14.6940\n"
                    "3;Insats;Magi;2026-05-04 09:00;open;57.6520;14.6940\n",
                    encoding="utf-8")
    with open_store(tmp_path / "s.gpkg") as store:
        result = sync_file(store, path)
        assert (result.new, result.rejected, result.measures.new) == (1, 1, 1)
        assert [m.type for m in store.measures()] == ["belysning"]
        assert isinstance(store.measures()[0], Measure)
        assert all(isinstance(r, Rejected) for r in store.rejected())
        assert "Åtgärder: 1 nya" in result.summary()


def test_a_connection_may_alias_the_services_word_to_the_measure_category():
    from trygghet_plugin.sources.connections import Connection

    Connection(name="EMBRACE", kind="oapif", url="https://x.example.se/api",
               collection="reports", aliases={"Genomförd insats": "insats"}).check_aliases()
