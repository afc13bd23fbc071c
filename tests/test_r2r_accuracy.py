"""Accuracy of the 1-D real-to-real transforms (dct, idct, dst, idst).

Bound (from the issue): normwise relative error ||y - ref|| / ||ref||
  <= 2e-15 for float64 / complex128 results and <= 1e-6 for float32 / complex64.

* Every function, type (1-4), norm (None, "backward", "ortho", "forward") and
  orthogonalize (None, True, False), both precisions, equals SciPy's default
  backend for every n in 1..1024 (DCT-I needs n >= 2: n = 1 is SciPy's
  RuntimeError, tested with the semantics), and at 65536, 65537 and 2**20.
* An independent reference: the defining cosine / sine sums of all 8 transforms
  (and of their inverses and orthonormal variants) evaluated directly, O(n^2), in
  long double with exactly reduced phases; checked first against SciPy's
  long-double transforms so that the formulas themselves are known right.
* Round trips idct(dct(x)) / idst(dst(x)) for every type, norm and orthogonalize.
* Complex input (real and imaginary parts transformed separately).
* Batches along axis 0 and -1 (batch counts around the SIMD lane widths),
  non-contiguous, negative-stride, Fortran-ordered and misaligned views.
* workers=2 / workers=-1 bitwise equal to workers=1.

The SciPy reference is the default backend (``scipy.fft.set_backend("scipy",
only=True)``), called with exactly the arguments given to ours.  The many small
transforms are compared with a cheap double-precision normwise error (`_err`:
the difference of two doubles, or of two floats widened to double, is exact or
within one rounding of itself, far below the bounds).
"""

import functools
import itertools

import numpy as np
import pytest
import scipy.fft

import fftbackend

FUNCS = ("dct", "idct", "dst", "idst")
TYPES = (1, 2, 3, 4)
NORMS = (None, "backward", "ortho", "forward")
ORTHOGONALIZE = (None, True, False)
COMBOS = tuple(itertools.product(NORMS, ORTHOGONALIZE))
DTYPES = (np.float64, np.float32)
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731
TOL = {np.dtype(np.float64): 2e-15, np.dtype(np.float32): 1e-6,
       np.dtype(np.complex128): 2e-15, np.dtype(np.complex64): 1e-6}
ALL_N = range(1, 1025)
LARGE_N = (65536, 65537, 2**20)
INVERSE_TYPE = {1: 1, 2: 3, 3: 2, 4: 4}


def _ours(name):
    return getattr(fftbackend, name)


def _scipy_default():
    return scipy.fft.set_backend("scipy", only=True)


def _scipy(name, x, *args, **kwargs):
    """``scipy.fft.<name>`` on SciPy's own backend."""
    with _scipy_default():
        return getattr(scipy.fft, name)(x, *args, **kwargs)


def _min_n(func, type):
    """Smallest length SciPy transforms: DCT-I of one point is a RuntimeError."""
    return 2 if type == 1 and func in ("dct", "idct") else 1


def _err(y, ref):
    """Normwise relative error in double precision (nan propagates, so that
    ``not err <= tol`` catches nan; inf if only the reference is zero)."""
    wide = np.complex128 if np.iscomplexobj(y) or np.iscomplexobj(ref) else np.float64
    d = np.asarray(y, dtype=wide).ravel() - np.asarray(ref, dtype=wide).ravel()
    r = np.asarray(ref, dtype=wide).ravel()
    num = np.vdot(d, d).real
    den = np.vdot(r, r).real
    if den == 0:
        return 0.0 if num == 0 else float("inf")
    return float(np.sqrt(num / den))


def _fmt(failures, limit=25):
    head = "; ".join(" ".join(str(v) for v in f[:-1]) + f": {f[-1]}" for f in failures[:limit])
    more = f" ... (+{len(failures) - limit} more)" if len(failures) > limit else ""
    return f"{len(failures)} failures: {head}{more}"


class _Checker:
    """Collects failures (wrong type / dtype / shape, error above the bound)."""

    def __init__(self):
        self.failures = []

    def __call__(self, label, y, ref, tol=None):
        if not isinstance(y, np.ndarray):
            self.failures.append((*label, f"returned {type(y).__name__}"))
            return
        if y.dtype != ref.dtype or y.shape != ref.shape:
            self.failures.append((*label, f"dtype/shape {y.dtype}{y.shape}, "
                                          f"SciPy {ref.dtype}{ref.shape}"))
            return
        err = _err(y, ref)
        tol = TOL[ref.dtype] if tol is None else tol
        if not err <= tol:
            self.failures.append((*label, f"error {err:.3e} > {tol:.0e}"))

    def check(self, what):
        assert not self.failures, f"{what}: {_fmt(self.failures)}"


