"""The main job, ``python -m fftbackend bench`` (``__main__.py`` holds the command line).

It works in two phases, in one process:

1. Correctness. Every case is run through each backend under test and compared with SciPy's own
   backend on the same input: same shape, same dtype, input left unchanged, and a normwise relative
   error within the case's limit. Any failure is printed and the run exits non-zero without timing.
2. Timing. Each case is called through ``scipy.fft.set_backend(...)`` for SciPy's backend and
   ours, single-threaded, warm (plans cached), samples interleaved so machine noise hits all
   columns alike, and the median time per call is reported as a table with ours/SciPy ratios.

Peer libraries (pyFFTW, ducc0; `_bench_peers`) get columns of their own when they are installed,
unless ``peers=False`` (``--no-peers``). A peer is checked and timed like ours, in the same
interleaved loop, but a wrong result only marks its cell "wrong" (with a note) instead of failing
the run, and a case it has no exact equivalent for shows "-".

Extending it: later issues append rows to ``FULL_CASES`` / ``QUICK_CASES`` (any ``scipy.fft``
function, or ``"module:function"`` for callers such as ``"scipy.signal:fftconvolve"``) and, for more
peer libraries, extend `_bench_peers.peer_columns` (a ``scipy.fft`` backend module becomes a
`Column`, a library called directly a `_bench_peers.DirectColumn`).
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
    peer: bool = False  # another library: its wrong result is noted, not a failure of the run

    def activate(self) -> ContextManager[Any]:
        return scipy.fft.set_backend(self.backend, only=True)

    def bind(self, case: Case, data: np.ndarray) -> Call | None:
        """The call to check and time (None: this column has nothing for the case)."""
        return bind_call(case, data)


def default_columns(peers: bool = True) -> list[Column]:
    """The reference (first), fftbackend, then the installed peers unless ``peers`` is False."""
    return own_columns() + (_peers()[0] if peers else [])


def own_columns() -> list[Column]:
    import fftbackend  # the package itself is the scipy.fft backend

    return [Column("SciPy", "scipy"), Column("fftbackend", fftbackend)]


@functools.lru_cache(maxsize=None)
def _peers() -> tuple[list[Any], str]:
    """(peer columns, header text), looked up once per process (importing pyFFTW sets it up)."""
    from . import _bench_peers

    return _bench_peers.peer_columns()


# ----------------------------------------------------------------------------------------------
# Phase 1: correctness
# ----------------------------------------------------------------------------------------------


@dataclass
class Check:
    case: Case
    column: str
    rel_error: float | None
    problems: list[str]
    peer: bool = False
    applicable: bool = True  # False: a peer without this case (its cell shows "-")

    @property
    def status(self) -> str:
        """"ok", "wrong" or "-" (not applicable): what the table shows in place of a ratio."""
        return "-" if not self.applicable else "wrong" if self.problems else "ok"


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
    peer = getattr(column, "peer", False)
    call = column.bind(case, data)
    if call is None:
        return Check(case, column.heading, None, [], peer, applicable=False)
    expected = run_under(reference, bind_call(case, data))
    try:
        result = run_under(column, call)
    except Exception as exc:  # report every failure, not just the first
        # uarray's exception class is not public in SciPy, so it is recognised by name.
        if type(exc).__name__ == "BackendNotImplementedError":
            if peer:  # a peer backend without this function: nothing to compare
                return Check(case, column.heading, None, [], peer, applicable=False)
            problem = "not implemented (would fall through to SciPy)"
            return Check(case, column.heading, None, [problem])
        return Check(case, column.heading, None, [f"raised {type(exc).__name__}: {exc}"], peer)
    return Check(case, column.heading, *judge_result(case, data, pristine, result, expected),
                 peer)


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
    flips each round so neither side always runs right after the other. Each sample starts
    with one untimed call (take_sample), so what is timed is warm calls.
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
                samples[i].append(take_sample(calls[i], contexts[i], loops[i], warm=True)
                                  / loops[i])
    finally:
        if gc_was_enabled:
            gc.enable()
    return [summarize(s, n) for s, n in zip(samples, loops)]


def take_sample(call: Call, context: ContextFactory, loops: int, warm: bool = False) -> float:
    """Seconds taken by ``loops`` calls, with the context entered once around them all; with
    ``warm``, after one untimed call.

    Why the untimed call: the interleaved samples run each column right after the others, whose
    data and scratch have just pushed this column's out of the caches. A large transform takes
    one call per sample (fft 2^20: ~10 ms against a 2 ms sample), so without it every sample
    timed a cache-cold first call rather than the warm calls the guide asks for (the cold call
    cost up to 1.5x a warm one at 2^20, for every library alike but not by the same amount).
    """
    with context():
        if warm:
            call()
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
    case: Case,
    data: np.ndarray,
    columns: Sequence[Column],
    repeats: int,
    timed: Sequence[bool] | None = None,
) -> list[Timing | None]:
    """One Timing per column, interleaved; None for the columns ``timed`` leaves out (a peer
    that was wrong or has no equivalent). Backend columns all make the same ``scipy.fft`` call
    (only the backend differs); a peer called directly makes its own equivalent call."""
    timed = timed if timed is not None else [True] * len(columns)
    chosen = [c for c, t in zip(columns, timed) if t]
    timings = iter(time_interleaved(
        [c.bind(case, data) for c in chosen], contexts=[c.activate for c in chosen],
        repeats=repeats,
    ))
    return [next(timings) if t else None for t in timed]


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
    """(ok, lines): ok is False when one of our checks failed; a peer's wrong result is only
    noted (its cell shows "wrong")."""
    own = [c for c in checks if not c.peer]
    failed = [c for c in own if c.problems]
    if failed:
        lines = [f"correctness: {len(failed)} of {len(own)} checks FAILED against SciPy:"]
        lines += [f"  {c.case.label}: {c.column}: {'; '.join(c.problems)}" for c in failed]
        return False, lines
    worst: dict[str, float] = {}
    for c in own:
        worst[c.case.dtype] = max(worst.get(c.case.dtype, 0.0), c.rel_error or 0.0)
    errors = ", ".join(f"{dtype} {err:.2g}" for dtype, err in worst.items())
    lines = [
        f"correctness: all {len(own)} checks agree with SciPy "
        f"(largest normwise relative error: {errors})"
    ]
    return True, lines + peer_check_lines([c for c in checks if c.peer])


def peer_check_lines(checks: Sequence[Check]) -> list[str]:
    """One line on how each peer's results compare with SciPy's, then a note per wrong one."""
    names = list(dict.fromkeys(c.column for c in checks))
    if not names:
        return []
    parts = []
    for name in names:
        mine = [c for c in checks if c.column == name and c.applicable]
        good = [c for c in mine if not c.problems]
        worst = max((c.rel_error or 0.0 for c in good), default=None)
        parts.append(f"{name} right in {len(good)} of the {len(mine)} cases it computes"
                     + (f" (largest error {worst:.2g})" if good else ""))
    lines = ["peers against SciPy: " + ", ".join(parts)]
    lines += [f"note: {c.column} is wrong on {c.case.label}: {'; '.join(c.problems)} "
              f"(shown as \"wrong\", not timed)" for c in checks if c.status == "wrong"]
    return lines


def ratio(timing: Timing | None, reference: Timing | None) -> float | None:
    """``timing``'s median over ``reference``'s, None if either is missing."""
    if timing is None or reference is None:
        return None
    return timing.median / reference.median


def ratios_to_reference(row: Sequence[Timing | None]) -> list[float | None]:
    """Time of each non-reference column divided by the reference's (the first column)."""
    return [ratio(t, row[0]) for t in row[1:]]


