"""`fft_conv`: the N-D multi-channel convolution of deep-learning layers
(``torch.nn.functional.conv1d/conv2d/conv3d``, i.e. a cross-correlation)
computed with fftbackend's own real FFTs.

How it is computed, for ``d`` spatial dimensions:

1. **Zero padding** into one buffer of the computation dtype (the only copy
   of the signal made).
2. **Stride by polyphase decomposition.**  With stride ``s`` along an axis,
   ``y[t] = sum_j x[s t + j] k[j]`` splits, with ``j = s q + r``, into
   ``sum_r sum_q x_r[t + q] k_r[q]`` where ``x_r[m] = x[s m + r]`` and
   ``k_r[q] = k[s q + r]``: a stride-1 correlation whose channels are the
   ``s`` phases of each input channel.  A strided convolution thus becomes a
   stride-1 one on ``in_channels * prod(s)`` channels and ``1/s`` as many
   points: no output is computed only to be thrown away, and every FFT is
   ``s`` times shorter.  The phases are a reshaped, transposed *view* of the
   padding buffer (the FFT reads strided input), so this costs nothing.
   Dilation spreads the kernel with zeros before its transform.
3. **Tiling (overlap-save).**  Along each axis the stride-1 problem
   (``M`` outputs, kernel extent ``Kq``, ``Lq = M + Kq - 1`` inputs) is either
   transformed whole, at an even 7-smooth length ``N`` (fast sizes of our real
   FFT), or cut into ``nt`` tiles of ``N`` points overlapping by ``Kq - 1``,
   each giving ``T = N - Kq + 1`` outputs.  `_plan` picks, by a small cost
   model (points transformed, and a penalty for transforms that leave the
   cache), the tile length of each axis; tiles are again a strided view of
   the padding buffer, stacked in front of the channel axis so that one
   ``rfftn`` call transforms every tile of every batch entry.
   A whole-axis transform does not need the leading zeros of the padding:
   with the signal shifted left by ``A = pad_left // s`` points, the reads
   before its start wrap around to the zeros at the end, so ``N >=
   max(Lq - A, end of the data)`` suffices (``N >= Lq`` without the shift),
   and the outputs start at index ``-A``, cyclically.
4. **Spectra.**  Circular correlation is ``X * conj(K)`` bin by bin, so the
   kernel is not flipped: the conjugate of its spectrum (computed once per
   call, by ``ihfftn``, and reused for every batch entry and tile) multiplies
   the signal's.  The wrap-around of the circular correlation only reaches
   outputs that are not kept.
5. **Channel product** `_channel_product` (one function, with a documented
   layout, to be replaced by a C kernel), ``irfftn``, then the outputs of
   every tile are written, with the bias added in the same pass, straight
   into the result.

Everything that depends only on the shapes and parameters (transform lengths,
tiling, views, output segments) is computed once by `_geometry` and cached.
"""
import functools
import itertools
import math
import operator

import numpy as np

from ._real import ihfftn, irfftn, rfftn
from ._signal import _smooth_numbers

__all__ = ["fft_conv"]

_FLOAT32 = np.dtype(np.float32)
_FLOAT64 = np.dtype(np.float64)

# Tiles of up to this many points (product over the spatial axes, per channel)
# transform at the same cost per point; beyond it, transforms leave the cache
# and get slower (measured: ~1.5x at 2^17 points, ~2x at 2^20).
_CACHE_POINTS = 1 << 16


# --------------------------------------------------------------------------
# arguments

def _real_array(value, name):
    """``value`` as an ndarray of a real (or integer/boolean) dtype."""
    try:
        a = np.asarray(value)
    except Exception as e:  # noqa: BLE001 - ragged lists and the like
        raise TypeError(f"fft_conv: {name} could not be converted to an array: {e}") from e
    kind = a.dtype.kind
    if kind == "c":
        raise TypeError(f"fft_conv: {name} must be real, got complex dtype {a.dtype}")
    if kind not in "biuf":
        raise TypeError(f"fft_conv: {name} must be a real numeric array, got dtype {a.dtype}")
    return a


