"""Hypothesis property test: random small n-D calls equal SciPy's default backend.

Random shape (1-3 dims), function, axes subset/order, s, norm, input dtype and
memory layout; the result must have SciPy's dtype and shape and agree within the
normwise bound (2e-15 complex128 / 1e-6 complex64), leaving the input unchanged.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

IN_DTYPES = [np.complex128, np.complex64, np.float64, np.float32, np.float16,
             np.int64, np.int16, np.uint8, np.bool_]
LAYOUTS = ["C", "F", "reversed", "strided", "transposed"]


@st.composite
def fft_calls(draw):
    ndim = draw(st.integers(1, 3))
    shape = tuple(draw(st.lists(st.integers(1, 12), min_size=ndim, max_size=ndim)))
    names = ["fft", "ifft", "fftn", "ifftn"] + (["fft2", "ifft2"] if ndim >= 2 else [])
    name = draw(st.sampled_from(names))
    kwargs = {"norm": draw(st.sampled_from([None, "backward", "ortho", "forward"]))}
    lengths = st.integers(1, 17)
    if name in ("fft", "ifft"):
        kwargs["axis"] = draw(st.integers(-ndim, ndim - 1))
        kwargs["n"] = draw(st.none() | lengths)
    else:
        k = 2 if name in ("fft2", "ifft2") else draw(st.integers(1, ndim))
        axes = draw(st.permutations(range(ndim)))[:k]
        if draw(st.booleans()):  # spell some axes negatively
            axes = [a - ndim if draw(st.booleans()) else a for a in axes]
        if name in ("fftn", "ifftn") and draw(st.booleans()):
            axes = None  # all axes (or the last len(s) axes)
        kwargs["axes"] = None if axes is None else tuple(axes)
        if draw(st.booleans()):
            m = k if axes is not None else draw(st.integers(1, ndim))
            kwargs["s"] = tuple(draw(st.lists(lengths | st.just(-1), min_size=m, max_size=m)))
    dtype = draw(st.sampled_from(IN_DTYPES))
    layout = draw(st.sampled_from(LAYOUTS))
    seed = draw(st.integers(0, 2**32 - 1))
    return name, shape, dtype, layout, seed, kwargs


def _make(shape, dtype, layout, seed):
    rng = np.random.default_rng(seed)
    if layout == "strided":
        full = tuple(2 * d for d in shape)
    else:
        full = shape
    z = rng.standard_normal(full) + 1j * rng.standard_normal(full)
    if dtype is np.bool_:
        x = z.real > 0
    elif np.issubdtype(dtype, np.integer):
        x = np.round(20 * z.real).astype(dtype) if np.issubdtype(dtype, np.signedinteger) \
            else np.round(20 * np.abs(z.real)).astype(dtype)
    elif np.issubdtype(dtype, np.complexfloating):
        x = z.astype(dtype)
    else:
        x = z.real.astype(dtype)
    if layout == "F":
        x = np.asfortranarray(x)
    elif layout == "reversed":
        x = x[(slice(None, None, -1),) * x.ndim]
    elif layout == "strided":
        x = x[(slice(None, None, 2),) * x.ndim]
    elif layout == "transposed":
        x = np.ascontiguousarray(np.transpose(x)).T  # same logical array, reversed strides
    assert x.shape == shape
    return x


@given(call=fft_calls())  # example count: hypothesis profile in conftest.py
def test_random_calls_match_scipy(util, call):
    name, shape, dtype, layout, seed, kwargs = call
    x = _make(shape, dtype, layout, seed)
    util.assert_matches_scipy(name, x, what=f"{shape} {np.dtype(dtype).name} {layout}", **kwargs)


@settings(max_examples=100)
@given(call=fft_calls())
def test_random_calls_through_set_backend(util, call):
    name, shape, dtype, layout, seed, kwargs = call
    x = _make(shape, dtype, layout, seed)
    util.assert_matches_scipy(name, x, via="backend", **kwargs)
