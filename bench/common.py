"""Helpers for the benchmarks: sizes, timing a child process with its peak memory."""

from __future__ import annotations

import os
import subprocess
import threading
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


class PeakWatch:
    """The peak resident memory of one process of its own (VmHWM), sampled while it runs.

    Not ``wait4``'s ``ru_maxrss``: Linux carries the parent's high-water mark into a child
    at fork/exec, so a child of a big benchmark process reported the parent's peak (both
    Trygghet and ogr2ogr showed the same 1.5 GB)."""

    def __init__(self, pid: int, every: float = 0.02):
        self.pid = pid
        self.peak_kb = 0
        self._every = every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            with open(f"/proc/{self.pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))
                        return
        except (OSError, ValueError):
            pass

    def _run(self) -> None:
        while not self._done.is_set():
            self._read()
            self._done.wait(self._every)

    def stop(self) -> float:
        """Stop watching; the peak in MB."""
        self._done.set()
        self._thread.join()
        return self.peak_kb / 1024


def wait_with_peak(proc: subprocess.Popen) -> tuple[int, float]:
    """Wait for ``proc``; (exit code, its own peak RSS in MB). The last sample is taken
    while the finished process is a zombie-to-be: ``waitid(WNOWAIT)`` leaves it readable."""
    watch = PeakWatch(proc.pid)
    os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
    watch._read()
    peak = watch.stop()
    _, status = os.waitpid(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, peak


def run_child(args: list[str], **kwargs) -> Timing:
    """Wall time and peak resident memory of one child process (its own)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    code, peak = wait_with_peak(proc)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if code != 0:
        raise RuntimeError(f"{args[0]} failed ({code}): {err[-500:]}")
    return Timing(seconds, peak)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ratio_line(label: str, ours: float, peer: float, peer_name: str) -> str:
    faster = peer / ours if ours else float("inf")
    verdict = "faster" if faster >= 1 else "slower"
    return (f"{label}: Trygghet {ours:.2f} s, {peer_name} {peer:.2f} s -> "
            f"{faster:.2f}x ({verdict})")