def _compute_dtype(*arrays):
    """float32 when every array is float16/float32, else float64 (integers,
    booleans, float64 and long double)."""
    for a in arrays:
        if a is not None and a.dtype.char not in "ef":
            return _FLOAT64
    return _FLOAT32


def _int_param(value, name):
    if isinstance(value, (float, np.floating)) or isinstance(value, (str, bytes)):
        raise TypeError(f"fft_conv: {name} must be an integer or a tuple of integers, "
                        f"got {value!r}")
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"fft_conv: {name} must be an integer or a tuple of integers, "
                        f"got {value!r}") from None


def _int_tuple(value, d, name, minimum):
    """An int or a sequence of 1 or ``d`` ints, each ``>= minimum``, as a tuple
    of ``d`` ints."""
    if type(value) is int and value >= minimum:
        return (value,) * d
    if isinstance(value, (tuple, list)):
        values = [_int_param(v, name) for v in value]
        if len(values) == 1:
            values = values * d
        elif len(values) != d:
            raise ValueError(f"fft_conv: {name} must be an integer or a sequence of {d} "
                             f"integers (one per spatial dimension), got {tuple(value)!r}")
    else:
        values = [_int_param(value, name)] * d
    for v in values:
        if v < minimum:
            what = "positive" if minimum == 1 else "non-negative"
            raise ValueError(f"fft_conv: {name} must be {what}, got {value!r}")
    return tuple(values)


def _padding_arg(padding, d):
    """``padding`` as "valid", "same" or a tuple of ``d`` non-negative ints."""
    if isinstance(padding, str):
        if padding in ("valid", "same"):
            return padding
        raise ValueError(f"fft_conv: padding must be an integer, a tuple of integers, "
                         f"'valid' or 'same', got {padding!r}")
    return _int_tuple(padding, d, "padding", 0)


