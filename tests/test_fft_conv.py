"""fftbackend.fft_conv: torch.nn.functional.conv1d/2d/3d semantics (a
cross-correlation with padding, stride, dilation, groups and bias) computed
with fftbackend's real FFTs.

Results are compared with a direct reference written here independently of
the implementation: explicit zero padding (np.pad), then a loop over the
kernel offsets accumulating np.einsum of the shifted, strided, dilated slices
of the padded signal, in float64, with groups handled by reshaping the
channel axes.  Normwise relative error ||got - ref|| / ||ref|| <= 1e-10 for
float64 results and 1e-4 for float32 ones.  When torch is installed, one test
also compares with torch itself.
"""
import itertools

import numpy as np
import pytest
import scipy.fft

import fftbackend
from fftbackend import _fftconv

fft_conv = fftbackend.fft_conv

TOL = {np.dtype(np.float64): 1e-10, np.dtype(np.float32): 1e-4}


# --------------------------------------------------------------------------
# the reference

def _tuple(v, d):
    return tuple(v) if isinstance(v, (tuple, list)) else (v,) * d


def reference(signal, kernel, bias=None, padding=0, stride=1, dilation=1, groups=1):
    """Direct cross-correlation in float64, torch's conventions."""
    k = np.asarray(kernel, dtype=np.float64)
    x = np.asarray(signal, dtype=np.float64)
    d = k.ndim - 2
    unbatched = x.ndim == d + 1
    if unbatched:
        x = x[None]
    stride, dilation = _tuple(stride, d), _tuple(dilation, d)
    ksize = k.shape[2:]
    if padding == "valid":
        pads = [(0, 0)] * d
    elif padding == "same":
        pads = []
        for dl, n in zip(dilation, ksize):
            total = dl * (n - 1)
            pads.append((total // 2, total - total // 2))
    else:
        pads = [(p, p) for p in _tuple(padding, d)]
    xp = np.pad(x, [(0, 0), (0, 0)] + pads)
    nb, cin = xp.shape[:2]
    cout, ci = k.shape[:2]
    co = cout // groups
    out_size = [(xp.shape[2 + a] - dilation[a] * (ksize[a] - 1) - 1) // stride[a] + 1
                for a in range(d)]
    assert min(out_size) >= 1
    xg = xp.reshape((nb, groups, ci) + xp.shape[2:])
    kg = k.reshape((groups, co, ci) + ksize)
    out = np.zeros((nb, groups, co) + tuple(out_size))
    for j in itertools.product(*[range(n) for n in ksize]):
        window = tuple(slice(dilation[a] * j[a],
                             dilation[a] * j[a] + stride[a] * (out_size[a] - 1) + 1,
                             stride[a]) for a in range(d))
        out += np.einsum("bgi...,gci->bgc...", xg[(Ellipsis,) + window],
                         kg[(Ellipsis,) + j])
    out = out.reshape((nb, cout) + tuple(out_size))
    if bias is not None:
        out += np.asarray(bias, dtype=np.float64).reshape((cout,) + (1,) * d)
    return out[0] if unbatched else out


def rel_err(got, ref):
    ref = np.asarray(ref, dtype=np.float64)
    diff = np.asarray(got, dtype=np.float64) - ref
    den = np.linalg.norm(ref)
    return np.linalg.norm(diff) / den if den else np.linalg.norm(diff)


def check(signal, kernel, bias=None, *, dtype=None, what="", **kwargs):
    """fft_conv against the reference: shape, dtype, values; the inputs must
    be left untouched.  Returns the error."""
    saved = [np.array(a, copy=True) for a in (signal, kernel, bias) if a is not None]
    got = fft_conv(signal, kernel, bias, **kwargs)
    for before, after in zip(saved, (a for a in (signal, kernel, bias) if a is not None)):
        assert np.array_equal(before, np.asarray(after)), f"{what}: an input was modified"
    ref = reference(signal, kernel, bias, **kwargs)
    assert isinstance(got, np.ndarray)
    assert got.shape == ref.shape, f"{what} {kwargs}: shape {got.shape} != {ref.shape}"
    if dtype is not None:
        assert got.dtype == np.dtype(dtype), f"{what} {kwargs}: dtype {got.dtype} != {dtype}"
    assert got.flags.c_contiguous
    err = rel_err(got, ref)
    tol = TOL[got.dtype]
    assert err <= tol, f"{what} {kwargs}: relative error {err:.3e} > {tol:.0e}"
    return err


def rng(*key):
    return np.random.default_rng([20240611, *key])


def data(shape, dtype=np.float64, key=0):
    return rng(key, *shape).standard_normal(shape).astype(dtype)


# --------------------------------------------------------------------------
# values

CASES = [
    # (signal shape, kernel shape, kwargs)
    # 1-D
    ((2, 3, 50), (4, 3, 5), {}),
    ((1, 1, 7), (1, 1, 7), {}),
    ((1, 1, 1), (1, 1, 1), {}),
    ((2, 3, 50), (4, 3, 5), dict(padding=2)),
    ((2, 3, 50), (4, 3, 5), dict(padding=(3,))),
    ((2, 3, 50), (4, 3, 5), dict(padding="valid")),
    ((2, 3, 50), (4, 3, 5), dict(padding="same")),
    ((2, 3, 50), (4, 3, 4), dict(padding="same")),
    ((2, 3, 50), (4, 3, 4), dict(padding="same", dilation=3)),
    ((2, 3, 51), (2, 3, 6), dict(padding="same", dilation=2)),
    ((2, 3, 50), (4, 3, 5), dict(stride=2)),
    ((2, 3, 50), (4, 3, 5), dict(stride=3, padding=4)),
    ((2, 3, 50), (4, 3, 5), dict(stride=7, padding=1)),
    ((2, 3, 50), (4, 3, 5), dict(dilation=2)),
    ((2, 3, 50), (4, 3, 5), dict(dilation=3, padding=5, stride=2)),
    ((2, 4, 40), (6, 2, 3), dict(groups=2, padding=1)),
    ((3, 4, 40), (4, 1, 3), dict(groups=4, padding=1)),            # depthwise
    ((3, 4, 40), (8, 1, 3), dict(groups=4, stride=2)),             # depthwise, multiplier 2
    ((1, 2, 5), (3, 2, 9), dict(padding=4)),                       # kernel > signal
    ((1, 2, 5), (3, 2, 9), dict(padding=6, stride=2, dilation=1)),
    ((2, 2, 3), (1, 2, 4), dict(padding=20, stride=3)),            # mostly padding
    ((1, 2, 100), (2, 2, 5), dict(padding=40, stride=3)),          # shifted whole transform
    # 2-D
    ((2, 3, 17, 19), (4, 3, 3, 5), {}),
    ((2, 3, 17, 19), (4, 3, 3, 5), dict(padding=1)),
    ((2, 3, 17, 19), (4, 3, 3, 5), dict(padding=(2, 0))),
    ((2, 3, 17, 19), (4, 3, 3, 4), dict(padding="same")),
    ((2, 3, 17, 19), (4, 3, 2, 2), dict(padding="same", dilation=(1, 2))),
    ((2, 3, 17, 19), (4, 3, 3, 3), dict(stride=(2, 3), padding=1)),
    ((2, 3, 17, 19), (4, 3, 3, 3), dict(dilation=(2, 3))),
    ((2, 3, 17, 19), (4, 3, 3, 3), dict(stride=2, dilation=2, padding=(3, 1))),
    ((2, 4, 12, 11), (6, 2, 3, 3), dict(groups=2, padding=1)),
    ((1, 6, 12, 11), (6, 1, 3, 3), dict(groups=6, padding=1, stride=2)),
    ((1, 1, 4, 3), (2, 1, 6, 5), dict(padding=(3, 2))),             # kernel > signal
    ((2, 3, 32, 32), (8, 3, 7, 7), dict(padding=3, stride=2)),
    # 3-D
    ((2, 2, 7, 8, 9), (3, 2, 3, 3, 3), {}),
    ((2, 2, 7, 8, 9), (3, 2, 3, 2, 3), dict(padding=1)),
    ((1, 2, 7, 8, 9), (3, 2, 3, 3, 2), dict(padding="same")),
    ((2, 2, 7, 8, 9), (3, 2, 3, 3, 3), dict(stride=(1, 2, 3), padding=(1, 0, 2))),
    ((1, 2, 9, 8, 9), (2, 2, 2, 3, 2), dict(dilation=(3, 1, 2), padding=1)),
    ((1, 4, 6, 6, 6), (4, 2, 3, 3, 3), dict(groups=2, stride=2, padding=1)),
    ((1, 3, 6, 5, 4), (3, 1, 2, 2, 2), dict(groups=3)),
]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("xs, ks, kwargs", CASES,
                         ids=[f"{xs}-{ks}-{kw}" for xs, ks, kw in CASES])
@pytest.mark.parametrize("with_bias", [False, True])
def test_against_reference(xs, ks, kwargs, dtype, with_bias):
    x = data(xs, dtype, 1)
    k = data(ks, dtype, 2)
    b = data((ks[0],), dtype, 3) if with_bias else None
    check(x, k, b, dtype=dtype, **kwargs)


def test_random_sweep():
    """Many small random configurations, with and without forced tiling."""
    gen = rng(99)
    tested = 0
    for trial in range(160):
        d = int(gen.integers(1, 4))
        groups = int(gen.choice([1, 2, 3]))
        ci, co, nb = (int(v) for v in gen.integers(1, 3, 3))
        ks = tuple(int(v) for v in gen.integers(1, 5 if d < 3 else 4, d))
        dilation = tuple(int(v) for v in gen.integers(1, 4, d))
        stride = tuple(int(v) for v in gen.integers(1, 4, d))
        length = tuple(int(v) for v in gen.integers(1, {1: 60, 2: 20, 3: 9}[d], d))
        padding = tuple(int(v) for v in gen.integers(0, 5, d))
        extent = [dl * (n - 1) + 1 for dl, n in zip(dilation, ks)]
        if any(n + 2 * p < e for n, p, e in zip(length, padding, extent)):
            continue
        x = gen.standard_normal((nb, ci * groups) + length)
        k = gen.standard_normal((co * groups, ci) + ks)
        b = gen.standard_normal(co * groups) if trial % 2 else None
        kwargs = dict(padding=padding, stride=stride, dilation=dilation, groups=groups)
        check(x, k, b, dtype=np.float64, what=f"trial {trial}", **kwargs)
        tested += 1
    assert tested > 80


@pytest.mark.parametrize("cache_points", [16, 64, 300])
def test_forced_tiling(monkeypatch, cache_points):
    """A tiny cache budget forces overlap-save tiles along every axis, with
    strides, dilation, padding and groups."""
    monkeypatch.setattr(_fftconv, "_CACHE_POINTS", cache_points)
    monkeypatch.setattr(_fftconv, "_MIN_TILE", 2)
    _fftconv._plan.cache_clear()
    _fftconv._geometry.cache_clear()
    gen = rng(7, cache_points)
    tiled = 0
    for trial in range(40):
        d = int(gen.integers(1, 4))
        length = tuple(int(v) for v in gen.integers(8, {1: 120, 2: 30, 3: 12}[d], d))
        ks = tuple(int(v) for v in gen.integers(1, 5, d))
        dilation = tuple(int(v) for v in gen.integers(1, 3, d))
        stride = tuple(int(v) for v in gen.integers(1, 3, d))
        padding = tuple(int(v) for v in gen.integers(0, 3, d))
        if any(n + 2 * p < dl * (q - 1) + 1
               for n, p, dl, q in zip(length, padding, dilation, ks)):
            continue
        x = gen.standard_normal((2, 4) + length)
        k = gen.standard_normal((2, 2) + ks)
        bias = gen.standard_normal(2)
        kwargs = dict(padding=padding, stride=stride, dilation=dilation, groups=2)
        check(x, k, bias, dtype=np.float64, what=f"trial {trial}", **kwargs)
        geometry = _fftconv._geometry(x.shape, k.shape, padding, stride, dilation, 8,
                                      cache_points)
        tiled += any(n > 1 for n in geometry.view_shape[1:1 + d])
    _fftconv._plan.cache_clear()
    _fftconv._geometry.cache_clear()
    assert tiled >= 15


def _tiles(x, k, padding=0, stride=1, dilation=1):
    """The number of tiles per axis fft_conv uses."""
    d = k.ndim - 2
    g = _fftconv._geometry(x.shape, k.shape, _fftconv._padding_arg(padding, d),
                           _tuple(stride, d), _tuple(dilation, d), x.dtype.itemsize,
                           _fftconv._CACHE_POINTS)
    return g.view_shape[1:1 + d]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_long_1d_signal_is_tiled(dtype):
    x = data((2, 2, 300_000), dtype, 4)
    k = data((3, 2, 33), dtype, 5)
    assert _tiles(x, k, padding=16)[0] > 1
    check(x, k, data((3,), dtype, 6), dtype=dtype, padding=16)
    assert _tiles(x, k, stride=3)[0] > 1
    check(x, k, dtype=dtype, stride=3)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_2d_signal_is_tiled(dtype):
    x = data((1, 2, 520, 610), dtype, 7)
    k = data((2, 2, 5, 4), dtype, 8)
    assert all(n > 1 for n in _tiles(x, k, padding=2))
    check(x, k, dtype=dtype, padding=2)
    check(x, k, dtype=dtype, padding=(1, 3), dilation=(2, 1))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_issue_benchmark_case(dtype):
    """signal (3, 3, 4096), kernel (2, 3, 1025), padding 512 (the issue's
    benchmark); its whole-axis transform skips the leading zeros."""
    x = data((3, 3, 4096), dtype, 9)
    k = data((2, 3, 1025), dtype, 10)
    b = data((2,), dtype, 11)
    check(x, k, b, dtype=dtype, padding=512)
    g = _fftconv._geometry(x.shape, k.shape, (512,), (1,), (1,), x.dtype.itemsize,
                           _fftconv._CACHE_POINTS)
    assert g.view_shape[-1] < 4096 + 2 * 512 and g.view_shape[1] == 1


def test_unbatched():
    x = data((3, 40), key=12)
    k = data((4, 3, 5), key=13)
    b = data((4,), key=14)
    got = fft_conv(x, k, b, padding=2, stride=2)
    assert got.shape == (4, 20)
    np.testing.assert_array_equal(got, fft_conv(x[None], k, b, padding=2, stride=2)[0])
    check(x, k, b, padding=2, stride=2)
    x2 = data((2, 9, 8), key=15)
    k2 = data((3, 2, 3, 3), key=16)
    assert fft_conv(x2, k2, padding="same").shape == (3, 9, 8)
    check(x2, k2, padding="same")


def test_batch_entries_are_independent():
    x = data((5, 2, 30), key=17)
    k = data((3, 2, 4), key=18)
    full = fft_conv(x, k, padding=1)
    for i in range(5):
        np.testing.assert_allclose(fft_conv(x[i:i + 1], k, padding=1)[0], full[i],
                                   rtol=1e-12, atol=1e-12)


def test_same_padding_keeps_the_size():
    for d, (ks, dil) in itertools.product((1, 2, 3), [((3,), 1), ((4,), 1), ((4,), 2),
                                                      ((2,), 3), ((1,), 1)]):
        x = data((1, 2) + (7,) * d, key=19)
        k = data((2, 2) + ks * d, key=20)
        got = fft_conv(x, k, padding="same", dilation=dil)
        assert got.shape == (1, 2) + (7,) * d
        check(x, k, padding="same", dilation=dil)


def test_noncontiguous_inputs():
    base = data((4, 6, 70), key=21)
    kbase = data((5, 6, 8), key=22)
    views = {
        "strided": (base[::2, ::2, ::3], kbase[:, ::2, ::2]),
        "negative": (base[::-1, :3, ::-1], kbase[::-1, :3, ::-1]),
        "transposed": (np.ascontiguousarray(base.transpose(2, 1, 0)).transpose(2, 1, 0),
                       np.asfortranarray(kbase)),
        "fortran": (np.asfortranarray(base[:, :3]), kbase[:, :3]),
    }
    for name, (x, k) in views.items():
        check(x, k, dtype=np.float64, what=name, padding=2, stride=2)
    x2 = data((3, 11, 2, 13), key=23).transpose(0, 2, 1, 3)     # (3, 2, 11, 13)
    k2 = data((3, 3, 2, 4), key=24).transpose(0, 2, 3, 1)[..., ::-1]
    check(x2, k2, padding=1)
    big = data((2, 3, 40), key=25).astype(">f8")                 # byte-swapped
    check(big, data((2, 3, 5), key=26).astype(">f4"), dtype=np.float64, padding=1)
    ro = data((2, 3, 40), key=27)
    ro.flags.writeable = False
    check(ro, data((2, 3, 5), key=28), padding=1)


@pytest.mark.parametrize("xdtype, kdtype, expected", [
    (np.float32, np.float32, np.float32),
    (np.float64, np.float64, np.float64),
    (np.float16, np.float16, np.float32),
    (np.float16, np.float32, np.float32),
    (np.float32, np.float64, np.float64),
    (np.float64, np.float32, np.float64),
    (np.int64, np.int64, np.float64),
    (np.int32, np.float32, np.float64),
    (np.int16, np.float64, np.float64),
    (np.uint8, np.int8, np.float64),
    (np.bool_, np.bool_, np.float64),
    (np.longdouble, np.float64, np.float64),
])
def test_dtypes(xdtype, kdtype, expected):
    gen = rng(30)
    x = (gen.standard_normal((2, 3, 30)) * 4).astype(xdtype)
    k = (gen.standard_normal((2, 3, 5)) * 4).astype(kdtype)
    check(x, k, dtype=expected, padding=2)
    check(x[0], k, dtype=expected, stride=2)


def test_bias_dtype_and_lists():
    x = data((1, 2, 20), np.float32, 31)
    k = data((3, 2, 3), np.float32, 32)
    assert fft_conv(x, k, np.ones(3, np.float32)).dtype == np.float32
    assert fft_conv(x, k, np.ones(3, np.float64)).dtype == np.float64
    check(x.tolist(), k.tolist(), [1, 2, 3], dtype=np.float64, padding=1)


def test_workers_context():
    x = data((2, 3, 500), key=33)
    k = data((4, 3, 31), key=34)
    single = fft_conv(x, k, padding=5)
    with scipy.fft.set_workers(2):
        np.testing.assert_allclose(fft_conv(x, k, padding=5), single, rtol=1e-12, atol=1e-12)


def test_empty_cases():
    k = data((3, 2, 4), key=35)
    assert fft_conv(np.zeros((0, 2, 10)), k).shape == (0, 3, 7)
    assert fft_conv(np.zeros((2, 2, 10)), np.zeros((0, 2, 4))).shape == (2, 0, 7)
    # no input channels: the output is the bias
    got = fft_conv(np.zeros((2, 0, 10)), np.zeros((3, 0, 4)), np.array([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(got, np.broadcast_to([[1.0], [2.0], [3.0]], (2, 3, 7)))
    # an empty signal with enough padding
    check(np.zeros((1, 2, 0)), k, padding=2)


def test_zero_and_impulse():
    k = data((2, 1, 5), key=36)
    assert not fft_conv(np.zeros((1, 1, 30)), k).any()
    x = np.zeros((1, 1, 30))
    x[0, 0, 10] = 1.0
    got = fft_conv(x, k)
    # correlation, not convolution: the kernel appears reversed
    np.testing.assert_allclose(got[0, :, 6:11], k[:, 0, ::-1], atol=1e-14)


# --------------------------------------------------------------------------
# the channel product (to be replaced by a C kernel: its layout is tested)

@pytest.mark.parametrize("nb, cin, cout, groups", [
    (1, 1, 1, 1), (3, 3, 2, 1), (2, 4, 6, 2), (3, 4, 4, 4), (40, 3, 2, 1),
    (40, 4, 8, 2), (8, 16, 12, 1), (5, 32, 32, 2), (1, 64, 64, 1)])
@pytest.mark.parametrize("dtype", [np.complex128, np.complex64])
def test_channel_product(nb, cin, cout, groups, dtype):
    gen = rng(37, nb, cin, cout)
    shape = (5, 7)
    X = (gen.standard_normal((nb, cin) + shape)
         + 1j * gen.standard_normal((nb, cin) + shape)).astype(dtype)
    K = (gen.standard_normal((cout, cin // groups) + shape)
         + 1j * gen.standard_normal((cout, cin // groups) + shape)).astype(dtype)
    Y = _fftconv._channel_product(X, K, groups)
    ci, co = cin // groups, cout // groups
    ref = np.einsum("bgif,gcif->bgcf",
                    X.reshape(nb, groups, ci, -1).astype(np.complex128),
                    K.reshape(groups, co, ci, -1).astype(np.complex128))
    assert Y.shape == (nb, cout) + shape and Y.dtype == dtype
    assert rel_err(Y.reshape(nb, groups, co, -1).view(np.float64 if dtype == np.complex128
                                                      else np.float32),
                   ref.view(np.float64)) <= (1e-14 if dtype == np.complex128 else 1e-6)


def test_good_sizes():
    for n in range(1, 3000):
        g = _fftconv._good_size(n)
        assert g >= n and g % 2 == 0
        m = g
        for p in (2, 3, 5, 7):
            while m % p == 0:
                m //= p
        assert m == 1, (n, g)
        assert all(not _is_even_smooth(c) for c in range(max(n, 2), g)), (n, g)


def _is_even_smooth(n):
    if n % 2:
        return False
    for p in (2, 3, 5, 7):
        while n % p == 0:
            n //= p
    return n == 1


# --------------------------------------------------------------------------
# errors

X1 = np.zeros((2, 4, 20))
K1 = np.zeros((6, 4, 3))


@pytest.mark.parametrize("args, kwargs, exc, match", [
    ((np.zeros((4, 20)), np.zeros((6, 4))), {}, ValueError, "kernel"),
    ((np.zeros(20), K1), {}, ValueError, "dimensions"),
    ((np.zeros((1, 2, 4, 20)), K1), {}, ValueError, "dimensions"),
    ((np.zeros((2, 4, 5, 5)), K1), {}, ValueError, "dimensions"),
    ((np.zeros((2, 3, 20)), K1), {}, ValueError, "channels"),
    ((X1, np.zeros((6, 2, 3))), {}, ValueError, "channels"),
    ((X1, np.zeros((6, 2, 3))), dict(groups=3), ValueError, "divisible"),
    ((X1, np.zeros((5, 2, 3))), dict(groups=2), ValueError, "divisible"),
    ((X1, K1), dict(groups=0), ValueError, "groups"),
    ((X1, K1), dict(groups=-1), ValueError, "groups"),
    ((X1, K1), dict(groups=1.0), TypeError, "groups"),
    ((X1, K1, np.zeros(5)), {}, ValueError, "bias"),
    ((X1, K1, np.zeros((6, 1))), {}, ValueError, "bias"),
    ((X1, K1, np.zeros(())), {}, ValueError, "bias"),
    ((X1, K1), dict(stride=0), ValueError, "stride"),
    ((X1, K1), dict(stride=-2), ValueError, "stride"),
    ((X1, K1), dict(stride=(1, 1)), ValueError, "stride"),
    ((X1, K1), dict(stride=1.5), TypeError, "stride"),
    ((X1, K1), dict(stride="2"), TypeError, "stride"),
    ((X1, K1), dict(dilation=0), ValueError, "dilation"),
    ((X1, K1), dict(dilation=(-1,)), ValueError, "dilation"),
    ((X1, K1), dict(padding=-1), ValueError, "padding"),
    ((X1, K1), dict(padding=(1, 2)), ValueError, "padding"),
    ((X1, K1), dict(padding=0.5), TypeError, "padding"),
    ((X1, K1), dict(padding="full"), ValueError, "padding"),
    ((X1, K1), dict(padding=None), TypeError, "padding"),
    ((X1, K1), dict(padding="same", stride=2), ValueError, "strided"),
    ((np.zeros((2, 4, 5, 6)), np.zeros((6, 4, 3, 3))), dict(padding="same", stride=(1, 2)),
     ValueError, "strided"),
    ((X1, np.zeros((6, 4, 21))), {}, ValueError, "exceeds"),
    ((X1, np.zeros((6, 4, 8))), dict(dilation=3), ValueError, "exceeds"),
    ((np.zeros((2, 4, 5, 6)), np.zeros((6, 4, 3, 9))), dict(padding=(0, 1)), ValueError,
     "exceeds"),
    ((X1, np.zeros((6, 4, 0))), {}, ValueError, "kernel"),
    ((X1.astype(complex), K1), {}, TypeError, "complex"),
    ((X1, K1.astype(np.complex64)), {}, TypeError, "complex"),
    ((X1, K1, np.zeros(6, complex)), {}, TypeError, "complex"),
    ((X1.astype(object), K1), {}, TypeError, "signal"),
    ((np.array("abc"), K1), {}, TypeError, "signal"),
    (([[1, 2], [3]], K1), {}, TypeError, "signal"),
])
def test_errors(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        fft_conv(*args, **kwargs)


# --------------------------------------------------------------------------
# torch, when available

def test_against_torch():
    torch = pytest.importorskip("torch")
    functional = torch.nn.functional
    convs = {1: functional.conv1d, 2: functional.conv2d, 3: functional.conv3d}
    cases = [
        ((2, 4, 37), (6, 2, 5), dict(padding=2, stride=2, dilation=1, groups=2)),
        ((2, 4, 37), (4, 4, 4), dict(padding="same", dilation=3)),
        ((1, 3, 20, 17), (5, 3, 3, 4), dict(padding=(1, 2), stride=(2, 1), dilation=(1, 2))),
        ((2, 4, 16, 16), (4, 1, 3, 3), dict(padding="same", groups=4)),
        ((1, 2, 8, 9, 10), (3, 2, 3, 2, 3), dict(padding=1, stride=(1, 2, 3))),
        ((3, 3, 4096), (2, 3, 1025), dict(padding=512)),
    ]
    for xs, ks, kwargs in cases:
        x = data(xs, key=40)
        k = data(ks, key=41)
        b = data((ks[0],), key=42)
        expected = convs[len(ks) - 2](torch.from_numpy(x), torch.from_numpy(k),
                                      torch.from_numpy(b), **kwargs).numpy()
        got = fft_conv(x, k, b, **kwargs)
        assert got.shape == expected.shape
        assert rel_err(got, expected) <= 1e-10, (xs, ks, kwargs)
