"""The convolution kernels behind fftconvolve, called directly: the direct correlation
(`_core.corr`) and the overlap-save convolution (`_core.osconv`), against np.convolve /
an einsum reference in double precision.

Normwise relative error bounds: 2e-15 (direct sums, double), 1e-14 (overlap-save, double:
two FFTs), 1e-6 (single precision)."""

import numpy as np
import pytest

import fftbackend
from fftbackend import _core

RNG = np.random.default_rng(20261127)


def _err(got, ref):
    ref = np.asarray(ref, dtype=np.float64)
    scale = np.linalg.norm(ref)
    return np.linalg.norm(got.astype(np.float64) - ref) / (scale if scale else 1.0)


def _corr_reference(x, k, nr, nc):
    x = x.astype(np.float64)
    k = k.astype(np.float64)
    out = np.zeros((nr, nc))
    for a in range(k.shape[0]):
        for b in range(k.shape[1]):
            out += k[a, b] * x[a:a + nr, b:b + nc]
    return out


@pytest.mark.parametrize("dtype,tol", [(np.float64, 2e-15), (np.float32, 1e-6)])
def test_corr_every_tail_and_kernel_shape(dtype, tol):
    # widths around the register block (8 vectors of 2..8 lanes) exercise every tail path
    widths = list(range(1, 70)) + [127, 128, 129, 255, 257]
    for nc in widths:
        for kr, kc in ((1, 1), (1, 5), (3, 3), (2, 17)):
            nr = 1 + nc % 3
            x = RNG.standard_normal((nr + kr - 1, nc + kc - 1 + nc % 2)).astype(dtype)
            k = RNG.standard_normal((kr, kc)).astype(dtype)
            out = np.empty((nr, nc), dtype)
            _core.corr(x, k, out, False)
            ref = _corr_reference(x, k, nr, nc)
            assert _err(out, ref) <= tol, (nc, kr, kc)
            _core.corr(x, k, out, True)      # accumulate: twice the sum
            assert _err(out, 2 * ref) <= tol, (nc, kr, kc)


def test_corr_strided_rows_and_checks():
    base = RNG.standard_normal((20, 300))
    x = base[::2, 5:]                      # rows 600 elements apart
    k = RNG.standard_normal((3, 4))
    outbase = np.zeros((8, 400))
    out = outbase[:, 10:10 + 290]
    _core.corr(x, k, out, False)
    assert _err(out, _corr_reference(x, k, 8, 290)) <= 2e-15
    assert not outbase[:, :10].any() and not outbase[:, 300:].any()
    with pytest.raises(ValueError):
        _core.corr(x, k, np.empty((9, 290)), False)        # x has too few rows
    with pytest.raises(ValueError):
        _core.corr(x, k, np.empty((8, 293)), False)        # x rows too short
    with pytest.raises(ValueError):
        _core.corr(np.asfortranarray(base), k, np.empty((3, 3)), False)
    with pytest.raises(TypeError):
        _core.corr(x, k.astype(np.float32), out, False)


@pytest.mark.parametrize("dtype,tol", [(np.float64, 1e-14), (np.float32, 2e-6)])
def test_osconv_windows_and_block_sizes(dtype, tol):
    cdtype = np.complex128 if dtype == np.float64 else np.complex64
    cases = [(1, 1, 2), (5, 3, 4), (3, 5, 8), (100, 7, 16), (100, 7, 14), (1000, 33, 66),
             (1000, 33, 128), (4099, 101, 1024), (10000, 999, 2048), (7, 1, 2), (64, 64, 128)]
    for n, m, nfft in cases:
        x = RNG.standard_normal((3, n)).astype(dtype)
        k = RNG.standard_normal(m).astype(dtype)
        H = fftbackend.rfft(k.astype(np.float64), nfft).astype(cdtype)
        ref = np.array([np.convolve(r.astype(np.float64), k.astype(np.float64)) for r in x])
        windows = [(0, n + m - 1), ((m - 1) // 2, n), (min(n, m) - 1, abs(n - m) + 1),
                   (n + m - 2, 1), (1, n + m - 3)]
        for s, nout in windows:
            if nout < 1 or s + nout > n + m - 1:
                continue
            out = np.full((3, nout), np.nan, dtype)
            _core.osconv(x, H, m, out, s)
            assert _err(out, ref[:, s:s + nout]) <= tol, (n, m, nfft, s, nout)


def test_osconv_long_line_and_checks():
    x = RNG.standard_normal((1, 200_000))
    k = RNG.standard_normal(1025)
    H = fftbackend.rfft(k, 4096)
    out = np.empty((1, 200_000 + 1024))
    _core.osconv(x, H, 1025, out, 0)
    assert _err(out[0], np.convolve(x[0], k)) <= 1e-14
    with pytest.raises(ValueError):
        _core.osconv(x, H, 4097, out, 0)                  # nfft < K
    with pytest.raises(ValueError):
        _core.osconv(x, H, 1025, out, 1)                  # window past the end
    with pytest.raises(TypeError):
        _core.osconv(x, H.astype(np.complex64), 1025, out, 0)
