"""fftbackend.fftconvolve / oaconvolve / next_fast_len against SciPy.

The reference is ``scipy.signal.fftconvolve`` / ``oaconvolve`` computed with
SciPy's own FFT (``scipy.fft.set_backend("scipy", only=True)``).  Results
must have SciPy's type, dtype and shape, and a normwise relative error of at
most 1e-12 (double precision) or 2e-6 (when an input is single precision:
SciPy then transforms it in single precision).  Errors must have SciPy's type
and message, obtained by calling SciPy in the test.

The error is measured against ``max(||ref||, 1e-3 ||in1|| ||in2||)``: the
rounding error of an FFT convolution scales with ``||in1|| ||in2||``, so a
result that cancels to (nearly) zero, where SciPy's own value is rounding
noise, is measured on that scale instead of blowing up.
"""
import itertools
import math
import re
import time
import types

import numpy as np
import pytest
import scipy.fft
import scipy.signal
from scipy._lib.uarray import BackendNotImplementedError

import fftbackend
from fftbackend import _signal

TOL_DOUBLE = 1e-12
TOL_SINGLE = 2e-6
MODES = ("full", "same", "valid")
FUNCS = ("fftconvolve", "oaconvolve")
SINGLE = {"e", "f", "F"}


# --------------------------------------------------------------------------
# helpers

def _rng(*key):
    return np.random.default_rng([20240611, *key])


def _data(shape, dtype, *key):
    """Random test data: normal values for floats, 1..9 for integers (so
    that results never cancel), mostly True for booleans."""
    rng = _rng(*key)
    dtype = np.dtype(dtype)
    if dtype.kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)
    if dtype.kind == "f":
        return rng.standard_normal(shape).astype(dtype)
    if dtype.kind == "b":
        return rng.random(shape) < 0.8
    if dtype.kind in "iu":
        return rng.integers(1, 10, shape).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def _scipy(name, *args, **kwargs):
    with scipy.fft.set_backend("scipy", only=True):
        return getattr(scipy.signal, name)(*args, **kwargs)


def _ours(name, *args, **kwargs):
    return getattr(fftbackend, name)(*args, **kwargs)


def _scipy_error(name, *args, **kwargs):
    """The exception SciPy raises for this call (the test fails if none)."""
    try:
        _scipy(name, *args, **kwargs)
    except Exception as exc:   # noqa: BLE001 - any exception is the reference
        return exc
    raise AssertionError(f"scipy.signal.{name}{args, kwargs} raised nothing")


def _rel_err(got, ref, in1, in2):
    got, ref, in1, in2 = (np.asarray(v).astype(np.clongdouble) for v in (got, ref, in1, in2))
    scale = max(np.linalg.norm(ref.ravel()),
                1e-3 * np.linalg.norm(in1.ravel()) * np.linalg.norm(in2.ravel()))
    diff = np.linalg.norm((got - ref).ravel())
    if scale == 0:
        return 0.0 if diff == 0 else math.inf
    return float(diff / scale)


def _tol(in1, in2):
    chars = {np.asarray(in1).dtype.char, np.asarray(in2).dtype.char}
    return TOL_SINGLE if chars & SINGLE else TOL_DOUBLE


def _compare(name, in1, in2, tol=None, **kwargs):
    """Our result against SciPy's: same type, dtype, shape, values within
    ``tol``; returns the error."""
    ref = _scipy(name, in1, in2, **kwargs)
    got = _ours(name, in1, in2, **kwargs)
    what = (f"{name}({np.shape(in1)} {np.asarray(in1).dtype}, "
            f"{np.shape(in2)} {np.asarray(in2).dtype}, {kwargs})")
    assert type(got) is type(ref), f"{what}: type {type(got)} != {type(ref)}"
    assert got.dtype == ref.dtype, f"{what}: dtype {got.dtype} != {ref.dtype}"
    assert got.shape == ref.shape, f"{what}: shape {got.shape} != {ref.shape}"
    err = _rel_err(got, ref, in1, in2)
    tol = _tol(in1, in2) if tol is None else tol
    assert err <= tol, f"{what}: error {err:.3e} > {tol:.1e}"
    return err