def _statuses(checks: Sequence[Check] | None) -> dict[tuple[str, str], str]:
    return {(c.case.label, c.column): c.status for c in checks or ()}


def timing_table(
    cases: Sequence[Case],
    columns: Sequence[Column],
    timings: Sequence[Sequence[Timing | None]],
    checks: Sequence[Check] | None = None,
) -> list[str]:
    """The times of the reference and our columns, then every column's time / the reference's.

    Two heading lines (a group over the times, another over the ratios) keep it within 100
    characters with both peers. A ratio cell without a timing shows the column's check status:
    "wrong" (a peer's result differs from SciPy's) or "-" (the peer has no equivalent)."""
    reference = columns[0].heading
    status = _statuses(checks)
    shown = [i for i, c in enumerate(columns) if not getattr(c, "peer", False)]
    headings = ["case", *(columns[i].heading for i in shown), *(c.heading for c in columns[1:])]
    rows = []
    for case, row in zip(cases, timings):
        ratio_cells = [
            f"{r:.2f}" if r is not None else status.get((case.label, c.heading), "-")
            for c, r in zip(columns[1:], ratios_to_reference(row))
        ]
        rows.append([case.label, *(format_seconds(row[i].median) for i in shown), *ratio_cells])
    widths = [max(len(r[i]) for r in [headings, *rows]) for i in range(len(headings))]
    groups = [("", 1), ("time per call", len(shown)), (f"time / {reference}", len(columns) - 1)]
    group_cells = []
    start = 0
    for label, count in groups:
        span = sum(widths[start:start + count]) + 2 * (count - 1)
        if len(label) > span:  # widen the group's last column so its label fits
            widths[start + count - 1] += len(label) - span
            span = len(label)
        group_cells.append(label.rjust(span) if start else label.ljust(span))
        start += count

    def render(cells: list[str]) -> str:  # labels left-aligned, numbers right-aligned
        numbers = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:]))
        return "  ".join([cells[0].ljust(widths[0]), *numbers])

    return ["  ".join(group_cells).rstrip(), render(headings), render(["-" * w for w in widths]),
            *(render(r) for r in rows)]


