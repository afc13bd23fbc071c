"""Byte strides beyond 32 bits, cheaply: views whose neighbouring elements (or lines) are just
over 2^31 bytes apart, in a large reserved but untouched mapping (only the pages the test writes
become memory). Input and output (overwrite_x in place, and the binding's `out`) along huge
strides, for fft/ifft/rfft/irfft/dct/dst/fftn, and 2-D views with a huge stride on the axis
that is not transformed; all against SciPy's own backend.

test_more_than_2_31_elements (opt-in: FFTBACKEND_BIG=1, needs about 9 GB) transforms an array
of more than 2^31 elements.
"""
import mmap
import os
import sys

import numpy as np
import pytest

import fftbackend
from fftbackend import _core

GAP = 2 ** 31 + 16   # bytes between neighbours: past int32 and uint32 offsets alike
MAP_NORESERVE = 0x4000   # Linux (x86-64, arm64): reserve address space, not memory


def _arena(nbytes):
    """A zeroed writable uint8 array of nbytes whose untouched pages cost no memory."""
    if sys.platform == "linux":
        flags = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | MAP_NORESERVE
        try:
            return np.frombuffer(mmap.mmap(-1, nbytes, flags=flags), np.uint8)
        except OSError:
            pass
    try:
        return np.zeros(nbytes, np.uint8)   # calloc: pages untouched until written
    except MemoryError:
        pytest.skip(f"cannot reserve {nbytes >> 30} GiB of address space")


def _huge(shape, dtype, gaps, offset=0):
    """A view of `shape` whose axis d steps gaps[d] bytes (None: packed after the later axes),
    in a fresh arena."""
    dtype = np.dtype(dtype)
    strides, step = [0] * len(shape), dtype.itemsize
    for d in reversed(range(len(shape))):
        strides[d] = gaps[d] if gaps[d] is not None else step
        step = strides[d] * shape[d]
    span = offset + sum((n - 1) * s for n, s in zip(shape, strides)) + dtype.itemsize
    arena = _arena(span)
    return np.ndarray(shape, dtype, buffer=arena, offset=offset, strides=strides)


def _match(util, name, x, what="", **kw):
    """fftbackend.<name> against SciPy's own backend: dtype, shape, values, input untouched.
    (Not util.assert_matches_scipy: its snapshot copies the whole arena.)"""
    keep = x.copy()
    got = getattr(fftbackend, name)(x, **kw)
    ref = util.scipy_default(name, x, **kw)
    assert (got.dtype, got.shape) == (ref.dtype, ref.shape), what
    assert x.tobytes() == keep.tobytes(), f"{what}: input modified"
    util.assert_close(got, ref, what=what or name)


def _fill(util, x, key):
    if x.dtype.kind == "c":
        x[...] = util.random_complex(x.shape, x.dtype, key=key)
    else:
        x[...] = util.random_real(x.shape, x.dtype, key=key)
    return x


@pytest.mark.parametrize("dtype", [np.complex128, np.complex64])
def test_c2c_along_huge_strides(util, dtype):
    x = _fill(util, _huge((12,), dtype, [GAP]), (950,))
    assert x.strides[0] > 2 ** 31
    for name, kw in (("fft", {}), ("ifft", {"norm": "ortho"}), ("fft", {"n": 15})):
        _match(util, name, x, what=f"{name} stride {x.strides}", **kw)
    # output along the huge stride: in place
    ref = util.scipy_default("fft", x)
    y = fftbackend.fft(x, overwrite_x=True)
    assert np.shares_memory(y, x) and y.strides == x.strides   # it did write there
    util.assert_close(y, ref, what="fft in place")
    # the binding's out: a second huge view, input contiguous
    src = util.random_complex((12,), dtype, key=(951,))
    out = _huge((12,), dtype, [GAP], offset=64)
    _core.c2c(src, out, (0,), True, 1.0, 1)
    util.assert_close(out, util.scipy_default("fft", src), what="c2c into a huge stride")


