"""The convolution part of ``python -m fftbackend bench``.

Unlike the transforms, a convolution is not one ``scipy.fft`` call that two backends can both
answer, so these rows compare whole computations: ``fftbackend.fftconvolve`` against the faster
of SciPy's ``fftconvolve`` and ``oaconvolve`` (each on SciPy's own FFT backend), and
``fftbackend.fft_conv`` against the same channel convolution written with SciPy's ``rfftn``,
``numpy.einsum`` and ``irfftn`` (and against ``torch.nn.functional.convNd`` when torch is
installed). Every row is checked first (normwise relative error against SciPy's result) and
timed with the interleaved sampler of `_bench`, one thread.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import scipy.fft
import scipy.signal

from . import _bench

# The result of a convolution carries the rounding of three transforms on SciPy's side; ours
# may be a direct sum. Both are far inside these limits when right.
CONV_LIMITS = {np.dtype(np.float64): 1e-12, np.dtype(np.float32): 1e-4}


@dataclass(frozen=True)
class ConvCase:
    """``kind`` "signal": fftconvolve of in1 (shape1) with in2 (shape2), mode "full";
    ``kind`` "channels": fft_conv(signal (shape1), kernel (shape2), padding=padding)."""

    label: str
    kind: str
    dtype: str
    shape1: tuple[int, ...]
    shape2: tuple[int, ...]
    padding: int = 0


def _dims(shape):
    return "x".join(str(d) for d in shape)


def signal_case(shape1, shape2, dtype="float64") -> ConvCase:
    return ConvCase(f"fftconvolve {dtype} {_dims(shape1)} * {_dims(shape2)}", "signal", dtype,
                    tuple(shape1), tuple(shape2))


def channel_case(shape1, shape2, padding, dtype) -> ConvCase:
    return ConvCase(f"fft_conv {dtype} {_dims(shape1)} * {_dims(shape2)} pad={padding}",
                    "channels", dtype, tuple(shape1), tuple(shape2), padding)


FULL_CASES = [
    signal_case((10**6,), (31,)),
    signal_case((10**6,), (1025,)),
    signal_case((10**6,), (65537,)),
    signal_case((2048, 2048), (15, 15)),
    signal_case((2048, 2048), (129, 129)),
    signal_case((10**6,), (1025,), "float32"),
    channel_case((3, 3, 4096), (2, 3, 1025), 512, "float32"),
    channel_case((3, 3, 4096), (2, 3, 1025), 512, "float64"),
]

QUICK_CASES = [
    signal_case((10**4,), (31,)),
    signal_case((10**4,), (1025,)),
    channel_case((1, 3, 512), (2, 3, 65), 32, "float64"),
]


def _scipy_channel_conv(signal, kernel, padding):
    """The channel convolution (a cross-correlation, as in deep-learning layers) written the
    plain way with SciPy's default FFT: pad, rfftn both, einsum over input channels, irfftn."""
    d = kernel.ndim - 2
    spatial = tuple(range(2, 2 + d))
    padded = np.pad(signal, [(0, 0), (0, 0)] + [(padding, padding)] * d)
    lengths = padded.shape[2:]
    fshape = [scipy.fft.next_fast_len(n, real=True) for n in lengths]
    with scipy.fft.set_backend("scipy", only=True):
        X = scipy.fft.rfftn(padded, fshape, axes=spatial)
        K = scipy.fft.rfftn(kernel, fshape, axes=spatial)
        Y = np.einsum("bi...,oi...->bo...", X, K.conj())
        y = scipy.fft.irfftn(Y, fshape, axes=spatial)
    out = tuple(slice(0, n - k + 1) for n, k in zip(lengths, kernel.shape[2:]))
    return y[(slice(None), slice(None)) + out].astype(signal.dtype, copy=False)


def _scipy_on_own_backend(func, *args, **kwargs):
    with scipy.fft.set_backend("scipy", only=True):
        return func(*args, **kwargs)


def _torch_call(signal, kernel, padding) -> Callable[[], Any] | None:
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        return None
    conv = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[kernel.ndim - 2]
    s, k = torch.from_numpy(signal), torch.from_numpy(kernel)
    torch.set_num_threads(1)
    return lambda: conv(s, k, padding=padding)


def build(case: ConvCase):
    """(ours, {name: reference call}) for the case, inputs from the bench's fixed seed."""
    import fftbackend

    rng = np.random.default_rng(_bench.SEED)
    dtype = np.dtype(case.dtype)
    a = rng.standard_normal(case.shape1).astype(dtype)
    b = rng.standard_normal(case.shape2).astype(dtype)
    if case.kind == "signal":
        ours = functools.partial(fftbackend.fftconvolve, a, b)
        refs = {"fftconvolve": functools.partial(_scipy_on_own_backend,
                                                 scipy.signal.fftconvolve, a, b),
                "oaconvolve": functools.partial(_scipy_on_own_backend,
                                                scipy.signal.oaconvolve, a, b)}
    else:
        ours = functools.partial(fftbackend.fft_conv, a, b, padding=case.padding)
        refs = {"rfftn+einsum": functools.partial(_scipy_channel_conv, a, b, case.padding)}
        torch_call = _torch_call(a, b, case.padding)
        if torch_call is not None:
            refs["torch"] = torch_call
    return ours, refs


