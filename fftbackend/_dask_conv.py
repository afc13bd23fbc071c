"""`fftconvolve` of a large chunked dask array with a small in-memory kernel.

Every output block is computed from one input chunk extended by its
neighbours' edges (``dask.array.map_overlap`` with an asymmetric depth, no
boundary padding): along a convolved axis, the output of mode ``mode``
starts ``off`` points into the full convolution, so output point ``j``
reads the input on ``[j + off - m + 1, j + off]`` (``m`` the kernel's
length).  Output blocks start where the input chunks start (the first at
0, the last ends at the output's length), so a chunk needs ``m - 1 - off``
points from its left neighbour and ``off`` from its right one.  Outside the
array the input is zero, which is what a chunk's own full convolution
assumes at its edges: nothing needs padding.

Argument checks follow `fftbackend.fftconvolve` (SciPy's rules, messages and
order); they only look at shapes and dtypes, never at ``x``'s data.
"""
import functools

import dask.array as da
import numpy as np
from dask.base import tokenize

from ._dask_chunkconv import ChunkPlan, convolve_chunk
from ._dask_fft import as_dask
from ._signal import (_COMPLEX64, _COMPLEX128, _FLOAT32, _FLOAT64, _mode_name,
                      _window, convolved_axes)

__all__ = ["fftconvolve"]


def _working_dtype(dtype):
    """``(single, complex)`` of the precision fftbackend computes ``dtype`` in
    (integers and booleans in double, float16 in single)."""
    if dtype.kind == "c":
        return dtype.char == "F", True
    if dtype.kind == "f":
        return dtype.char in "ef", False
    return False, False


def _merged(chunks, least, stop):
    """``chunks`` with neighbours merged until each is at least ``least``
    long (an overlap cannot reach past the next chunk) and the last one
    starts before ``stop`` (the output's length: every output block must be
    non-empty)."""
    merged = []
    for c in chunks:
        if merged and merged[-1] < least:
            merged[-1] += c
        else:
            merged.append(c)
    while len(merged) > 1 and (merged[-1] < least or sum(merged[:-1]) >= stop):
        last = merged.pop()
        merged[-1] += last
    return tuple(merged)


def _convolved_axis(chunks, m, start, end):
    """Along a convolved axis with input ``chunks``, a kernel of ``m``
    points and the output ``[start, end)`` of the full convolution:
    ``(input chunks, output chunks, depth, windows)``, ``windows`` the
    ``(start, end)`` of each output block within the full convolution of its
    extended chunk and the kernel."""
    left = max(0, m - 1 - start)
    right = max(0, start)
    chunks = _merged(chunks, max(left, right), end - start)
    if len(chunks) == 1:
        left = right = 0
    starts = np.cumsum((0,) + chunks[:-1]).tolist()
    out_bounds = starts + [end - start]
    windows = []
    for i, a in enumerate(starts):
        lo = a - (left if i > 0 else 0)   # first input point of the extended chunk
        windows.append((out_bounds[i] + start - lo, out_bounds[i + 1] + start - lo))
    out_chunks = tuple(b - a for a, b in zip(out_bounds[:-1], out_bounds[1:]))
    return chunks, out_chunks, (left, right), tuple(windows)


def _batch_axis(chunks, n1, n2, start, end):
    """Along an axis that is not convolved (lengths equal or one of them 1):
    ``(output chunks, kernel slices)``, the part of the kernel each block
    is multiplied with, None for all of it."""
    if n2 == 1:
        return chunks, None
    if n1 == n2:
        starts = np.cumsum((0,) + chunks).tolist()
        return chunks, tuple(zip(starts[:-1], starts[1:]))
    # x has one point, broadcast against the kernel: the mode's window of it
    return (end - start,), ((start, end),)


