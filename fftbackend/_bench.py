"""The main job, ``python -m fftbackend bench`` (``__main__.py`` holds the command line).

It works in two phases, in one process:

1. Correctness. Every case is run through each backend under test and compared with SciPy's own
   backend on the same input: same shape, same dtype, input left unchanged, and a normwise relative
   error within the case's limit. Any failure is printed and the run exits non-zero without timing.
2. Timing. Each case is called through ``scipy.fft.set_backend(...)`` for SciPy's backend and
   ours, single-threaded, warm (plans cached), samples interleaved so machine noise hits all
   columns alike, and the median time per call is reported as a table with ours/SciPy ratios.

Extending it: later issues append rows to ``FULL_CASES`` / ``QUICK_CASES`` (any ``scipy.fft``
function, or ``"module:function"`` for callers such as ``"scipy.signal:fftconvolve"``) and, for peer
libraries, append to ``default_columns()`` (any module that is a ``scipy.fft`` backend).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import itertools
import json
import math
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, ContextManager, Mapping, Sequence

import numpy as np
import scipy
import scipy.fft

Call = Callable[[], Any]  # a zero-argument callable: one timed call
ContextFactory = Callable[[], ContextManager[Any]]  # e.g. a Column's activate

# ----------------------------------------------------------------------------------------------
# The case matrix
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One benchmarked call: ``func(x, **kwargs)`` with ``x`` random of ``dtype`` and ``shape``."""

    label: str
    dtype: str
    shape: tuple[int, ...]
    func: str = "fft"  # a name in scipy.fft, or "module:function"
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    rel_error_limit: float | None = None  # None: the default for the dtype's precision


def vector_case(dtype: str, n: int, func: str = "fft") -> Case:
    return Case(f"{func} {dtype} n={n}", dtype, (n,), func)


def batch_case(dtype: str, shape: tuple[int, ...], axis: int, func: str = "fft") -> Case:
    dims = "x".join(str(d) for d in shape)
    return Case(f"{func} {dtype} {dims} axis={axis}", dtype, shape, func, {"axis": axis})


def array_case(dtype: str, shape: tuple[int, ...], func: str) -> Case:
    dims = "x".join(str(d) for d in shape)
    return Case(f"{func} {dtype} {dims}", dtype, shape, func)


# The real output precision of each complex half-spectrum dtype (what irfft returns).
_REAL_OF = {"complex128": "float64", "complex64": "float32"}