@functools.lru_cache(maxsize=None)
def _vector(n, dtype):
    """The fixed random real test vector of length n (cached; never written:
    tests that hand it to our functions check it is unchanged afterwards)."""
    code = {np.dtype(np.float32): 32, np.dtype(np.float64): 64}[np.dtype(dtype)]
    return np.random.default_rng([20240611, 7000, n, code]).standard_normal(n).astype(dtype)


def _random(shape, dtype, *key):
    rng = np.random.default_rng([20240611, 7001, *key, *shape])
    if np.dtype(dtype).kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


# --------------------------------------------------------------------------- direct reference
_PI = np.arccos(np.longdouble(-1))


@functools.lru_cache(maxsize=64)
def _trig_table(q):
    """cos(pi*j/q), sin(pi*j/q) for j in 0..2q-1, in long double."""
    ang = _PI * np.arange(2 * q, dtype=np.longdouble) / np.longdouble(q)
    return np.cos(ang), np.sin(ang)


@functools.lru_cache(maxsize=8)     # the 8 matrices of one N (loops run N outermost)
def _base_matrix(kind, type, N):
    """The unnormalised ("backward") DCT / DST matrix of SciPy's definitions (see
    the scipy.fft.dct / dst docstrings), in long double.  The phase
    pi*p/q is reduced exactly in integers (p mod 2q) before the table lookup."""
    k = np.arange(N, dtype=np.int64)[:, None]
    m = np.arange(N, dtype=np.int64)[None, :]
    w = np.full(N, 2, dtype=np.longdouble)     # column weights
    if kind == "dct":
        if type == 1:
            q, p = N - 1, k * m
            w[0] = w[N - 1] = 1
        elif type == 2:
            q, p = 2 * N, k * (2 * m + 1)
        elif type == 3:
            q, p = 2 * N, (2 * k + 1) * m
            w[0] = 1
        else:
            q, p = 4 * N, (2 * k + 1) * (2 * m + 1)
        table = _trig_table(q)[0]
    else:
        if type == 1:
            q, p = N + 1, (k + 1) * (m + 1)
        elif type == 2:
            q, p = 2 * N, (k + 1) * (2 * m + 1)
        elif type == 3:
            q, p = 2 * N, (2 * k + 1) * (m + 1)
            w[N - 1] = 1
        else:
            q, p = 4 * N, (2 * k + 1) * (2 * m + 1)
        table = _trig_table(q)[1]
    return table[p % (2 * q)] * w[None, :]


def _direct_matrix(func, type, N, norm=None, orthogonalize=None):
    """Long-double matrix M of ``func(x, type, norm=norm, orthogonalize=...)``: y = M @ x.

    The inverse of type t is the transform of type 1, 3, 2, 4 (for t = 1, 2, 3,
    4) with the backward / forward normalisations swapped (scipy.fft.idct docs).
    orthogonalize=True divides y[0] (DCT-II), y[N-1] (DST-II), y[0] and y[N-1]
    (DCT-I) by sqrt(2) and multiplies x[0] (DCT-III), x[N-1] (DST-III), x[0] and
    x[N-1] (DCT-I) by sqrt(2); the logical size is 2(N-1) for DCT-I, 2(N+1) for
    DST-I, 2N otherwise.
    """
    kind = func.lstrip("i")
    inverse = func.startswith("i")
    t = INVERSE_TYPE[type] if inverse else type
    scaling = "backward" if norm is None else norm
    if inverse:
        scaling = {"backward": "forward", "forward": "backward"}.get(scaling, scaling)
    orth = (norm == "ortho") if orthogonalize is None else orthogonalize
    M = _base_matrix(kind, t, N).copy()
    r2 = np.sqrt(np.longdouble(2))
    if orth:
        rows, cols = {("dct", 1): ([0, N - 1], [0, N - 1]), ("dct", 2): ([0], []),
                      ("dct", 3): ([], [0]), ("dst", 2): ([N - 1], []),
                      ("dst", 3): ([], [N - 1])}.get((kind, t), ([], []))
        for r in set(rows):
            M[r, :] /= r2
        for c in set(cols):
            M[:, c] *= r2
    logical = {("dct", 1): 2 * (N - 1), ("dst", 1): 2 * (N + 1)}.get((kind, t), 2 * N)
    if scaling == "forward":
        M = M / np.longdouble(logical)
    elif scaling == "ortho":
        M = M / np.sqrt(np.longdouble(logical))
    return M


