"""Transforms of dask arrays, one chunk at a time on fftbackend's kernels
(the model of ``dask.array.fft.fft_wrap``).

A transform needs a whole line along each transformed axis, so those axes
are brought to a single chunk (`RechunkWarning` says so); the other (batch)
axes keep their chunks and every chunk becomes one task.  Argument checks,
errors and output dtypes are fftbackend's own: they come from running the
in-memory transform on a small probe array (see `_probe`).
"""
import functools
import math
import operator
import warnings

import dask.array as da
import numpy as np
from dask.array.core import PerformanceWarning

import fftbackend

from ._helper import shape_and_axes

__all__ = ["RechunkWarning", "fft", "ifft", "rfft", "irfft", "fftn", "ifftn",
           "rfftn", "irfftn", "dct", "idct"]


class RechunkWarning(PerformanceWarning, UserWarning):
    """A transformed axis spanned several chunks and was rechunked to one."""


def as_dask(x):
    """``x`` as a dask array: dask arrays as they are, anything else (NumPy
    arrays, lists) through ``da.asarray`` with dask's automatic chunks.
    The chunk sizes must be known: they decide the output's chunks."""
    x = x if isinstance(x, da.Array) else da.asarray(x)
    if any(math.isnan(n) for n in x.shape):
        raise ValueError("fftbackend.dask needs known chunk sizes: call "
                         "x.compute_chunk_sizes() first")
    return x


def _size(nbytes):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if nbytes < 1024 or unit == "GiB":
            return f"{nbytes:.0f} {unit}" if unit == "B" else f"{nbytes:.1f} {unit}"
        nbytes /= 1024


# --------------------------------------------------------------------------
# what the result looks like

def _transform_axes(x, nd, n_or_s, axis_or_axes):
    """The non-negative axes a transform works on, or None when the
    arguments are invalid (the probe then raises SciPy's error)."""
    try:
        if nd:
            return list(shape_and_axes(x, n_or_s, axis_or_axes)[1])
        axis = operator.index(axis_or_axes)
        if not -x.ndim <= axis < x.ndim:
            return None
        return [axis % x.ndim]
    except (TypeError, ValueError, IndexError):
        return None


def _probe(function, x, axes, args, kwargs):
    """Run the in-memory ``function`` on a small array of ``x``'s dtype and
    ndim: at most one point along the batch axes and two along the
    transformed ones (which keeps the errors that depend on a length of 0
    or 1).  It raises what the call on ``x`` would raise, in SciPy's order,
    and its result has the dtype of the real result, and its length along
    axes whose output length was given (``n``/``s``).

    When the axes are invalid (``axes`` None) the call must fail, and its
    message may quote lengths of ``x``: the probe then has ``x``'s shape,
    as a broadcast view of one element (no memory; nothing is transformed
    before the error)."""
    if axes is None and x.dtype.kind in "biufc":
        return function(np.broadcast_to(np.zeros((), x.dtype), x.shape), *args, **kwargs)
    shape = [min(length, 2 if axes is not None and d in axes else 1)
             for d, length in enumerate(x.shape)]
    return function(np.zeros(shape, x.dtype), *args, **kwargs)


def _output_lengths(kind, x, axes, given, probe):
    """Output length along each of ``axes``: the probe's where ``given``
    (``n``/``s``) fixed it, else the rule of the transform ``kind``."""
    lengths = []
    for i, ax in enumerate(axes):
        if given is not None and given[i] != -1:
            lengths.append(probe.shape[ax])
            continue
        n = x.shape[ax]
        last = i == len(axes) - 1
        if kind == "r2c" and last:
            n = n // 2 + 1
        elif kind == "c2r" and last:
            n = 2 * (n - 1)
        lengths.append(n)
    return lengths


def _given(nd, n_or_s, axes):
    """``n``/``s`` as one entry per transformed axis (None: not given)."""
    if n_or_s is None:
        return None
    if not nd:
        return [n_or_s]
    values = list(n_or_s) if np.iterable(n_or_s) else [n_or_s]
    return values[-len(axes):] if len(values) >= len(axes) else None


# --------------------------------------------------------------------------
# chunks

def _one_chunk_along(x, axes, name):
    """``x`` with a single chunk along ``axes``, warning when that needs a
    rechunk.  The batch axes are then chunked again so that a chunk holds
    no more than the largest chunk did before (or one whole panel of the
    transformed axes, if that is larger)."""
    split = [ax for ax in axes if x.numblocks[ax] > 1]
    if not split:
        return x
    itemsize = x.dtype.itemsize
    before = math.prod(max(c, default=0) for c in x.chunks) * itemsize
    panel = math.prod(x.shape[ax] for ax in axes) * itemsize
    target = {d: (-1 if d in axes else "auto") for d in range(x.ndim)}
    y = x.rechunk(target, block_size_limit=max(before, panel))
    after = math.prod(max(c, default=0) for c in y.chunks) * itemsize
    warnings.warn(
        f"fftbackend.dask.{name}: axes {split} span several chunks; rechunked to "
        f"one chunk along the transformed axes {list(axes)} (chunks {y.chunks}). "
        f"A chunk now needs {_size(after)} of input (before: {_size(before)}) plus "
        f"its output and workspace in memory.  Rechunk beforehand to choose the "
        f"chunks yourself.", RechunkWarning, stacklevel=4)
    return y


