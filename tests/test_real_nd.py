"""n-D real transforms vs SciPy's default backend and long double.

* rfftn / irfftn over every subset and every order of the axes of a 3-D array
  (even and odd last dimension), all norms, ``s`` padding and truncating;
* irfftn without ``s`` loses an odd last length exactly as SciPy does, and with
  ``s`` gives the input back;
* rfft2 / irfft2 / hfft2 / ihfft2 over every axis pair, hfftn / ihfftn over
  every axes subset and order;
* accuracy of rfftn / irfftn against long double on larger shapes (Bluestein
  lengths, a long transform axis next to a short one).

Every comparison with SciPy goes through ``util.assert_matches_scipy``: same
dtype and shape, normwise error within 2e-15 (double) / 1e-6 (single), input
(and its buffer) left untouched.
"""

import itertools

import numpy as np
import pytest

import fftbackend

DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731
SHAPES = [(6, 5, 8), (6, 5, 7)]          # even and odd last dimension
SHAPE_IDS = ["even_last", "odd_last"]
AXES_3D = [None] + [
    p for r in (1, 2, 3) for c in itertools.combinations(range(3), r)
    for p in itertools.permutations(c)
]
PAIRS_3D = list(itertools.permutations(range(3), 2))
NORMS = (None, "ortho", "forward")
R2C = ("rfftn", "ihfftn")


def _input(util, func, shape, dtype_index, key):
    """Real input for r2c functions, complex (arbitrary, not Hermitian) for c2r."""
    if func in R2C or func in ("rfft2", "ihfft2"):
        dtype = (np.float64, np.float32)[dtype_index]
        return util.random_real(shape, dtype, key=(key, *shape))
    dtype = (np.complex128, np.complex64)[dtype_index]
    return util.random_complex(shape, dtype, key=(key, *shape))


def _s_variants(shape, axes):
    """s values for ``axes``: padding, truncating and mixed, on the last axis too."""
    lengths = [shape[a] for a in axes]
    k = len(lengths)
    return [
        tuple(n + 3 for n in lengths),                           # pad everything
        tuple(max(1, n - 2) for n in lengths),                   # truncate everything
        tuple(n + (2 if i % 2 else -3) if n > 3 else n + 1       # mixed
              for i, n in enumerate(lengths)),
        tuple([-1] * (k - 1) + [lengths[-1] + 1]),               # -1 keeps, last odd/even flips
        tuple([1] * k),
    ]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["rfftn", "irfftn"])
@pytest.mark.parametrize("axes", AXES_3D, ids=str)
@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
def test_rfftn_irfftn_every_axes_subset_and_order(util, shape, axes, func, via):
    for dti in (0, 1):
        x = _input(util, func, shape, dti, key=300)
        for norm in NORMS:
            util.assert_matches_scipy(func, x, axes=axes, norm=norm, via=via)
        if axes is None:
            for s in ((4, 9, 3), (3, 1), (11,)):
                util.assert_matches_scipy(func, x, s=s, via=via)
            continue
        neg = tuple(a - 3 for a in axes)   # the same axes spelled negatively
        util.assert_matches_scipy(func, x, axes=neg, via=via)
        for s in _s_variants(shape, axes):
            util.assert_matches_scipy(func, x, s=s, axes=axes, via=via)
            util.assert_matches_scipy(func, x, s=s, axes=axes, norm="ortho", via=via)


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=DTYPE_IDS)
@pytest.mark.parametrize("axes", AXES_3D, ids=str)
def test_irfftn_without_s_loses_odd_length_like_scipy(util, axes, dtype):
    """The last transformed axis has length 7 (odd): irfftn(rfftn(x)) without s
    returns 6 points there, exactly like SciPy; with s the round trip gives x."""
    x = util.random_real((6, 5, 7), dtype, key=(301,))
    X = fftbackend.rfftn(x, axes=axes)
    last = 2 if axes is None else axes[-1]
    assert X.shape[last] == x.shape[last] // 2 + 1
    z = util.assert_matches_scipy("irfftn", X, axes=axes)
    want = list(x.shape)
    want[last] = 2 * (X.shape[last] - 1)
    assert z.shape == tuple(want), (z.shape, want)
    ax = range(3) if axes is None else axes
    s = [x.shape[a] for a in ax]
    z = fftbackend.irfftn(X, s=s, axes=axes)
    assert z.dtype == np.dtype(dtype)
    util.assert_close(z, x, what=f"irfftn(rfftn(x), s={s}, axes={axes})")


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["rfft2", "irfft2", "hfft2", "ihfft2"])
@pytest.mark.parametrize("axes", PAIRS_3D, ids=str)
@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
def test_2d_functions_every_axis_pair(util, shape, axes, func, via):
    for dti in (0, 1):
        x = _input(util, func, shape, dti, key=302)
        for norm in NORMS:
            util.assert_matches_scipy(func, x, axes=axes, norm=norm, via=via)
        a, b = (shape[i] for i in axes)
        for s in ((a + 3, b + 1), (max(1, a - 2), b - 1), (-1, 2 * b + 1), (1, 1)):
            util.assert_matches_scipy(func, x, s=s, axes=axes, via=via)


