"""Fast cores of fftconvolve / oaconvolve for real input and one shared kernel, and the cost
model that chooses between them and the generic transform core of `_signal`.

Every mode is a window of the full convolution: along an axis with lengths n1 (in1) and n2
(in2), full has n1 + n2 - 1 points and the mode keeps those from `start` to `end`
(`_signal._crop_to_window` gives the window). The cores compute just that window:

- direct: the window is a valid correlation of in1, zero-padded where the window reaches past
  it, with the flipped kernel, summed in C (`_core.corr`, register-blocked SIMD). It wins for
  short kernels: no transforms, and each output costs prod(n2) multiply-adds from cache.
- overlap-save (one axis): `_core.osconv` transforms cache-sized blocks of every line with one
  precomputed kernel spectrum, multiplies and transforms back block by block, and writes the
  window directly.

`fast_convolve` returns None when neither applies (complex data, a kernel that varies along
the broadcast axes, or a transform of the padded size being cheaper); the caller then uses the
generic core. The cost constants are nanoseconds measured on an AVX2 machine; only their
ratios matter.
"""
import bisect
import math

import numpy as np

from . import _core, _signal   # _signal imports this module: use its names at call time
from ._real import rfft

# nanoseconds per multiply-add of the direct sum, per point and log2(point) of a real
# transform, and per complex product of the spectra
_MAC_NS = {np.dtype(np.float64): 0.06, np.dtype(np.float32): 0.035}
# (per point and log2 point of one real transform: in L2, in L3, from memory; single
# precision is about 0.6 of that)
_FFT_NS = ((1 << 16, 0.20), (1 << 19, 0.29), (math.inf, 0.40))
_SINGLE = 0.6
_MUL_NS = 0.6
_BLOCK_NS = 300.0     # fixed cost of one overlap-save block (calls, copies)
# overlap-save blocks no longer than this stay in the L2 cache with their scratch
_MAX_BLOCK = 1 << 18


def _smooth_even(n):
    """Our fast real transform length >= n (even, 7-smooth)."""
    return _signal._fast_length(n, True)


# the block lengths overlap-save tries: 2^a times 1, 3, 5 or 7 (other smooth lengths have
# slower radix passes), about four per octave
_BLOCKS = sorted(m << a for m in (1, 3, 5, 7) for a in range(1, 27))


def _fft_ns(n, dtype):
    per = next(c for limit, c in _FFT_NS if n <= limit)
    if dtype == np.float32:
        per *= _SINGLE
    return per * n * math.log2(max(n, 2))