def _ratio_summary(name: str, versus: str, ratios: Sequence[float], extra: str = "") -> str:
    if not ratios:
        return f"summary: {name}/{versus}: no case timed{extra}"
    geomean = math.exp(statistics.fmean(math.log(r) for r in ratios))
    faster = sum(r < 1 for r in ratios)
    return (
        f"summary: {name}/{versus} time ratio, geometric mean {geomean:.2f} over "
        f"{len(ratios)} cases (best {min(ratios):.2f}, worst {max(ratios):.2f}; "
        f"{name} faster in {faster}, slower in {len(ratios) - faster}){extra}; "
        f"below 1 means {name} is faster"
    )


def summary_lines(
    columns: Sequence[Column],
    timings: Sequence[Sequence[Timing | None]],
    repeats: int,
    checks: Sequence[Check] | None = None,
) -> list[str]:
    """Geometric means of each column against the reference, then ours against each peer."""
    reference = columns[0].heading
    status = _statuses(checks)
    lines = []
    for index, column in enumerate(columns[1:], start=1):
        ratios = [r for row in timings if (r := ratio(row[index], row[0])) is not None]
        extra = ""
        if getattr(column, "peer", False):
            counts = [s for (_, name), s in status.items() if name == column.heading]
            extra = f"; wrong in {counts.count('wrong')}, no equivalent in {counts.count('-')}"
        lines.append(_ratio_summary(column.heading, reference, ratios, extra))
    own = [(i, c) for i, c in enumerate(columns) if i and not getattr(c, "peer", False)]
    for p, peer in ((i, c) for i, c in enumerate(columns) if getattr(c, "peer", False)):
        for i, column in own:  # head to head, on the cases both ran
            ratios = [r for row in timings if (r := ratio(row[i], row[p])) is not None]
            lines.append(_ratio_summary(column.heading, peer.heading, ratios))
    lines.append(
        f"times: median per call over {repeats} interleaved samples per column, "
        f"each sample >= {MIN_SAMPLE_SECONDS * 1e3:g} ms after one untimed call"
    )
    return lines