def _compare_error(name, *args, **kwargs):
    """Our call must raise SciPy's exception: same type and message."""
    exc = _scipy_error(name, *args, **kwargs)
    with pytest.raises(type(exc), match=re.escape(str(exc))) as info:
        _ours(name, *args, **kwargs)
    assert type(info.value) is type(exc)
    assert str(info.value) == str(exc)


def _compare_outcome(name, *args, **kwargs):
    """Whatever SciPy does (result or exception), we must do too."""
    try:
        ref = _scipy(name, *args, **kwargs)
    except Exception:   # noqa: BLE001
        _compare_error(name, *args, **kwargs)
        return
    got = _ours(name, *args, **kwargs)
    assert type(got) is type(ref)
    assert got.dtype == ref.dtype and got.shape == ref.shape
    err = _rel_err(got, ref, args[0], args[1])
    assert err <= _tol(args[0], args[1]), err


# --------------------------------------------------------------------------
# our transforms, not SciPy's

def test_computed_without_scipy_fft():
    """With a scipy.fft backend that implements nothing installed (only=True),
    any call into scipy.fft would raise: our results cannot come from it."""
    nothing = types.SimpleNamespace(
        __ua_domain__="numpy.scipy.fft",
        __ua_function__=lambda method, args, kwargs: NotImplemented)
    a = _data((300,), np.float64, 1)
    b = _data((41,), np.complex128, 2)
    refs = [_scipy(name, a, x, mode=mode) for name in FUNCS for x in (a[:41], b)
            for mode in MODES]
    with scipy.fft.set_backend(nothing, only=True):
        with pytest.raises(BackendNotImplementedError):
            scipy.signal.fftconvolve(a, a[:41])
        gots = [_ours(name, a, x, mode=mode) for name in FUNCS for x in (a[:41], b)
                for mode in MODES]
    for got, ref in zip(gots, refs):
        assert got.dtype == ref.dtype and got.shape == ref.shape
        assert _rel_err(got, ref, a, b) <= TOL_DOUBLE


# --------------------------------------------------------------------------
# 1-D

SIZES_1D = [(1, 1), (2, 1), (1, 2), (2, 2), (5, 3), (3, 5), (6, 4), (17, 17), (16, 17),
            (100, 7), (7, 100), (127, 64), (1000, 33), (33, 1000), (1009, 100),
            (4099, 101), (3000, 2), (10000, 999), (999, 10000), (5000, 2400)]


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("mode", MODES)
def test_1d_sizes(name, mode):
    for n1, n2 in SIZES_1D:
        a = _data(n1, np.float64, 10, n1, n2)
        b = _data(n2, np.float64, 11, n1, n2)
        _compare(name, a, b, mode=mode)
        _compare(name, a.astype(np.complex128) * (1 - 0.5j), b, mode=mode)


@pytest.mark.parametrize("name", FUNCS)
def test_1d_big(name):
    a = _data(100_000, np.float64, 12)
    b = _data(1025, np.float64, 13)
    for mode in MODES:
        _compare(name, a, b, mode=mode)
    # in1 much shorter than in2: "same" keeps only in1's length.
    _compare(name, b[:31], a, mode="same")
    _compare(name, a[:20000].astype(np.float32), b.astype(np.float32), mode="full")


def _blocked_axes(in1, in2, axes, mode):
    """The axes the overlap-add core cuts into blocks for these inputs."""
    in1, in2, window = _signal._crop_to_window(in1, in2, axes, mode)
    real = in1.dtype.kind == "f" and in2.dtype.kind == "f"
    return sorted(_signal._oa_choice(in1, in2, axes, window, real)[1])


def test_oaconvolve_cuts_long_signals():
    """With the default cost model, a long signal and a short kernel go
    through blocks; a kernel longer than half the signal never does."""
    assert _signal._oa_plan(1000, 600, True) is None
    assert _signal._oa_plan(1025, 100_000, False)[3] == 1      # in2 is the long one
    big = _data(100_000, np.float64, 14)
    for taps in (5, 101, 1025):
        assert _blocked_axes(big, big[:taps], [0], "full") == [0]
        assert _blocked_axes(big[:taps], big, [0], "full") == [0]
    assert _blocked_axes(big[:60000], big[:40000], [0], "full") == []
    # 2-D: a few large blocks per axis transform more than the whole image
    image = _data((1000, 1000), np.float64, 17)
    assert _blocked_axes(image, image[:129, :129], [0, 1], "full") == []


