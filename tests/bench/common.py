"""What every benchmark module shares: paths, the machine, timing, medians and figures with targets."""

import datetime
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CATEGORIES = ("volwassenheid-adoptie", "implementatie-strategie", "focus-benadering",
              "weergave-doelgroep", "meten-roi", "kanalen-platformen")
RUNS = 3  # every figure is the median of at least this many runs
# The content measured: the repository's, or another folder in the same format (BENCH_CONTENT=...).
CONTENT = pathlib.Path(os.environ.get("BENCH_CONTENT") or ROOT / "content").resolve()


def log(message):
    """Progress on stderr, so a long bench shows where it is."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine():
    """Date, CPU model, cores and RAM, read from /proc, for the report header."""
    cpu, cores = platform.processor() or "unknown", os.cpu_count()
    try:
        lines = pathlib.Path("/proc/cpuinfo").read_text().splitlines()
        first = {}
        for line in lines:
            if not line.strip():
                break  # the first processor's block is enough
            key, _, value = line.partition(":")
            first[key.strip()] = value.strip()
        cpu = first.get("model name", cpu)
        if "cpu family" in first:  # a virtual machine may name only the brand ("AMD EPYC")
            cpu += f" (family {first['cpu family']}, model {first.get('model', '?')}"
            cpu += f", {float(first['cpu MHz']):.0f} MHz)" if "cpu MHz" in first else ")"
        cores = sum(1 for line in lines if line.startswith("processor")) or cores
    except OSError:
        pass
    ram_gib = None
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": cores,
        "ram_gib": ram_gib,
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


def load_average():
    """The 1-minute load average: other work on the machine makes every time here slower."""
    try:
        return float(pathlib.Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def run_timed(cmd, *, cwd=ROOT, env=None, timeout=900):
    """Run a command; return its wall-clock seconds. A failure raises with the command's output."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stdout[-2000:]}"
                           f"\n{done.stderr[-2000:]}")
    return seconds


def median(values):
    """Median of the measured values (None when nothing was measured)."""
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


@dataclass
class Figure:
    """One reported number: its median over the runs and whether it meets its target.

    `op` is "<=" or ">="; a figure without a target has op None and is only reported.
    """

    id: str
    label: str
    unit: str
    runs: list = field(default_factory=list)
    target: float | None = None
    op: str | None = None
    note: str = ""
    error: str = ""

    @property
    def value(self):
        """The median of the runs."""
        return median(self.runs)

    @property
    def status(self):
        """'met', 'not met', 'no target' or 'not measured'."""
        if self.error or self.value is None:
            return "not measured"
        if self.op is None:
            return "no target"
        met = self.value <= self.target if self.op == "<=" else self.value >= self.target
        return "met" if met else "not met"

    def to_dict(self):
        """The figure with its median and status, for report.json."""
        return {**asdict(self), "value": self.value, "status": self.status}
