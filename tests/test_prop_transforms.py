"""Hypothesis property tests beyond test_properties.py / test_real_properties.py.

Those two check small random FFT / real-FFT calls (lengths <= 12) against SciPy.  Here:

* DCT/DST (all four types, 1-D and N-D, orthogonalize) against SciPy's default backend;
* every transform on larger arrays (up to a few hundred points per axis) with mixed
  per-axis steps (also negative) and transposes, all four float/complex dtypes and norms;
* mathematical properties of fftbackend alone: linearity, Parseval (norm="ortho"), the
  shift theorem, Hermitian symmetry of rfft vs fft, round trips (ifft(fft), irfft(rfft, n),
  hfft(ihfft), idct(dct) and idst(dst) for all types), and the convolution theorem
  (fftconvolve / oaconvolve vs a direct long-double convolution and vs ifft(fft * fft)).

Example count per property: the environment variable FFTBACKEND_HYPOTHESIS_EXAMPLES
(default 60, what CI runs; a dedicated run uses 2000).  Examples are random (not
derandomized); on failure hypothesis prints the falsifying example and the blob/seed that
reproduces it.
"""
import math
import os

import numpy as np
import pytest
import scipy.fft
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fftbackend as fb

EXAMPLES = int(os.environ.get("FFTBACKEND_HYPOTHESIS_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])

DTYPES = [np.float32, np.float64, np.complex64, np.complex128]
NORMS = [None, "backward", "ortho", "forward"]
EPS = {"s": float(np.finfo(np.float32).eps), "d": float(np.finfo(np.float64).eps)}
# Normwise bound against SciPy's default backend: 2e-15 / 1e-6 against the exact result
# each, plus SciPy's own error.
PARITY_TOL = {"s": 2e-6, "d": 4e-15}
MAX_SIZE = 6000          # elements of one test array


def prec(dtype):
    return "s" if np.dtype(dtype).char in "fFe" else "d"


def rel_err(y, ref):
    y = np.asarray(y).astype(np.clongdouble)
    ref = np.asarray(ref).astype(np.clongdouble)
    d = y - ref
    num = np.sum(d.real ** 2 + d.imag ** 2)
    den = np.sum(ref.real ** 2 + ref.imag ** 2)
    if den == 0:
        return 0.0 if num == 0 else math.inf
    return float(np.sqrt(num / den))


def norm2(x):
    x = np.asarray(x).astype(np.clongdouble)
    return float(np.sqrt(np.sum(x.real ** 2 + x.imag ** 2)))


def assert_rel(y, ref, tol, what):
    err = rel_err(y, ref)
    assert err <= tol, f"{what}: normwise relative error {err:.3e} > {tol:.1e}"


def log_tol(dtype, npoints, factor=4.0):
    """A property's bound: factor * eps * log2(N) (N points transformed)."""
    return factor * EPS[prec(dtype)] * max(1.0, math.log2(max(npoints, 2)))


def scipy_ref(name, *args, **kwargs):
    with scipy.fft.set_backend("scipy", only=True):
        return getattr(scipy.fft, name)(*args, **kwargs)


# --------------------------------------------------------------------------------------
# arrays: random shape, dtype, per-axis step (negative too) and axis order

@st.composite
def arrays(draw, dtypes=DTYPES, min_ndim=1, max_ndim=3, max_len=300, min_len=1,
           max_size=MAX_SIZE):
    ndim = draw(st.integers(min_ndim, max_ndim))
    shape = []
    budget = max_size
    for i in range(ndim):
        hi = max(min_len, min(max_len, budget // max(1, 2 ** (ndim - i - 1))))
        n = draw(st.integers(min_len, hi))
        shape.append(n)
        budget = max(1, budget // n)
    dtype = np.dtype(draw(st.sampled_from(dtypes)))
    steps = [draw(st.sampled_from([1, 1, 2, -1, -2, 3])) for _ in range(ndim)]
    perm = draw(st.permutations(range(ndim)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    # The array is built in the permuted order, then transposed back: its strides are
    # permuted, possibly negative and non-unit.
    pshape = [shape[p] for p in perm]
    full = [n * abs(s) for n, s in zip(pshape, (steps[p] for p in perm))]
    data = rng.standard_normal(full)
    if dtype.kind == "c":
        data = data + 1j * rng.standard_normal(full)
    data = data.astype(dtype)
    index = tuple(slice(None, None, steps[p]) for p in perm)
    x = data[index].transpose(np.argsort(perm))
    assert x.shape == tuple(shape), (x.shape, shape)
    return x


def axes_and_lengths(draw, x, allow_n=True, max_n=320):
    """A non-empty subset of axes in random order (some spelled negatively) and, maybe,
    output lengths for them."""
    ndim = x.ndim
    k = draw(st.integers(1, ndim))
    axes = list(draw(st.permutations(range(ndim)))[:k])
    axes = [a - ndim if draw(st.booleans()) else a for a in axes]
    s = None
    if allow_n and draw(st.booleans()):
        s = [draw(st.integers(1, max_n)) for _ in axes]
        # keep the padded array small
        while np.prod([n for n in s]) * x.size // max(1, np.prod([x.shape[a] for a in axes])) > 4 * MAX_SIZE:
            s = [max(1, n // 2) for n in s]
    return axes, s


# --------------------------------------------------------------------------------------
# parity with SciPy: DCT/DST, and every transform on larger strided arrays

R2R_1D = ["dct", "idct", "dst", "idst"]
R2R_ND = ["dctn", "idctn", "dstn", "idstn"]


@st.composite
def r2r_calls(draw):
    x = draw(arrays())
    nd = draw(st.booleans())
    kwargs = {"type": draw(st.integers(1, 4)), "norm": draw(st.sampled_from(NORMS))}
    if draw(st.booleans()):
        kwargs["orthogonalize"] = draw(st.booleans())
    if nd:
        name = draw(st.sampled_from(R2R_ND))
        axes, s = axes_and_lengths(draw, x)
        if draw(st.booleans()):
            kwargs["axes"] = axes
        else:
            axes = None
        if s is not None and axes is not None:
            kwargs["s"] = s
    else:
        name = draw(st.sampled_from(R2R_1D))
        kwargs["axis"] = draw(st.integers(-x.ndim, x.ndim - 1))
        if draw(st.booleans()):
            kwargs["n"] = draw(st.integers(1, 320))
    return name, x, kwargs


def assert_same_outcome(name, x, kwargs):
    try:
        ref = scipy_ref(name, x, **kwargs)
    except Exception as e:  # noqa: BLE001 - e.g. DCT-I of length 1
        with pytest.raises(type(e)):
            getattr(fb, name)(x, **kwargs)
        return
    saved = x.copy()
    got = getattr(fb, name)(x, **kwargs)
    np.testing.assert_array_equal(x, saved, err_msg=f"{name}: input modified")
    what = f"{name}(shape={x.shape}, {x.dtype}, strides={x.strides}, {kwargs})"
    assert got.dtype == ref.dtype and got.shape == ref.shape, (
        f"{what}: {got.dtype}{got.shape} != SciPy {ref.dtype}{ref.shape}")
    assert_rel(got, ref, PARITY_TOL[prec(got.dtype)], what)


@SETTINGS
@given(call=r2r_calls())
def test_dct_dst_match_scipy(call):
    name, x, kwargs = call
    assert_same_outcome(name, x, kwargs)


FFT_1D = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]
FFT_ND = ["fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn",
          "fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2"]
REAL_ONLY = {"rfft", "ihfft", "rfftn", "ihfftn", "rfft2", "ihfft2"}


@st.composite
def fft_calls(draw):
    x = draw(arrays())
    names = FFT_1D + [n for n in FFT_ND if x.ndim >= 2 or not n.endswith("2")]
    name = draw(st.sampled_from(names))
    if name in REAL_ONLY and x.dtype.kind == "c":
        x = x.real   # a strided view (every other float of the complex buffer)
    kwargs = {"norm": draw(st.sampled_from(NORMS))}
    if name in FFT_1D:
        kwargs["axis"] = draw(st.integers(-x.ndim, x.ndim - 1))
        if draw(st.booleans()):
            kwargs["n"] = draw(st.integers(1, 320))
    elif name.endswith("2"):
        axes = list(draw(st.permutations(range(x.ndim)))[:2])
        kwargs["axes"] = axes
        if draw(st.booleans()):
            kwargs["s"] = [draw(st.integers(1, 64)) for _ in axes]
    else:
        axes, s = axes_and_lengths(draw, x)
        kwargs["axes"] = axes
        if s is not None:
            kwargs["s"] = s
    return name, x, kwargs


@SETTINGS
@given(call=fft_calls())
def test_strided_transforms_match_scipy(call):
    name, x, kwargs = call
    assert_same_outcome(name, x, kwargs)


# --------------------------------------------------------------------------------------
# properties of fftbackend alone

LINEAR = ["fftn", "ifftn", "rfftn", "dctn", "idctn", "dstn", "idstn", "hfftn"]


@SETTINGS
@given(x=arrays(), data=st.data())
def test_linearity(x, data):
    name = data.draw(st.sampled_from(LINEAR))
    if name == "rfftn" and x.dtype.kind == "c":
        x = x.real.copy()
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    y = rng.standard_normal(x.shape).astype(x.dtype)
    scal = np.float32 if prec(x.dtype) == "s" else np.float64
    a, b = scal(rng.uniform(-3, 3)), scal(rng.uniform(-3, 3))
    norm = data.draw(st.sampled_from(NORMS))
    kw = {"norm": norm}
    if name in ("dctn", "idctn", "dstn", "idstn"):
        kw["type"] = data.draw(st.integers(1, 4))
        if kw["type"] == 1 and min(x.shape) < 2 and name.startswith(("dct", "idct")):
            return  # DCT-I needs 2 points
    f = getattr(fb, name)
    lhs = f((a * x + b * y).astype(x.dtype), **kw)
    rhs = a * f(x, **kw) + b * f(y, **kw)
    bound = log_tol(x.dtype, x.size, 8.0) * (abs(a) * norm2(f(x, **kw)) + abs(b) * norm2(f(y, **kw)))
    err = norm2(lhs - rhs)
    assert err <= bound, (
        f"{name}{x.shape} {x.dtype} {kw}: ||f(ax+by) - (af(x)+bf(y))|| = {err:.3e} > {bound:.3e}")


@SETTINGS
@given(x=arrays(), data=st.data())
def test_parseval_ortho(x, data):
    """norm="ortho" transforms are unitary: ||T x|| == ||x||."""
    axes, _ = axes_and_lengths(data.draw, x, allow_n=False)
    name = data.draw(st.sampled_from(["fftn", "ifftn", "dctn", "idctn", "dstn", "idstn",
                                      "rfftn"]))
    kw = {"axes": axes, "norm": "ortho"}
    n_axes = [x.shape[a] for a in axes]
    if name == "rfftn":
        x = x.real if x.dtype.kind == "c" else x
        y = fb.rfftn(x, **kw)
        # the half spectrum: every bin but 0 and (even n) n/2 stands for two
        last = axes[-1]
        n = x.shape[last]
        w = np.full(y.shape[last], 2.0)
        w[0] = 1.0
        if n % 2 == 0:
            w[-1] = 1.0
        shape = [1] * y.ndim
        shape[last] = -1
        ysq = np.abs(y.astype(np.clongdouble)) ** 2 * w.reshape(shape)
        lhs = float(np.sqrt(np.sum(ysq)))
    else:
        if name in ("dctn", "idctn", "dstn", "idstn"):
            kw["type"] = data.draw(st.integers(1, 4))
            if kw["type"] == 1:
                if name.startswith(("dct", "idct")) and min(n_axes) < 2:
                    return
                kw["orthogonalize"] = True   # DCT-I/DST-I are orthogonal only then
        lhs = norm2(getattr(fb, name)(x, **kw))
    rhs = norm2(x)
    tol = log_tol(x.dtype, math.prod(n_axes), 4.0)
    assert abs(lhs - rhs) <= tol * rhs, (
        f"{name}{x.shape} {x.dtype} {kw}: ||Tx|| = {lhs!r}, ||x|| = {rhs!r}")


@SETTINGS
@given(x=arrays(dtypes=[np.complex64, np.complex128, np.float32, np.float64]), data=st.data())
def test_shift_theorem(x, data):
    """fft(roll(x, m)) == fft(x) * exp(-2 pi i k m / n) along each shifted axis."""
    axes, _ = axes_and_lengths(data.draw, x, allow_n=False)
    shifts = [data.draw(st.integers(-x.shape[a], x.shape[a])) for a in axes]
    X = fb.fftn(x, axes=axes)
    Y = fb.fftn(np.roll(x, shifts, axis=axes), axes=axes)
    ramp = np.ones((1,) * x.ndim, dtype=np.clongdouble)
    for a, m in zip(axes, shifts):
        n = x.shape[a]
        k = np.arange(n)
        phase = np.exp(-2j * np.pi * ((k * m) % n) / n).astype(np.clongdouble)
        shape = [1] * x.ndim
        shape[a] = n
        ramp = ramp * phase.reshape(shape)
    npts = math.prod(x.shape[a] for a in axes)
    assert_rel(Y, X * ramp, log_tol(x.dtype, npts, 8.0),
               f"shift {shifts} along {axes} of {x.shape} {x.dtype}")


@SETTINGS
@given(x=arrays(dtypes=[np.float32, np.float64]), data=st.data())
def test_hermitian_symmetry(x, data):
    """For real x: rfftn(x) is the first half of fftn(x), and fft(x)[k] == conj(fft(x)[-k])."""
    axes, _ = axes_and_lengths(data.draw, x, allow_n=False)
    norm = data.draw(st.sampled_from(NORMS))
    full = fb.fftn(x, axes=axes, norm=norm)
    half = fb.rfftn(x, axes=axes, norm=norm)
    last = axes[-1]
    m = x.shape[last] // 2 + 1
    index = [slice(None)] * x.ndim
    index[last] = slice(0, m)
    npts = math.prod(x.shape[a] for a in axes)
    tol = log_tol(x.dtype, npts, 8.0)
    assert_rel(half, full[tuple(index)], tol, f"rfftn vs fftn {x.shape} {x.dtype} {axes}")
    # X[-k] == conj(X[k]) over the transformed axes
    flipped = np.conj(np.roll(np.flip(full, axis=axes), 1, axis=axes))
    assert_rel(full, flipped, tol, f"Hermitian symmetry {x.shape} {x.dtype} {axes}")


ROUND_TRIPS = ["fft", "rfft", "hfft", "dct", "dst", "fftn", "rfftn", "dctn", "dstn"]


@SETTINGS
@given(x=arrays(), data=st.data())
def test_round_trips(x, data):
    name = data.draw(st.sampled_from(ROUND_TRIPS))
    norm = data.draw(st.sampled_from(NORMS))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    n = x.shape[axis]
    what = f"{name} round trip {x.shape} {x.dtype} axis={axis} norm={norm}"
    if name == "fft":
        y = fb.ifft(fb.fft(x, axis=axis, norm=norm), axis=axis, norm=norm)
    elif name == "rfft":
        x = x.real if x.dtype.kind == "c" else x
        y = fb.irfft(fb.rfft(x, axis=axis, norm=norm), n, axis=axis, norm=norm)
    elif name == "hfft":
        # hfft(ihfft(x), n) == x for real x
        x = x.real if x.dtype.kind == "c" else x
        y = fb.hfft(fb.ihfft(x, axis=axis, norm=norm), n, axis=axis, norm=norm)
    elif name in ("dct", "dst"):
        t = data.draw(st.integers(1, 4))
        if name == "dct" and t == 1 and n < 2:
            return
        kw = {"type": t, "axis": axis, "norm": norm}
        if norm == "ortho" and data.draw(st.booleans()):
            kw["orthogonalize"] = data.draw(st.booleans())
        y = getattr(fb, "i" + name)(getattr(fb, name)(x, **kw), **kw)
        what += f" type={t}"
    else:
        axes, _ = axes_and_lengths(data.draw, x, allow_n=False)
        n_axes = [x.shape[a] for a in axes]
        kw = {"axes": axes, "norm": norm}
        if name == "fftn":
            y = fb.ifftn(fb.fftn(x, **kw), **kw)
        elif name == "rfftn":
            x = x.real if x.dtype.kind == "c" else x
            y = fb.irfftn(fb.rfftn(x, **kw), [x.shape[a] for a in axes], **kw)
        else:
            kw["type"] = t = data.draw(st.integers(1, 4))
            if name == "dctn" and t == 1 and min(n_axes) < 2:
                return
            y = getattr(fb, "i" + name)(getattr(fb, name)(x, **kw), **kw)
        n = math.prod(n_axes)
        what += f" axes={axes} {kw}"
    # DCT-I / DST-I are ill-conditioned relative to the others only by a small constant
    assert_rel(y, x, log_tol(x.dtype, n, 16.0), what)


# --------------------------------------------------------------------------------------
# convolution theorem

@st.composite
def conv_pairs(draw):
    ndim = draw(st.integers(1, 2))
    dtype = draw(st.sampled_from(DTYPES))
    dtype2 = draw(st.sampled_from([dtype, np.float64, np.complex128]))
    if ndim == 1:
        s1 = (draw(st.integers(1, 600)),)
        s2 = (draw(st.integers(1, 200)),)
    else:
        s1 = (draw(st.integers(1, 40)), draw(st.integers(1, 60)))
        s2 = (draw(st.integers(1, 12)), draw(st.integers(1, 20)))
    if draw(st.booleans()):
        s1, s2 = s2, s1
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))

    def make(shape, dt):
        a = rng.standard_normal(shape)
        if np.dtype(dt).kind == "c":
            a = a + 1j * rng.standard_normal(shape)
        a = a.astype(dt)
        if draw(st.booleans()):   # a negative-stride view
            a = np.ascontiguousarray(a[(slice(None, None, -1),) * a.ndim])[
                (slice(None, None, -1),) * a.ndim]
        return a
    return make(s1, dtype), make(s2, dtype2)


def direct_conv_ld(a, b):
    """Exact-ish full convolution in long double (1-D: np.convolve; 2-D: sum of shifts)."""
    a = np.asarray(a).astype(np.clongdouble)
    b = np.asarray(b).astype(np.clongdouble)
    if a.ndim == 1:
        return np.convolve(a, b)
    out = np.zeros([p + q - 1 for p, q in zip(a.shape, b.shape)], np.clongdouble)
    for i in range(b.shape[0]):
        for j in range(b.shape[1]):
            out[i:i + a.shape[0], j:j + a.shape[1]] += a * b[i, j]
    return out


@SETTINGS
@given(pair=conv_pairs(), data=st.data())
def test_convolution_theorem(pair, data):
    a, b = pair
    func = data.draw(st.sampled_from(["fftconvolve", "oaconvolve"]))
    mode = data.draw(st.sampled_from(["full", "same", "valid"]))
    if mode == "valid" and not (all(p >= q for p, q in zip(a.shape, b.shape))
                                or all(q >= p for p, q in zip(a.shape, b.shape))):
        mode = "full"
    got = getattr(fb, func)(a, b, mode=mode)
    exact = direct_conv_ld(a, b)
    # scipy.signal's mode windows of the full result
    full_shape = exact.shape
    if mode == "same":
        start = [(f - p) // 2 for f, p in zip(full_shape, a.shape)]
        window = tuple(slice(s, s + p) for s, p in zip(start, a.shape))
    elif mode == "valid":
        big, small = (a, b) if all(p >= q for p, q in zip(a.shape, b.shape)) else (b, a)
        window = tuple(slice(q - 1, p) for p, q in zip(big.shape, small.shape))
    else:
        window = tuple(slice(None) for _ in full_shape)
    exact = exact[window]
    single = prec(a.dtype) == "s" or prec(b.dtype) == "s"
    out_kind = "c" if "c" in (a.dtype.kind, b.dtype.kind) else "f"
    assert got.dtype.kind == out_kind and got.shape == exact.shape, (got.dtype, got.shape)
    # Forward error of a convolution, FFT or direct: each output is bounded by
    # ||a||_2 ||b||_2 (Cauchy-Schwarz), its error by c * eps * log2(L) times that.
    eps = EPS["s" if single else "d"]
    L = math.prod(full_shape)
    bound = 8 * eps * max(1.0, math.log2(L)) * norm2(a) * norm2(b)
    err = float(np.max(np.abs(got.astype(np.clongdouble) - exact), initial=0.0))
    assert err <= bound, (f"{func}({a.shape} {a.dtype}, {b.shape} {b.dtype}, {mode}): "
                          f"max error {err:.3e} > {bound:.3e}")
    if mode == "full":
        # ... and the theorem itself with our transforms: ifft(fft(a, L) * fft(b, L))
        axes = list(range(a.ndim))
        via_fft = fb.ifftn(fb.fftn(a, full_shape, axes) * fb.fftn(b, full_shape, axes),
                           axes=axes)
        if out_kind == "f":
            via_fft = via_fft.real
        err2 = float(np.max(np.abs(via_fft.astype(np.clongdouble) - exact), initial=0.0))
        assert err2 <= bound, f"ifft(fft*fft) of {a.shape}, {b.shape}: {err2:.3e} > {bound:.3e}"