def json_records(
    cases: Sequence[Case],
    columns: Sequence[Column],
    checks: Sequence[Check],
    timings: Sequence[Sequence[Timing | None]],
) -> list[dict[str, Any]]:
    """One record per case. Every peer of `_bench_peers.PEER_NAMES` has a key in "seconds",
    "ratio" and "rel_error" (null when it is not installed, was not run or has no equivalent;
    "seconds" and "ratio" are null too when it was wrong) and in "peer_status" ("ok", "wrong", "-" for no equivalent, "not run")."""
    from ._bench_peers import PEER_NAMES

    errors = {(c.case.label, c.column): c.rel_error for c in checks}
    status = _statuses(checks)
    absent = {name: None for name in PEER_NAMES if name not in {c.heading for c in columns}}

    def per_column(row, value, skip_reference=False):
        cells = {c.heading: (value(t) if t is not None else None)
                 for c, t in zip(columns, row)}
        if skip_reference:
            del cells[columns[0].heading]
        return {**cells, **absent}

    records = []
    for case, row in zip(cases, timings):
        records.append({
            "case": case.label,
            "func": case.func,
            "dtype": case.dtype,
            "shape": list(case.shape),
            "kwargs": dict(case.kwargs),
            "seconds": per_column(row, lambda t: t.median),
            "seconds_q1": per_column(row, lambda t: t.q1),
            "seconds_q3": per_column(row, lambda t: t.q3),
            "loops": per_column(row, lambda t: t.loops),
            "samples": row[0].samples,
            "ratio": {**dict(zip((c.heading for c in columns[1:]), ratios_to_reference(row))),
                      **absent},
            "rel_error": {**{c.heading: errors.get((case.label, c.heading))
                             for c in columns[1:]}, **absent},
            "peer_status": {name: status.get((case.label, name), "not run")
                            for name in PEER_NAMES},
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
    peers: bool = True,
    out=None,
) -> int:
    """Run the job; returns the exit code: 0 success, 1 wrong results, 2 no case selected.

    ``json_path``: also write every row (transforms, then convolutions) as a JSON list;
    ``plot_path``: also draw the speed-ups (`_bench_plot`, needs matplotlib);
    ``peers``: False leaves out the peer columns (pyFFTW, ducc0) even when installed."""
    out = out or sys.stdout
    cases = select_cases(QUICK_CASES if quick else FULL_CASES, case_filter)
    from . import _bench_conv
    conv_cases = [c for c in (_bench_conv.QUICK_CASES if quick else _bench_conv.FULL_CASES)
                  if not case_filter or case_filter.lower() in c.label.lower()]
    if not cases and not conv_cases:
        print(f"no benchmark case matches {case_filter!r}", file=sys.stderr)
        return 2
    repeats = repeat or (QUICK_REPEATS if quick else FULL_REPEATS)
    if columns is None:
        columns = default_columns(peers)
        peer_text = _peers()[1] if peers else "peers: left out (--no-peers)"
    else:
        columns = list(columns)
        peer_text = "peers: " + (", ".join(c.heading for c in columns if c.peer) or "none")
    versions = versions_line()
    print(versions, file=out, flush=True)
    if cases:  # the convolution rows have no peer columns
        print(peer_text, file=out, flush=True)
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
        timed = []  # per case, per column: time it (ours always; a peer only if it was right)
        for index, (case, data) in enumerate(zip(cases, inputs), start=1):
            progress.show(f"[{index}/{len(cases)}] checking {case.label}")
            row = [check_case(case, data, columns[0], column) for column in columns[1:]]
            checks += row
            timed.append([True, *(not c.peer or c.status == "ok" for c in row)])
        progress.clear()
        ok, lines = correctness_report(checks)
        print("\n".join(lines), file=out, flush=True)
        if not ok:
            return 1

        timings = []
        for index, (case, data) in enumerate(zip(cases, inputs), start=1):
            progress.show(f"[{index}/{len(cases)}] timing {case.label}")
            timings.append(time_case(case, data, columns, repeats, timed[index - 1]))
        progress.clear()

    print("", *timing_table(cases, columns, timings, checks), "", sep="\n", file=out)
    print("\n".join(summary_lines(columns, timings, repeats, checks)), file=out, flush=True)
    records.extend(json_records(cases, columns, checks, timings))
    return 0
