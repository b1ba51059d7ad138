"""The 80 people who file reports, in about a dozen organisations, with uneven activity."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .profiles import KEY_INDEX, KEYS, ORGANISATIONS

# Affinity of a reporter to a category the organisation does not specialise in.
_BASE_AFFINITY = 0.15
# Home weights over (Nässjö town, smaller towns, countryside).
_HOMES = {"nassjo": (1.0, 0.15, 0.1), "towns": (0.3, 1.0, 0.6), "all": (1.0, 0.5, 0.5)}
_TOWN_BASED = (0.2, 1.0, 0.8)
# Organisations whose people report at once (on duty, with a phone in hand).
FAST_ORGS = ("Polisen", "Securitas", "Räddningstjänsten")


@dataclass(frozen=True)
class Reporters:
    ids: tuple[str, ...]        # pseudonymous, "rep-001" ..
    orgs: tuple[str, ...]       # organisation of each reporter
    fast: np.ndarray            # bool per reporter
    weight: np.ndarray          # overall activity
    active: np.ndarray          # (reporters, months) 1 when active that month
    home: np.ndarray            # (reporters, 3) affinity to the three kinds of locality
    affinity: np.ndarray        # (reporters, keys) affinity to each category key

    def __len__(self) -> int:
        return len(self.ids)


def build_reporters(rng: np.random.Generator, months: int) -> Reporters:
    orgs: list[str] = []
    affinity: list[np.ndarray] = []
    home: list[tuple[float, float, float]] = []
    for org in ORGANISATIONS:
        likes = np.full(len(KEYS), _BASE_AFFINITY)
        for name, value in org.likes.items():
            likes[KEY_INDEX[name]] = value
        for _ in range(org.reporters):
            orgs.append(org.name)
            affinity.append(likes)
            if org.home == "all" and rng.random() < 0.3:
                home.append(_TOWN_BASED)
            else:
                home.append(_HOMES[org.home])
    n = len(orgs)
    # a few heavy reporters carry much of the load, as in every real collection service
    weight = rng.lognormal(0.0, 1.0, n)
    weight[rng.choice(n, 3, replace=False)] *= 6
    active = np.ones((n, months))
    kind = rng.random(n)
    for r in range(n):
        if kind[r] < 0.65:
            continue
        if kind[r] < 0.80:  # joined later
            active[r, : int(months * rng.uniform(0.1, 0.6))] = 0
        elif kind[r] < 0.90:  # left
            active[r, int(months * rng.uniform(0.4, 0.9)):] = 0
        else:  # a break of a few months
            start = int(rng.integers(0, max(months - 6, 1)))
            active[r, start:start + int(rng.integers(3, 7))] = 0
    # ids are shuffled once and for all so that a number does not reveal the organisation
    numbers = np.random.default_rng(80).permutation(n) + 1
    ids = tuple(f"rep-{k:03d}" for k in numbers.tolist())
    fast = np.array([o in FAST_ORGS for o in orgs])
    return Reporters(ids, tuple(orgs), fast, weight, active, np.array(home), np.array(affinity))
