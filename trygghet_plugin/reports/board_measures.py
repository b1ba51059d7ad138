"""The board analysis's public section "Åtgärder och effekter": the finished measures counted
per type and verdict of their latest evaluation (analysis/measures.py, kept on the measure
by the evaluation job), and what the verdicts mean in plain Swedish.

Public: a measure's title, place, organisation and notes may name a person or an address, so
only its type is printed, and only as counts; small counts are hidden like the rest of the
document (:func:`.disclosure.protect_measures`).
"""

from __future__ import annotations

from ..analysis.measures import (
    BUFFER_M,
    DECREASED,
    DECREASED_DIFFUSION,
    DECREASED_PARTLY_DISPLACED,
    DISPLACED,
    INCREASED,
    MIN_TARGET_EVENTS,
    NO_CHANGE,
    TOO_FEW,
)
from ..domain.measure import FINISHED, MeasureTypes
from ..store.base import Store, StoreError
from .formatting import number
from .model import MeasuresSection, MeasureTypeRow
from .privacy import count_text

EVALUATED = "evaluated"
#: The table's verdict columns (the first is their sum) and the verdicts each counts.
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (EVALUATED, "Utvärderade", ()),
    ("decreased", "Minskade", (DECREASED, DECREASED_DIFFUSION, DECREASED_PARTLY_DISPLACED)),
    ("no_change", "Ingen säker förändring", (NO_CHANGE,)),
    ("displaced", "Flyttade troligen", (DISPLACED,)),
    ("increased", "Ökade", (INCREASED,)),
    ("too_few", "För få för att bedöma", (TOO_FEW,)),
)
HEADERS = ("Typ av åtgärd", *(heading for _, heading, _ in COLUMNS))
WIDTHS = (52, 21, 21, 27, 23, 18, 28)
TOTAL_LABEL = "Alla typer"
_GROUP = {verdict: key for key, _, verdicts in COLUMNS for verdict in verdicts}


def measures_section(store: Store, types: MeasureTypes | None = None) -> MeasuresSection:
    """The finished measures of ``store`` counted per type and verdict group; a finished
    measure without a verdict (never evaluated, or its period after not over) is counted
    apart as not yet evaluated. A store that does not hold measures gives an empty section
    that says so."""
    try:
        finished = store.measures(status=FINISHED)
    except StoreError:
        return MeasuresSection([], _empty_row(None, TOTAL_LABEL), available=False)
    types = types or MeasureTypes.load()
    rows: dict[str, MeasureTypeRow] = {}
    total = _empty_row(None, TOTAL_LABEL)
    not_evaluated = 0
    for measure in finished:
        group = _GROUP.get(measure.verdict or "")
        if group is None:
            not_evaluated += 1
            continue
        code = measure.type if measure.type in types.types else types.fallback
        row = rows.setdefault(code, _empty_row(code, types.label(code, "sv")))
        for line in (row, total):
            line.counts[group] += 1
            line.counts[EVALUATED] += 1
    order = list(types.types)
    ordered = sorted(rows.values(), key=lambda r: order.index(r.code) if r.code in order
                     else len(order))
    return MeasuresSection(ordered, total, not_evaluated)


def _empty_row(code: str | None, label: str) -> MeasureTypeRow:
    return MeasureTypeRow(code, label, {key: 0 for key, _, _ in COLUMNS})


def table_rows(section: MeasuresSection, n: int) -> list[list[str]]:
    """The printed table: a line per type and the total, small and protecting counts
    hidden (``<n+1``, ``..``)."""
    return [[row.label, *(count_text(row.counts[key], n, row.hidden.get(key))
                          for key, _, _ in COLUMNS)]
            for row in [*section.rows, section.total]]


def intro_text(section: MeasuresSection, n: int) -> str:
    """The section's first lines: what is counted, or in one line that there is nothing."""
    if not section.available:
        return "Databasen innehåller inga åtgärder (åtgärder kan ännu inte lagras i den)."
    if not section.rows:
        line = "Ingen avslutad åtgärd har utvärderats ännu."
        if section.not_evaluated:
            line += (f" Avslutade åtgärder som väntar på utvärdering: "
                     f"{count_text(section.not_evaluated, n)}.")
        return line
    text = ("Kommunens och dess samverkanspartners avslutade åtgärder (till exempel "
            "belysning, röjning, kameror, städning, ökad närvaro och dialog), räknade per typ "
            "av åtgärd efter vad den senaste utvärderingen visade. Bara typ och antal visas: "
            "inga namn på åtgärder, platser eller ansvariga.")
    if section.not_evaluated:
        text += (f" Avslutade åtgärder som ännu inte utvärderats ingår inte: "
                 f"{count_text(section.not_evaluated, n)}.")
    return text


def explanation_text(n: int) -> str:
    """What the verdicts, the effect and the WDQ mean, in plain Swedish."""
    small = (f" Antal 1–{n} visas som <{n + 1} och antal som skulle avslöja dem som .., som "
             "i resten av rapporten." if n > 0 else "")
    return (
        "Så utvärderas en åtgärd: antalet händelser av de slag åtgärden riktar sig mot räknas "
        "under åtgärdens tid och under lika lång tid före, på tre ställen: där åtgärden "
        f"gjordes, i en zon på {number(BUFFER_M)} m runt den och i resten av kommunen. Resten "
        "av kommunen visar vad som hade hänt ändå (årstid, trend, fler rapportörer).\n"
        "Effekten är förändringen på platsen jämförd med förändringen i resten av kommunen: "
        "0,6 betyder 40 % färre händelser än väntat. Den räknas som säker (Minskade eller "
        "Ökade) bara när hela dess osäkerhetsintervall (95 %) ligger under eller över 1, och "
        "samma veckor ett år tidigare jämförs så att en vanlig säsongsvariation inte tas för "
        "en effekt. Annars: Ingen säker förändring. Minskade räknar också åtgärder där en "
        "del av händelserna troligen flyttade till zonen runt platsen.\n"
        "WDQ (viktad förflyttningskvot, Bowers och Johnson 2003) jämför förändringen i zonen "
        "runt platsen med förändringen på platsen. Ett positivt värde betyder att också "
        "omgivningen fick färre händelser; ett negativt att händelser troligen flyttade dit, "
        "och under −1 att mer flyttade än som försvann (Flyttade troligen).\n"
        f"Med färre än {MIN_TARGET_EVENTS} händelser på platsen före och under åtgärden "
        "tillsammans görs ingen bedömning (För få för att bedöma)." + small)
