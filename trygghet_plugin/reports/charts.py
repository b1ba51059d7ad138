"""Charts for the layouts: matplotlib to SVG, in the taxonomy's colours, with Swedish labels
and number forms. Each function writes one SVG file and returns its path.

Figures are made without pyplot, so the plugin never changes matplotlib's global backend
inside QGIS (other plugins may use it with Qt)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .formatting import WEEKDAYS_SHORT, number

INK = "#333333"
GRID = "#dddddd"
ACCENT = "#1f4e79"


def _style() -> dict:
    return {"font.family": "DejaVu Sans", "font.size": 8, "axes.edgecolor": INK,
            "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
            "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "path",
            "axes.titlesize": 9, "axes.titleweight": "bold", "legend.frameon": False}


def mm(width: float, height: float) -> tuple[float, float]:
    """A figure size in inches for an item of width × height millimetres (drawn 1:1)."""
    return width / 25.4, height / 25.4


def _swedish_axis(ax, axis: str = "y", decimals: int = 0) -> None:
    fmt = FuncFormatter(lambda v, _pos: number(v, decimals))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def _save(fig, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", transparent=True)
    return path


def weekday_hour(matrix: np.ndarray, path: Path, *, title: str = "Veckodag och timme",
                 size: tuple[float, float] = (5.5, 2.4)) -> Path:
    """A 7 × 24 matrix of counts (Monday first, local hours)."""
    with matplotlib.rc_context(_style()):
        fig = Figure(figsize=size, layout="constrained")
        ax = fig.subplots()
        image = ax.imshow(matrix, aspect="auto", cmap="YlOrRd", interpolation="nearest",
                          vmin=0)
        ax.set_yticks(range(7), WEEKDAYS_SHORT)
        ax.set_xticks(range(0, 24, 2), [f"{h:02d}" for h in range(0, 24, 2)])
        ax.set_xlabel("Timme")
        ax.set_title(title, loc="left")
        for spine in ax.spines.values():
            spine.set_visible(False)
        bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.01)
        bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: number(v)))
        bar.ax.yaxis.set_major_locator(MaxNLocator(4, integer=True))
        bar.outline.set_visible(False)
        return _save(fig, path)


def trend(labels: Sequence[str], series: Mapping[str, Sequence[float]],
          colors: Mapping[str, str], names: Mapping[str, str], path: Path, *,
          title: str = "Utveckling", size: tuple[float, float] = (5.5, 2.4),
          stacked: bool = True) -> Path:
    """Counts per period for each category; stacked bars (or lines) with a legend."""
    with matplotlib.rc_context(_style()):
        fig = Figure(figsize=size, layout="constrained")
        ax = fig.subplots()
        x = np.arange(len(labels))
        bottom = np.zeros(len(labels))
        for code, values in series.items():
            values = np.asarray(values, dtype=float)
            if stacked:
                ax.bar(x, values, 0.75, bottom=bottom, color=colors.get(code, "#999999"),
                       label=names.get(code, code), linewidth=0)
                bottom += values
            else:
                ax.plot(x, values, marker="o", markersize=2.5, linewidth=1.4,
                        color=colors.get(code, "#999999"), label=names.get(code, code))
        ax.set_xticks(x, labels, rotation=0 if len(labels) <= 8 else 45,
                      ha="center" if len(labels) <= 8 else "right")
        ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
        _swedish_axis(ax)
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_title(title, loc="left")
        handles, names_ = ax.get_legend_handles_labels()
        # Stacked bars read bottom-up: list the legend the same way.
        ax.legend(handles[::-1], names_[::-1], fontsize=7, loc="upper left",
                  bbox_to_anchor=(1.01, 1.0))
        return _save(fig, path)


def horizontal_bars(names: Sequence[str], values: Sequence[float], path: Path, *,
                    title: str, color: str = ACCENT, secondary: Sequence[float] | None = None,
                    secondary_label: str = "", primary_label: str = "",
                    size: tuple[float, float] = (4.2, 2.4)) -> Path:
    """One bar per name (largest on top), e.g. reports per organisation."""
    with matplotlib.rc_context(_style()):
        fig = Figure(figsize=size, layout="constrained")
        ax = fig.subplots()
        y = np.arange(len(names))[::-1]
        ax.barh(y, values, 0.6, color=color, label=primary_label or None)
        if secondary is not None:
            ax.barh(y - 0.3, secondary, 0.3, color="#9ecae1", label=secondary_label or None)
        for yi, v in zip(y, values):
            ax.text(v, yi, f" {number(v)}", va="center", fontsize=6.5, color=INK)
        ax.set_yticks(y, names)
        _swedish_axis(ax, "x")
        ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
        ax.set_title(title, loc="left")
        if primary_label or secondary_label:
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_xlim(0, max([*values, 1]) * 1.15)
        return _save(fig, path)