def irfft_case(dtype: str, n: int) -> Case:
    """irfft to ``n`` real points: the input is a complex half-spectrum of length n//2+1.

    Labelled by the output dtype, like the rfft row it inverts.
    """
    return Case(f"irfft {_REAL_OF[dtype]} n={n}", dtype, (n // 2 + 1,), "irfft", {"n": n})


def r2r_case(
    func: str, dtype: str, shape: tuple[int, ...], type: int = 2, norm: str | None = None
) -> Case:
    """A real-to-real transform (``dct``, ``idst``, ``dctn``...) of the given type and norm.

    Labelled e.g. "dct type=2 float64 n=1024 norm=ortho" (1-D) or "dctn type=2 float64 512x512".
    """
    size = f"n={shape[0]}" if len(shape) == 1 else "x".join(str(d) for d in shape)
    label = f"{func} type={type} {dtype} {size}" + (f" norm={norm}" if norm else "")
    kwargs: dict[str, Any] = {"type": type}
    if norm:
        kwargs["norm"] = norm
    return Case(label, dtype, shape, func, kwargs)


# Sizes cover powers of two (small, cache-sized, large), smooth composites (1000 = 2^3 5^3,
# 6720 = 2^6 3 5 7, 7500 = 2^2 3 5^4) and primes (4099, 65537, 1000003) that need Bluestein/Rader.
FULL_CASES: list[Case] = [
    *(vector_case("complex128", n)
      for n in (64, 1024, 4096, 65536, 2**20, 1000, 6720, 7500, 4099, 65537, 1000003)),
    *(vector_case("complex64", n) for n in (1024, 65536)),
    batch_case("complex128", (1000, 1024), axis=0),
    batch_case("complex128", (1000, 1024), axis=-1),
    # Real transforms: rfft of float64 input, irfft back to float64 (from the half-spectrum),
    # a 2-D rfft, and fft of real input (which takes the real kernel and completes the spectrum).
    *(vector_case("float64", n, "rfft") for n in (1024, 4096, 65536, 2**20, 6720)),
    *(irfft_case("complex128", n) for n in (1024, 4096, 65536, 2**20, 6720)),
    array_case("float64", (2048, 2048), "rfft2"),
    vector_case("float64", 65536),
    # Real-to-real transforms: the DCT (type 2) unnormalised and orthonormal, its inverse and the
    # 2-D DCT; then one row each for the DST, the other types, an odd length (65535 = 3 5 17 257,
    # 65537 prime: DCT-I works on 2(n-1) = 2^17) and single precision.
    *(r2r_case("dct", "float64", (n,), norm=norm)
      for n in (1024, 6720, 65536, 2**20) for norm in (None, "ortho")),
    r2r_case("idct", "float64", (65536,)),
    r2r_case("dctn", "float64", (512, 512)),
    r2r_case("dctn", "float64", (2048, 2048)),
    r2r_case("dst", "float64", (65536,)),
    r2r_case("dct", "float64", (65537,), type=1),
    r2r_case("dct", "float64", (65536,), type=3),
    r2r_case("dct", "float64", (65536,), type=4),
    r2r_case("dst", "float64", (65535,), type=4),
    r2r_case("dct", "float32", (65536,)),
]

# Small enough to finish in a few seconds: the test suite and CI run these so the job cannot rot.
QUICK_CASES: list[Case] = [
    *(vector_case("complex128", n) for n in (64, 1000, 4099)),
    vector_case("complex64", 1024),
    batch_case("complex128", (64, 128), axis=0),
    batch_case("complex128", (64, 128), axis=-1),
    vector_case("float64", 1024, "rfft"),
    r2r_case("dct", "float64", (1024,)),
    r2r_case("dctn", "float64", (64, 64)),
]

FULL_REPEATS = 31
QUICK_REPEATS = 7
MIN_SAMPLE_SECONDS = 2e-3  # long enough that timer resolution and loop overhead do not matter
WARMUP_CALLS = 3
SEED = 20240601

# Both sides are compared with SciPy, which has its own rounding error: allow a few times the
# error of one good FFT of that precision.
REL_ERROR_LIMITS = {np.dtype(np.float64): 1e-14, np.dtype(np.float32): 2e-6}


def rel_error_limit(case: Case) -> float:
    if case.rel_error_limit is not None:
        return case.rel_error_limit
    return REL_ERROR_LIMITS[np.finfo(np.dtype(case.dtype)).dtype]


def make_input(case: Case) -> np.ndarray:
    """Random data for the case, the same on every run (fixed seed)."""
    rng = np.random.default_rng(SEED)
    dtype = np.dtype(case.dtype)
    if dtype.kind == "c":
        data = rng.standard_normal(case.shape) + 1j * rng.standard_normal(case.shape)
    else:
        data = rng.standard_normal(case.shape)
    return data.astype(dtype)


def resolve_function(name: str) -> Callable[..., Any]:
    module_name, _, attr = name.rpartition(":")
    module = importlib.import_module(module_name) if module_name else scipy.fft
    return getattr(module, attr)


def bind_call(case: Case, data: np.ndarray) -> Call:
    return functools.partial(resolve_function(case.func), data, **case.kwargs)


def select_cases(cases: Sequence[Case], substring: str | None) -> list[Case]:
    if not substring:
        return list(cases)
    return [case for case in cases if substring.lower() in case.label.lower()]


# ----------------------------------------------------------------------------------------------
# Columns: what is compared
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A timed implementation: any ``scipy.fft`` backend (``"scipy"`` or a backend module).

    ``only=True`` so that a case the backend does not handle raises instead of silently falling
    through to SciPy, which would time SciPy against itself.
    """

    heading: str
    backend: Any

    def activate(self) -> ContextManager[Any]:
        return scipy.fft.set_backend(self.backend, only=True)


def default_columns() -> list[Column]:
    """The reference (first) and the columns compared with it."""
    import fftbackend  # the package itself is the scipy.fft backend

    return [Column("SciPy", "scipy"), Column("fftbackend", fftbackend)]


# ----------------------------------------------------------------------------------------------
# Phase 1: correctness
# ----------------------------------------------------------------------------------------------


@dataclass
class Check:
    case: Case
    column: str
    rel_error: float | None
    problems: list[str]


def run_under(column: Column, call: Call) -> Any:
    with column.activate():
        return call()


def normwise_rel_error(result: np.ndarray, expected: np.ndarray) -> float:
    # Norms in double precision so a complex64 / float32 result is not judged by a
    # single-precision norm; real results (irfft, hfft...) stay real.
    wide = np.complex128 if np.iscomplexobj(result) or np.iscomplexobj(expected) else np.float64
    diff = np.linalg.norm((result.astype(wide) - expected.astype(wide)).ravel())
    scale = np.linalg.norm(expected.astype(wide).ravel())
    return float(diff / scale) if scale > 0 else float(diff)


def check_case(case: Case, data: np.ndarray, reference: Column, column: Column) -> Check:
    pristine = data.copy()
    expected = run_under(reference, bind_call(case, data))
    try:
        result = run_under(column, bind_call(case, data))
    except Exception as exc:  # report every failure, not just the first
        # uarray's exception class is not public in SciPy, so it is recognised by name.
        if type(exc).__name__ == "BackendNotImplementedError":
            problem = "not implemented (would fall through to SciPy)"
            return Check(case, column.heading, None, [problem])
        return Check(case, column.heading, None, [f"raised {type(exc).__name__}: {exc}"])
    return Check(case, column.heading, *judge_result(case, data, pristine, result, expected))


def judge_result(
    case: Case, data: np.ndarray, pristine: np.ndarray, result: Any, expected: np.ndarray
) -> tuple[float | None, list[str]]:
    """The normwise relative error (None if not comparable) and everything wrong with ``result``."""
    problems = []
    if not np.array_equal(data, pristine):
        problems.append("modified its input")
    if not isinstance(result, np.ndarray):
        return None, problems + [f"returned {type(result).__name__}, not an ndarray"]
    if result.shape != expected.shape:
        return None, problems + [f"shape {result.shape}, SciPy gives {expected.shape}"]
    if result.dtype != expected.dtype:
        problems.append(f"dtype {result.dtype}, SciPy gives {expected.dtype}")
    error = normwise_rel_error(result, expected)
    limit = rel_error_limit(case)
    if not error <= limit:  # also catches NaN
        problems.append(f"normwise relative error {error:.3g} > {limit:.3g}")
    return error, problems


# ----------------------------------------------------------------------------------------------
# Phase 2: timing
# ----------------------------------------------------------------------------------------------


@dataclass
class Timing:
    """Seconds per call: median and quartiles over the samples."""

    median: float
    q1: float
    q3: float
    loops: int
    samples: int


def time_interleaved(
    calls: Sequence[Call],
    *,
    contexts: Sequence[ContextFactory] | None = None,
    repeats: int,
    min_sample_seconds: float = MIN_SAMPLE_SECONDS,
    warmup_calls: int = WARMUP_CALLS,
) -> list[Timing]:
    """Time zero-argument callables against each other.

    ``contexts[i]()`` is entered around each sample of ``calls[i]``, not around each call, so
    selecting a backend costs nothing per call. Samples are taken in turn (A B, B A, A B, ...) so
    that slow drift and bursts of noise from other processes hit every callable alike; the order
    flips each round so neither side always runs right after the other.
    """
    contexts = contexts or [contextlib.nullcontext] * len(calls)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a collection in one sample but not the next is noise, not speed
    try:
        for call, context in zip(calls, contexts):
            with context():
                for _ in range(warmup_calls):
                    call()  # plans and caches are built here, outside the timed samples
        loops = [calibrate_loops(c, ctx, min_sample_seconds) for c, ctx in zip(calls, contexts)]
        samples: list[list[float]] = [[] for _ in calls]
        for round_index in range(repeats):
            order = range(len(calls)) if round_index % 2 == 0 else reversed(range(len(calls)))
            for i in order:
                samples[i].append(take_sample(calls[i], contexts[i], loops[i]) / loops[i])
    finally:
        if gc_was_enabled:
            gc.enable()
    return [summarize(s, n) for s, n in zip(samples, loops)]


def take_sample(call: Call, context: ContextFactory, loops: int) -> float:
    """Seconds taken by ``loops`` calls, with the context entered once around them all."""
    with context():
        start = time.perf_counter()
        for _ in itertools.repeat(None, loops):
            call()
        return time.perf_counter() - start


def calibrate_loops(call: Call, context: ContextFactory, min_sample_seconds: float) -> int:
    """The number of calls per sample that makes a sample last at least ``min_sample_seconds``."""
    loops = 1
    while True:
        elapsed = take_sample(call, context, loops)
        if elapsed >= min_sample_seconds:
            return loops
        if elapsed <= 0:  # a coarse clock saw nothing: grow fast
            loops *= 100
            continue
        # Aim 20% past the target, growing at most 100x per step.
        wanted = math.ceil(1.2 * min_sample_seconds * loops / elapsed)
        loops = max(loops + 1, min(wanted, loops * 100))


def summarize(per_call: list[float], loops: int) -> Timing:
    q1, _, q3 = statistics.quantiles(per_call, n=4) if len(per_call) > 1 else per_call * 3
    return Timing(statistics.median(per_call), q1, q3, loops, len(per_call))


def time_case(
    case: Case, data: np.ndarray, columns: Sequence[Column], repeats: int
) -> list[Timing]:
    call = bind_call(case, data)  # the same call for every column: only the backend differs
    return time_interleaved(
        [call] * len(columns), contexts=[c.activate for c in columns], repeats=repeats
    )


# ----------------------------------------------------------------------------------------------
# Reporting
# ----------------------------------------------------------------------------------------------


class Progress:
    """A one-line status on stderr, rewritten in place with ``\\r``.

    Only on a terminal: in a log file the rewrites would pile up into one unreadable line.
    """

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.enabled = stream.isatty()
        self.width = 0

    def show(self, text: str) -> None:
        if self.enabled:
            self.stream.write("\r" + text.ljust(self.width))
            self.stream.flush()
            self.width = len(text)

    def clear(self) -> None:
        self.show("")
        if self.enabled:
            self.stream.write("\r")
            self.stream.flush()
        self.width = 0


def format_seconds(seconds: float) -> str:
    """Three significant digits in a readable unit: "3.41 us", "29.0 us", "102 ms"."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        value = seconds / scale
        if value >= 1 or unit == "ns":
            decimals = 0 if value >= 100 else 1 if value >= 10 else 2
            return f"{value:.{decimals}f} {unit}"
    raise AssertionError("unreachable")


def versions_line() -> str:
    from . import _core
    return (
        f"fftbackend {package_version()} (SIMD: {_core.simd_level()}), SciPy {scipy.__version__}, "
        f"numpy {np.__version__}, Python {platform.python_version()}, {platform.machine()}; "
        "single-threaded, warm calls"
    )


def package_version() -> str:
    try:
        from importlib.metadata import version

        return version("fftbackend")
    except Exception:  # running from a build tree without installed metadata
        return "(unknown version)"


def correctness_report(checks: list[Check]) -> tuple[bool, list[str]]:
    failed = [c for c in checks if c.problems]
    if failed:
        lines = [f"correctness: {len(failed)} of {len(checks)} checks FAILED against SciPy:"]
        lines += [f"  {c.case.label}: {c.column}: {'; '.join(c.problems)}" for c in failed]
        return False, lines
    worst: dict[str, float] = {}
    for c in checks:
        worst[c.case.dtype] = max(worst.get(c.case.dtype, 0.0), c.rel_error or 0.0)
    errors = ", ".join(f"{dtype} {err:.2g}" for dtype, err in worst.items())
    return True, [
        f"correctness: all {len(checks)} checks agree with SciPy "
        f"(largest normwise relative error: {errors})"
    ]


def ratios_to_reference(row: Sequence[Timing]) -> list[float]:
    """Time of each non-reference column divided by the reference's (the first column)."""
    return [t.median / row[0].median for t in row[1:]]


def timing_table(
    cases: Sequence[Case], columns: Sequence[Column], timings: Sequence[Sequence[Timing]]
) -> list[str]:
    reference = columns[0].heading
    headings = [
        "case",
        *(c.heading for c in columns),
        *(f"{c.heading}/{reference}" for c in columns[1:]),
    ]
    rows = [
        [
            case.label,
            *(format_seconds(t.median) for t in row),
            *(f"{r:.2f}" for r in ratios_to_reference(row)),
        ]
        for case, row in zip(cases, timings)
    ]
    widths = [max(len(r[i]) for r in [headings, *rows]) for i in range(len(headings))]

    def render(cells: list[str]) -> str:  # labels left-aligned, numbers right-aligned
        numbers = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:]))
        return "  ".join([cells[0].ljust(widths[0]), *numbers])

    return [render(headings), render(["-" * w for w in widths]), *(render(r) for r in rows)]