def test_real_along_huge_strides(util):
    x = _fill(util, _huge((10,), np.float64, [GAP]), (952,))
    _match(util, "rfft", x, what="rfft")
    _match(util, "fft", x, what="fft of real")
    f = _fill(util, _huge((7,), np.float32, [GAP]), (962,))
    _match(util, "ihfft", f, what="ihfft f32")
    _match(util, "rfft", f, n=8, what="rfft f32, n=8")
    z = _fill(util, _huge((6,), np.complex128, [GAP]), (953,))
    _match(util, "irfft", z, what="irfft")
    _match(util, "hfft", z, n=11, what="hfft")
    # outputs along huge strides, through the binding
    src = util.random_real((10,), np.float64, key=(954,))
    spec = _huge((6,), np.complex128, [GAP], offset=16)
    _core.r2c(src, spec, 0, True, 1.0, 1)
    util.assert_close(spec, util.scipy_default("rfft", src), what="r2c into a huge stride")
    back = _huge((10,), np.float64, [GAP], offset=8)
    _core.c2r(spec, back, 0, 10, False, 0.1, 1)
    util.assert_close(back, src, what="c2r from and into huge strides")


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_r2r_along_huge_strides(util, dtype):
    x = _fill(util, _huge((9,), dtype, [GAP]), (955,))
    for t in (1, 2, 3, 4):
        _match(util, "dct", x, type=t, what=f"dct{t}")
        _match(util, "idst", x, type=t, norm="ortho", what=f"idst{t}")
    ref = util.scipy_default("dct", x, type=2)
    y = fftbackend.dct(x, type=2, overwrite_x=True)
    util.assert_close(y, ref, what="dct in place")
    assert np.shares_memory(y, x)


def test_nd_over_huge_strides(util):
    # both axes huge: 4 x 6 elements, each 2^31+ bytes from its neighbours
    x = _fill(util, _huge((4, 6), np.complex128, [None, GAP]), (956,))
    assert min(x.strides) > 2 ** 31
    _match(util, "fftn", x, what="fftn")
    _match(util, "ifft2", x, norm="forward", what="ifft2")
    r = _fill(util, _huge((4, 6), np.float64, [None, GAP]), (957,))
    _match(util, "rfftn", r, what="rfftn")
    _match(util, "dctn", r, type=3, what="dctn")
    _match(util, "dstn", r, type=1, what="dstn")
    ref = util.scipy_default("fftn", x)
    y = fftbackend.fftn(x, overwrite_x=True)
    assert np.shares_memory(y, x)
    util.assert_close(y, ref, what="fftn in place")


@pytest.mark.parametrize("workers", [1, 2])
def test_huge_stride_on_the_other_axis(util, workers):
    # 3 rows 2^31+ bytes apart, each a contiguous line: transform along the rows (lines far
    # apart) and down the columns (1000 lines of 3 points along the huge stride)
    x = _fill(util, _huge((3, 1000), np.complex128, [GAP, None]), (958,))
    r = _fill(util, _huge((3, 1000), np.float64, [GAP, None]), (959,))
    f = _fill(util, _huge((3, 1000), np.float32, [GAP, None]), (960,))
    c = _fill(util, _huge((3, 1000), np.complex64, [GAP, None]), (963,))
    for axis in (1, 0):
        kw = {"axis": axis, "workers": workers}
        _match(util, "fft", x, what=f"fft axis {axis}", **kw)
        _match(util, "ifft", c, what="ifft c64", **kw)
        _match(util, "rfft", r, what=f"rfft axis {axis}", **kw)
        _match(util, "rfft", f, what=f"rfft f32 axis {axis}", **kw)
        _match(util, "dct", r, what=f"dct axis {axis}", **kw)
        _match(util, "dst", f, type=4, what=f"dst4 f32 axis {axis}", **kw)
    z = x[:, :501]
    _match(util, "irfft", z, axis=1, workers=workers, what="irfft rows")
    _match(util, "fft2", x, workers=workers, what="fft2")
    ref = util.scipy_default("fft", x, axis=1)
    y = fftbackend.fft(x, axis=1, overwrite_x=True, workers=workers)
    assert np.shares_memory(y, x)
    util.assert_close(y, ref, what="fft rows in place")


@pytest.mark.skipif(os.environ.get("FFTBACKEND_BIG") != "1",
                    reason="opt-in (FFTBACKEND_BIG=1): needs about 9 GB of memory")
def test_more_than_2_31_elements(util):
    # 2^21 + 1 rows of 1024 float32: 2^31 + 1024 elements (8 GiB), a DCT-II of every row in
    # place; row i holds s + (i mod 1000), so sampled rows are checked against SciPy cheaply
    rows, n = 2 ** 21 + 1, 1024
    assert rows * n > 2 ** 31
    s = util.random_real((n,), np.float32, key=(961,))
    x = np.empty((rows, n), np.float32)
    chunk = 1 << 16
    for i0 in range(0, rows, chunk):
        i = np.arange(i0, min(i0 + chunk, rows))
        x[i0:i0 + len(i)] = s + (i % 1000).astype(np.float32)[:, None]
    y = fftbackend.dct(x, type=2, axis=1, overwrite_x=True, workers=2)
    assert np.shares_memory(y, x)
    refs = {}
    for i in sorted({0, 1, 999, 1000, rows // 2, rows - 2, rows - 1, *range(0, rows, 4099)}):
        c = i % 1000
        if c not in refs:
            refs[c] = util.scipy_default("dct", s + np.float32(c), type=2)
        util.assert_close(y[i], refs[c], what=f"row {i}")
