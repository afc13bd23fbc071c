"""Argument rules for the fftbackend transforms, gathered in one place.

The contract is SciPy's own ``scipy.fft`` (pocketfft) layer: for every
argument, valid or not, we must produce the same output dtype and shape, and
the same exception type and message.  Errors that SciPy lets Python or NumPy
raise (a float ``n`` used as a slice bound, an unhashable ``norm``...) are
reproduced by performing the equivalent operation in the same order, so the
order of the checks below is part of the contract too.

What comes out of here is exactly what the C binding needs: a native-order,
aligned complex64/complex128 array, an output array, non-negative axes, a
float scale factor and a thread count.
"""
import math
import operator
import os
import threading
from numbers import Number

import numpy as np
import scipy.fft as _scipy_fft

__all__ = []  # private module

_ndarray = np.ndarray
_empty = np.empty
_index = operator.index
_sqrt = math.sqrt

_COMPLEX64 = np.dtype(np.complex64)
_COMPLEX128 = np.dtype(np.complex128)
_FLOAT32 = np.dtype(np.float32)
_FLOAT64 = np.dtype(np.float64)

# Complex dtype that real input of a given dtype.char is transformed in.
# Integers, booleans and anything converted to float64 land on complex128.
_COMPLEX_FOR_REAL = {"e": _COMPLEX64, "f": _COMPLEX64}

PLAN_MESSAGE = ("Passing a precomputed plan is not yet supported by "
                "scipy.fft functions")

_CPU_COUNT = os.cpu_count()


class _Unsupported(Exception):
    """Raised for input our kernels cannot transform (long double, non-NumPy
    array-API arrays).  Never escapes the package: the uarray dispatcher turns
    it into ``NotImplemented`` and the public functions hand the call over to
    SciPy's own implementation."""


# --------------------------------------------------------------------------
# workers

def _find_scipy_workers_state():
    # scipy.fft.get_workers() costs ~0.45 us per call because a getattr with
    # a default on a threading.local that lacks the attribute raises and
    # swallows an AttributeError internally; a plain dict lookup on the
    # thread's __dict__ is ~10x cheaper.  This reaches into SciPy's private
    # state, so it is only used when that state looks exactly as expected.
    try:
        from scipy.fft._pocketfft.helper import _config, get_workers
    except ImportError:
        return None
    if not isinstance(_config, threading.local):
        return None
    if get_workers is not _scipy_fft.get_workers:
        return None
    if _config.__dict__.get("default_workers", 1) != get_workers():
        return None
    return _config


_workers_state = _find_scipy_workers_state()

if _workers_state is not None:
    def default_workers():
        """The current ``scipy.fft.set_workers`` value (default 1)."""
        return _workers_state.__dict__.get("default_workers", 1)
else:
    default_workers = _scipy_fft.get_workers


def num_threads(workers):
    """SciPy's ``workers`` rule: None -> context default, negative counts back
    from ``os.cpu_count()`` (-1 = all CPUs), zero is an error."""
    if workers is None:
        return default_workers()
    if workers < 0:
        if workers >= -_CPU_COUNT:
            workers += 1 + _CPU_COUNT
        else:
            raise ValueError(f"workers value out of range; got {workers}, "
                             f"must not be less than {-_CPU_COUNT}")
    elif workers == 0:
        raise ValueError("workers must not be zero")
    # A non-integral value passes: SciPy only rejects it (TypeError) when it
    # reaches its binding, i.e. not at all if nothing is transformed.  See
    # `_as_thread_count`.
    return workers


def _as_thread_count(nthreads):
    # Same exception type as SciPy's binding; the message cannot match (it
    # prints the whole input array).
    return nthreads if type(nthreads) is int else _index(nthreads)


# --------------------------------------------------------------------------
# norm

# The scale is N ** (-exponent / 2), N being the number of points transformed;
# entries are (forward exponent, inverse exponent).
_NORM_EXPONENTS = {
    None: (0, 2),
    "backward": (0, 2),
    "ortho": (1, 1),
    "forward": (2, 0),
}


def norm_exponent(norm, forward):
    """Validate ``norm``; return the exponent that `scale_factor` takes."""
    try:
        exponents = _NORM_EXPONENTS[norm]   # an unhashable norm: TypeError, as in SciPy
    except KeyError:
        raise ValueError(f"Invalid norm value {norm!r}, should be "
                         f'"backward", "ortho" or "forward"') from None
    return exponents[0] if forward else exponents[1]


def scale_factor(exponent, npoints):
    """Plain float factor the kernel multiplies the result by."""
    if exponent == 0:
        return 1.0
    if exponent == 2:
        return 1.0 / npoints
    return 1.0 / _sqrt(npoints)


# --------------------------------------------------------------------------
# input array