def summary_lines(
    columns: Sequence[Column], timings: Sequence[Sequence[Timing]], repeats: int
) -> list[str]:
    reference = columns[0].heading
    lines = []
    for index, column in enumerate(columns[1:]):
        name = column.heading
        ratios = [ratios_to_reference(row)[index] for row in timings]
        geomean = math.exp(statistics.fmean(math.log(r) for r in ratios))
        faster = sum(r < 1 for r in ratios)
        lines.append(
            f"summary: {name}/{reference} time ratio, geometric mean {geomean:.2f} over "
            f"{len(ratios)} cases (best {min(ratios):.2f}, worst {max(ratios):.2f}; "
            f"{name} faster in {faster}, slower in {len(ratios) - faster}); "
            f"below 1 means {name} is faster"
        )
    lines.append(
        f"times: median per call over {repeats} interleaved samples per column, "
        f"each sample >= {MIN_SAMPLE_SECONDS * 1e3:g} ms"
    )
    return lines


def json_records(
    cases: Sequence[Case],
    columns: Sequence[Column],
    checks: Sequence[Check],
    timings: Sequence[Sequence[Timing]],
) -> list[dict[str, Any]]:
    errors = {(c.case.label, c.column): c.rel_error for c in checks}
    records = []
    for case, row in zip(cases, timings):
        records.append({
            "case": case.label,
            "func": case.func,
            "dtype": case.dtype,
            "shape": list(case.shape),
            "kwargs": dict(case.kwargs),
            "seconds": {c.heading: t.median for c, t in zip(columns, row)},
            "seconds_q1": {c.heading: t.q1 for c, t in zip(columns, row)},
            "seconds_q3": {c.heading: t.q3 for c, t in zip(columns, row)},
            "loops": {c.heading: t.loops for c, t in zip(columns, row)},
            "samples": row[0].samples,
            "ratio": dict(zip((c.heading for c in columns[1:]), ratios_to_reference(row))),
            "rel_error": {c.heading: errors.get((case.label, c.heading)) for c in columns[1:]},
        })
    return records


