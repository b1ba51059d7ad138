"""The behaviour model of the sample: categories, hotspots, time profiles and reporters.

Pure data plus small vectorised helpers; the generator in ``reports.py`` combines them.
Labels are the Swedish words the collection service shows, not taxonomy codes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Mon..Sun factors on the day a category happens.
NIGHTLIFE_WEEK = (0.75, 0.75, 0.8, 0.95, 1.6, 1.8, 0.9)
VANDAL_WEEK = (0.85, 0.85, 0.9, 1.0, 1.3, 1.35, 0.95)
LITTER_WEEK = (0.8, 0.8, 0.8, 0.9, 1.2, 1.5, 1.4)
FLAT_WEEK = (1.0,) * 7

# Local hour weights 00..23; the second profile is for Fridays and Saturdays.
_NIGHT = (3, 2, 1.5, 1, .5, .3, .3, .4, .5, .6, .7, .8, 1, 1.1, 1.3, 1.6, 2.2, 3, 4, 5, 5.5, 5.5,
          5, 4)
_NIGHT_LATE = (5, 4.5, 3.5, 2, 1, .4, .3, .3, .4, .5, .6, .7, .9, 1, 1.2, 1.5, 2, 2.8, 3.8, 5,
               6, 6.5, 6.5, 6)
_VANDAL = (3, 2.5, 2, 1.5, .8, .5, .6, .8, 1, 1, 1, 1, 1.1, 1.2, 1.4, 1.8, 2.2, 2.6, 3, 3.4,
           3.8, 4, 4, 3.5)
_VANDAL_LATE = (4.5, 4, 3, 2, 1, .5, .5, .6, .8, .9, 1, 1, 1.1, 1.2, 1.4, 1.8, 2.2, 2.6, 3,
                3.6, 4.2, 4.8, 5, 5)
_DAY = (.2, .1, .1, .1, .1, .3, .8, 1.5, 2, 2.2, 2.3, 2.3, 2.4, 2.4, 2.3, 2.2, 2, 1.8, 1.5,
        1.2, 1, .8, .5, .3)
_DARK = (.5, .3, .2, .2, .3, .8, 2, 2.5, 1.2, .5, .3, .3, .3, .3, .4, .8, 2, 3, 3.5, 3.5, 3,
         2.5, 1.5, .8)
_LITTER = (1.5, 1, .6, .3, .2, .3, .8, 1.3, 1.5, 1.6, 1.7, 1.8, 2, 2, 2, 2, 2, 2.1, 2.2, 2.3,
           2.5, 2.6, 2.4, 2)
_LITTER_LATE = (3, 2.5, 1.5, .8, .3, .3, .5, .8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2, 2, 2.2, 2.4,
                2.8, 3.2, 3.6, 3.8, 3.6, 3.2)


@dataclass(frozen=True)
class CategoryKey:
    """One (category, subcategory) pair as the collection service writes it."""

    name: str
    category: str
    subcategory: str | None
    templates: tuple[str, ...]
    season: str
    week: tuple[float, ...]
    hours: tuple[float, ...]
    hours_late: tuple[float, ...]
    youth: bool = False  # more during school holidays and on Valborg and midsommar
    known: bool = True   # False: a word the taxonomy does not know


_SK = "Skadegörelse"
_SAM = "Otrygghetsskapande samling av personer"
_ORD = "Annat ordningsstörande"
_OTR = "Otrygg plats"

KEYS: tuple[CategoryKey, ...] = (
    CategoryKey("klotter", _SK, "Klotter", ("Klotter på busskuren", "Nytt klotter på fasaden",
                "Taggar på elskåpet", "Klotter på bänkar och papperskorgar"),
                "mild", VANDAL_WEEK, _VANDAL, _VANDAL_LATE, youth=True),
    CategoryKey("glas", _SK, "Krossat glas", ("Krossat glas på gångvägen", "Krossad ruta",
                "Glaskross på cykelbanan"), "mild", VANDAL_WEEK, _VANDAL, _VANDAL_LATE,
                youth=True),
    CategoryKey("brand", _SK, "Brand", ("Brand i papperskorg", "Anlagd brand i container",
                "Någon har eldat på lekplatsen"), "summer", VANDAL_WEEK, _VANDAL,
                _VANDAL_LATE, youth=True),
    CategoryKey("skada", _SK, None, ("Sönderslagna bänkar", "Vandaliserad papperskorg",
                "Skadad skylt", "Sparkat sönder staket"), "mild", VANDAL_WEEK, _VANDAL,
                _VANDAL_LATE, youth=True),
    CategoryKey("skrap", "Nedskräpning", None, ("Mycket skräp", "Nedskräpat efter helgen",
                "Överfulla papperskorgar", "Dumpade sopsäckar"), "summer_strong",
                LITTER_WEEK, _LITTER, _LITTER_LATE),
    CategoryKey("samling", _SAM, None, ("Grupp ungdomar som stör",
                "Samling av personer som upplevs hotfulla", "Stor grupp samlad sent på kvällen"),
                "summer", NIGHTLIFE_WEEK, _NIGHT, _NIGHT_LATE, youth=True),
    CategoryKey("brak", _ORD, "Bråk", ("Bråk mellan ungdomar", "Slagsmål", "Högljutt bråk"),
                "summer", NIGHTLIFE_WEEK, _NIGHT, _NIGHT_LATE, youth=True),
    CategoryKey("narkotika", _ORD, "Narkotika", ("Misstänkt narkotikaförsäljning",
                "Sprutor hittade", "Misstänkt langning"), "mild", NIGHTLIFE_WEEK, _NIGHT,
                _NIGHT_LATE),
    CategoryKey("ordning", _ORD, None, ("Störande oväsen", "Högljudd musik sent på natten",
                "Mopedåkning på gångbanan"), "summer", NIGHTLIFE_WEEK, _NIGHT, _NIGHT_LATE,
                youth=True),
    CategoryKey("belysning", _OTR, "Bristande belysning", ("Trasig gatubelysning",
                "Mörkt på gångvägen", "Släckt belysning"), "dark", FLAT_WEEK, _DARK, _DARK),
    CategoryKey("sikt", _OTR, "Skymd sikt", ("Igenvuxna buskar skymmer sikten",
                "Skymd sikt i gångtunneln"), "summer", FLAT_WEEK, _DAY, _DAY),
    CategoryKey("otrygg", _OTR, None, ("Otrygg plats", "Ödsligt och otryggt",
                "Upplevs otryggt kvällstid"), "flat", FLAT_WEEK, _DARK, _DARK),
    # Words outside the taxonomy, so the importer's unknown-category path gets exercised.
    CategoryKey("hundbajs", "Hundbajs", None, ("Mycket hundbajs", "Hundbajs på gångvägen"),
                "spring", FLAT_WEEK, _DAY, _DAY, known=False),
    CategoryKey("fyrverkerier", "Fyrverkerier", None, ("Fyrverkerier sent på natten",
                "Smällare mot fönster"), "newyear", FLAT_WEEK, _NIGHT, _NIGHT_LATE,
                known=False),
    CategoryKey("cykel", "Övergiven cykel", None, ("Övergiven cykel", "Cykelvrak"), "flat",
                FLAT_WEEK, _DAY, _DAY, known=False),
    CategoryKey("elsparkcykel", "Elsparkcyklar", None, ("Elsparkcyklar blockerar gångbanan",
                "Slängda elsparkcyklar"), "summer", FLAT_WEEK, _DAY, _DAY, known=False),
)
KEY_INDEX = {k.name: i for i, k in enumerate(KEYS)}
UNKNOWN_KEYS = tuple(i for i, k in enumerate(KEYS) if not k.known)
LITTER_KEY = KEY_INDEX["skrap"]

# Share of reports that carry a category word outside the taxonomy (in the served state).
UNKNOWN_SHARE = 0.005
_UNKNOWN_MIX = {"hundbajs": 0.4, "fyrverkerier": 0.2, "cykel": 0.2, "elsparkcykel": 0.2}

# What a report was first filed as, when an edit later corrected its category.
CORRECTED_FROM = {"klotter": "skada", "glas": "skada", "skada": "klotter", "samling": "ordning",
                  "brak": "samling", "narkotika": "ordning", "ordning": "samling",
                  "skrap": "hundbajs", "belysning": "otrygg", "sikt": "otrygg",
                  "otrygg": "samling"}

TOWN_MIX = {"klotter": .14, "glas": .07, "brand": .03, "skada": .08, "skrap": .20,
            "samling": .10, "brak": .06, "narkotika": .03, "ordning": .07, "belysning": .10,
            "sikt": .05, "otrygg": .07}
RURAL_MIX = {"skrap": .45, "skada": .15, "brand": .08, "belysning": .12, "sikt": .10,
             "otrygg": .10}


@dataclass(frozen=True)
class Hotspot:
    """A fixed trouble spot: where, how wide, how its activity runs over the years, what."""

    name: str
    place: str       # how descriptions name it, e.g. "vid resecentrum"
    town: str
    dx: float        # metres from the town centre
    dy: float
    spread: float    # standard deviation in metres
    share: float     # of all reports
    life: str        # persistent | emerging | historical | sporadic
    mix: dict


HOTSPOTS: tuple[Hotspot, ...] = (
    Hotspot("Resecentrum", "vid resecentrum", "Nässjö", -150, -40, 60, .08, "persistent",
            {"klotter": .40, "glas": .15, "skada": .10, "samling": .15, "brak": .06,
             "narkotika": .04, "otrygg": .05, "skrap": .05}),
    Hotspot("Stadsparken", "i Stadsparken", "Nässjö", 320, -210, 120, .06, "persistent",
            {"skrap": .45, "samling": .20, "narkotika": .10, "brak": .07, "belysning": .08,
             "sikt": .05, "klotter": .05}),
    Hotspot("Högstadieskolan", "vid högstadieskolan", "Nässjö", 650, 620, 80, .04, "persistent",
            {"klotter": .30, "glas": .25, "brand": .12, "skada": .18, "samling": .10,
             "skrap": .05}),
    Hotspot("Fritidsgården", "vid fritidsgården", "Nässjö", -620, 780, 50, .05, "persistent",
            {"samling": .55, "brak": .15, "ordning": .12, "skrap": .08, "narkotika": .05,
             "klotter": .05}),
    Hotspot("Handelsområdet", "vid handelsområdet", "Nässjö", 1500, -900, 150, .04, "emerging",
            {"samling": .35, "brak": .15, "ordning": .10, "narkotika": .10, "skrap": .15,
             "otrygg": .10, "klotter": .05}),
    Hotspot("Gamla busstorget", "vid gamla busstorget", "Nässjö", 80, 380, 40, .025,
            "historical", {"klotter": .45, "skada": .20, "glas": .15, "samling": .15,
                           "otrygg": .05}),
    Hotspot("Parkeringen vid Brogatan", "på parkeringen vid Brogatan", "Nässjö", -300, -520, 30,
            .015, "sporadic", {"narkotika": .40, "brak": .25, "samling": .20, "ordning": .10,
                               "skrap": .05}),
    Hotspot("Bodafors station", "vid stationen i Bodafors", "Bodafors", -120, 60, 70, .02,
            "persistent", {"klotter": .35, "glas": .15, "samling": .25, "skrap": .15,
                           "skada": .10}),
)

# Shares of reports in each town's general background (outside the hotspots) and the rest
# of the countryside; with the hotspots' shares they sum to 1.
TOWN_SHARES = {"Nässjö": .37, "Bodafors": .06, "Forserum": .05, "Anneberg": .03,
               "Malmbäck": .025, "Grimstorp": .015, "Ormaryd": .01, "Solberga": .01}
RURAL_SHARE = .10

RURAL_PLACES = ("vid återvinningsstationen", "vid badplatsen", "längs riksväg 40",
                "vid rastplatsen", "på grusvägen mot sjön", "vid vindskyddet")


def small_town_places(town: str) -> tuple[str, ...]:
    return (f"i {town}", f"vid busshållplatsen i {town}", f"vid skolan i {town}",
            f"vid affären i {town}")


@dataclass(frozen=True)
class Organisation:
    name: str
    reporters: int
    likes: dict          # category key name -> affinity (default 0.15)
    home: str            # nassjo | towns | all: where its reporters mostly work


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation("Nässjö kommun – gatuavdelningen", 12,
                 {"skrap": 3, "belysning": 3, "sikt": 2, "klotter": 1.5, "skada": 1.5,
                  "glas": 1.5, "hundbajs": 2, "cykel": 2, "elsparkcykel": 2}, "all"),
    Organisation("Nässjö kommun – fritidsgårdar", 6,
                 {"samling": 3, "brak": 2, "ordning": 2, "narkotika": 1}, "nassjo"),
    Organisation("Nässjöbostäder", 10,
                 {"klotter": 2, "skada": 2, "glas": 1.5, "brand": 1.5, "skrap": 1.5,
                  "otrygg": 1.5, "belysning": 1}, "all"),
    Organisation("Skolorna i Nässjö", 10,
                 {"klotter": 2, "glas": 2, "brand": 2, "skada": 2, "samling": 1.5}, "all"),
    Organisation("Polisen", 8, {"narkotika": 3, "brak": 3, "samling": 2, "ordning": 2},
                 "all"),
    Organisation("Räddningstjänsten", 5, {"brand": 5, "fyrverkerier": 3}, "all"),
    Organisation("Nattvandrarna", 9,
                 {"samling": 3, "brak": 2, "ordning": 2, "otrygg": 2, "belysning": 1}, "nassjo"),
    Organisation("Securitas", 6, {"klotter": 2, "glas": 2, "skada": 2, "samling": 1.5},
                 "nassjo"),
    Organisation("Nässjö Affärsverk", 4, {"belysning": 5, "skrap": 1}, "all"),
    Organisation("Svenska kyrkan", 3, {"otrygg": 2, "samling": 2}, "towns"),
    Organisation("Handelsföreningen", 4,
                 {"klotter": 2, "skrap": 2, "samling": 2, "otrygg": 1.5}, "nassjo"),
    Organisation("Idrottsföreningarna", 3, {"skrap": 2, "skada": 2, "klotter": 1.5}, "towns"),
)


def mix_vector(mix: dict) -> np.ndarray:
    """A component's category mix over KEYS, with the unknown words' small share added."""
    known = np.zeros(len(KEYS))
    for name, weight in mix.items():
        known[KEY_INDEX[name]] = weight
    known *= (1 - UNKNOWN_SHARE) / known.sum()
    for name, weight in _UNKNOWN_MIX.items():
        known[KEY_INDEX[name]] = UNKNOWN_SHARE * weight
    return known


# -- time --------------------------------------------------------------------------------

def _summer_wave(doy: np.ndarray, amplitude: float) -> np.ndarray:
    return 1 + amplitude * np.cos(2 * np.pi * (doy - 196) / 365.25)


def season(kind: str, doy: np.ndarray, month: np.ndarray, md: np.ndarray) -> np.ndarray:
    """Relative level by time of year; ``md`` is month * 100 + day."""
    if kind == "summer_strong":
        return _summer_wave(doy, 0.6)
    if kind == "summer":
        return _summer_wave(doy, 0.35)
    if kind == "mild":
        return _summer_wave(doy, 0.2)
    if kind == "dark":  # poor lighting gets noticed when the evenings are dark
        return np.select([np.isin(month, (10, 11, 12, 1, 2)), np.isin(month, (3, 9))],
                         [2.2, 0.8], 0.3)
    if kind == "spring":  # dog mess shows when the snow melts
        return np.select([np.isin(month, (3, 4)), month == 5], [3.0, 1.5], 0.6)
    if kind == "newyear":
        return np.select([(md == 1231) | (md == 101), (md >= 1220) | (md <= 106)],
                         [40.0, 4.0], 0.3)
    return np.ones(doy.shape)


def school_holiday(md: np.ndarray, week: np.ndarray) -> np.ndarray:
    """Factor for youth-driven categories: sommarlov, höstlov (week 44), sportlov (week 9)."""
    factor = np.ones(md.shape)
    factor[(md >= 612) & (md <= 817)] = 1.3
    factor[week == 44] = 1.6
    factor[week == 9] = 1.5
    return factor


def festive(md: np.ndarray, dow: np.ndarray) -> np.ndarray:
    """Valborgsmässoafton, midsommarafton (the Friday 19-25 June) and nyårsafton."""
    factor = np.ones(md.shape)
    factor[md == 430] = 3.0
    factor[(md >= 619) & (md <= 625) & (dow == 4)] = 2.5
    factor[md == 1231] = 2.0
    return factor


def lifecycle(life: str, f: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A hotspot's activity over the window; ``f`` runs 0..1 from the first to the last day."""
    if life == "emerging":  # appears in the last year and keeps growing
        return np.where(f < 2 / 3, 0.0, 0.05 + np.clip((f - 2 / 3) * 3, 0, None) ** 1.5)
    if life == "historical":  # fades out during the first year
        return np.clip(1 - f * 3, 0, None) ** 1.2
    if life == "sporadic":  # a few short bursts, quiet in between
        level = np.full(f.shape, 0.01)
        days = f.size
        for start in rng.choice(max(days - 12, 1), size=max(2, days // 180), replace=False):
            level[start:start + rng.integers(5, 12)] = 1.0
        return level
    return np.ones(f.shape)