def as_inexact(x):
    """SciPy's dtype rules for the input.

    Returns ``(a, owned, original)``:

    - ``a``: complex input as a native-order, aligned complex64/complex128
      array; real input as a float16/32/64, integer or boolean array of any
      byte order and alignment (it is always copied into a complex array by
      `conform`, which takes care of both).
    - ``owned``: True when ``a`` is a buffer we allocated ourselves, so it may
      be overwritten without the user's ``overwrite_x`` permission (SciPy's
      ``_datacopied`` rule).
    - ``original``: ``np.asarray(x)``, what SciPy returns from an N-D
      transform over no axes.
    """
    if type(x) is _ndarray:
        original = x
        owned = False
    elif isinstance(x, _ndarray):
        original = np.asarray(x)    # subclasses: SciPy computes on (and returns) a plain ndarray
        owned = False
    else:
        if hasattr(x, "__array_namespace__") and not isinstance(x, np.generic):
            # CuPy, PyTorch, JAX...: SciPy dispatches those to their own
            # namespace (or converts them in its own way).
            raise _Unsupported
        original = np.asarray(x)
        # An object exposing __array__ may hand out its internal buffer even
        # when the result has no base, so only data NumPy built from Python
        # sequences/scalars counts as ours.
        owned = original.base is None and not hasattr(x, "__array__")

    dtype = original.dtype
    kind = dtype.kind
    if kind == "c" or kind == "f":
        if dtype.char in "gG":
            raise _Unsupported      # long double: SciPy keeps the extended precision
        if kind == "f" or (dtype.isnative and original.flags.aligned):
            return original, owned, original
        return np.array(original, dtype=dtype.newbyteorder("="), copy=True), True, original
    if kind in "biu":
        return original, owned, original
    # Objects, strings, datetimes...: the float64 conversion either works or
    # raises the error SciPy raises.
    return np.asarray(original, np.float64), True, original


def conform(a, owned, lengths, axes):
    """Crop or zero-pad ``a`` to ``lengths`` along ``axes`` and make it complex
    (SciPy's ``_fix_shape``).  Returns ``(a, owned)``."""
    shape = a.shape
    index = [slice(None)] * len(shape)
    target_shape = list(shape)
    pad = False
    for n, ax in zip(lengths, axes):
        # Written as SciPy does, so bad values fail with the same message.
        if shape[ax] >= n:
            index[ax] = slice(0, n)
        else:
            index[ax] = slice(0, shape[ax])
            pad = True
        target_shape[ax] = n
    index = tuple(index)

    complex_input = a.dtype.kind == "c"
    if pad:
        result = np.zeros(target_shape, a.dtype if complex_input
                          else _COMPLEX_FOR_REAL.get(a.dtype.char, _COMPLEX128))
        result[index] = a[index]
        return result, True
    cropped = a[index]
    if complex_input:
        return cropped, owned
    return cropped.astype(_COMPLEX_FOR_REAL.get(a.dtype.char, _COMPLEX128)), True


# --------------------------------------------------------------------------
# shape / axes of N-D transforms

def _ints(value, name):
    """A scalar or iterable of integers as a list of ints."""
    # (isinstance against the Number ABC is slow; skip it for the usual types)
    values = value if type(value) in (tuple, list) or not isinstance(value, Number) else (value,)
    try:
        return [_index(v) for v in values]
    except TypeError as e:
        raise ValueError(f"{name} must be a scalar or iterable of integers") from e


def shape_and_axes(a, s, axes):
    """SciPy's ``_init_nd_shape_and_axes``: resolve ``s`` and ``axes`` against
    ``a`` into a tuple of output lengths and a list of non-negative axes."""
    ndim = a.ndim
    if axes is not None:
        axes = [ax + ndim if ax < 0 else ax for ax in _ints(axes, "axes")]
        for ax in axes:
            if ax < 0 or ax >= ndim:
                raise ValueError("axes exceeds dimensionality of input")
        if len(set(axes)) != len(axes):
            raise ValueError("all axes must be unique")

    if s is not None:
        s = _ints(s, "shape")
        # An explicitly empty axes list does not have to match s.
        if axes and len(axes) != len(s):
            raise ValueError("when given, axes and shape arguments"
                             " have to be of the same length")
        if axes is None:
            if len(s) > ndim:
                raise ValueError("shape requires more axes than are present")
            axes = list(range(ndim - len(s), ndim))
        lengths = [a.shape[ax] if n == -1 else n for n, ax in zip(s, axes)]
    elif axes is None:
        lengths = list(a.shape)
        axes = list(range(ndim))
    else:
        lengths = [a.shape[ax] for ax in axes]

    for n in lengths:
        if n < 1:
            raise ValueError(f"invalid number of data points ({lengths}) specified")
    return tuple(lengths), axes


# --------------------------------------------------------------------------
# output array

def _may_self_overlap(a):
    """Whether two elements of ``a`` may share memory (zero strides of a
    broadcast view, as_strided tricks).  Errs on the side of True."""
    flags = a.flags
    if flags.c_contiguous or flags.f_contiguous or a.size == 0:
        return False
    # Sufficient condition for no overlap: sorted by |stride|, every axis
    # steps past the whole extent of the axes inside it.
    extent = a.itemsize
    for stride, length in sorted((abs(st), n) for st, n in zip(a.strides, a.shape) if n > 1):
        if stride < extent:
            return True
        extent = stride * (length - 1) + extent
    return False


