"""n-D transforms and unusual memory layouts / input types vs SciPy's default backend.

Every call goes through ``util.assert_matches_scipy``: result dtype and shape
equal SciPy's, values within the normwise bound (2e-15 complex128, 1e-6
complex64), and the input (plus the buffer it lives in) is left unmodified.
"""

import itertools

import numpy as np
import pytest

DTYPES = [np.complex128, np.complex64]
DTYPE_IDS = lambda d: np.dtype(d).name  # noqa: E731
SHAPE3 = (6, 5, 7)

# Every non-empty subset of the 3 axes, in every order, plus None.
AXES_3D = [None] + [
    p for r in (1, 2, 3) for c in itertools.combinations(range(3), r)
    for p in itertools.permutations(c)
]
PAIRS_3D = list(itertools.permutations(range(3), 2))


def _x3(util, dtype, shape=SHAPE3, key=3):
    return util.random_complex(shape, dtype, key=(key, *shape))


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["fftn", "ifftn"])
@pytest.mark.parametrize("axes", AXES_3D, ids=str)
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_fftn_every_axes_subset_and_order(util, dtype, axes, func, via):
    x = _x3(util, dtype)
    for norm in (None, "ortho", "forward"):
        util.assert_matches_scipy(func, x, axes=axes, norm=norm, via=via)
    if axes is not None:
        neg = tuple(a - 3 for a in axes)  # same axes spelled negatively
        util.assert_matches_scipy(func, x, axes=neg, via=via)
        # size-1 and odd/prime lengths in the same array
        y = _x3(util, dtype, shape=(8, 1, 11), key=4)
        util.assert_matches_scipy(func, y, axes=axes, via=via)


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["fft2", "ifft2"])
@pytest.mark.parametrize("axes", PAIRS_3D, ids=str)
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_fft2_every_axis_pair(util, dtype, axes, func, via):
    x = _x3(util, dtype)
    util.assert_matches_scipy(func, x, axes=axes, via=via)
    util.assert_matches_scipy(func, x, axes=axes, norm="ortho", via=via)
    util.assert_matches_scipy(func, x, s=(9, 3), axes=axes, norm="forward", via=via)


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_fft2_default_axes(util, dtype):
    x = _x3(util, dtype)
    util.assert_matches_scipy("fft2", x)
    util.assert_matches_scipy("ifft2", x)
    util.assert_matches_scipy("fft2", x[0])
    util.assert_matches_scipy("ifft2", x[:, :, 0], s=(3, 8))


@pytest.mark.parametrize("func", ["fft", "ifft"])
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_1d_along_every_axis_of_3d(util, dtype, func):
    x = _x3(util, dtype)
    for axis in range(-3, 3):
        for norm in (None, "ortho", "forward"):
            util.assert_matches_scipy(func, x, axis=axis, norm=norm)
        util.assert_matches_scipy(func, x, n=x.shape[axis] + 4, axis=axis)  # padding
        util.assert_matches_scipy(func, x, n=max(1, x.shape[axis] - 3), axis=axis)  # truncation


S_CASES = [
    # (s, axes)
    ((8, 3), (0, 2)),
    ((3, 8), (2, 0)),
    ((2, 10, 4), None),
    ((1, 1, 1), None),
    ((12,), None),                 # s without axes -> last len(s) axes
    ((4, 9), None),
    ((-1, 3), (0, 1)),             # -1 means "keep this axis' length"
    ((6, 5, 7), (0, 1, 2)),        # same as the shape
    ((13, 2), (1, 0)),
    ((17,), (1,)),
    ((1,), (2,)),
    (5, None),                     # scalar s
]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("func", ["fftn", "ifftn"])
@pytest.mark.parametrize("s, axes", S_CASES, ids=str)
@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
def test_s_padding_and_truncation(util, dtype, s, axes, func, via):
    x = _x3(util, dtype)
    util.assert_matches_scipy(func, x, s=s, axes=axes, via=via)
    util.assert_matches_scipy(func, x, s=s, axes=axes, norm="ortho", via=via)


def _layout_calls(x):
    """A battery of calls that makes sense for an array of x.ndim dims."""
    d = x.ndim
    calls = []
    for axis in range(-d, d):
        calls.append(("fft", dict(axis=axis)))
    last = x.shape[-1]
    calls += [
        ("ifft", dict(norm="ortho")),
        ("fft", dict(n=last + 3)),
        ("ifft", dict(n=max(1, last - 2), norm="forward")),
        ("fftn", dict()),
        ("ifftn", dict(axes=tuple(range(d))[::-1])),
    ]
    if d >= 2:
        calls += [
            ("fft2", dict()),
            ("ifft2", dict(axes=(-1, -2))),
            ("fft2", dict(s=(x.shape[-2] + 1, max(1, last - 1)))),
            ("ifftn", dict(axes=(0,), norm="ortho")),
        ]
    if d >= 3:
        calls.append(("fftn", dict(axes=(2, 0))))
    return calls