DIRECT_N = tuple(range(1, 65)) + (96, 97, 100, 127, 128, 210, 256, 257, 360, 499, 509)
DIRECT_COMBOS = ((None, None), ("ortho", None), ("ortho", False), ("forward", None),
                 (None, True))
DIRECT_COMBOS_LARGE_N = DIRECT_COMBOS[:2]      # above 128 (the n^2 sums get costly)


def test_direct_reference_matches_scipy_long_double():
    """The direct long-double sums agree with SciPy's own transforms of
    long-double input (pocketfft in long double) far below our bounds, for every
    function, type, normalisation and orthogonalize: the formulas above are
    SciPy's definitions."""
    worst = 0.0
    for n in tuple(range(1, 40)) + (64, 97, 128, 257):
        x = _random((n,), np.longdouble, 1)
        for func, type in itertools.product(FUNCS, TYPES):
            if n < _min_n(func, type):
                continue
            for norm, orth in COMBOS:
                ref = _scipy(func, x, type=type, norm=norm, orthogonalize=orth)
                assert ref.dtype == np.longdouble
                got = _direct_matrix(func, type, n, norm, orth) @ x
                d = got - ref
                err = np.sqrt(np.sum(d * d) / np.sum(ref * ref))
                assert err < 1e-17, (func, type, n, norm, orth, err)
                worst = max(worst, err)
    assert worst > 0     # the two really are different computations


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_against_direct_long_double_sums(dtype):
    """All 8 transforms and their inverses (backward, ortho with and without
    orthogonalize, forward, orthogonalize without ortho; above n = 128 backward
    and ortho) against the direct O(n^2) long-double sums: no SciPy involved."""
    tol = TOL[np.dtype(dtype)]
    failures = []
    for n in DIRECT_N:
        x = _vector(n, dtype)
        x_before = x.copy()
        xl = x.astype(np.longdouble)
        for func, type in itertools.product(FUNCS, TYPES):
            if n < _min_n(func, type):
                continue
            for norm, orth in DIRECT_COMBOS if n <= 128 else DIRECT_COMBOS_LARGE_N:
                y = _ours(func)(x, type=type, norm=norm, orthogonalize=orth)
                label = (func, f"type={type}", f"n={n}", f"norm={norm}", f"orth={orth}")
                if not (isinstance(y, np.ndarray) and y.dtype == x.dtype and y.shape == (n,)):
                    failures.append((*label, f"got {y.__class__.__name__} "
                                             f"{getattr(y, 'dtype', '')}{getattr(y, 'shape', '')}"))
                    continue
                ref = _direct_matrix(func, type, n, norm, orth) @ xl
                d = y.astype(np.longdouble) - ref
                err = float(np.sqrt(np.sum(d * d) / np.sum(ref * ref)))
                if not err <= tol:
                    failures.append((*label, f"error {err:.3e}"))
        assert np.array_equal(x, x_before), f"n={n}: input modified"
    assert not failures, f"vs direct long-double sums: {_fmt(failures)}"


# -------------------------------------------------------------------- every n in 1..1024
# SciPy's documented defaults: norm=None is "backward", orthogonalize=None is
# (norm == "ortho").  The reference for each of the 12 combinations is SciPy's
# result for its spelled-out equivalent (6 distinct calls per length instead of
# 12); test_scipy_spellings_are_equivalent checks that this is exactly SciPy's
# output for the combination itself.
def _spelled_out(norm, orth):
    norm = "backward" if norm is None else norm
    return norm, (norm == "ortho") if orth is None else orth


DISTINCT = tuple(dict.fromkeys(_spelled_out(*c) for c in COMBOS))
REF_INDEX = tuple(DISTINCT.index(_spelled_out(*c)) for c in COMBOS)


