"""DCT/DST along an axis of adjacent columns (fb_dct_tmpl.h transforms them in tiles of 4V
columns) against SciPy's backend: whole tiles, a partial tile left over, columns that are not
adjacent, in place (the later axes of dctn), and columns too long for a tile."""
import numpy as np
import pytest
import scipy.fft

import fftbackend

RNG = np.random.default_rng(11)


def _ref(name, x, **kw):
    with scipy.fft.set_backend("scipy", only=True):
        return getattr(scipy.fft, name)(x, **kw)


def _err(a, b):
    return np.linalg.norm(a - b) / np.linalg.norm(b)


def _bound(dtype):
    return 2e-15 if np.dtype(dtype) == np.float64 else 1e-6


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name", ["dct", "idct", "dst", "idst"])
@pytest.mark.parametrize("type_", [1, 2, 3, 4])
@pytest.mark.parametrize("shape,view", [
    ((96, 70), None),                # two tiles of 32 (V = 8) and a partial one
    ((33, 200), None),
    ((64, 130), "every_other"),      # columns two values apart: no tile
    ((50, 70), "reversed"),          # negative column stride
])
def test_axis0_columns(dtype, name, type_, shape, view):
    x = RNG.standard_normal(shape).astype(dtype)
    if view == "every_other":
        x = x[:, ::2]
    elif view == "reversed":
        x = x[:, ::-1]
    for norm in (None, "ortho"):
        ours = getattr(fftbackend, name)(x, type=type_, axis=0, norm=norm)
        ref = _ref(name, x, type=type_, axis=0, norm=norm)
        assert ours.dtype == ref.dtype
        assert _err(ours, ref) < _bound(dtype)


@pytest.mark.parametrize("name", ["dctn", "idctn", "dstn", "idstn"])
@pytest.mark.parametrize("type_", [1, 2, 3, 4])
def test_nd_in_place_columns(name, type_):
    """The second axis of an N-D transform works in place on the output."""
    x = RNG.standard_normal((3, 80, 72))
    for axes in [(1, 2), (2, 1), (0, 1), None]:
        ours = getattr(fftbackend, name)(x, type=type_, axes=axes)
        ref = _ref(name, x, type=type_, axes=axes)
        assert _err(ours, ref) < 2e-15


def test_columns_too_long_for_a_tile():
    """Columns of 20000 values: the tile would exceed its size limit; groups go directly."""
    x = RNG.standard_normal((20000, 40))
    ours = fftbackend.dct(x, axis=0)
    assert _err(ours, _ref("dct", x, axis=0)) < 2e-15


def test_tiles_agree_with_single_columns():
    """A column transformed inside a tile agrees with the same column transformed alone (by
    the single-line path: another algorithm, so to rounding only)."""
    x = RNG.standard_normal((128, 64))
    whole = fftbackend.dct(x, axis=0)
    for j in (0, 17, 63):
        alone = fftbackend.dct(np.ascontiguousarray(x[:, j:j + 1]), axis=0)[:, 0]
        np.testing.assert_allclose(whole[:, j], alone, rtol=0, atol=1e-12 * np.abs(alone).max())