def fftconvolve(x, kernel, mode="full", axes=None):
    """Convolve a large dask array with a small in-memory kernel using FFTs.

    Lazy counterpart of ``fftbackend.fftconvolve(x, kernel, mode, axes)``
    (``scipy.signal.fftconvolve``'s semantics): same result, shape, dtype
    and errors.  Each output block comes from one chunk of ``x`` extended by
    the kernel's size into its neighbours (``map_overlap``), convolved by
    fftbackend (its direct sum or overlap-save for short kernels, else
    transforms, with the kernel's spectrum computed once per chunk shape and
    worker process).

    Parameters
    ----------
    x : dask array
        The large input (anything else is wrapped with ``da.asarray``).
    kernel : array_like
        The kernel, in memory (a dask array raises TypeError: compute it
        first), with the same number of dimensions as ``x``.  Along the
        axes that are not convolved its length is 1 or that of ``x``.
    mode : {"full", "valid", "same"}, optional
        As in ``scipy.signal.fftconvolve``.
    axes : int or sequence of ints, optional
        Axes to convolve (default: all).

    Returns
    -------
    dask array
        Output blocks start where the chunks of ``x`` start.  Along a
        convolved axis, chunks shorter than the kernel are merged with their
        neighbours first (the overlap must not reach past the next chunk).

    Notes
    -----
    Long double input raises TypeError (fftbackend's kernels do not compute
    in extended precision).
    """
    if isinstance(kernel, da.Array):
        raise TypeError("kernel must be an in-memory array, not a dask array "
                        "(call .compute() on it if it is small)")
    x = as_dask(x)
    kernel = np.asarray(kernel)
    if x.dtype.char in "gG" or kernel.dtype.char in "gG":
        raise TypeError("fftbackend.dask.fftconvolve does not support long double input")

    if x.ndim == kernel.ndim == 0:
        return x * kernel
    if x.ndim != kernel.ndim:
        raise ValueError("in1 and in2 should have the same dimensionality")
    if x.size == 0 or kernel.size == 0:
        return da.asarray(np.asarray([]))

    s1, s2 = x.shape, kernel.shape
    axes = convolved_axes(axes, s1, s2)
    swapped = False
    if not mode != "valid":     # compared as SciPy does
        x_larger = all(s1[ax] >= s2[ax] for ax in axes)
        if not (x_larger or all(s2[ax] >= s1[ax] for ax in axes)):
            raise ValueError("For 'valid' mode, one must be at least as large as "
                             "the other in every dimension")
        swapped = not x_larger
    mode = _mode_name(mode)
    window = _window(s2, s1, axes, mode) if swapped else _window(s1, s2, axes, mode)

    if not axes:    # nothing to transform: SciPy multiplies (NumPy's dtype rules)
        return (x * kernel)[tuple(slice(lo, hi) for lo, hi in window)]

    single1, complex1 = _working_dtype(x.dtype)
    single2, complex2 = _working_dtype(kernel.dtype)
    real_dtype, complex_dtype = ((_FLOAT32, _COMPLEX64) if single1 and single2
                                 else (_FLOAT64, _COMPLEX128))
    x_dtype = complex_dtype if complex1 else real_dtype
    kernel = np.ascontiguousarray(kernel, complex_dtype if complex2 else real_dtype)
    out_dtype = complex_dtype if complex1 or complex2 else real_dtype

    in_chunks, out_chunks, depth, windows, kernel_slices = [], [], {}, [], []
    for d in range(x.ndim):
        start, end = window[d]
        if d in axes:
            chunks, out, depth[d], w = _convolved_axis(x.chunks[d], s2[d], start, end)
            in_chunks.append(chunks)
            out_chunks.append(out)
            windows.append(w)
            kernel_slices.append(None)
        else:
            out, part = _batch_axis(x.chunks[d], s1[d], s2[d], start, end)
            in_chunks.append(x.chunks[d])
            out_chunks.append(out)
            windows.append(None)
            kernel_slices.append(part)
            depth[d] = 0
    if tuple(in_chunks) != x.chunks:
        x = x.rechunk(tuple(in_chunks))

    plan = ChunkPlan(kernel=kernel, token=tokenize(kernel), dtype=x_dtype,
                     axes=tuple(axes), windows=tuple(windows),
                     kernel_slices=tuple(kernel_slices))
    return da.map_overlap(functools.partial(convolve_chunk, plan=plan), x,
                          depth=depth, boundary="none", trim=False,
                          allow_rechunk=False, chunks=tuple(out_chunks),
                          dtype=out_dtype, meta=np.empty((0,) * x.ndim, out_dtype))