def test_scipy_spellings_are_equivalent():
    for n in (1, 2, 3, 8, 17, 100):
        x = _vector(n, np.float64)
        for func, type in itertools.product(FUNCS, TYPES):
            if n < _min_n(func, type):
                continue
            for norm, orth in COMBOS:
                a = _scipy(func, x, type, norm=norm, orthogonalize=orth)
                b = _scipy(func, x, type, norm=_spelled_out(norm, orth)[0],
                           orthogonalize=_spelled_out(norm, orth)[1])
                assert a.tobytes() == b.tobytes(), (func, type, n, norm, orth)


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("type", TYPES)
@pytest.mark.parametrize("func", FUNCS)
def test_every_length_every_norm_matches_scipy(func, type, dtype):
    """12 (norm, orthogonalize) combinations for every n in 1..1024."""
    ours = _ours(func)
    tol = TOL[np.dtype(dtype)]
    failures = []
    for n in ALL_N:
        if n < _min_n(func, type):
            continue
        x = _vector(n, dtype)
        x_before = x.copy()
        with _scipy_default():
            sp = getattr(scipy.fft, func)
            distinct = [sp(x, type, norm=norm, orthogonalize=orth) for norm, orth in DISTINCT]
        refs = np.stack([distinct[i] for i in REF_INDEX]).astype(np.float64)
        ys = [ours(x, type, norm=norm, orthogonalize=orth) for norm, orth in COMBOS]
        for (norm, orth), y in zip(COMBOS, ys):
            if not (isinstance(y, np.ndarray) and y.dtype == x.dtype and y.shape == (n,)):
                failures.append((f"n={n}", f"norm={norm}", f"orth={orth}",
                                 f"returned {y.__class__.__name__} {getattr(y, 'dtype', '')}"
                                 f"{getattr(y, 'shape', '')}"))
                ys = None
                break
        if ys is not None:
            d = np.stack(ys).astype(np.float64) - refs
            errs = np.sqrt(np.einsum("ij,ij->i", d, d) / np.einsum("ij,ij->i", refs, refs))
            for (norm, orth), err in zip(COMBOS, errs):
                if not err <= tol:
                    failures.append((f"n={n}", f"norm={norm}", f"orth={orth}",
                                     f"error {err:.3e} > {tol:.0e}"))
        assert np.array_equal(x, x_before), f"{func} type={type} n={n}: input modified"
    assert not failures, (f"{func} type={type} {np.dtype(dtype).name} vs SciPy: "
                          f"{_fmt(failures)}")


# ------------------------------------------------------------------------------ large sizes
@pytest.mark.parametrize("n", LARGE_N)
@pytest.mark.parametrize("kind", ["dct", "dst"])
def test_large_sizes_match_scipy(kind, n):
    """Every type of dct / dst in float64 with norm None and "ortho"; below 2**20
    also "forward", ortho without orthogonalize and orthogonalize without ortho,
    the inverse of every type (None and "ortho") and float32 (norm None).
    (The round trips at these sizes are in test_round_trip.)"""
    check = _Checker()
    x = _vector(n, np.float64)
    x32 = _vector(n, np.float32)
    x_before, x32_before = x.copy(), x32.copy()
    big = n >= 2**20
    for type in TYPES:
        calls = [(kind, None, None), (kind, "ortho", None)]
        if not big:
            calls += [(kind, "forward", None), (kind, "ortho", False), (kind, "backward", True),
                      ("i" + kind, None, None), ("i" + kind, "ortho", None)]
        for func, norm, orth in calls:
            ref = _scipy(func, x, type=type, norm=norm, orthogonalize=orth)
            y = _ours(func)(x, type=type, norm=norm, orthogonalize=orth)
            check((func, f"type={type}", "float64", f"norm={norm}", f"orth={orth}"), y, ref)
        if not big:
            y = _ours(kind)(x32, type=type)
            check((kind, f"type={type}", "float32"), y, _scipy(kind, x32, type=type))
    assert np.array_equal(x, x_before) and np.array_equal(x32, x32_before), "input modified"
    check.check(f"{kind} n={n} vs SciPy")


# ------------------------------------------------------------------------------ round trips
ROUND_TRIP_N = tuple(range(1, 40)) + (64, 97, 100, 127, 128, 255, 256, 1000, 1009, 1024,
                                       4096, 4099, 6720)