def _os_plan(lines, out_len, k, dtype):
    """(cost, nfft) of the cheapest overlap-save blocking of `lines` lines of `out_len` outputs
    each with a kernel of length k: every even smooth block length from 2k (or 64) up to the
    whole line or the cache limit, whichever is smaller."""
    lo = max(2 * k, 64)
    hi = max(min(_smooth_even(out_len + k - 1), _MAX_BLOCK), _smooth_even(lo))
    first = bisect.bisect_left(_BLOCKS, lo)
    last = bisect.bisect_right(_BLOCKS, hi)
    best = (math.inf, 0)
    for nfft in [_smooth_even(lo)] + _BLOCKS[first:last]:
        blocks = -(-out_len // (nfft - k + 1))
        cost = (lines * blocks * (2 * _fft_ns(nfft, dtype) + _MUL_NS * nfft / 2 + _BLOCK_NS)
                + _fft_ns(nfft, dtype))
        best = min(best, (cost, nfft))
    return best


def full_fft_cost(shape, dtype):
    """Estimated time of the generic core: three real transforms of the padded shape and one
    product of the spectra."""
    size = math.prod(shape)
    return 3 * _fft_ns(size, dtype) + _MUL_NS * size / 2


def _padded_window(x, axes, starts, lengths, klens):
    """x's values x[start - (k - 1) : start + length] along each of `axes` (the last ones), with
    zeros where that range leaves x; a view when it does not."""
    lo = [s - (k - 1) for s, k in zip(starts, klens)]
    hi = [s + n for s, n in zip(starts, lengths)]
    inside = all(a >= 0 and b <= x.shape[ax] for a, b, ax in zip(lo, hi, axes))
    if inside:
        index = [slice(None)] * x.ndim
        for ax, a, b in zip(axes, lo, hi):
            index[ax] = slice(a, b)
        return np.ascontiguousarray(x[tuple(index)])
    shape = list(x.shape)
    src = [slice(None)] * x.ndim
    dst = [slice(None)] * x.ndim
    for ax, a, b in zip(axes, lo, hi):
        shape[ax] = b - a
        s0, s1 = max(a, 0), min(b, x.shape[ax])
        src[ax] = slice(s0, max(s1, s0))
        dst[ax] = slice(s0 - a, s0 - a + max(s1 - s0, 0))
    out = np.zeros(shape, x.dtype)
    out[tuple(dst)] = x[tuple(src)]
    return out


def fast_convolve(in1, in2, axes, window):
    """The points `window` (a (start, end) per dimension: within the full convolution along
    `axes`, the whole broadcast length along the others) of in1 * in2 over `axes`, as a new
    C-contiguous array, by the direct sum or overlap-save when the cost model prefers one of
    them to the generic transform core; None otherwise.

    Preconditions (those of `_signal`'s cores, after `_crop_to_window`): same ndim, axes
    sorted, unique and non-empty, lengths along axes >= 1, other axes broadcastable."""
    dtype = in1.dtype
    if dtype not in _MAC_NS or in2.dtype != dtype or len(axes) > 3:
        return None
    nd = in1.ndim
    others = [d for d in range(nd) if d not in axes]
    # The kernel is whichever input does not vary along the broadcast axes; for "same" and
    # "valid" the window is defined by in1, but full is symmetric so either may be the kernel.
    if all(in2.shape[d] == 1 for d in others):
        x, k = in1, in2
    elif all(in1.shape[d] == 1 for d in others):
        x, k = in2, in1
    else:
        return None
    n1 = [in1.shape[a] for a in axes]
    n2 = [in2.shape[a] for a in axes]
    starts = [window[a][0] for a in axes]
    lengths = [window[a][1] - window[a][0] for a in axes]
    klens = [k.shape[a] for a in axes]
    batch = math.prod(x.shape[d] for d in others)
    outputs = batch * math.prod(lengths)
    if outputs == 0:
        return None
    direct = outputs * math.prod(klens) * _MAC_NS[dtype]
    full_shape = [_smooth_even(a + b - 1) if a + b > 2 else 1 for a, b in zip(n1, n2)]
    generic = batch * full_fft_cost(full_shape, dtype)
    os_cost, nfft = (math.inf, 0)
    if len(axes) == 1:
        os_cost, nfft = _os_plan(batch, lengths[0], klens[0], dtype)
    best = min(direct, os_cost, generic)
    if best == generic:
        return None
    # A NaN or infinity reaches every output of SciPy's transform of the whole input, but only
    # the outputs near it in a direct sum or an overlap-save block: leave such input to the
    # generic core, which gives SciPy's result. One sum per input finds them (an overflow to
    # infinity of large finite values only costs the fast path).
    if not (math.isfinite(float(np.sum(x))) and math.isfinite(float(np.sum(k)))):
        return None

    # conv axes last, batch axes first (flattened)
    order = others + list(axes)
    xt = np.moveaxis(x, order, range(nd)).reshape((batch,) + tuple(x.shape[a] for a in axes))
    kt = np.moveaxis(k, order, range(nd)).reshape(tuple(klens))
    cax = list(range(1, len(axes) + 1))
    out = np.empty((batch,) + tuple(lengths), dtype)
    if best == direct:
        kf = np.ascontiguousarray(kt[(slice(None, None, -1),) * len(axes)])
        if len(axes) == 1:
            _direct_lines(xt, kf, starts[0], out)
        else:
            _direct(_padded_window(xt, cax, starts, lengths, klens), kf, out)
    else:
        xr = xt if xt.strides[-1] == dtype.itemsize else np.ascontiguousarray(xt)
        H = rfft(kt.astype(np.float64, copy=False), nfft)
        H = H.astype(np.complex64 if dtype == np.float32 else np.complex128, copy=False)
        _core.osconv(xr, H, klens[0], out, starts[0])
    bshape = [max(in1.shape[d], in2.shape[d]) for d in others]
    out = out.reshape(tuple(bshape) + tuple(lengths))
    return np.ascontiguousarray(np.moveaxis(out, range(nd), order))


def _direct_lines(x, kf, start, out):
    """out = the window from `start` of the full convolution of each row of x with the kernel
    whose flip is kf: the outputs whose sums stay inside x read x in place, the few at either
    end read a zero-padded copy of x's end."""
    n, k, length = x.shape[1], kf.shape[0], out.shape[1]
    if x.strides[1] != x.itemsize:
        x = np.ascontiguousarray(x)
    kf2 = kf[None, :]
    # output i reads x[start + i - (k - 1) : start + i + 1]: inside x for i in [i0, i1)
    i0 = min(max(k - 1 - start, 0), length)
    i1 = max(min(n - start, length), i0)
    if i1 > i0:
        lo = start + i0 - (k - 1)
        _core.corr(x[:, lo:lo + (i1 - i0) + k - 1], kf2, out[:, i0:i1], False)
    for a, b in ((0, i0), (i1, length)):
        if b > a:
            _core.corr(_padded_window(x, [1], [start + a], [b - a], [k]), kf2, out[:, a:b],
                       False)


def _direct(xw, kf, out):
    """out[b] = valid correlation of xw[b] with kf, for 1-, 2- or 3-D kf."""
    if kf.ndim == 1:
        _core.corr(xw, kf[None, :], out, False)
    elif kf.ndim == 2:
        for b in range(out.shape[0]):
            _core.corr(xw[b], kf, out[b], False)
    else:
        for b in range(out.shape[0]):
            for d in range(out.shape[1]):
                for a in range(kf.shape[0]):
                    _core.corr(xw[b, d + a], kf[a], out[b, d], a > 0)