def test_overlap_add_machinery(monkeypatch):
    """The block path on small inputs, cutting every axis SciPy's rules
    allow (the cost model would often cut fewer): along one axis, along
    several, with in1 long along one axis and in2 along another, with
    broadcast axes; against the one-transform core and against SciPy."""
    choose = _signal._oa_choice

    def every_candidate(in1, in2, axes, window, real):
        whole, _ = choose(in1, in2, axes, window, real)
        blocked = {}
        for ax in axes:
            plan = _signal._oa_plan(in1.shape[ax], in2.shape[ax], real and ax == axes[-1])
            if plan is not None:
                blocked[ax] = plan + (-(-window[ax][1] // plan[1]),)
        return whole, blocked

    monkeypatch.setattr(_signal, "_oa_choice", every_candidate)
    cases = [((700, 9), (5, 200), [0, 1], [0, 1]),
             ((3000, 40), (7, 300), [0, 1], [0, 1]),
             ((9, 4, 2000), (9, 1, 13), [2], [2]),
             ((3, 300, 200), (1, 5, 7), [1, 2], [1, 2]),
             ((60, 50, 70), (5, 4, 6), [0, 1, 2], [0, 1, 2]),
             ((60, 5, 70), (5, 40, 6), [0, 1, 2], [0, 1, 2])]
    for s1, s2, axes, expected in cases:
        for dtypes in (("d", "d"), ("d", "D"), ("f", "f"), ("F", "f")):
            a = _data(s1, dtypes[0], 15, *s1)
            b = _data(s2, dtypes[1], 16, *s2)
            valid = all(s1[ax] >= s2[ax] for ax in axes)
            for mode in MODES if valid else ("full", "same"):
                # ("same" crops a long in2 first: fewer axes may be cut)
                blocked = _blocked_axes(a, b, axes, mode)
                assert blocked == expected if mode == "full" else blocked, (s1, s2, mode)
                got = _signal._oa_core(a, b, axes, mode)
                ref = _signal._fft_core(a, b, axes, mode)
                assert got.shape == ref.shape and got.dtype == ref.dtype
                assert _rel_err(got, ref, a, b) <= _tol(a, b)
                if dtypes[0] == "d":
                    _compare("oaconvolve", a, b, mode=mode,
                             axes=axes if len(axes) < len(s1) else None)


# --------------------------------------------------------------------------
# N-D, axes, broadcasting

def _axes_specs(ndim):
    """None, every non-empty subset of the axes (also spelled with negative
    numbers and in reverse order), and plain ints."""
    specs = [None]
    for k in range(1, ndim + 1):
        for subset in itertools.combinations(range(ndim), k):
            specs.append(list(subset))
            specs.append(tuple(ax - ndim for ax in reversed(subset)))
    specs += list(range(ndim)) + [-1]
    return specs


def _shape_pairs(ndim, axes):
    """Shapes of in1 and in2: convolved axes of odd and even lengths (in1
    longer, then in2 longer), the other axes equal, broadcast from in2, or
    broadcast from in1."""
    conv = set(range(ndim)) if axes is None else {ax % ndim for ax in np.atleast_1d(axes)}
    long = [9, 6, 5][:ndim]
    short = [4, 3, 2][:ndim]
    pairs = []
    for variant in range(4):
        s1, s2 = [], []
        for d in range(ndim):
            if d in conv:
                s1.append(long[d] if variant != 3 else short[d])
                s2.append(short[d] if variant != 3 else long[d])
            elif variant in (0, 3):
                s1.append(3)
                s2.append(3)
            elif variant == 1:
                s1.append(4)
                s2.append(1)
            else:
                s1.append(1)
                s2.append(4)
        pairs.append((tuple(s1), tuple(s2)))
    return pairs


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("ndim", [1, 2, 3])
def test_nd_axes_and_broadcasting(name, ndim):
    count = 0
    for axes in _axes_specs(ndim):
        for s1, s2 in _shape_pairs(ndim, axes):
            for mode in MODES:
                a = _data(s1, np.float64, 20, *s1, *s2)
                b = _data(s2, np.complex128 if count % 3 == 0 else np.float64, 21, *s1, *s2)
                _compare(name, a, b, mode=mode, axes=axes)
                count += 1
    assert count == 12 * len(_axes_specs(ndim))


@pytest.mark.parametrize("name", FUNCS)
def test_nd_larger(name):
    cases = [((64, 64), (7, 9), None), ((200, 150), (33, 31), None),
             ((513, 64), (65, 3), None), ((7, 300), (7, 301), None),
             ((40, 300), (1, 17), None), ((8, 1000), (8, 51), -1),
             ((1000, 8), (51, 8), 0), ((5, 6, 333), (1, 6, 17), (1, 2)),
             ((5, 6, 333), (5, 1, 17), 2), ((30, 31, 32), (5, 6, 7), None),
             ((300, 40), (9, 100), None)]
    for s1, s2, axes in cases:
        a = _data(s1, np.float64, 22, *s1)
        b = _data(s2, np.float64, 23, *s2)
        for mode in MODES:
            _compare_outcome(name, a, b, mode=mode, axes=axes)
        _compare(name, a.astype(np.float32), b.astype(np.float32), mode="same", axes=axes)
        _compare(name, a.astype(np.complex64), b.astype(np.complex64), axes=axes)


@pytest.mark.parametrize("name", FUNCS)
def test_length_one_axes_and_broadcast_quirks(name):
    """Axes of length 1 are dropped from the transform; "same" centres the
    broadcast axes on in1's length, "valid" keeps them whole (SciPy's rules)."""
    a = _data((1, 10), np.float64, 24)
    b = _data((4, 3), np.float64, 25)
    for mode in MODES:
        _compare(name, a, b, mode=mode)               # axis 0: length 1 in in1
        _compare(name, b, a, mode=mode)
        _compare(name, a, b, mode=mode, axes=1)
        _compare(name, a[:, :3], b[:1], mode=mode)    # shapes (1, 3) and (1, 3)
    c = _data((3, 1, 5), np.float64, 26)
    d = _data((1, 6, 2), np.float64, 27)
    for mode in MODES:
        _compare(name, c, d, mode=mode)
        _compare(name, c, d, mode=mode, axes=[0, 2])


@pytest.mark.parametrize("name", FUNCS)
def test_nothing_to_transform(name):
    """Every convolved axis has length 1 somewhere: SciPy multiplies, with
    NumPy's dtype of the product (integers stay integers)."""
    cases = [(np.array([3]), np.array([4])),
             (np.array([[3, 4]]), np.array([[4], [5], [6]])),
             (np.array([[True, False]]), np.array([[True], [True]])),
             (np.array([[1.5, 2.0]], np.float16), np.array([[2]], np.int8)),
             (np.ones((1, 5), np.float32), np.ones((3, 1), np.complex64))]
    for a, b in cases:
        for mode in MODES:
            ref = _scipy(name, a, b, mode=mode)
            got = _ours(name, a, b, mode=mode)
            assert got.dtype == ref.dtype and got.shape == ref.shape
            assert np.array_equal(got, ref)
            assert got.flags.c_contiguous == ref.flags.c_contiguous
        _compare_error(name, a, b, mode="nope")


# --------------------------------------------------------------------------
# dtypes

DTYPES = ["?", "i1", "u2", "i4", "i8", "u8", "e", "f", "d", "F", "D", "O"]


@pytest.mark.parametrize("name", FUNCS)
def test_dtype_pairs(name):
    for t1, t2 in itertools.product(DTYPES, DTYPES):
        a = _data(40, t1 if t1 != "O" else "d", 30).astype(t1)
        b = _data(7, t2 if t2 != "O" else "d", 31).astype(t2)
        _compare(name, a, b)
        if t1 == t2 or "f" in (t1, t2):
            _compare(name, a.reshape(8, 5), b[:6].reshape(2, 3), mode="same")


@pytest.mark.parametrize("name", FUNCS)
def test_single_precision_stays_single(name):
    for t in ("e", "f", "F"):
        a = _data((50, 20), t, 32)
        b = _data((5, 4), t, 33)
        for mode in MODES:
            _compare(name, a, b, mode=mode)
    assert _ours(name, np.ones(9, np.float32), np.ones(3, np.float16)).dtype == np.float32
    assert _ours(name, np.ones(9, np.float32), np.ones(3, np.float64)).dtype == np.float64
    assert _ours(name, np.ones(9, np.float32), np.ones(3, np.int8)).dtype == np.float64
    assert _ours(name, np.ones(9, np.float32), np.ones(3, bool)).dtype == np.float64
    assert _ours(name, np.ones(9, np.float32), np.ones(3, np.complex64)).dtype == np.complex64
    assert _ours(name, np.ones(9, np.float32), np.ones(3, np.complex128)).dtype == np.complex128
    assert _ours(name, np.ones(9, np.int32), np.ones(3, np.complex64)).dtype == np.complex128


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")   # np.matrix
@pytest.mark.parametrize("name", FUNCS)
def test_array_likes_and_layouts(name):
    a = _data((60, 50), np.float64, 34)
    b = _data((9, 8), np.float64, 35)
    _compare(name, a.tolist(), b.tolist())
    _compare(name, [1, 2, 3], [1.0, 0.5])
    _compare(name, np.matrix(a[:5, :6]), np.matrix(b[:2, :2]))
    _compare(name, np.ma.array(a[0], mask=a[0] > 1), b[0])
    _compare(name, a.T, b.T)                                   # Fortran order
    _compare(name, a[::2, ::-3], b[::2, 1::2])                 # negative and odd strides
    _compare(name, a.astype(">f8"), b.astype(">c16"))           # big-endian
    _compare(name, np.array(["1", "2", "3.5"]), np.array([1.0, -1.0]))
    ro1, ro2 = a.copy(), b.copy()
    ro1.flags.writeable = False
    ro2.flags.writeable = False
    for mode in MODES:
        _compare(name, ro1, ro2, mode=mode)


@pytest.mark.parametrize("name", FUNCS)
def test_inputs_unchanged_result_fresh(name):
    a = _data((300, 7), np.complex128, 36)
    b = _data((30, 7), np.float64, 37)
    a0, b0 = a.copy(), b.copy()
    for mode in MODES:
        for axes in (None, 0):
            out = _ours(name, a, b, mode=mode, axes=axes)
            assert out.flags.c_contiguous and out.flags.writeable
            assert not np.shares_memory(out, a) and not np.shares_memory(out, b)
            assert out.base is None or out.base.size == out.size
    assert np.array_equal(a, a0) and np.array_equal(b, b0)


@pytest.mark.parametrize("name", FUNCS)
def test_long_double_is_handed_to_scipy(name):
    a = _data(50, np.float64, 38).astype(np.longdouble)
    b = _data(9, np.float64, 39)
    for mode in MODES:
        ref = _scipy(name, a, b, mode=mode)
        got = _ours(name, a, b, mode=mode)
        assert got.dtype == ref.dtype == np.longdouble
        assert np.array_equal(got, ref)
    got = _ours(name, a.astype(np.clongdouble), b)
    assert got.dtype == np.clongdouble


@pytest.mark.parametrize("name", FUNCS)
def test_workers_context(name):
    a = _data((400, 300), np.float64, 40)
    b = _data((31, 17), np.float64, 41)
    ref = _ours(name, a, b)
    with scipy.fft.set_workers(2):
        got = _ours(name, a, b)
    assert _rel_err(got, ref, a, b) <= TOL_DOUBLE


# --------------------------------------------------------------------------
# valid mode and the swap

@pytest.mark.parametrize("name", FUNCS)
def test_valid_swaps_inputs(name):
    a = _data((5, 40), np.float64, 42)
    b = _data((30, 600), np.float64, 43)
    _compare(name, a, b, mode="valid")                      # in1 smaller everywhere
    _compare(name, b, a, mode="valid")
    _compare(name, a, _data((60, 40), np.float64, 46), mode="valid", axes=0)
    _compare(name, a[:1], b, mode="valid")                  # broadcast axis 0 stays whole
    _compare(name, _data(7, "f", 44), _data(1000, "f", 45), mode="valid")
    _compare_error(name, a, b.T.copy(), mode="valid")        # neither larger
    _compare_error(name, a, b.T.copy(), mode="valid", axes=None)


# --------------------------------------------------------------------------
# empty and 0-d inputs

@pytest.mark.parametrize("name", FUNCS)
def test_empty_inputs(name):
    cases = [(np.zeros(0), np.ones(3)), (np.ones(3), np.zeros(0)),
             (np.zeros((3, 0), np.complex64), np.ones((2, 2))),
             (np.zeros((0, 0), np.float32), np.zeros((0, 4), np.int8)),
             ([], [])]
    for a, b in cases:
        for kwargs in ({}, {"mode": "valid"}, {"mode": "nope"}, {"axes": 7},
                       {"axes": []}, {"mode": "same", "axes": [0, 0]}):
            ref = _scipy(name, a, b, **kwargs)
            got = _ours(name, a, b, **kwargs)
            assert type(got) is type(ref)
            assert got.dtype == ref.dtype and got.shape == ref.shape == (0,)


@pytest.mark.parametrize("name", FUNCS)
def test_zero_dimensional_inputs(name):
    cases = [(3, 4), (2.5, -1), (np.float32(3), 4), (np.float16(2), np.int8(3)),
             (np.array(3, np.float32), np.array(4, np.float16)),
             (np.array(True), np.array(True)), (np.array(2j), 1.5),
             (np.array(7, np.uint8), np.array(200, np.uint8)),
             (np.complex64(1 + 1j), np.float64(2))]
    for a, b in cases:
        for kwargs in ({}, {"mode": "nope"}, {"axes": 5}):
            ref = _scipy(name, a, b, **kwargs)
            got = _ours(name, a, b, **kwargs)
            assert type(got) is type(ref), (a, b, type(got), type(ref))
            assert got.dtype == ref.dtype
            assert got == ref


# --------------------------------------------------------------------------
# errors

def _error_cases():
    x1 = _data(10, np.float64, 50)
    x2 = _data((6, 7), np.float64, 51)
    x3 = _data((4, 5, 6), np.float64, 52)
    return [
        # mode
        ((x1, x1[:3]), {"mode": "bogus"}),
        ((x1, x1[:3]), {"mode": "FULL"}),
        ((x1, x1[:3]), {"mode": None}),
        ((x1, x1[:3]), {"mode": 2}),
        ((x1, x1), {"mode": ""}),                       # equal shapes (oaconvolve -> fftconvolve)
        ((x2, x2[:2, :3]), {"mode": "Valid"}),
        ((x3, x3[:1, :1, :1]), {"mode": "x"}),           # nothing to transform
        # axes
        ((x1, x1[:3]), {"axes": 1}),
        ((x1, x1[:3]), {"axes": -2}),
        ((x2, x2[:3]), {"axes": [0, 2]}),
        ((x2, x2[:3]), {"axes": [0, 0]}),
        ((x2, x2[:3]), {"axes": [1, -1]}),
        ((x2, x2[:3]), {"axes": []}),
        ((x2, x2[:3]), {"axes": ()}),
        ((x2, x2[:3]), {"axes": np.array([], int)}),
        ((x2, x2[:3]), {"axes": 1.0}),
        ((x2, x2[:3]), {"axes": [0, 1.5]}),
        ((x2, x2[:3]), {"axes": "01"}),
        ((x2, x2[:3]), {"axes": [None]}),
        ((x2, x2[:3]), {"axes": np.array(1)}),
        ((x3, x3[:2]), {"axes": [2, 5], "mode": "bogus"}),
        # dimensionality
        ((x1, x2), {}),
        ((x2, x3), {"mode": "bogus"}),
        ((x1, np.float64(2.0)), {}),
        ((np.array(2.0), x1), {"axes": 9}),
        # broadcasting
        ((x2, x2[:, :3]), {"axes": 0}),
        ((x2, x2[:3]), {"axes": 1}),
        ((x3, x3[:2, :3, :2]), {"axes": [2]}),
        ((x3[:, :, :2], x3[:2, :3, :2]), {"axes": -1, "mode": "bogus"}),
        # valid
        ((x2, x2[:3, :].T.copy()), {"mode": "valid"}),
        ((x2[:3], np.ones((4, 2))), {"mode": "valid"}),
        ((x3, np.ones((5, 2, 2))), {"mode": "valid", "axes": [0, 1]}),
        # conversion of the inputs comes before the mode check
        ((np.array(["a", "b"]), x1), {"mode": "bogus"}),
        ((x1, np.array([1j, 2], dtype=object)), {}),
        ((np.array([{}, 1.0], dtype=object), x1), {}),
    ]


@pytest.mark.parametrize("name", FUNCS)
def test_errors_match_scipy(name):
    for args, kwargs in _error_cases():
        _compare_error(name, *args, **kwargs)


def test_error_messages_literal():
    """A few messages spelled out, independently of SciPy."""
    x = np.ones(5)
    with pytest.raises(ValueError, match="^acceptable mode flags are 'valid', 'same', or 'full'$"):
        fftbackend.fftconvolve(x, x[:2], mode="bad")
    with pytest.raises(ValueError, match="^in1 and in2 should have the same dimensionality$"):
        fftbackend.oaconvolve(x, np.ones((2, 2)))
    with pytest.raises(ValueError, match="^when provided, axes cannot be empty$"):
        fftbackend.oaconvolve(x, x[:2], axes=[])


# --------------------------------------------------------------------------
# next_fast_len

def _brute_smooth(n, real):
    m = max(n, 1)
    while True:
        k = m
        for p in (2, 3, 5, 7):
            while k % p == 0:
                k //= p
        if k == 1 and (not real or m % 2 == 0 or m <= 2):
            return m
        m += 1


def _is_smooth(m):
    for p in (2, 3, 5, 7):
        while m % p == 0:
            m //= p
    return m == 1


def test_next_fast_len_brute_force():
    for real in (False, True):
        expected = [_brute_smooth(n, real) for n in range(1, 5001)]
        got = [fftbackend.next_fast_len(n, real) for n in range(1, 5001)]
        assert got == expected
    assert fftbackend.next_fast_len(0) == 0 == fftbackend.next_fast_len(0, True)
    assert fftbackend.next_fast_len(1, True) == 1
    assert fftbackend.next_fast_len(2, True) == 2
    assert fftbackend.next_fast_len(3, True) == 4
    assert fftbackend.next_fast_len(11) == 12 and fftbackend.next_fast_len(13) == 14
    assert fftbackend.next_fast_len(97, True) == 98 and fftbackend.next_fast_len(99, True) == 100


def _smooth_octave(target):
    """Every 7-smooth number in [target, 2 * target): each odd 7-smooth
    part below 2 * target, doubled until it reaches the target."""
    numbers = []
    p7 = 1
    while p7 < 2 * target:
        p5 = p7
        while p5 < 2 * target:
            p3 = p5
            while p3 < 2 * target:
                m = p3
                while m < target:
                    m *= 2
                numbers.append(m)
                p3 *= 3
            p5 *= 5
        p7 *= 7
    return sorted(numbers)


def test_next_fast_len_large_targets_minimal():
    """Beyond the brute force, up to SciPy's largest target: the smallest
    of all 7-smooth numbers of the octave above the target."""
    rng = _rng(60)
    limit = (2 ** 64 - 1) // 11 + 1
    targets = [4999, 2 ** 40 - 1, 2 ** 40, 2 ** 40 + 1, 3 ** 25 + 1, 7 ** 14 - 3, limit]
    targets += [int(x) for x in rng.integers(5000, 2 ** 40, 5)]
    targets += [int(x) for x in rng.integers(2 ** 40, limit, 5)]
    for target in targets:
        smooth = _smooth_octave(target)
        assert all(m < 2 * target and _is_smooth(m) for m in smooth)
        got = fftbackend.next_fast_len(target)
        assert type(got) is int and got == smooth[0], target
        assert fftbackend.next_fast_len(target, True) == min(m for m in smooth if m % 2 == 0)


def test_next_fast_len_speed():
    targets = [int(x) for x in _rng(61).integers(1, 2 ** 40, 2000)]
    fftbackend.next_fast_len(12345)        # builds the table
    start = time.perf_counter()
    for t in targets:
        fftbackend.next_fast_len(t)
        fftbackend.next_fast_len(t, True)
    per_call = (time.perf_counter() - start) / (2 * len(targets))
    assert per_call < 2e-5, per_call     # a few microseconds; generous for busy machines


def _scipy_nfl(*args, **kwargs):
    """scipy.fft.next_fast_len on an empty cache (its lru_cache would
    otherwise answer 1.0 with the cached result of 1)."""
    scipy.fft.next_fast_len.cache_clear()
    return scipy.fft.next_fast_len(*args, **kwargs)


class _BadBool:
    def __bool__(self):
        raise RuntimeError("no truth value here")


class _Index:
    def __index__(self):
        return 37


def test_next_fast_len_arguments_like_scipy():
    calls = [(-1,), (-(2 ** 63),), (-(2 ** 63) - 1,), (2 ** 63,), (2 ** 63 - 1,), (2 ** 100,),
             ((2 ** 64 - 1) // 11 + 2,), (2 ** 62,), (2.5,), (1.0,), (10.0,), (np.float64(8),),
             (np.bool_(True),), (10 + 0j,), ("10",), (None,), ([5],), (np.array(5),),
             (np.array([5]),), (5, [1]), (5, _BadBool()), (2.5, _BadBool()), (-1, _BadBool()),
             (2 ** 63, _BadBool()), (-3, True), (10, True, 1), ()]
    for args in calls:
        try:
            _scipy_nfl(*args)
        except Exception as exc:   # noqa: BLE001
            with pytest.raises(type(exc)) as info:
                fftbackend.next_fast_len(*args)
            assert type(info.value) is type(exc), args
            if type(exc) is not TypeError or "argument" not in str(exc):
                assert str(info.value) == str(exc), args
        else:
            raise AssertionError(f"scipy accepted {args}")
    # accepted arguments: integers of any kind, and any truth value for real
    for target, value in ((True, 1), (False, 0), (np.int64(37), 37), (np.uint8(37), 37),
                          (_Index(), 37), (0, 0)):
        got = fftbackend.next_fast_len(target)
        assert type(got) is int and got == (_brute_smooth(value, False) if value else 0)
        _scipy_nfl(target)                      # SciPy accepts it too
    for real in (0, 1, "x", "", None, 1.0, 0.0, np.bool_(True), np.int64(0)):
        expected = 48 if real else 45           # 45 = 3*3*5 is odd
        assert fftbackend.next_fast_len(45, real) == expected
        assert fftbackend.next_fast_len(target=45, real=real) == expected
        _scipy_nfl(45, real)


@pytest.mark.parametrize("shapes", [((20000,), (1025,)), ((5000,), (9,)), ((60, 70), (5, 5))])
@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_input_spreads_as_in_scipy(shapes, bad):
    """The fast paths (direct sum, overlap-save) would keep a NaN or infinity local; SciPy's
    fftconvolve transforms the whole input and spreads it to every output: ours must give the
    same pattern. oaconvolve spreads it over the blocks it falls in, which depend on the block
    lengths (ours are not SciPy's): there every output that reads it must be non-finite."""
    rng = np.random.default_rng(3)
    a = rng.standard_normal(shapes[0])
    b = rng.standard_normal(shapes[1])
    a.flat[a.size // 3] = bad
    with scipy.fft.set_backend("scipy", only=True):
        ref = scipy.signal.fftconvolve(a, b)
    assert np.array_equal(np.isfinite(fftbackend.fftconvolve(a, b)), np.isfinite(ref))
    marker = np.zeros_like(a)
    marker.flat[a.size // 3] = 1
    reads_it = scipy.signal.convolve(marker, np.ones_like(b), method="direct") != 0
    assert not np.isfinite(fftbackend.oaconvolve(a, b)[reads_it]).any()