@pytest.mark.parametrize("func", ["rfft2", "irfft2", "hfft2", "ihfft2"])
def test_2d_functions_default_axes(util, func):
    for shape in ((6, 5, 8), (9, 7), (1, 1), (2, 1), (1, 9)):
        for dti in (0, 1):
            x = _input(util, func, shape, dti, key=303)
            if func in ("irfft2", "hfft2") and shape[-1] == 1:
                # without s the output length would be 0: SciPy's error
                util.assert_same_outcome(func, x)
            else:
                util.assert_matches_scipy(func, x)
            util.assert_matches_scipy(func, x, s=(3, 4), norm="forward")


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["hfftn", "ihfftn"])
@pytest.mark.parametrize("axes", AXES_3D, ids=str)
@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
def test_hfftn_ihfftn_every_axes_subset_and_order(util, shape, axes, func, via):
    for dti in (0, 1):
        x = _input(util, func, shape, dti, key=304)
        for norm in NORMS:
            util.assert_matches_scipy(func, x, axes=axes, norm=norm, via=via)
        if axes is not None:
            for s in _s_variants(shape, axes)[:3]:
                util.assert_matches_scipy(func, x, s=s, axes=axes, via=via)


def test_nd_scalar_and_sequence_arguments(util):
    x = util.random_real((5, 9, 4), key=(305,))
    X = util.random_complex((5, 9, 4), key=(306,))
    util.assert_matches_scipy("rfftn", x, s=7)                   # scalar s: last axis
    util.assert_matches_scipy("irfftn", X, s=7)
    util.assert_matches_scipy("rfftn", x, axes=1)                # scalar axes
    util.assert_matches_scipy("irfftn", X, axes=0)
    util.assert_matches_scipy("hfftn", X, axes=np.array([2, 0]))
    util.assert_matches_scipy("ihfftn", x, s=np.array([3, 6]), axes=[0, 1])
    util.assert_matches_scipy("rfftn", x, s=[np.int64(4), np.int32(3)], axes=(np.int8(2), 1))
    util.assert_matches_scipy("irfftn", X, s=(2, 5))             # s without axes: last axes
    util.assert_matches_scipy("irfftn", X, s=(2, -1), axes=(0, 1))   # -1 keeps x's length
    util.assert_matches_scipy("rfftn", x, s=(-1, -1, 3))
    util.assert_matches_scipy("rfft2", x, s=[4, 4], axes=[0, 2])
    util.assert_matches_scipy("irfft2", X, s=(3, 7), axes=(2, 0))


# ---------------------------------------------------------------- accuracy (LD)
ND_ACCURACY = [
    # (shape, axes)
    ((64, 1009), None),
    ((1009, 64), (0,)),
    ((1009, 64), (1, 0)),
    ((3, 4099), None),
    ((4099, 3), (1, 0)),
    ((30, 40, 50), None),
    ((30, 40, 51), (0, 2)),
    ((97, 128, 5), (2, 0, 1)),
    ((256, 1000), None),
    ((2, 3, 2, 3, 2, 5), None),
]


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=DTYPE_IDS)
@pytest.mark.parametrize("shape, axes", ND_ACCURACY, ids=str)
def test_nd_accuracy_against_long_double(util, shape, axes, dtype):
    cdtype = np.complex128 if dtype is np.float64 else np.complex64
    x = util.random_real(shape, dtype, key=(310, *shape))
    for norm in NORMS:
        y = fftbackend.rfftn(x, axes=axes, norm=norm)
        ref = util.ld_real("rfftn", x, axes=axes, norm=norm)
        assert y.dtype == cdtype and y.shape == ref.shape
        util.assert_close(y, ref, what=f"rfftn {shape} axes={axes} norm={norm}")
    # irfftn of an exactly Hermitian n-D half-spectrum (the rfftn of real data)
    ax = list(range(len(shape))) if axes is None else list(axes)
    s = [shape[a] for a in ax]
    X = util.ld_real("rfftn", x, axes=axes).astype(cdtype)
    for norm in NORMS:
        z = fftbackend.irfftn(X, s=s, axes=axes, norm=norm)
        ref = util.ld_real("irfftn", X, s=s, axes=axes, norm=norm)
        assert z.dtype == np.dtype(dtype) and z.shape == shape
        util.assert_close(z, ref, what=f"irfftn {shape} axes={axes} norm={norm}")
    util.assert_close(fftbackend.irfftn(fftbackend.rfftn(x, axes=axes), s=s, axes=axes), x,
                      what=f"irfftn(rfftn(x)) {shape} axes={axes}")


def test_large_rfft2_matches_scipy(util):
    x = util.random_real((1024, 1030), key=(311,))
    util.assert_matches_scipy("rfft2", x)
    util.assert_matches_scipy("rfft2", x, axes=(1, 0))
    X = util.random_complex((1024, 516), key=(312,))
    util.assert_matches_scipy("irfft2", X, s=(1024, 1030))
    util.assert_matches_scipy("irfft2", X, s=(1024, 1031), norm="ortho")