def _base(util, shape, dtype=np.complex128, key=11):
    return util.random_complex(shape, dtype, key=(key, *shape))


def _layouts(util):
    b1 = _base(util, (37,))
    b2 = _base(util, (9, 14))
    b3 = _base(util, (4, 6, 9))
    big = _base(util, (30, 40))
    v = _base(util, (12,))
    return {
        "c_contig_1d": b1,
        "c_contig_3d": b3,
        "c_contig_3d_c64": b3.astype(np.complex64),
        "fortran_2d": np.asfortranarray(b2),
        "fortran_3d": np.asfortranarray(b3),
        "fortran_3d_c64": np.asfortranarray(b3.astype(np.complex64)),
        "negstride_1d": b1[::-1],
        "negstride_2d": b2[::-1, ::-2],
        "negstride_3d": b3[::-1, :, ::-1],
        "negstride_c64": b2.astype(np.complex64)[:, ::-1],
        "newaxis_front": b1[np.newaxis],
        "newaxis_back": b1[:, np.newaxis],
        "newaxis_middle_c64": b2.astype(np.complex64)[:, np.newaxis, :],
        "step_view_1d": big.ravel()[5::7],
        "step_view_2d": big[1::2, ::3],
        "transposed_2d": big.T,
        "transposed_3d": b3.transpose(2, 0, 1),
        "column_slice": big[:, 3],
        "real_part_view": big.real[::2],           # float64, element stride 16 bytes
        "imag_part_view_f32": big.astype(np.complex64).imag,
        "broadcast_rows": np.broadcast_to(v, (5, 12)),
        "broadcast_cols": np.broadcast_to(v[:, None], (12, 5)),
        "broadcast_scalar": np.broadcast_to(np.complex128(1.5 - 2j), (16,)),
        "broadcast_3d": np.broadcast_to(b2[0], (3, 4, 14)),
        "broadcast_real": np.broadcast_to(v.real, (3, 12)),
        "big_endian_c16": b2.astype(">c16"),
        "big_endian_c8": b2.astype(">c8"),
        "big_endian_f8": b2.real.astype(">f8"),
        "big_endian_i4": np.round(10 * b2.real).astype(">i4"),
        "big_endian_strided": b3.astype(">c16")[:, ::-2],
        "unaligned_c16_1d": util.unaligned(b1),
        "unaligned_c16_2d": util.unaligned(b2),
        "unaligned_c8_2d": util.unaligned(b2.astype(np.complex64)),
        "unaligned_f8_2d": util.unaligned(b2.real),
        "unaligned_strided": util.unaligned(b2)[::2, ::-1],
    }


LAYOUT_NAMES = [
    "c_contig_1d", "c_contig_3d", "c_contig_3d_c64", "fortran_2d", "fortran_3d",
    "fortran_3d_c64", "negstride_1d", "negstride_2d", "negstride_3d", "negstride_c64",
    "newaxis_front", "newaxis_back", "newaxis_middle_c64", "step_view_1d", "step_view_2d",
    "transposed_2d", "transposed_3d", "column_slice", "real_part_view",
    "imag_part_view_f32", "broadcast_rows", "broadcast_cols", "broadcast_scalar",
    "broadcast_3d", "broadcast_real", "big_endian_c16", "big_endian_c8", "big_endian_f8",
    "big_endian_i4", "big_endian_strided", "unaligned_c16_1d", "unaligned_c16_2d",
    "unaligned_c8_2d", "unaligned_f8_2d", "unaligned_strided",
]


def test_layout_table_is_complete(util):
    assert sorted(_layouts(util)) == sorted(LAYOUT_NAMES)


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_layouts(util, layout, via):
    x = _layouts(util)[layout]
    if layout.startswith("unaligned"):
        assert not x.flags.aligned, "test precondition: input must be misaligned"
    if layout.startswith("broadcast"):
        assert 0 in x.strides, "test precondition: zero-stride input"
    if layout.startswith("big_endian"):
        assert x.dtype.byteorder == ">" or (
            x.dtype.byteorder == "=" and not np.little_endian
        )
    for name, kwargs in _layout_calls(x):
        util.assert_matches_scipy(name, x, via=via, what=layout, **kwargs)


