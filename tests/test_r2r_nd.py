"""n-D real-to-real transforms (dctn, idctn, dstn, idstn) vs SciPy's default backend.

* Every function and type over every subset and every order of the axes of a
  3-D array (None and the empty tuple included), float64 and float32, with
  several (norm, orthogonalize) combinations, the same axes spelled negatively,
  and ``s`` padding, truncating, mixed and -1 (keep), directly and through
  ``scipy.fft`` with fftbackend as the backend;
* Fortran-ordered, strided, negative-stride, transposed and misaligned input;
* larger shapes (long axes next to short ones, odd / prime lengths, 512x512),
  also against SciPy in long double;
* complex input, round trips idctn(dctn(x)), and workers=2 bitwise equal to 1.

Every comparison with SciPy goes through ``util.assert_matches_scipy``: same
dtype and shape, normwise error within 2e-15 (double) / 1e-6 (single), input
(and its buffer) left untouched.
"""

import itertools

import numpy as np
import pytest

import fftbackend

FUNCS = ("dctn", "idctn", "dstn", "idstn")
TYPES = (1, 2, 3, 4)
SHAPE = (5, 6, 7)
AXES_3D = [None, ()] + [
    p for r in (1, 2, 3) for c in itertools.combinations(range(3), r)
    for p in itertools.permutations(c)
]
# (norm, orthogonalize): the defaults, every normalisation, orthogonalize
# switched off under "ortho" and on without it.
NORM_COMBOS = ((None, None), ("backward", True), ("ortho", None), ("ortho", False),
               ("forward", None), ("forward", True))
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731


def _s_variants(shape, axes, type):
    """s for ``axes``: pad everything, truncate everything, mixed, -1 (keep) and
    the smallest length (2 for DCT-I, whose one-point transform SciPy refuses)."""
    lengths = [shape[a] for a in axes]
    k = len(lengths)
    smallest = 2 if type == 1 else 1
    return [
        tuple(n + 3 for n in lengths),
        tuple(max(smallest, n - 2) for n in lengths),
        tuple(n + (2 if i % 2 else -3) for i, n in enumerate(lengths)),
        tuple([-1] * (k - 1) + [lengths[-1] + 1]),
        tuple([smallest] * k),
    ]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("axes", AXES_3D, ids=str)
@pytest.mark.parametrize("func", FUNCS)
def test_every_axes_subset_and_order(util, func, axes, via):
    for dtype in (np.float64, np.float32):
        x = util.random_real(SHAPE, dtype, key=(400,))
        for type in TYPES:
            for norm, orth in NORM_COMBOS:
                util.assert_matches_scipy(func, x, type, axes=axes, norm=norm,
                                          orthogonalize=orth, via=via)
            if axes is None:
                for s in ((4, 9, 3), (3, 2), (11,)):          # s alone: the last len(s) axes
                    util.assert_matches_scipy(func, x, type, s=s, via=via)
                    util.assert_matches_scipy(func, x, type, s=s, norm="ortho", via=via)
                continue
            if axes == ():
                continue
            neg = tuple(a - 3 for a in axes)
            util.assert_matches_scipy(func, x, type, axes=neg, norm="ortho", via=via)
            for i, s in enumerate(_s_variants(SHAPE, axes, type)):
                norm, orth = NORM_COMBOS[(i + type) % len(NORM_COMBOS)]
                util.assert_matches_scipy(func, x, type, s=s, axes=axes, via=via)
                util.assert_matches_scipy(func, x, type, s=s, axes=axes, norm=norm,
                                          orthogonalize=orth, via=via)


def _layouts(util, dtype):
    big = util.random_real((11, 8, 15), dtype, key=(401,))
    return {
        "fortran": np.asfortranarray(util.random_real(SHAPE, dtype, key=(402,))),
        "strided": big[::2, 1::2, ::2],                       # (6, 4, 8)
        "negative": big[::-2, :, ::-3],                       # (6, 8, 5)
        "transposed": big.transpose(2, 0, 1),                 # (15, 11, 8)
        "middle_reversed": big[:, ::-1, :],
        "misaligned": util.unaligned(util.random_real(SHAPE, dtype, key=(403,))),
        "broadcast": np.broadcast_to(util.random_real((1, 6, 7), dtype, key=(404,)), SHAPE),
    }


LAYOUT_AXES = [None, (0,), (1,), (2,), (0, 2), (2, 1), (1, 0, 2), (2, 0, 1)]


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=DTYPE_IDS)
@pytest.mark.parametrize("func", FUNCS)
def test_fortran_strided_and_misaligned_input(util, func, dtype):
    for name, x in _layouts(util, dtype).items():
        for type in TYPES:
            for i, axes in enumerate(LAYOUT_AXES):
                norm, orth = NORM_COMBOS[(i + type) % len(NORM_COMBOS)]
                util.assert_matches_scipy(func, x, type, axes=axes, norm=norm,
                                          orthogonalize=orth, what=name)
            util.assert_matches_scipy(func, x, type, s=(9, 4), axes=(2, 0), what=name)


