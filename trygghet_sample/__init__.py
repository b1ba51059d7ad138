"""A seeded generator of a Nässjö-like kommun's safety data, for tests, the demo and benchmarks.

``generate(size, seed, end, years)`` returns a :class:`SampleMunicipality`;
``write_sample(out_dir, ...)`` writes it in the forms the real sources deliver;
``python -m trygghet_sample --out DIR --size N --seed S`` does the same from a shell.
Everything is fictitious; only the kommun boundary and population (31,615 in 2024) are real.

How the data is made realistic enough for hotspot, period and chart tests:

Geography (fixed for every seed). The real kommun boundary, SWEREF 99 TM (EPSG:3006). 30
DeSO-like areas are Voronoi cells clipped to the boundary: 13 in Nässjö town (codes C), one or
two per smaller town (B: Bodafors, Forserum, Anneberg, Malmbäck, Grimstorp, Ormaryd, Solberga)
and 8 spread over the countryside (A), grouped into 10 RegSO-like regions. Populations follow
towns' sizes (``resources/sample/towns.json``) and sum to 31,615.

Where. About a third of the reports come from eight hotspots with a spread of 30-150 m:
resecentrum (graffiti, broken glass), Stadsparken (littering in summer, groups, drugs), a
school (vandalism, small fires), the youth centre (groups), the parking at Brogatan (drugs,
fights) and the station in Bodafors. Their lives differ: most persist for all years, the
shopping area ("Handelsområdet") appears in the last year and keeps intensifying (emerging),
the old bus square fades out during the first year (historical), and Brogatan comes in short
bursts (sporadic). Ground truth is in ``SampleMunicipality.hotspots``. One space–time cluster
is planted: in the last complete 14-day period some of Nässjö's background reports are moved
to within 120 m of the sports ground, a normally quiet place (``burst.py``;
``SampleMunicipality.bursts``) — what "ovanligt just nu" must find. The rest spread around
the towns in proportion (Nässjö most) and thinly over the countryside; every point lies inside
the boundary (points outside are redrawn).

When. A summer peak (littering and groups strongest, graffiti mild), school holidays for
youth-driven categories (sommarlov mid June - mid August, höstlov week 44, sportlov week 9)
plus Valborg, midsommarafton and nyårsafton, poor lighting reported October-February, dog mess
in March-April, fireworks at New Year. Groups, fights and disorder peak on Friday and Saturday
evenings and nights; littering happens at weekends and the street crews log much of it the
next weekday morning (so Monday mornings stand out in ``reported_at``). Overall a gentle rise
of 8 % a year. Times are Stockholm wall-clock times converted with the EU summer-time rule.

Who. 80 pseudonymous reporters (rep-001..rep-080) in 12 organisations, each organisation with
its favourite categories and home ground; activity is lognormal with three heavy reporters,
and about a third of them join late, leave early or pause for some months.

Late and edited. ``reported_at - occurred_at`` is mostly minutes to hours (police, guards and
the fire service faster), about one in five arrives after more than a day, with a heavy tail
to 20 days. About 10 % are edited once later (``updated_at`` after ``reported_at``): the edit
closes the report and/or corrects a usual category mistake (``first_key`` holds what it was
filed as); ``SampleMunicipality.snapshot(as_of)`` shows exactly what the service served then.

Unknown words. About 0.5 % of the reports (``profiles.UNKNOWN_SHARE``) carry a category word
outside the taxonomy ("Hundbajs", "Fyrverkerier", "Övergiven cykel", "Elsparkcyklar"); some
littering reports were first filed as "Hundbajs" and corrected by an edit.

Police events follow the polisen.se feed with its quirks (see ``police.py``); the survey
results per DeSO on the 0-6 problem scale follow the report rates (see ``surveys.py``).
"""

from __future__ import annotations

from .generator import generate
from .geography import SampleArea
from .model import ReportTable, SampleMunicipality
from .writer import write_sample

__all__ = ["ReportTable", "SampleArea", "SampleMunicipality", "generate", "write_sample"]
