"""Small timing helpers shared by the benchmarks: repeat, then report median and p95."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    samples_ms: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_calls(action: Callable[[], object], repeat: int, warmup: int = 3) -> Timing:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(tuple(samples))


def time_process(args: Sequence[str], env: dict[str, str], repeat: int) -> Timing:
    """Wall time of whole processes, from spawn to exit."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(tuple(samples))


def peak_memory_mb(args: Sequence[str], env: dict[str, str]) -> float:
    """Peak resident memory (MB) of one whole process, read from the kernel at exit."""
    process = subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, args)
    return usage.ru_maxrss / 1024  # kilobytes on Linux


@dataclass(frozen=True)
class MemoryResult:
    name: str
    measured_mb: float
    baseline_mb: float
    baseline_name: str
    target: str

    def row(self) -> str:
        return (
            f"| {self.name} | {self.measured_mb:.0f} MB peak RSS | "
            f"| {self.baseline_name}: {self.baseline_mb:.0f} MB "
            f"| {self.measured_mb / self.baseline_mb:.2f}x | {self.target} |"
        )


@dataclass(frozen=True)
class Result:
    name: str
    measured: Timing
    baseline: Timing
    baseline_name: str
    target: str

    @property
    def ratio(self) -> float:
        return self.measured.median / self.baseline.median

    def row(self) -> str:
        return (
            f"| {self.name} | {self.measured.median:.2f} | {self.measured.p95:.2f} "
            f"| {self.baseline_name}: {self.baseline.median:.2f} "
            f"| {self.ratio:.2f}x | {self.target} |"
        )


TABLE_HEADER = (
    "| benchmark | median ms | p95 ms | baseline (median ms) | ratio | target |\n"
    "|---|---:|---:|---|---:|---|"
)