# ----------------------------------------------------------------------- larger shapes
LARGE = [
    # (shape, axes)
    ((64, 1009), None),
    ((1009, 64), (0,)),
    ((1009, 64), (1, 0)),
    ((3, 4099), None),
    ((4099, 3), (1, 0)),
    ((30, 40, 50), None),
    ((30, 40, 51), (0, 2)),
    ((97, 128, 5), (2, 0, 1)),
    ((512, 512), None),
    ((2, 3, 2, 3, 2, 5), None),
]


@pytest.mark.parametrize("shape, axes", LARGE, ids=str)
def test_larger_shapes(util, shape, axes):
    """Every function and type (float64) against SciPy's default backend, and
    type 2 / its inverse (both precisions) against SciPy in long double."""
    x = util.random_real(shape, np.float64, key=(410, *shape))
    for func, type in itertools.product(FUNCS, TYPES):
        norm = (None, "ortho", "forward")[type % 3]
        util.assert_matches_scipy(func, x, type, axes=axes, norm=norm)
    for dtype in (np.float64, np.float32):
        xd = x.astype(dtype)
        for func in ("dctn", "idstn"):
            for norm in (None, "ortho"):
                y = getattr(fftbackend, func)(xd, 2, axes=axes, norm=norm)
                ref = util.ld_real(func, xd, 2, axes=axes, norm=norm)
                assert y.dtype == np.dtype(dtype) and y.shape == ref.shape
                util.assert_close(y, ref, what=f"{func} {shape} axes={axes} norm={norm} "
                                               f"vs long double")


def test_float32_larger_shape(util):
    x = util.random_real((33, 257), np.float32, key=(411,))
    for func, type in itertools.product(FUNCS, TYPES):
        util.assert_matches_scipy(func, x, type)
        util.assert_matches_scipy(func, x, type, axes=(1, 0), norm="ortho")


# -------------------------------------------------------------------------- the rest
def test_complex_input(util):
    """Real and imaginary parts transformed separately; orthogonalize is ignored
    by SciPy for complex input."""
    for cdtype in (np.complex128, np.complex64):
        x = util.random_complex(SHAPE, cdtype, key=(420,))
        for func, type in itertools.product(FUNCS, TYPES):
            util.assert_matches_scipy(func, x, type)
            util.assert_matches_scipy(func, x, type, axes=(2, 0), norm="ortho")
            util.assert_matches_scipy(func, x, type, s=(4, 9), norm="forward",
                                      orthogonalize=True)


def test_round_trips(util):
    """idctn(dctn(x)) == x and idstn(dstn(x)) == x for every type, norm and
    orthogonalize, over a few axes sets."""
    for dtype in (np.float64, np.float32):
        x = util.random_real(SHAPE, dtype, key=(430,))
        for kind, type, (norm, orth), axes in itertools.product(
                ("dct", "dst"), TYPES, NORM_COMBOS, (None, (1,), (2, 0))):
            fwd = getattr(fftbackend, kind + "n")(x, type, axes=axes, norm=norm,
                                                  orthogonalize=orth)
            z = getattr(fftbackend, "i" + kind + "n")(fwd, type, axes=axes, norm=norm,
                                                      orthogonalize=orth)
            assert z.dtype == np.dtype(dtype) and z.shape == SHAPE
            util.assert_close(z, x, what=f"i{kind}n({kind}n(x)) type={type} norm={norm} "
                                         f"orth={orth} axes={axes}")


def test_scalar_and_sequence_arguments(util):
    x = util.random_real((5, 9, 4), key=(440,))
    util.assert_matches_scipy("dctn", x, s=7)                       # scalar s: last axis
    util.assert_matches_scipy("idstn", x, 3, axes=1)                # scalar axes
    util.assert_matches_scipy("dstn", x, 4, axes=np.array([2, 0]))
    util.assert_matches_scipy("idctn", x, 1, s=np.array([3, 6]), axes=[0, 1])
    util.assert_matches_scipy("dctn", x, 2, s=[np.int64(4), np.int32(3)], axes=(np.int8(2), 1))
    util.assert_matches_scipy("dstn", x, 1, s=(2, 5))               # s without axes: last axes
    util.assert_matches_scipy("idctn", x, 4, s=(2, -1), axes=(0, 1))
    util.assert_matches_scipy("dctn", x, 3, s=(-1, -1, 3), norm="ortho", orthogonalize=False)


def test_workers_bitwise_equal_to_one_worker(util):
    for dtype in (np.float64, np.float32):
        x = util.random_real((40, 33, 17), dtype, key=(450,))
        for func, type in itertools.product(FUNCS, TYPES):
            for axes in (None, (0, 2), (1,)):
                one = getattr(fftbackend, func)(x, type, axes=axes, workers=1)
                for workers in (2, -1):
                    y = getattr(fftbackend, func)(x, type, axes=axes, workers=workers)
                    assert y.tobytes() == one.tobytes(), (func, type, axes, workers)
        util.assert_matches_scipy("dctn", x, 2, workers=2)