def check(case: ConvCase, ours, refs) -> tuple[float, list[str]]:
    expected = next(iter(refs.values()))()
    got = ours()
    problems = []
    if not isinstance(got, np.ndarray) or got.shape != expected.shape:
        return float("nan"), [f"shape {getattr(got, 'shape', None)} != {expected.shape}"]
    if got.dtype != expected.dtype:
        problems.append(f"dtype {got.dtype} != {expected.dtype}")
    error = _bench.normwise_rel_error(got, expected)
    limit = CONV_LIMITS[np.dtype(case.dtype)]
    if not error <= limit:
        problems.append(f"normwise relative error {error:.3g} > {limit:.3g}")
    return error, problems


@dataclass
class ConvRow:
    case: ConvCase
    ours: float
    refs: dict[str, float]

    @property
    def best_ref(self) -> tuple[str, float]:
        name = min((n for n in self.refs if n != "torch"), key=self.refs.__getitem__)
        return name, self.refs[name]


def run(cases, repeats, out, records: list | None = None) -> bool:
    """Checks and times `cases`; prints a table. False if any check failed.

    ``records``: if given, a list that the rows are appended to as JSON records
    (`json_records`), for ``--json`` and ``--plot``."""
    built = [build(c) for c in cases]
    failures = []
    errors = []
    for case, (ours, refs) in zip(cases, built):
        error, problems = check(case, ours, refs)
        errors.append(error)
        if problems:
            failures.append(f"  {case.label}: {'; '.join(problems)}")
    if failures:
        print(f"convolution: {len(failures)} of {len(cases)} checks FAILED:", *failures,
              sep="\n", file=out, flush=True)
        return False
    print(f"convolution: all {len(cases)} checks agree with SciPy", file=out, flush=True)
    rows = []
    for case, (ours, refs) in zip(cases, built):
        names = list(refs)
        timings = _bench.time_interleaved([ours, *refs.values()], repeats=repeats)
        rows.append(ConvRow(case, timings[0].median,
                            {n: t.median for n, t in zip(names, timings[1:])}))
    print("", *table(rows), "", sep="\n", file=out, flush=True)
    if records is not None:
        records.extend(json_records(rows, errors))
    return True


def json_records(rows, errors) -> list[dict[str, Any]]:
    """The rows as JSON records shaped like the transform rows' (`_bench.json_records`):
    "seconds" and "ratio" keyed by column, "SciPy" being the fastest SciPy way ("reference"
    names it; "seconds_refs" has every one timed, torch too when installed). The peer columns
    of the transform rows are null: a whole convolution is not one pyFFTW or ducc0 call."""
    from ._bench_peers import PEER_NAMES

    no_peers = {name: None for name in PEER_NAMES}
    records = []
    for row, error in zip(rows, errors):
        case = row.case
        name, best = row.best_ref
        records.append({
            "case": case.label,
            "kind": "convolution",
            "func": "fftconvolve" if case.kind == "signal" else "fft_conv",
            "dtype": case.dtype,
            "shape": list(case.shape1),
            "kernel_shape": list(case.shape2),
            "kwargs": {"mode": "full"} if case.kind == "signal" else {"padding": case.padding},
            "reference": name,
            "seconds": {"SciPy": best, "fftbackend": row.ours, **no_peers},
            "seconds_refs": dict(row.refs),
            "ratio": {"fftbackend": row.ours / best, **no_peers},
            "rel_error": {"fftbackend": error, **no_peers},
            "peer_status": {name: "-" for name in PEER_NAMES},
        })
    return records


def table(rows) -> list[str]:
    headings = ["case", "SciPy (best of)", "fftbackend", "fftbackend/SciPy", "torch"]
    cells = []
    for r in rows:
        name, best = r.best_ref
        torch_time = r.refs.get("torch")
        cells.append([r.case.label, f"{_bench.format_seconds(best)} ({name})",
                      _bench.format_seconds(r.ours), f"{r.ours / best:.2f}",
                      _bench.format_seconds(torch_time) if torch_time else
                      ("-" if r.case.kind == "signal" else "not installed")])
    widths = [max(len(c[i]) for c in [headings, *cells]) for i in range(len(headings))]

    def render(c):
        return "  ".join([c[0].ljust(widths[0])] + [x.rjust(w) for x, w in zip(c[1:], widths[1:])])

    return [render(headings), render(["-" * w for w in widths]), *(render(c) for c in cells)]
