"""``python -m fftbackend bench --plot FILE.png``: speed-up over SciPy against transform size.

The plot is drawn from the bench's JSON records (the list that ``--json`` writes), so a saved
JSON file can be plotted again later with :func:`plot_records`. One panel per family (complex
FFT, real FFT, DCT/DST, n-D and batched, convolution); x is the transform size in points (the
total number of points for n-D and batched cases, the signal's for a convolution), y is the
speed-up, SciPy's time divided by fftbackend's, both on log scales, with a line at 1 (the same
speed as SciPy): points above it are cases where fftbackend is faster.

matplotlib is optional (``pip install 'fftbackend[plot]'``) and imported only here, lazily.
"""

from __future__ import annotations

import math
import statistics
from typing import Any, Iterable, Mapping, Sequence

MISSING_MATPLOTLIB = (
    "--plot needs matplotlib, which is not installed: pip install 'fftbackend[plot]' "
    "(or pip install matplotlib)"
)

OURS = "fftbackend"

# Panel order and titles.
FAMILIES = ["complex FFT", "real FFT", "DCT / DST", "n-D and batched", "convolution"]

_REAL_FUNCS = {"rfft", "irfft", "hfft", "ihfft"}
_R2R_FUNCS = {"dct", "idct", "dst", "idst"}


def matplotlib_missing() -> str | None:
    """None when matplotlib can be imported, else the message to print."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:  # also when sys.modules["matplotlib"] is None
        return MISSING_MATPLOTLIB
    return None


def family(record: Mapping[str, Any]) -> str:
    """The panel of a JSON record of the bench."""
    if record.get("kind") == "convolution":
        return "convolution"
    func = record["func"].rpartition(":")[2]
    if len(record["shape"]) > 1 or func.endswith(("2", "n")):
        return "n-D and batched"
    if func in _REAL_FUNCS:
        return "real FFT"
    if func in _R2R_FUNCS:
        return "DCT / DST"
    return "complex FFT"


def size(record: Mapping[str, Any]) -> int:
    """Transform size in points: the output length ``n`` of irfft/hfft (its input is a
    half-spectrum), otherwise the number of input points (a convolution's signal)."""
    n = record.get("kwargs", {}).get("n")
    if isinstance(n, int):
        return n
    return math.prod(record["shape"])


def _smooth(n: int) -> bool:
    for p in (2, 3, 5, 7):
        while n % p == 0:
            n //= p
    return n == 1


SIZE_CLASSES = {  # marker of each size class
    "power of two": "o",
    "7-smooth composite": "s",
    "other (prime factors > 7)": "^",
}


def size_class(record: Mapping[str, Any]) -> str:
    """The size class of the transform lengths (the worst axis for n-D)."""
    n = record.get("kwargs", {}).get("n")
    lengths = [n] if isinstance(n, int) else list(record["shape"])
    if record.get("func") == "fft_conv":
        lengths = lengths[2:]  # (batch, channels, *spatial)
    if record.get("kind") != "convolution" and len(lengths) > 1 and "axis" in record.get(
            "kwargs", {}):
        lengths = [lengths[record["kwargs"]["axis"]]]  # a batch: only that axis is transformed
    if all(m & (m - 1) == 0 for m in lengths):
        return "power of two"
    if all(_smooth(m) for m in lengths):
        return "7-smooth composite"
    return "other (prime factors > 7)"


def speedup(record: Mapping[str, Any]) -> float:
    """SciPy's time / fftbackend's: the inverse of the ``ratio`` the bench reports."""
    return 1.0 / record["ratio"][OURS]


def series_name(record: Mapping[str, Any]) -> str:
    """The line a record belongs to within its panel: the function and the dtype, plus what
    changes the algorithm (DCT type and orthonormal scaling, batch axis)."""
    func = record["func"].rpartition(":")[2]
    kwargs = record.get("kwargs", {})
    parts = [func]
    if record.get("kind") == "convolution":
        parts.append("kernel " + "x".join(str(d) for d in record.get("kernel_shape", [])))
    if "type" in kwargs:
        parts.append(f"type {kwargs['type']}")
    if kwargs.get("norm"):
        parts.append(kwargs["norm"])
    if "axis" in kwargs and len(record["shape"]) > 1:
        parts.append(f"axis={kwargs['axis']}")
    parts.append(record["dtype"])
    return " ".join(parts)


Point = tuple[int, float, str]  # (size, speed-up, size class)


def group(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, list[Point]]]:
    """{family: {series: [(size, speed-up, size class), ...] sorted by size}} for the records
    that have a ratio."""
    panels: dict[str, dict[str, list[Point]]] = {f: {} for f in FAMILIES}
    for record in records:
        if OURS not in record.get("ratio", {}):
            continue
        points = panels[family(record)].setdefault(series_name(record), [])
        points.append((size(record), speedup(record), size_class(record)))
    for series in panels.values():
        for points in series.values():
            points.sort()
    return panels