# ----------------------------------------------------------------------------------------------
# Entry point
# ----------------------------------------------------------------------------------------------


def run(
    *,
    quick: bool = False,
    repeat: int | None = None,
    case_filter: str | None = None,
    json_path: str | None = None,
    plot_path: str | None = None,
    columns: Sequence[Column] | None = None,
    out=None,
) -> int:
    """Run the job; returns the exit code: 0 success, 1 wrong results, 2 no case selected.

    ``json_path``: also write every row (transforms, then convolutions) as a JSON list;
    ``plot_path``: also draw the speed-ups (`_bench_plot`, needs matplotlib)."""
    out = out or sys.stdout
    columns = list(columns or default_columns())
    cases = select_cases(QUICK_CASES if quick else FULL_CASES, case_filter)
    from . import _bench_conv
    conv_cases = [c for c in (_bench_conv.QUICK_CASES if quick else _bench_conv.FULL_CASES)
                  if not case_filter or case_filter.lower() in c.label.lower()]
    if not cases and not conv_cases:
        print(f"no benchmark case matches {case_filter!r}", file=sys.stderr)
        return 2
    repeats = repeat or (QUICK_REPEATS if quick else FULL_REPEATS)
    versions = versions_line()
    print(versions, file=out, flush=True)
    records: list[dict[str, Any]] = []
    if cases:
        status = run_transforms(cases, columns, repeats, records, out)
        if status:
            return status
    if conv_cases and not _bench_conv.run(conv_cases, repeats, out, records):
        return 1
    if json_path:
        with open(json_path, "w", encoding="utf-8") as f:
            json.dump(records, f, indent=1)
            f.write("\n")
    if plot_path:
        from . import _bench_plot

        _bench_plot.plot_records(records, plot_path, title=versions)
        print(f"plot: speed-up over SciPy by family written to {plot_path}", file=out)
    return 0