def output_for(a, reuse):
    """Array the kernel writes into: ``a`` itself when we may overwrite it and
    it is safe to (writeable, no self-overlap), else a fresh one."""
    if reuse and a.flags.writeable and not _may_self_overlap(a):
        return a
    return _empty(a.shape, a.dtype)


# --------------------------------------------------------------------------
# everything a transform needs, in SciPy's order of checks
#
# Both functions return (a, out, axes, fct, nthreads) ready for the kernel
# (out None: the kernel allocates it), or (result, None, None, ...) when there
# is nothing to compute.

def prepare_c2c(forward, x, n, axis, norm, overwrite_x, workers, plan):
    """Arguments of a 1-D complex transform (``fft``/``ifft``)."""
    # Fast path for the calls that dominate small transforms: a native
    # complex (aligned) or real ndarray and default arguments.  Anything
    # unusual takes the general path, which checks everything in SciPy's order.
    if (type(x) is _ndarray and n is None and norm is None and workers is None
            and overwrite_x is False and plan is None and type(axis) is int):
        dtype = x.dtype
        complex_input = dtype is _COMPLEX128 or dtype is _COMPLEX64
        if (complex_input and x.flags.aligned) or dtype is _FLOAT64 or dtype is _FLOAT32:
            shape = x.shape
            ndim = len(shape)
            if -ndim <= axis < ndim and x.size:   # size 0: no kernel call
                if complex_input:
                    a, out = x, None   # None: the binding allocates the output
                else:   # the complex copy is ours: transform it in place
                    a = out = x.astype(_COMPLEX128 if dtype is _FLOAT64 else _COMPLEX64)
                return (a, out, (axis + ndim if axis < 0 else axis,),
                        1.0 if forward else 1.0 / shape[axis],
                        _workers_state.__dict__.get("default_workers", 1)
                        if _workers_state is not None else default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, owned, _ = as_inexact(x)
    reuse = overwrite_x or owned     # evaluated where SciPy evaluates it
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)

    if n is None:
        npoints = a.shape[axis]
        if npoints < 1:
            raise ValueError(f"invalid number of data points ({npoints}) specified")
        if a.dtype.kind != "c":
            a, owned = conform(a, owned, (npoints,), (axis,))
    else:
        if n < 1:
            raise ValueError(f"invalid number of data points ({n}) specified")
        a, owned = conform(a, owned, (n,), (axis,))
        npoints = a.shape[axis]

    axis = _index(axis)
    if axis < 0:
        axis += a.ndim
    out = output_for(a, reuse or owned)
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        return out, None, None, None, None
    return a, out, (axis,), scale_factor(exponent, npoints), nthreads


def _plain_axes(axes, ndim):
    """``axes`` as a tuple of distinct non-negative ints when it plainly is
    valid (None, or a tuple of in-range ints), else None."""
    if axes is None:
        return tuple(range(ndim))
    if type(axes) is not tuple:
        return None
    plain = []
    for ax in axes:
        if type(ax) is not int or not -ndim <= ax < ndim:
            return None
        plain.append(ax + ndim if ax < 0 else ax)
    if len(set(plain)) != len(plain):
        return None
    return tuple(plain)


def prepare_c2cn(forward, x, s, axes, norm, overwrite_x, workers, plan):
    """Arguments of an N-D complex transform (``fftn``/``fft2`` and inverses)."""
    # Fast path, as in prepare_c2c, for axes None or a plain tuple of ints.
    if (type(x) is _ndarray and s is None and norm is None and workers is None
            and overwrite_x is False and plan is None):
        dtype = x.dtype
        complex_input = dtype is _COMPLEX128 or dtype is _COMPLEX64
        if (complex_input and x.flags.aligned) or dtype is _FLOAT64 or dtype is _FLOAT32:
            shape = x.shape
            plain = _plain_axes(axes, len(shape))
            if plain and x.size:     # size > 0: every transformed length is >= 1
                if complex_input:
                    a, out = x, None   # None: the binding allocates the output
                else:
                    a = out = x.astype(_COMPLEX128 if dtype is _FLOAT64 else _COMPLEX64)
                return (a, out, plain,
                        1.0 if forward else 1.0 / math.prod([shape[ax] for ax in plain]),
                        _workers_state.__dict__.get("default_workers", 1)
                        if _workers_state is not None else default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, owned, original = as_inexact(x)

    if s is None and axes is None:
        lengths = a.shape
        axes = range(a.ndim)
        for npoints in lengths:
            if npoints < 1:
                raise ValueError(f"invalid number of data points ({list(lengths)}) specified")
    else:
        lengths, axes = shape_and_axes(a, s, axes)
    reuse = overwrite_x or owned     # evaluated where SciPy evaluates it
    nthreads = num_threads(workers)

    if not axes:
        # SciPy returns its input untouched, without looking at norm.
        return original, None, None, None, None

    if s is not None or a.dtype.kind != "c":
        a, owned = conform(a, owned, lengths, axes)
    exponent = norm_exponent(norm, forward)
    out = output_for(a, reuse or owned)
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        return out, None, None, None, None
    npoints = math.prod(lengths)
    return a, out, tuple(axes), scale_factor(exponent, npoints), nthreads