ROUND_TRIP_LARGE = (65536, 65537, 2**20)


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("kind", ["dct", "dst"])
def test_round_trip(kind, dtype):
    """i<kind>(<kind>(x, type, norm, orthogonalize), same arguments) == x for every
    type, norm and orthogonalize; large sizes (float64): every type with norm
    None and "ortho" (2**20: "ortho")."""
    forward, inverse = _ours(kind), _ours("i" + kind)
    tol = TOL[np.dtype(dtype)]
    failures = []
    for n in ROUND_TRIP_N:
        x = _vector(n, dtype)
        for type in TYPES:
            if n < _min_n(kind, type):
                continue
            for norm, orth in COMBOS:
                z = inverse(forward(x, type, norm=norm, orthogonalize=orth), type,
                            norm=norm, orthogonalize=orth)
                err = _err(z, x) if z.dtype == x.dtype and z.shape == x.shape else np.inf
                if not err <= tol:
                    failures.append((f"type={type}", f"n={n}", f"norm={norm}", f"orth={orth}",
                                     f"{z.dtype}{z.shape} error {err:.3e}"))
    if dtype is np.float64:
        for n in ROUND_TRIP_LARGE:
            x = _vector(n, dtype)
            norms = (None, "ortho") if n < 2**20 else ("ortho",)
            for type, norm in itertools.product(TYPES, norms):
                z = inverse(forward(x, type, norm=norm), type, norm=norm)
                err = _err(z, x)
                if not err <= tol:
                    failures.append((f"type={type}", f"n={n}", f"norm={norm}",
                                     f"error {err:.3e}"))
    assert not failures, f"i{kind}({kind}(x)) round trip: {_fmt(failures)}"


# ---------------------------------------------------------------------------- complex input
@pytest.mark.parametrize("cdtype", [np.complex128, np.complex64], ids=DTYPE_IDS)
def test_complex_input(cdtype):
    """Complex input: real and imaginary parts are transformed separately
    (complex output of the same precision); vs SciPy (every orthogonalize value,
    which SciPy ignores for complex input) and vs our transforms of the parts."""
    check = _Checker()
    for n in (1, 2, 3, 5, 8, 16, 17, 64, 100, 127, 1009, 4096):
        for i, (func, type) in enumerate(itertools.product(FUNCS, TYPES)):
            if n < _min_n(func, type):
                continue
            norm, orth = COMBOS[(i + n) % len(COMBOS)]
            x = _random((n,), cdtype, 2, n)
            y = _ours(func)(x, type, norm=norm, orthogonalize=orth)
            label = (func, f"type={type}", f"n={n}", f"norm={norm}", f"orth={orth}")
            check(label, y, _scipy(func, x, type, norm=norm, orthogonalize=orth))
            # SciPy ignores `orthogonalize` for complex input (its default, ortho
            # iff norm="ortho", is used): the parts are compared without it.
            parts = [_ours(func)(np.ascontiguousarray(p), type, norm=norm)
                     for p in (x.real, x.imag)]
            check((*label, "vs parts"), y, parts[0] + 1j * parts[1])
            # and a 2-D complex batch along axis 0
            xb = _random((n, 3), cdtype, 3, n)
            check((*label, "axis=0"), _ours(func)(xb, type, axis=0, norm=norm),
                  _scipy(func, xb, type, axis=0, norm=norm))
    check.check(f"complex {np.dtype(cdtype).name}")


# ---------------------------------------------------------------------- batches and layouts
BATCH_N = (1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 64, 97, 100, 127, 128,
           255, 256, 1000, 1009, 1024, 4099)
BATCH_COUNTS = (1, 2, 3, 4, 5, 7, 8, 9, 17)


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("func", FUNCS)
def test_batches_along_either_axis(func, dtype):
    """2-D input along axis -1 (rows) and axis 0 (columns): batch counts around
    the 2/4/8-wide vector groups, so full and partial groups are both covered."""
    check = _Checker()
    ours = _ours(func)
    for i, n in enumerate(BATCH_N):
        for j, b in enumerate(BATCH_COUNTS):
            if (i + j) % 3 and b != 17 and n > 9:
                continue      # every b for small n; a third of them (and b=17) above
            x = _random((b, n), dtype, 4, b)
            xt = np.ascontiguousarray(x.T)
            for type in TYPES:
                if n < _min_n(func, type):
                    continue
                norm, orth = COMBOS[(i + j + type) % len(COMBOS)]
                kw = dict(norm=norm, orthogonalize=orth)
                label = (f"type={type}", f"n={n}", f"b={b}", f"norm={norm}", f"orth={orth}")
                check((*label, "rows"), ours(x, type, axis=-1, **kw),
                      _scipy(func, x, type, axis=-1, **kw))
                check((*label, "cols"), ours(xt, type, axis=0, **kw),
                      _scipy(func, xt, type, axis=0, **kw))
    check.check(f"{func} {np.dtype(dtype).name} batches")