def run_transforms(cases, columns, repeats, records, out) -> int:
    """Phases 1 and 2 for the transform cases: 0, or 1 if a check failed. The rows are
    appended to ``records`` as JSON records (`json_records`)."""
    progress = Progress()
    # workers=1 explicitly: SciPy's default already is, and it keeps the comparison one core each
    # even if a backend's own default changes.
    with scipy.fft.set_workers(1):
        inputs = [make_input(case) for case in cases]
        checks = []
        for index, (case, data) in enumerate(zip(cases, inputs), start=1):
            progress.show(f"[{index}/{len(cases)}] checking {case.label}")
            checks += [check_case(case, data, columns[0], column) for column in columns[1:]]
        progress.clear()
        ok, lines = correctness_report(checks)
        print("\n".join(lines), file=out, flush=True)
        if not ok:
            return 1

        timings = []
        for index, (case, data) in enumerate(zip(cases, inputs), start=1):
            progress.show(f"[{index}/{len(cases)}] timing {case.label}")
            timings.append(time_case(case, data, columns, repeats))
        progress.clear()

    print("", *timing_table(cases, columns, timings), "", sep="\n", file=out)
    print("\n".join(summary_lines(columns, timings, repeats)), file=out, flush=True)
    records.extend(json_records(cases, columns, checks, timings))
    return 0
