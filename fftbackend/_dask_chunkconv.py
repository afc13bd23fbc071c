"""One chunk of `fftbackend.dask.fftconvolve`: the convolution of a chunk
(with its overlap) and the kernel, cut to the points the chunk's output
block holds.  Runs in dask's worker threads or processes; everything here is
module level so that the graph pickles.

The kernel's spectrum is cached per process (`_SPECTRA`): every chunk of the
same shape reuses it, so each worker transforms the kernel once per chunk
shape instead of once per chunk.
"""
import collections
import threading
from typing import NamedTuple

import numpy as np

from . import _convcore
from ._signal import _circular_length, _cut, _fast_length, _forward, _inverse

# A chunk runs on one thread: dask parallelises over chunks.
_THREADS = 1

# Kernel spectra kept per process: few, and bounded in bytes, since a spectrum
# is as large as a padded chunk and workers may have little memory.  The most
# recent one is kept even when it alone exceeds the budget (so a stream of
# equal chunks does not transform the kernel again for each).
_MAX_SPECTRA = 4
_MAX_SPECTRA_BYTES = 64 << 20
_SPECTRA = collections.OrderedDict()
_LOCK = threading.Lock()
_STATS = {"hits": 0, "misses": 0}


class ChunkPlan(NamedTuple):
    """What every chunk task needs (pickled into the graph once per task;
    the kernel is small)."""
    kernel: np.ndarray       # in its working dtype
    token: str               # identifies the kernel in the spectrum cache
    dtype: np.dtype          # working dtype of the chunks
    axes: tuple              # convolved axes, sorted
    windows: tuple           # per dimension: per block, (start, end) of its output
    #                          within the full convolution of the chunk and the kernel
    #                          (None along the other axes)
    kernel_slices: tuple     # per dimension: per block, the (start, end) of the
    #                          kernel it is convolved with (None: all of it)


def spectrum_cache_stats():
    """``{"hits", "misses", "entries", "bytes"}`` of this process's kernel
    spectrum cache (for tests and tuning)."""
    with _LOCK:
        return dict(_STATS, entries=len(_SPECTRA),
                    bytes=sum(s.nbytes for s in _SPECTRA.values()))


def spectrum_cache_clear():
    with _LOCK:
        _SPECTRA.clear()
        _STATS.update(hits=0, misses=0)


def _kernel_spectrum(key, kernel, axes, lengths, real):
    """The kernel's spectrum zero-padded to ``lengths``, from the cache when
    an earlier chunk of this shape made it.  Read-only: it is shared."""
    with _LOCK:
        spectrum = _SPECTRA.get(key)
        if spectrum is not None:
            _SPECTRA.move_to_end(key)
            _STATS["hits"] += 1
            return spectrum
        _STATS["misses"] += 1
    spectrum = _forward(kernel, list(axes), list(lengths), real, _THREADS)
    spectrum.flags.writeable = False
    with _LOCK:
        _SPECTRA[key] = spectrum
        total = sum(s.nbytes for s in _SPECTRA.values())
        while len(_SPECTRA) > 1 and (len(_SPECTRA) > _MAX_SPECTRA
                                     or total > _MAX_SPECTRA_BYTES):
            _, old = _SPECTRA.popitem(last=False)
            total -= old.nbytes
    return spectrum


def convolve_chunk(block, block_id=None, *, plan):
    """The output block ``block_id`` of the convolution, from ``block`` (the
    input chunk extended by its overlap)."""
    x = block.astype(plan.dtype, copy=False)
    kernel_index = []
    slice_key = []
    for d in range(x.ndim):
        bounds = plan.kernel_slices[d]
        part = None if bounds is None else bounds[block_id[d]]
        kernel_index.append(slice(None) if part is None else slice(*part))
        slice_key.append(part)
    kernel = plan.kernel[tuple(kernel_index)]
    axes = list(plan.axes)
    window = [plan.windows[d][block_id[d]] if d in plan.axes
              else (0, max(x.shape[d], kernel.shape[d])) for d in range(x.ndim)]

    # fftbackend's cost model may prefer a direct sum or its fused
    # overlap-save for a short kernel, as the in-memory fftconvolve does.
    fast = _convcore.fast_convolve(x, kernel, axes, window)
    if fast is not None:
        return fast

    real = x.dtype.kind == "f" and kernel.dtype.kind == "f"
    lengths = [_fast_length(_circular_length(x.shape[ax], kernel.shape[ax], *window[ax]),
                            real and ax == axes[-1])
               for ax in axes]
    key = (plan.token, tuple(slice_key), tuple(axes), tuple(lengths), real, kernel.dtype.str)
    spectrum_k = _kernel_spectrum(key, kernel, axes, lengths, real)
    spectrum = _forward(x, axes, lengths, real, _THREADS)
    shape = np.broadcast_shapes(spectrum.shape, spectrum_k.shape)
    if spectrum.shape == shape and spectrum.dtype == np.result_type(spectrum, spectrum_k):
        np.multiply(spectrum, spectrum_k, out=spectrum)
    else:
        spectrum = np.multiply(spectrum, spectrum_k)
    return _cut(_inverse(spectrum, axes, lengths, real, _THREADS), window)