def _padding(padding, stride, extents):
    """Left and right zero padding per spatial axis."""
    d = len(stride)
    if padding == "valid":
        return (0,) * d, (0,) * d
    if padding == "same":
        if any(s != 1 for s in stride):
            raise ValueError("fft_conv: padding='same' is not supported for strided "
                             "convolutions")
        # Total dilation * (k - 1); an odd total puts the extra zero on the
        # right, as torch does.
        left = tuple((e - 1) // 2 for e in extents)
        return left, tuple(e - 1 - lft for e, lft in zip(extents, left))
    return padding, padding


# --------------------------------------------------------------------------
# transform lengths and tiling

def _good_size(n):
    """The smallest even 7-smooth number (2^a 3^b 5^c 7^d, a >= 1) >= n."""
    if n <= 2:
        return 2
    best = 1 << (n - 1).bit_length()    # a power of two >= n
    f7 = 1
    while f7 < best:
        f75 = f7
        while f75 < best:
            x = f75
            while x < best:
                y = 2 * x
                while y < n:
                    y *= 2
                if y < best:
                    best = y
                x *= 3
            f75 *= 5
        f7 *= 7
    return best


def _smooth_sizes(limit):
    """Sorted even 7-smooth numbers <= limit."""
    return [x for x in _smooth_numbers(limit) if x % 2 == 0]


_TILE_SIZES = _smooth_sizes(1 << 17)
# Shorter tiles transform slowly (per point) in several dimensions.
_MIN_TILE = 16


def _penalty(points, cache_points):
    """Relative cost per point of transforms of ``points`` points (per channel)."""
    if points <= cache_points:
        return 1.0
    ratio = math.log2(points / cache_points)
    return 1.0 + 0.5 * min(ratio, 1.0) + 0.15 * max(ratio - 1.0, 0.0)


def _axis_choices(m, kq, whole_min):
    """Ways to transform one axis of ``m`` outputs, kernel extent ``kq``:
    ``(N, T, nt)`` tuples (transform length, outputs per tile, tiles), by
    increasing ``N`` and decreasing points ``nt * N``: the Pareto front of the
    tilings with at most 50% overlap and of the whole-axis transform (``nt``
    1, ``N >= whole_min``; the last entry unless some tiling needs fewer
    points)."""
    whole = _good_size(whole_min)
    candidates = [n for n in _TILE_SIZES if 2 * kq <= n < whole and n >= _MIN_TILE]
    candidates.append(whole)
    front = []
    for n in candidates:
        t = n - kq + 1
        nt = 1 if n == whole else -(-m // t)
        if not front or nt * n < front[-1][0] * front[-1][2]:
            front.append((n, t, nt))
    return front


@functools.lru_cache(maxsize=512)
def _plan(dims, cache_points):
    """Per axis ``(N, T, nt)``: transform length, outputs per tile, tiles.

    ``dims`` holds ``(M, Kq, W)`` per spatial axis: outputs and kernel extent
    of the stride-1 problem, and the shortest whole-axis transform.  The cost
    of a plan is the number of points transformed, ``prod(nt * N)``, times
    the per-point penalty of a tile of ``prod(N)`` points.  Starting from the
    longest transforms, the axis whose next shorter tile costs the fewest
    extra points per halving of the tile is shortened, step by step, while
    tiles exceed ``cache_points``; the cheapest plan met is kept."""
    fronts = [_axis_choices(*dim) for dim in dims]
    index = [len(f) - 1 for f in fronts]

    def cost(idx):
        points = 1
        total = 1
        for f, i in zip(fronts, idx):
            n, _, nt = f[i]
            points *= n
            total *= n * nt
        return total * _penalty(points, cache_points)

    best = cost(index)
    best_index = list(index)
    while math.prod(f[i][0] for f, i in zip(fronts, index)) > cache_points:
        move = None
        for axis, (f, i) in enumerate(zip(fronts, index)):
            if i == 0:
                continue
            n0, _, nt0 = f[i]
            n1, _, nt1 = f[i - 1]
            ratio = math.log((n1 * nt1) / (n0 * nt0)) / math.log(n0 / n1)
            if move is None or ratio < move[0]:
                move = (ratio, axis)
        if move is None:
            break
        index[move[1]] -= 1
        c = cost(index)
        if c < best:
            best = c
            best_index = list(index)
    return tuple(f[i] for f, i in zip(fronts, best_index))


def _fill(buf, region, data):
    """``buf[..., region] = data`` and zeros in the rest of ``buf``, writing
    every element once (plus the corners of the frame)."""
    lead = buf.ndim - len(region)
    for a, sl in enumerate(region):
        index = (slice(None),) * (lead + a)
        if sl.start > 0:
            buf[index + (slice(0, sl.start),)] = 0
        if sl.stop < buf.shape[lead + a]:
            buf[index + (slice(sl.stop, None),)] = 0
    buf[(Ellipsis,) + region] = data


# --------------------------------------------------------------------------
# the channel product

# Frequency bins handled per block by the elementwise product (bounds the
# temporaries and keeps them in cache).
_PRODUCT_BLOCK = 1 << 14


def _channel_product(X, K, groups):
    """The per-frequency channel sum of a grouped convolution.

    Layout (all C-contiguous, complex64 or complex128 alike):

    - ``X``: ``(B, Cin, *F)``, the spectra of the (phase-split) input
      channels, ``B`` counting batch entries times tiles;
    - ``K``: ``(Cout, Cin // groups, *F)``, the kernel spectra, already
      conjugated (so the product gives a correlation);
    - returns ``Y``: ``(B, Cout, *F)`` with, for ``ci = Cin // groups``,
      ``co = Cout // groups`` and ``g = o // co``::

          Y[b, o, f] = sum_{i < ci} X[b, g * ci + i, f] * K[o, i, f]

    Three ways, by size (``np.multiply``/``np.add`` with ``out=``, no
    temporary larger than ``_PRODUCT_BLOCK`` elements):

    - few blocks (``B * ci <= 32``): per block ``b`` and input channel ``i``,
      ``Y[b] += X[b, i] * K[:, i]`` over all output channels at once (the
      fastest elementwise order: contiguous output, one broadcast operand);
    - many blocks: per input channel, the same over all blocks at once, in
      chunks of frequencies;
    - many channels and blocks: one small matrix product per frequency,
      ``(f, co, ci) @ (f, ci, B)``, with ``np.matmul`` (BLAS).
    """
    B, cin = X.shape[:2]
    cout, ci = K.shape[:2]
    co = cout // groups
    nf = math.prod(X.shape[2:])
    Xr = X.reshape(B, groups, ci, nf)
    Kr = K.reshape(groups, co, ci, nf)
    Y = np.empty((B, groups, co, nf), X.dtype)
    multiply = np.multiply
    add = np.add
    if B >= 4 and ci >= 4 and B * ci * co >= 256:
        block = max(16, _PRODUCT_BLOCK // (co * ci + ci * B + co * B))
        for g in range(groups):
            for start in range(0, nf, block):
                stop = min(nf, start + block)
                a = np.ascontiguousarray(Kr[g, :, :, start:stop].transpose(2, 0, 1))
                b = np.ascontiguousarray(Xr[:, g, :, start:stop].transpose(2, 1, 0))
                Y[:, g, :, start:stop] = np.matmul(a, b).transpose(2, 1, 0)
    elif B * ci <= 32:
        block = max(256, _PRODUCT_BLOCK // cout)
        tmp = np.empty((groups, co, min(block, nf)), X.dtype) if ci > 1 else None
        for start in range(0, nf, block):
            stop = min(nf, start + block)
            k0 = Kr[:, :, 0, start:stop]
            t = tmp[..., :stop - start] if ci > 1 else None
            for b in range(B):
                y = Y[b, :, :, start:stop]
                x = Xr[b, :, :, start:stop]
                multiply(x[:, 0:1], k0, out=y)
                for i in range(1, ci):
                    multiply(x[:, i:i + 1], Kr[:, :, i, start:stop], out=t)
                    add(y, t, out=y)
    else:
        block = max(256, _PRODUCT_BLOCK // (B * cout))
        tmp = np.empty((B, groups, co, min(block, nf)), X.dtype) if ci > 1 else None
        for start in range(0, nf, block):
            stop = min(nf, start + block)
            y = Y[..., start:stop]
            multiply(Xr[:, :, 0:1, start:stop], Kr[:, :, 0, start:stop], out=y)
            if ci > 1:
                t = tmp[..., :stop - start]
                for i in range(1, ci):
                    multiply(Xr[:, :, i:i + 1, start:stop], Kr[:, :, i, start:stop], out=t)
                    add(y, t, out=y)
    return Y.reshape((B, cout) + X.shape[2:])


# --------------------------------------------------------------------------
# the convolution

class _Geometry:
    """Everything `fft_conv` computes from shapes and parameters alone."""
    __slots__ = ("out_shape", "buf_shape", "region", "src", "view_shape", "view_strides",
                 "spec_shape", "kbuf_shape", "kregion", "kdilated", "kview_shape",
                 "kview_axes", "kspec_shape", "res_shape", "res_axes", "parts",
                 "bias_shape", "axes")


def _suffix_products(shape):
    """C-order strides, in elements, of an array of ``shape``."""
    strides = [1] * len(shape)
    for a in range(len(shape) - 2, -1, -1):
        strides[a] = strides[a + 1] * shape[a + 1]
    return strides


@functools.lru_cache(maxsize=256)
def _geometry(xshape, kshape, padding, stride, dilation, itemsize, cache_points):
    """The `_Geometry` of a convolution: shapes of the buffers and views,
    transform lengths, tiling, output segments.  Raises ValueError when the
    output would be empty."""
    nbatch, cin = xshape[:2]
    cout, ci = kshape[:2]
    spatial = xshape[2:]
    ksize = kshape[2:]
    d = len(ksize)
    extents = tuple(dl * (n - 1) + 1 for dl, n in zip(dilation, ksize))
    pad_left, pad_right = _padding(padding, stride, extents)
    out_size = []
    for axis in range(d):
        padded = spatial[axis] + pad_left[axis] + pad_right[axis]
        if padded < extents[axis]:
            raise ValueError(
                f"fft_conv: the kernel's extent dilation * (k - 1) + 1 = {extents[axis]} "
                f"exceeds the padded input size {padded} along spatial axis {axis}: "
                f"the output would be empty")
        out_size.append((padded - extents[axis]) // stride[axis] + 1)
    g = _Geometry()
    g.out_shape = (nbatch, cout) + tuple(out_size)
    g.axes = tuple(range(-d, 0))

    # The stride-1 problem of the polyphase decomposition, per axis: kernel
    # extent Kq, M outputs, Lq = M + Kq - 1 inputs; the shortest whole-axis
    # transform, with the shift A (see the module's docstring); the plan.
    kq = [(e - 1) // s + 1 for e, s in zip(extents, stride)]
    shift = [lft // s for lft, s in zip(pad_left, stride)]
    dims = tuple((m, q, max(q, m + q - 1 - a, (lft + n - 1) // s + 1))
                 for m, q, a, lft, n, s in zip(out_size, kq, shift, pad_left, spatial, stride))
    plan = _plan(dims, cache_points)
    nfft = tuple(p[0] for p in plan)
    tile = tuple(p[1] for p in plan)
    ntiles = tuple(p[2] for p in plan)
    # (shift only where needed: whole-axis transforms shorter than Lq)
    shift = [a if nt == 1 and n < m + q - 1 else 0
             for a, nt, n, m, q in zip(shift, ntiles, nfft, out_size, kq)]
    nphases = math.prod(stride)

    # Padded signal: s * E points per axis, E = nt * T + Kq - 1 (tiles) or N,
    # without its first s * A zeros; the signal's part `src` goes to `region`.
    extent = [n if nt == 1 else nt * t + q - 1 for n, t, nt, q in zip(nfft, tile, ntiles, kq)]
    lin = [s * e for s, e in zip(stride, extent)]
    g.buf_shape = (nbatch, cin) + tuple(lin)
    lead = [lft - s * a for lft, s, a in zip(pad_left, stride, shift)]
    g.src = (Ellipsis,) + tuple(slice(0, max(0, min(n, e - lft)))
                                for n, e, lft in zip(spatial, lin, lead))
    g.region = tuple(slice(lft, lft + sl.stop) for lft, sl in zip(lead, g.src[1:]))
    # View (B, nt_1..nt_d, Cin, s_1..s_d, N_1..N_d) of the buffer: tiles
    # first, then the channels and their phases, then the points of a tile.
    bstr, cstr, *lstr = [st * itemsize for st in _suffix_products(g.buf_shape)]
    g.view_shape = (nbatch,) + ntiles + (cin,) + tuple(stride) + nfft
    g.view_strides = ((bstr,) + tuple(t * s * st for t, s, st in zip(tile, stride, lstr))
                      + (cstr,) + tuple(lstr) + tuple(s * st for s, st in zip(stride, lstr)))
    g.spec_shape = (nbatch * math.prod(ntiles), cin * nphases) + nfft[:-1] + (nfft[-1] // 2 + 1,)

    # Kernel: dilated, zero-padded to s * N points, split into phases like the
    # signal (channel i * nphases + phase).
    g.kbuf_shape = (cout, ci) + tuple(s * n for s, n in zip(stride, nfft))
    g.kregion = tuple(slice(0, e) for e in extents)
    g.kdilated = (None if all(dl == 1 for dl in dilation) else
                  (Ellipsis,) + tuple(slice(0, e, dl) for e, dl in zip(extents, dilation)))
    g.kview_shape = (cout, ci) + tuple(itertools.chain.from_iterable(zip(nfft, stride)))
    g.kview_axes = ((0, 1) + tuple(range(3, 2 + 2 * d, 2)) + tuple(range(2, 2 + 2 * d, 2)))
    g.kspec_shape = (cout, ci * nphases) + g.spec_shape[2:]

    # Inverse transforms (B, nt_1..nt_d, Cout, N_1..N_d), seen as
    # (B, Cout, nt_1, N_1, ..., nt_d, N_d).
    g.res_shape = (nbatch,) + ntiles + (cout,) + nfft
    g.res_axes = (0, d + 1) + tuple(itertools.chain.from_iterable(
        (1 + a, d + 2 + a) for a in range(d)))

    # Where the outputs are, per axis, as segments (output start, first tile,
    # tiles, points per tile, first point in the tile): the full tiles and the
    # last (cropped) one; or, shifted, the wrapped-around head and the rest.
    segments = []
    for m, n, t, nt, a in zip(out_size, nfft, tile, ntiles, shift):
        if nt > 1:
            last = (nt - 1) * t
            segments.append(((0, 0, nt - 1, t, 0), (last, nt - 1, 1, m - last, 0)))
        elif a:
            segments.append(((0, 0, 1, min(a, m), n - a), (a, 0, 1, m - a, 0)))
        else:
            segments.append(((0, 0, 1, m, 0),))
    # Each combination of segments is one strided view of the output,
    # (B, Cout, tiles_1, points_1, ...), and the part of the inverse
    # transforms that goes there.
    ostr = [st * itemsize for st in _suffix_products(g.out_shape)]
    g.parts = []
    for parts in itertools.product(*segments):
        if any(count < 1 or length < 1 for _, _, count, length, _ in parts):
            continue
        index = [slice(None), slice(None)]
        offset = 0
        shape = [nbatch, cout]
        strides = ostr[:2]
        for (start, first, count, length, point), t, st in zip(parts, tile, ostr[2:]):
            index += [slice(first, first + count), slice(point, point + length)]
            offset += start * st
            shape += [count, length]
            strides += [t * st, st]
        g.parts.append((tuple(index), offset, tuple(shape), tuple(strides)))
    g.bias_shape = (cout,) + (1,) * (2 * d)
    return g


def fft_conv(signal, kernel, bias=None, padding=0, stride=1, dilation=1, groups=1):
    """N-D multi-channel convolution of deep-learning layers, by FFT.

    Computes what ``torch.nn.functional.conv1d`` / ``conv2d`` / ``conv3d``
    (and their N-D generalisation) compute, a cross-correlation::

        out[b, o, t] = bias[o] + sum_{i, j} signal_padded[b, g ci + i, s t + D j]
                                            * kernel[o, i, j]

    (``t``, ``j`` multi-indices over the spatial axes, ``s`` the stride, ``D``
    the dilation, ``g = o // (out_channels // groups)``, ``ci = in_channels //
    groups``), with real FFTs of fftbackend, so its cost hardly depends on the
    kernel size.  Single-threaded unless inside ``scipy.fft.set_workers(n)``.

    Parameters
    ----------
    signal : array_like
        ``(batch, in_channels, *spatial)``, or ``(in_channels, *spatial)``
        (unbatched: ``signal.ndim == kernel.ndim - 1``; the result then has no
        batch axis either).
    kernel : array_like
        ``(out_channels, in_channels // groups, *kernel_spatial)``, with at
        least one spatial axis.
    bias : array_like, optional
        ``(out_channels,)``, added to every output of its channel.
    padding : int, tuple of ints, "valid" or "same", optional
        Zeros added on both sides of every spatial axis (one value, or one
        per axis).  "valid" is 0; "same" pads so that the output has the
        input's size (stride 1 only); when ``dilation * (k - 1)`` is odd the
        extra zero goes at the end.
    stride, dilation : int or tuple of ints, optional
        Positive, one value or one per spatial axis.
    groups : int, optional
        Number of blocked connections from input to output channels; must
        divide ``in_channels`` and ``out_channels``.

    Returns
    -------
    out : ndarray
        ``(batch, out_channels, *out_spatial)``, C-contiguous, with per axis
        ``out = (L + pad_left + pad_right - dilation * (k - 1) - 1) // stride + 1``.
        float32 when every input is float16 or float32, else float64
        (integers, booleans and long double are computed in double precision).

    Raises
    ------
    TypeError
        Complex or non-numeric arrays, non-integer parameters.
    ValueError
        Inconsistent shapes, parameters out of range, an empty output.

    Notes
    -----
    The error is normwise: ``||out - exact|| / ||exact||`` is a small multiple
    of the precision's epsilon (float64: ~1e-15, float32: ~1e-7), so outputs
    much smaller than the others are only accurate relative to the largest
    ones.  As with any FFT method, an inf or NaN in the signal or the kernel
    spreads to every output of the channels it reaches.
    """
    x = _real_array(signal, "signal")
    k = _real_array(kernel, "kernel")
    b = None if bias is None else _real_array(bias, "bias")

    if k.ndim < 3:
        raise ValueError("fft_conv: kernel must have shape (out_channels, in_channels/groups, "
                         f"*kernel_spatial) with at least one spatial axis, got shape {k.shape}")
    d = k.ndim - 2
    if x.ndim == k.ndim - 1:
        batched = False
        x = x[np.newaxis]
    elif x.ndim == k.ndim:
        batched = True
    else:
        raise ValueError(f"fft_conv: a kernel with {d} spatial axes (shape {k.shape}) needs a "
                         f"signal of {d + 2} (batch, channels, *spatial) or {d + 1} "
                         f"(channels, *spatial) dimensions, got shape {x.shape}")

    groups = _int_param(groups, "groups")
    if groups < 1:
        raise ValueError(f"fft_conv: groups must be a positive integer, got {groups}")
    stride = _int_tuple(stride, d, "stride", 1)
    dilation = _int_tuple(dilation, d, "dilation", 1)
    padding = _padding_arg(padding, d)

    cin = x.shape[1]
    cout, ci = k.shape[:2]
    if 0 in k.shape[2:]:
        raise ValueError(f"fft_conv: the kernel's spatial sizes must be positive, got "
                         f"shape {k.shape}")
    if cout % groups:
        raise ValueError(f"fft_conv: out_channels ({cout}, kernel.shape[0]) must be "
                         f"divisible by groups ({groups})")
    if cin % groups:
        raise ValueError(f"fft_conv: in_channels ({cin}) must be divisible by groups "
                         f"({groups})")
    if ci * groups != cin:
        raise ValueError(f"fft_conv: given groups={groups} and a kernel of shape {k.shape}, "
                         f"the signal should have {ci * groups} channels, but signal of "
                         f"shape {np.shape(signal)} has {cin}")
    if b is not None and b.shape != (cout,):
        raise ValueError(f"fft_conv: bias must have shape (out_channels,) = ({cout},), got "
                         f"shape {b.shape}")

    dtype = _compute_dtype(x, k, b)
    g = _geometry(x.shape, k.shape, padding, stride, dilation, dtype.itemsize, _CACHE_POINTS)
    out = np.empty(g.out_shape, dtype)
    if out.size == 0 or ci == 0:
        # no batch entries or output channels, or nothing to sum
        out[...] = 0 if b is None else b.astype(dtype).reshape((cout,) + (1,) * d)
        return out if batched else out[0]
    axes = g.axes

    buf = np.empty(g.buf_shape, dtype)
    _fill(buf, g.region, x[g.src])
    spec = rfftn(np.ndarray(g.view_shape, dtype, buf, 0, g.view_strides), axes=axes)
    del buf
    spec = spec.reshape(g.spec_shape)

    kbuf = np.empty(g.kbuf_shape, dtype)
    if g.kdilated is None:
        _fill(kbuf, g.kregion, k)
    else:
        _fill(kbuf, g.kregion, 0)
        kbuf[g.kdilated] = k
    # conj(rfftn) of the kernel's phases, unscaled
    kspec = ihfftn(kbuf.reshape(g.kview_shape).transpose(g.kview_axes), axes=axes,
                   norm="forward")
    del kbuf
    prod = _channel_product(spec, kspec.reshape(g.kspec_shape), groups)
    del spec, kspec
    res = irfftn(prod, axes=axes)       # every N is even: the default length
    del prod
    res = res.reshape(g.res_shape).transpose(g.res_axes)

    if b is None:
        for index, offset, shape, strides in g.parts:
            np.copyto(np.ndarray(shape, dtype, out, offset, strides), res[index])
    else:
        bias_view = b.astype(dtype, copy=False).reshape(g.bias_shape)
        for index, offset, shape, strides in g.parts:
            np.add(res[index], bias_view, out=np.ndarray(shape, dtype, out, offset, strides))
    return out if batched else out[0]