def _views(util, base):
    """Non-contiguous layouts of the 2-D array ``base`` (each a view of a fresh copy)."""
    return {
        "every_other_column": base.copy()[:, ::2],
        "every_other_row": base.copy()[::2],
        "reversed_rows": base.copy()[::-1],
        "reversed_columns": base.copy()[:, ::-1],
        "negative_strides_both": base.copy()[::-2, ::-3],
        "fortran": np.asfortranarray(base),
        "transposed": base.copy().T,
        "misaligned": util.unaligned(base),
    }


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_strided_and_negative_stride_views(util, dtype):
    check = _Checker()
    for shape in ((9, 34), (34, 9), (5, 202), (17, 130), (1, 65)):
        base = _random(shape, dtype, 5)
        for name, x in _views(util, base).items():
            snap = x.copy()
            for func, type in itertools.product(FUNCS, TYPES):
                for axis in (0, -1):
                    if x.shape[axis] < _min_n(func, type):
                        continue
                    norm = (None, "ortho", "forward")[(type + axis) % 3]
                    y = _ours(func)(x, type, axis=axis, norm=norm)
                    check((func, f"type={type}", name, str(x.shape), f"axis={axis}",
                           f"norm={norm}"), y,
                          _scipy(func, x, type, axis=axis, norm=norm))
            assert np.array_equal(x, snap), f"{name} {shape}: input modified"
    # the middle axis of 3-D arrays, contiguous and reversed
    for shape in ((3, 17, 5), (4, 100, 3), (2, 1009, 3)):
        for x in (_random(shape, dtype, 6), _random(shape, dtype, 6)[::-1, ::-1, ::2]):
            for func, type in itertools.product(FUNCS, TYPES):
                check((func, f"type={type}", "axis=1", str(x.shape), str(x.strides)),
                      _ours(func)(x, type, axis=1), _scipy(func, x, type, axis=1))
    check.check(f"{np.dtype(dtype).name} strided views")


def test_n_pads_and_truncates_like_scipy():
    """``n`` larger and smaller than the input (zero padding / truncation),
    along either axis (the semantics of ``n`` are in test_r2r_semantics.py)."""
    check = _Checker()
    x = _random((6, 50), np.float64, 7)
    for func, type in itertools.product(FUNCS, TYPES):
        for n in (2, 3, 7, 49, 51, 64, 100, 1009):
            check((func, f"type={type}", f"n={n}"), _ours(func)(x, type, n=n),
                  _scipy(func, x, type, n=n))
            check((func, f"type={type}", f"n={n}", "axis=0"),
                  _ours(func)(x.T, type, n=n, axis=0, norm="ortho"),
                  _scipy(func, x.T, type, n=n, axis=0, norm="ortho"))
    check.check("n padding / truncation")


# ---------------------------------------------------------------------------------- workers
def _same_bits(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_workers_bitwise_equal_to_one_worker(dtype):
    mismatches = []
    check = _Checker()
    for shape, axis in (((17, 1000), -1), ((1000, 17), 0), ((9, 4099), -1), ((4099, 9), 0),
                        ((3, 65537), -1), ((64, 8, 33), 1)):
        x = _random(shape, dtype, 8)
        for func, type in itertools.product(FUNCS, TYPES):
            norm = (None, "ortho")[type % 2]
            one = _ours(func)(x, type, axis=axis, norm=norm, workers=1)
            check((func, f"type={type}", str(shape), f"axis={axis}"), one,
                  _scipy(func, x, type, axis=axis, norm=norm))
            for workers in (2, -1):
                y = _ours(func)(x, type, axis=axis, norm=norm, workers=workers)
                if not _same_bits(y, one):
                    mismatches.append((func, type, shape, axis, workers))
    check.check("workers=1 vs SciPy")
    assert not mismatches, f"workers != 1 differs bitwise from workers=1: {mismatches}"