SPEEDUP_TICKS = [2.0**k for k in range(-6, 9)]


def geometric_mean(values: Sequence[float]) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values))


def plot_records(records: Sequence[Mapping[str, Any]], path: str, title: str = "") -> None:
    """Write the speed-up plot of the bench's JSON ``records`` to ``path`` (format from the
    file name's extension: .png, .svg, .pdf...)."""
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

    panels = group(records)
    figure = Figure(figsize=(15, 9.5), layout="constrained")
    axes = figure.subplots(2, 3, sharey=True).ravel()
    all_speedups = [p[1] for series in panels.values() for pts in series.values() for p in pts]
    low = min(all_speedups, default=0.5)
    high = max(all_speedups, default=2.0)
    # Limits that always include 1, with some room above and below the extreme points.
    y_limits = (min(low, 1.0) / 1.5, max(high, 1.0) * 1.5)

    for ax, name in zip(axes, FAMILIES):
        series = panels[name]
        points = [p[1] for pts in series.values() for p in pts]
        heading = name
        if points:
            cases = f"{len(points)} case" + ("s" if len(points) != 1 else "")
            heading += f"  (geometric mean {geometric_mean(points):.2f}x, {cases})"
        ax.set_title(heading, fontsize=11)
        ax.axhline(1.0, color="0.3", linewidth=1.2, linestyle="--", zorder=1)
        for index, (label, pts) in enumerate(sorted(series.items())):
            color = f"C{index % 10}"
            xs, ys, _ = zip(*pts)
            # A thin line joins a series in size order; the marker tells the size class.
            ax.plot(xs, ys, color=color, linewidth=1.0, alpha=0.45, zorder=2)
            for cls, marker in SIZE_CLASSES.items():
                mine = [(x, y) for x, y, c in pts if c == cls]
                if mine:
                    ax.plot(*zip(*mine), color=color, marker=marker, markersize=6,
                            linestyle="none", zorder=3)
            ax.plot([], [], color=color, marker="o", linewidth=1.0, label=label)  # legend entry
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_ylim(*y_limits)
        # Speed-ups as 0.5x, 1x, 2x, 4x...; no minor labels (they crowd a short log axis).
        ax.yaxis.set_major_locator(FixedLocator(SPEEDUP_TICKS))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}x"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.grid(True, which="major", linewidth=0.5, alpha=0.5)
        ax.set_xlabel("convolution signal size (points)" if name == "convolution"
                      else "transform size (points; n-D and batched: total points)")
        if points:
            ax.legend(fontsize=7.5, loc="best", ncol=2 if len(series) > 6 else 1)
        else:
            ax.text(0.5, 0.5, "no cases in this run", transform=ax.transAxes,
                    ha="center", va="center", color="0.4")
    for ax in axes[::3]:
        ax.set_ylabel("speed-up over SciPy\n(SciPy time / fftbackend time)")
    for ax in axes:
        ax.yaxis.set_tick_params(labelleft=True)

    # The sixth panel: how to read the plot.
    notes = axes[len(FAMILIES)]
    notes.set_axis_off()
    total = len(all_speedups)
    summary = (f"all {total} cases: geometric mean {geometric_mean(all_speedups):.2f}x, "
               f"fftbackend faster in {sum(s > 1 for s in all_speedups)}"
               if total else "no cases")
    notes.text(
        0.02, 0.98,
        "How to read it\n\n"
        "y: SciPy's time divided by fftbackend's\n"
        "(median per call, single-threaded, warm plans);\n"
        "above the dashed line at 1, fftbackend is faster.\n"
        "Colours: function and dtype (legend of each panel);\n"
        "markers: size class of the transform length.\n"
        "Convolution: fftbackend.fftconvolve / fft_conv\n"
        "against the fastest SciPy way (see the bench table).\n\n" + summary,
        transform=notes.transAxes, va="top", ha="left", fontsize=10,
    )
    handles = [notes.plot([], [], color="0.3", marker=m, linestyle="none", label=c)[0]
               for c, m in SIZE_CLASSES.items()]
    notes.legend(handles=handles, title="size class", loc="lower left", fontsize=9)
    figure.suptitle("fftbackend speed-up over SciPy's default backend\n" + title, fontsize=12)
    figure.savefig(path, dpi=110)