LIST_INPUTS = {
    "complex_1d": lambda: [1 + 2j, -0.5j, 3.0, 2 - 1j, 0.25 + 0.75j],
    "float_1d": lambda: [1.0, 2.5, -3.0, 4.0, 0.5, 7.0, -1.0],
    "int_1d": lambda: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    "bool_1d": lambda: [True, False, True, True, False],
    "complex_2d": lambda: [[1 + 1j, 2, 3], [4, 5 - 2j, 6], [7j, 8, 9], [0, 1, -1]],
    "tuple_2d": lambda: ((1.0, 2.0), (3.0, 4.5), (-1.0, 0.0)),
    "mixed_1d": lambda: [1, 2.5, 3 + 1j],
    "single": lambda: [3 + 4j],
}


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("kind", sorted(LIST_INPUTS))
def test_list_inputs(util, kind, via):
    x = LIST_INPUTS[kind]()
    calls = [("fft", {}), ("ifft", {"norm": "ortho"}), ("fftn", {}), ("ifftn", {}),
             ("fft", {"n": 8})]
    if isinstance(x[0], (list, tuple)):
        calls += [("fft2", {}), ("ifft2", {}), ("fft", {"axis": 0})]
    for name, kwargs in calls:
        # util.call_ours checks that the list itself is left unchanged.
        util.assert_matches_scipy(name, x, via=via, **kwargs)


# Output dtype rule from the issue; also checked against SciPy's own result.
EXPECTED_OUT = {
    np.bool_: np.complex128,
    np.int8: np.complex128,
    np.int16: np.complex128,
    np.int32: np.complex128,
    np.int64: np.complex128,
    np.uint8: np.complex128,
    np.uint32: np.complex128,
    np.uint64: np.complex128,
    np.float16: np.complex64,
    np.float32: np.complex64,
    np.float64: np.complex128,
    np.complex64: np.complex64,
    np.complex128: np.complex128,
}


def _typed_input(util, dtype, shape):
    rng = util.rng(99, *shape)
    if dtype is np.bool_:
        return rng.random(shape) < 0.5
    if np.issubdtype(dtype, np.unsignedinteger):
        return rng.integers(0, 100, shape).astype(dtype)
    if np.issubdtype(dtype, np.integer):
        return rng.integers(-100, 100, shape).astype(dtype)
    if np.issubdtype(dtype, np.complexfloating):
        return util.random_complex(shape, dtype, key=(98, *shape))
    return rng.standard_normal(shape).astype(dtype)


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("dtype", list(EXPECTED_OUT), ids=lambda d: np.dtype(d).name)
def test_input_dtypes(util, dtype, via):
    out = np.dtype(EXPECTED_OUT[dtype])
    for shape in ((1,), (10,), (31,), (6, 8), (3, 4, 5)):
        x = _typed_input(util, dtype, shape)
        calls = [("fft", {}), ("ifft", {"norm": "ortho"}), ("fftn", {}), ("ifftn", {}),
                 ("fft", {"n": shape[-1] + 2}), ("fft", {"axis": 0})]
        if len(shape) >= 2:
            calls += [("fft2", {}), ("ifft2", {"s": (3, 3)})]
        for name, kwargs in calls:
            y = util.assert_matches_scipy(name, x, via=via, **kwargs)
            assert y.dtype == out, f"{name}({dtype.__name__} {shape}) -> {y.dtype}, want {out}"


ZERO_SIZE_CASES = [
    # (shape, func, kwargs): the transformed axes are non-empty, others are empty
    ((0, 8), "fft", {}),
    ((0, 8), "ifft", {"n": 5}),
    ((8, 0), "fft", {"axis": 0}),
    ((3, 0, 5), "fft", {"axis": 0}),
    ((3, 0, 5), "ifft", {"axis": 2, "norm": "ortho"}),
    ((3, 0, 5), "fftn", {"axes": (0, 2)}),
    ((3, 0, 5), "ifftn", {"axes": (2, 0), "s": (4, 2)}),
    ((3, 0, 5), "fft2", {"axes": (0, 2)}),
    ((0, 4, 6), "fft2", {}),
    ((0, 4, 6), "ifft2", {"s": (2, 9)}),
    ((0, 0, 7), "fft", {}),
    ((2, 0, 7), "fftn", {"axes": (0, 2), "s": (5, 1)}),
]


@pytest.mark.parametrize("via", ["direct", "backend"])
@pytest.mark.parametrize("dtype", [np.complex128, np.complex64, np.float64, np.int32],
                         ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("shape, func, kwargs", ZERO_SIZE_CASES, ids=str)
def test_zero_size_non_transformed_axes(util, shape, func, kwargs, dtype, via):
    x = np.zeros(shape, dtype=dtype)
    y = util.assert_matches_scipy(func, x, via=via, **kwargs)
    assert y.size == 0