def _run(name, args, kwargs, block):
    """One chunk's transform (module level so that it pickles)."""
    return getattr(fftbackend, name)(block, *args, **kwargs)


def _transform(name, kind, nd, x, n_or_s, axis_or_axes, args, kwargs):
    """The lazy transform ``fftbackend.<name>`` of dask array ``x``.
    ``args`` are the positional arguments after ``x`` as the in-memory
    function takes them, ``kwargs`` its keyword ones."""
    function = getattr(fftbackend, name)
    x = as_dask(x)
    axes = _transform_axes(x, nd, n_or_s, axis_or_axes)
    probe = _probe(function, x, axes, args, kwargs)
    if axes is None:  # the probe should have raised; be sure not to go on
        raise ValueError(f"invalid axes for {name}: {axis_or_axes!r}")
    lengths = _output_lengths(kind, x, axes, _given(nd, n_or_s, axes), probe)
    x = _one_chunk_along(x, axes, name)
    chunks = list(x.chunks)
    for ax, n in zip(axes, lengths):
        chunks[ax] = (n,)
    # Chunks of dask's own arrays may be views of the user's array: never
    # let the kernel write into them.
    kwargs = dict(kwargs, overwrite_x=False)
    return x.map_blocks(functools.partial(_run, name, args, kwargs),
                        chunks=tuple(chunks), dtype=probe.dtype,
                        meta=np.empty((0,) * x.ndim, probe.dtype))


# --------------------------------------------------------------------------
# public functions

_NOTE = """

    Lazy, chunk by chunk on ``fftbackend.{name}``: same arguments, output
    shape, dtype and errors as ``fftbackend.{name}`` (``scipy.fft.{name}``).
    ``x`` is a dask array (anything else goes through ``da.asarray``).  The
    transformed axes are rechunked to one chunk if needed, with a
    `RechunkWarning`; the other axes keep their chunks.  ``overwrite_x`` is
    accepted and ignored: chunks are never overwritten.  ``workers`` is the
    number of threads per chunk (default one, dask parallelises over chunks).
"""


def _documented(function):
    function.__doc__ = (f"{function.__name__.upper()} of a dask array."
                        + _NOTE.format(name=function.__name__))
    return function


@_documented
def fft(x, n=None, axis=-1, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("fft", "c2c", False, x, n, axis, (n, axis, norm),
                      {"workers": workers, "plan": plan})


@_documented
def ifft(x, n=None, axis=-1, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("ifft", "c2c", False, x, n, axis, (n, axis, norm),
                      {"workers": workers, "plan": plan})


@_documented
def rfft(x, n=None, axis=-1, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("rfft", "r2c", False, x, n, axis, (n, axis, norm),
                      {"workers": workers, "plan": plan})


@_documented
def irfft(x, n=None, axis=-1, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("irfft", "c2r", False, x, n, axis, (n, axis, norm),
                      {"workers": workers, "plan": plan})


@_documented
def fftn(x, s=None, axes=None, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("fftn", "c2c", True, x, s, axes, (s, axes, norm),
                      {"workers": workers, "plan": plan})


@_documented
def ifftn(x, s=None, axes=None, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("ifftn", "c2c", True, x, s, axes, (s, axes, norm),
                      {"workers": workers, "plan": plan})


@_documented
def rfftn(x, s=None, axes=None, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("rfftn", "r2c", True, x, s, axes, (s, axes, norm),
                      {"workers": workers, "plan": plan})


@_documented
def irfftn(x, s=None, axes=None, norm=None, overwrite_x=False, workers=None, *, plan=None):
    return _transform("irfftn", "c2r", True, x, s, axes, (s, axes, norm),
                      {"workers": workers, "plan": plan})


@_documented
def dct(x, type=2, n=None, axis=-1, norm=None, overwrite_x=False, workers=None,
        orthogonalize=None):
    return _transform("dct", "r2r", False, x, n, axis, (type, n, axis, norm),
                      {"workers": workers, "orthogonalize": orthogonalize})


@_documented
def idct(x, type=2, n=None, axis=-1, norm=None, overwrite_x=False, workers=None,
         orthogonalize=None):
    return _transform("idct", "r2r", False, x, n, axis, (type, n, axis, norm),
                      {"workers": workers, "orthogonalize": orthogonalize})
