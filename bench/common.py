"""Helpers for the benchmarks: sizes, timing a child process with its peak memory."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


def quick() -> bool:
    return os.environ.get("TRYGGHET_BENCH_QUICK") == "1"


def size(full: int, small: int) -> int:
    return small if quick() else full


@dataclass
class Timing:
    seconds: float
    peak_mb: float


def run_child(args: list[str], **kwargs) -> Timing:
    """Wall time and peak resident memory of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({proc.returncode}): {err[-500:]}")
    return Timing(seconds, usage.ru_maxrss / 1024)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ratio_line(label: str, ours: float, peer: float, peer_name: str) -> str:
    faster = peer / ours if ours else float("inf")
    verdict = "faster" if faster >= 1 else "slower"
    return (f"{label}: Trygghet {ours:.2f} s, {peer_name} {peer:.2f} s -> "
            f"{faster:.2f}x ({verdict})")
