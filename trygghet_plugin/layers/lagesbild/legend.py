"""Classes of the rates per 1,000 inhabitants for the area layer's legend: quantile edges
rounded to two significant digits, Swedish labels."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

RATE_COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")


@dataclass(frozen=True)
class RateClass:
    lower: float
    upper: float
    label: str
    color: str


def _nice(value: float, up: bool = False) -> float:
    """``value`` rounded to two significant digits (up for the top edge)."""
    if value <= 0:
        return 0.0
    step = 10 ** (math.floor(math.log10(value)) - 1)
    n = value / step
    return (math.ceil(n - 1e-9) if up else round(n)) * step


def format_number(value: float) -> str:
    """Swedish: decimal comma, at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def rate_classes(rates: Sequence[float | None], n: int = 5) -> list[RateClass]:
    """Up to ``n`` classes of rates per 1,000 inhabitants at quantiles, with round edges and
    Swedish labels ("1,5–3 per 1 000 inv.")."""
    values = np.array([r for r in rates if r is not None and r == r], dtype=float)
    if values.size == 0:
        return []
    top = _nice(float(values.max()), up=True)
    if top == 0:
        return [RateClass(0.0, 0.0, "0 per 1 000 inv.", RATE_COLORS[0])]
    inner = sorted({_nice(float(q)) for q in np.quantile(values, np.arange(1, n) / n)})
    edges = [0.0] + [e for e in inner if 0 < e < top] + [top]
    out = []
    colors = _spread(RATE_COLORS, len(edges) - 1)
    for lower, upper, color in zip(edges[:-1], edges[1:], colors):
        out.append(RateClass(lower, upper, f"{format_number(lower)}–{format_number(upper)} "
                                           "per 1 000 inv.", color))
    return out


def _spread(colors: Sequence[str], k: int) -> list[str]:
    if k >= len(colors):
        return list(colors)[:k]
    picks = np.linspace(0, len(colors) - 1, k).round().astype(int)
    return [colors[i] for i in picks]
