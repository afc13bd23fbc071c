"""Argument rules for the fftbackend transforms, gathered in one place.

The contract is SciPy's own ``scipy.fft`` (pocketfft) layer: for every
argument, valid or not, we must produce the same output dtype and shape, and
the same exception type and message.  Errors that SciPy lets Python or NumPy
raise (a float ``n`` used as a slice bound, an unhashable ``norm``...) are
reproduced by performing the equivalent operation in the same order, so the
order of the checks below is part of the contract too.

What comes out of here is exactly what the C binding needs: a native-order,
aligned complex64/complex128 (or, for real input, float32/float64) array, an
output array, non-negative axes, a float scale factor and a thread count.

Complex transforms follow SciPy's ``c2c``/``c2cn``, real ones its ``r2c``/``r2cn``
(``rfft*``, ``ihfft*``) and ``c2r``/``c2rn`` (``irfft*``, ``hfft*``), and the
real-to-real ones (``dct*``, ``dst*`` and their inverses) its ``_r2r``/``_r2rn``,
each with its own order of checks.  Some checks happen, in SciPy, when its
compiled binding converts its arguments (pybind11): the DCT/DST ``type``, the
thread count, ``orthogonalize``; those are reproduced at the point where SciPy
calls the binding.
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

# Complex dtype that real input of a given dtype.char is transformed in, and
# the real dtype it is read in (float16 is computed in single precision).
# Integers, booleans and anything converted to float64 land on double precision.
_COMPLEX_FOR_REAL = {"e": _COMPLEX64, "f": _COMPLEX64}
_FLOAT_FOR_REAL = {"e": _FLOAT32, "f": _FLOAT32}
# Real dtype of the output of a complex-to-real transform, by dtype.char.
_FLOAT_FOR_COMPLEX = {"F": _FLOAT32}


def _complex_for(dtype):
    """Complex dtype of the transform of real input of ``dtype``."""
    return _COMPLEX_FOR_REAL.get(dtype.char, _COMPLEX128)


def _float_for(dtype):
    """Real dtype of the real output of a transform of complex ``dtype``."""
    return _FLOAT_FOR_COMPLEX.get(dtype.char, _FLOAT64)

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


def _fast_exponent(norm, forward):
    """`norm_exponent` for the fast paths: None for anything but the four valid
    values (the full path then raises SciPy's error)."""
    if norm is None:
        return 0 if forward else 2
    if type(norm) is str:
        exponents = _NORM_EXPONENTS.get(norm)
        if exponents is not None:
            return exponents[0] if forward else exponents[1]
    return None


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
      byte order and alignment (`conform_real` turns it into what the real
      kernel reads, `conform` into a complex array; both take care of byte
      order and alignment).
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


def _crop_or_pad(shape, lengths, axes):
    """SciPy's ``_fix_shape`` plan: the index reading the kept part of the
    input, the target shape and whether zero padding is needed."""
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
    return tuple(index), target_shape, pad


def conform(a, owned, lengths, axes):
    """Crop or zero-pad ``a`` to ``lengths`` along ``axes`` and make it complex
    (SciPy's ``_fix_shape``).  Returns ``(a, owned)``."""
    index, target_shape, pad = _crop_or_pad(a.shape, lengths, axes)
    complex_input = a.dtype.kind == "c"
    if pad:
        result = np.zeros(target_shape, a.dtype if complex_input
                          else _complex_for(a.dtype))
        result[index] = a[index]
        return result, True
    cropped = a[index]
    if complex_input:
        return cropped, owned
    return cropped.astype(_complex_for(a.dtype)), True


def conform_real(a, lengths=(), axes=()):
    """Real counterpart of `conform`: crop or zero-pad real ``a`` (SciPy pads in
    its working dtype, so do we) and return it as the native-order, aligned
    float32/float64 array the real kernel reads, a view whenever possible.
    The result is only ever read, so who owns it does not matter."""
    return _conform_real_owned(a, False, lengths, axes)[0]


def _conform_real_owned(a, owned, lengths, axes):
    """`conform_real` for callers that may write into the result: returns
    ``(a, owned)``, ``owned`` True when the result is a buffer made here."""
    dtype = _FLOAT_FOR_REAL.get(a.dtype.char, _FLOAT64)
    index, target_shape, pad = _crop_or_pad(a.shape, lengths, axes)
    if pad:
        result = np.zeros(target_shape, dtype)
        result[index] = a[index]
        return result, True
    cropped = a[index] if lengths else a
    if cropped.dtype == dtype and cropped.flags.aligned:   # == also compares byte order
        return cropped, owned
    return cropped.astype(dtype), True


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


def checked_axes(axes, ndim):
    """``axes`` (a sequence of integers) as a list of non-negative axes of an
    ``ndim``-dimensional array, each once; SciPy's errors otherwise."""
    axes = [ax + ndim if ax < 0 else ax for ax in _ints(axes, "axes")]
    for ax in axes:
        if ax < 0 or ax >= ndim:
            raise ValueError("axes exceeds dimensionality of input")
    if len(set(axes)) != len(axes):
        raise ValueError("all axes must be unique")
    return axes


def shape_and_axes(a, s, axes):
    """SciPy's ``_init_nd_shape_and_axes``: resolve ``s`` and ``axes`` against
    ``a`` into a tuple of output lengths and a list of non-negative axes."""
    ndim = a.ndim
    if axes is not None:
        axes = checked_axes(axes, ndim)

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
# Each prepare_* function returns what its kernel call needs, or the result
# itself (with None in place of the axis/axes) when there is nothing to compute.
#
# The fast paths at their top handle the calls that dominate small
# transforms: a native, aligned ndarray of a dtype the kernel takes and
# default arguments.  Anything unusual takes the general path, which checks
# everything in SciPy's order.

def prepare_c2c(forward, x, n, axis, norm, overwrite_x, workers, plan):
    """Arguments of a 1-D complex transform (``fft``/``ifft``):
    ``(a, out, axes, fct, nthreads)``.  ``a`` is complex, or real
    float32/float64 (the caller then uses the real kernel; ``out`` is None)."""
    if (type(x) is _ndarray and n is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and overwrite_x is False and plan is None and type(axis) is int):
        dtype = x.dtype
        if (dtype is _COMPLEX128 or dtype is _COMPLEX64 or dtype is _FLOAT64
                or dtype is _FLOAT32) and x.flags.aligned:
            shape = x.shape
            ndim = len(shape)
            if -ndim <= axis < ndim and x.size:   # size 0: no kernel call
                # out None: the binding allocates the output
                return (x, None, (axis + ndim if axis < 0 else axis,),
                        scale_factor(e, shape[axis]),
                        default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, owned, _ = as_inexact(x)
    reuse = overwrite_x or owned     # evaluated where SciPy evaluates it
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)

    complex_input = a.dtype.kind == "c"
    if n is None:
        npoints = a.shape[axis]
        if npoints < 1:
            raise ValueError(f"invalid number of data points ({npoints}) specified")
        if not complex_input:
            a = conform_real(a)
    else:
        if n < 1:
            raise ValueError(f"invalid number of data points ({n}) specified")
        if complex_input:
            a, owned = conform(a, owned, (n,), (axis,))
        else:
            a = conform_real(a, (n,), (axis,))
        npoints = a.shape[axis]

    axis = _index(axis)
    if axis < 0:
        axis += a.ndim
    # Real input is never overwritten (SciPy does not either): the real
    # kernel writes a new complex array.
    out = output_for(a, reuse or owned) if complex_input else None
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        return (out if complex_input else _empty(a.shape, _complex_for(a.dtype)),
                None, None, None, None)
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
    """Arguments of an N-D complex transform (``fftn``/``fft2`` and inverses),
    as `prepare_c2c` returns them."""
    if (type(x) is _ndarray and s is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and overwrite_x is False and plan is None):
        dtype = x.dtype
        if (dtype is _COMPLEX128 or dtype is _COMPLEX64 or dtype is _FLOAT64
                or dtype is _FLOAT32) and x.flags.aligned:
            shape = x.shape
            plain = _plain_axes(axes, len(shape))
            if plain and x.size:     # size > 0: every transformed length is >= 1
                return (x, None, plain,
                        scale_factor(e, math.prod([shape[ax] for ax in plain])),
                        default_workers())

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

    complex_input = a.dtype.kind == "c"
    if not complex_input:
        a = conform_real(a, lengths, axes)
    elif s is not None:
        a, owned = conform(a, owned, lengths, axes)
    exponent = norm_exponent(norm, forward)
    out = output_for(a, reuse or owned) if complex_input else None
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        return (out if complex_input else _empty(a.shape, _complex_for(a.dtype)),
                None, None, None, None)
    npoints = math.prod(lengths)
    return a, out, tuple(axes), scale_factor(exponent, npoints), nthreads


# Real transforms.  SciPy never looks at overwrite_x in them (and never
# writes into the input), so neither do we.

def prepare_r2c(forward, x, n, axis, norm, workers, plan):
    """Arguments of a 1-D real-input transform (``rfft``/``ihfft``):
    ``(a, axis, fct, nthreads)``, ``a`` a native, aligned float32/float64
    array."""
    if (type(x) is _ndarray and n is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and plan is None and type(axis) is int):
        dtype = x.dtype
        if (dtype is _FLOAT64 or dtype is _FLOAT32) and x.flags.aligned:
            shape = x.shape
            ndim = len(shape)
            if -ndim <= axis < ndim and x.size:
                return (x, axis + ndim if axis < 0 else axis,
                        scale_factor(e, shape[axis]),
                        default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, _, _ = as_inexact(x)
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)
    if a.dtype.kind == "c":
        raise TypeError("x must be a real sequence")

    if n is None:
        npoints = a.shape[axis]
        if npoints < 1:
            raise ValueError(f"invalid number of data points ({npoints}) specified")
        a = conform_real(a)
    else:
        if n < 1:
            raise ValueError(f"invalid number of data points ({n}) specified")
        a = conform_real(a, (n,), (axis,))
        npoints = a.shape[axis]

    axis = _index(axis)
    if axis < 0:
        axis += a.ndim
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        shape = list(a.shape)
        shape[axis] = npoints // 2 + 1
        return _empty(shape, _complex_for(a.dtype)), None, None, None
    return a, axis, scale_factor(exponent, npoints), nthreads


def prepare_c2r(forward, x, n, axis, norm, workers, plan):
    """Arguments of a 1-D real-output transform (``irfft``/``hfft``):
    ``(a, axis, n, fct, nthreads)``, ``a`` a native, aligned complex array
    with ``n // 2 + 1`` points along ``axis`` and ``n`` the output length."""
    if (type(x) is _ndarray and n is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and plan is None and type(axis) is int):
        dtype = x.dtype
        if (dtype is _COMPLEX128 or dtype is _COMPLEX64) and x.flags.aligned:
            shape = x.shape
            ndim = len(shape)
            if -ndim <= axis < ndim and x.size:
                npoints = 2 * (shape[axis] - 1)
                if npoints > 0:
                    return (x, axis + ndim if axis < 0 else axis, npoints,
                            scale_factor(e, npoints),
                            default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, owned, _ = as_inexact(x)
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)
    # (real input is made complex, as SciPy does, by `conform` below)

    if n is None:
        n = (a.shape[axis] - 1) * 2
        if n < 1:
            raise ValueError(f"Invalid number of data points ({n}) specified")
        if a.dtype.kind != "c":
            a, owned = conform(a, owned, (), ())
    else:
        npoints = n // 2 + 1      # what the input is cropped or padded to
        if npoints < 1:
            raise ValueError(f"invalid number of data points ({npoints}) specified")
        a, owned = conform(a, owned, (npoints,), (axis,))
        # SciPy's binding reads an output length of 0 as "the odd length
        # 2 * m - 1", m = 0 // 2 + 1 = 1 here: one point.  Its binding
        # converts a numpy bool (which has no __index__) with int().
        n = (int(n) if isinstance(n, np.bool_) else _index(n)) or 1

    axis = _index(axis)
    if axis < 0:
        axis += a.ndim
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        shape = list(a.shape)
        shape[axis] = n
        return _empty(shape, _float_for(a.dtype)), None, None, None, None
    return a, axis, n, scale_factor(exponent, n), nthreads


def prepare_r2cn(forward, x, s, axes, norm, workers, plan):
    """Arguments of an N-D real-input transform (``rfftn``/``ihfftn``):
    ``(a, axes, fct, nthreads)``; the last of ``axes`` is the halved one."""
    if (type(x) is _ndarray and s is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and plan is None):
        dtype = x.dtype
        if (dtype is _FLOAT64 or dtype is _FLOAT32) and x.flags.aligned:
            shape = x.shape
            plain = _plain_axes(axes, len(shape))
            if plain and x.size:
                return (x, plain,
                        scale_factor(e, math.prod([shape[ax] for ax in plain])),
                        default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, _, _ = as_inexact(x)
    if a.dtype.kind == "c":
        raise TypeError("x must be a real sequence")
    lengths, axes = shape_and_axes(a, s, axes)
    a = conform_real(a, lengths, axes)
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)
    if not axes:
        raise ValueError("at least 1 axis must be transformed")

    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        shape = list(a.shape)
        shape[axes[-1]] = lengths[-1] // 2 + 1
        return _empty(shape, _complex_for(a.dtype)), None, None, None
    return a, tuple(axes), scale_factor(exponent, math.prod(lengths)), nthreads


def prepare_c2rn(forward, x, s, axes, norm, workers, plan):
    """Arguments of an N-D real-output transform (``irfftn``/``hfftn``):
    ``(a, work, axes, n, fct, nthreads)``.  ``a`` is a native, aligned
    complex array with ``n // 2 + 1`` points along the last of ``axes``, ``n``
    the output length there; ``work`` is where the complex transform over the
    other axes may be written: ``a`` itself when it is our own copy, else
    None (a new array)."""
    if (type(x) is _ndarray and s is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and plan is None):
        dtype = x.dtype
        if (dtype is _COMPLEX128 or dtype is _COMPLEX64) and x.flags.aligned:
            shape = x.shape
            plain = _plain_axes(axes, len(shape))
            if plain and x.size:
                npoints = 2 * (shape[plain[-1]] - 1)
                if npoints > 0:
                    return (x, None, plain, npoints,
                            scale_factor(e, npoints * math.prod([shape[ax] for ax in plain[:-1]])),
                            default_workers())

    if plan is not None:
        raise NotImplementedError(PLAN_MESSAGE)
    a, owned, _ = as_inexact(x)
    # (real input is made complex, as SciPy does, by `conform` below)
    lengths, axes = shape_and_axes(a, s, axes)
    if not axes:
        raise ValueError("at least 1 axis must be transformed")
    lengths = list(lengths)
    if s is None:
        # SciPy's default output length: even, so odd lengths are lost.
        lengths[-1] = (a.shape[axes[-1]] - 1) * 2
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)

    n = lengths[-1]
    lengths[-1] = n // 2 + 1
    a, owned = conform(a, owned, lengths, axes)
    if n == 0:
        n = 1      # SciPy's binding: the odd length 2 * 1 - 1, as in prepare_c2r
    nthreads = _as_thread_count(nthreads)
    if a.size == 0:
        shape = list(a.shape)
        shape[axes[-1]] = n
        return (_empty(shape, _float_for(a.dtype)),
                None, None, None, None, None)
    npoints = n * math.prod(lengths[:-1])
    work = a if owned and a.flags.writeable and not _may_self_overlap(a) else None
    return a, work, tuple(axes), n, scale_factor(exponent, npoints), nthreads


# --------------------------------------------------------------------------
# real-to-real transforms (DCT/DST)
#
# SciPy's ``_r2r``/``_r2rn`` check the Python-level arguments in their own
# order, then call their binding once (twice for complex input, on the real
# and imaginary parts).  The binding first converts its arguments (``type``
# and the thread count, TypeError), then checks ``orthogonalize``
# (RuntimeError), then the range of ``type`` (ValueError), then the lengths
# (DCT-I of one point: RuntimeError), the last only for non-empty arrays.

_R2R_NAMES = ("DCT", "DST")       # indexed by the ``dst`` flag
_INT_MIN = -2 ** 31               # the binding takes ``type`` as a C int
_INT_LIMIT = 2 ** 31
_ZERO_LENGTH_MESSAGE = "zero-length FFT requested"


def _inverse_type(kind):
    """The type SciPy computes for an inverse DCT/DST of ``kind`` (2 and 3
    swap).  SciPy compares with ``==`` before anything converts ``kind``, so
    whatever equals 2 or 3 (``2.0``, ``np.array([3])``...) is swapped, and
    thereby becomes a plain int, even where its binding would reject the
    value itself; an array that has no truth value raises here, as there."""
    if kind == 2:
        return 3
    if kind == 3:
        return 2
    return kind


def _binding_int(value):
    """``value`` as SciPy's binding (pybind11, converting) reads a C int, or
    None where it raises TypeError: Python floats are refused, anything with
    ``__index__`` is taken, and other numbers (NumPy floating scalars, 0-d
    arrays, Decimal, Fraction...) are truncated with ``int()``."""
    if isinstance(value, float):
        return None
    try:
        number = _index(value)
    except Exception:
        cls = type(value)
        if not (hasattr(cls, "__int__") or hasattr(cls, "__float__")
                or hasattr(cls, "__index__") or isinstance(value, complex)):
            return None
        try:
            number = int(value)
        except Exception:
            return None
    if not _INT_MIN <= number < _INT_LIMIT:
        return None
    return number


def _binding_bool(value):
    """``orthogonalize`` as SciPy's binding reads a C++ bool: True/False, or
    the truth value of an object whose type defines ``__bool__`` (numbers,
    NumPy scalars, one-element arrays); anything else (a string, a list, an
    ambiguous array) is a RuntimeError there, so it is one here too."""
    if value is True or value is False:
        return value
    if getattr(type(value), "__bool__", None) is not None:
        try:
            return bool(value)
        except Exception:
            pass
    raise RuntimeError(f"orthogonalize must be None or a truth value (bool, int, "
                       f"float...), not an instance of {type(value).__name__}")


def _r2r_points(dst, kind, n):
    """Length of the DFT a DCT/DST of ``kind`` on ``n`` points is defined by,
    which its normalisation divides by: 2(n-1) for DCT-I, 2(n+1) for DST-I,
    2n otherwise."""
    if kind == 1:
        return 2 * (n + 1) if dst else 2 * (n - 1)
    return 2 * n


def _r2r_input(a, owned, lengths, axes):
    """Crop or zero-pad ``a`` to ``lengths`` along ``axes``: complex input
    stays complex, real input becomes native, aligned float32/float64.
    Returns ``(a, owned)``."""
    if a.dtype.kind == "c":
        return conform(a, owned, lengths, axes)
    return _conform_real_owned(a, owned, lengths, axes)


def _r2r_call(a, reuse, axes, dst, kind, orthogonalize, exponent, nthreads):
    """What SciPy's binding checks and computes once the Python-level
    arguments are settled: ``(a, out, axes, kind, ortho, fct, nthreads)``,
    or the result and Nones when there is nothing to compute."""
    number = _binding_int(kind)
    if number is None:
        raise TypeError(f"{_R2R_NAMES[dst]} type must be an integer "
                        f"(1, 2, 3 or 4), not {kind!r}")
    nthreads = _as_thread_count(nthreads)
    complex_input = a.dtype.kind == "c"
    if orthogonalize is None or complex_input:
        # SciPy does not pass `orthogonalize` on for complex input (it
        # transforms the real and imaginary parts with the binding's default),
        # so there it is ignored, whatever its value: the default rule, on
        # exactly for the "ortho" normalisation, applies.
        ortho = exponent == 1
    else:
        ortho = _binding_bool(orthogonalize)
    if not 1 <= number <= 4:
        raise ValueError(f"invalid {_R2R_NAMES[dst]} type")

    # SciPy writes into its working array when allowed to (overwrite_x, or
    # a copy of its own); we never write into memory that is read-only or
    # self-overlapping.  Complex input needs an output to write both halves in.
    writable = reuse and a.flags.writeable and not _may_self_overlap(a)
    if complex_input:
        out = a if writable else np.empty_like(a)    # (SciPy's layout too)
    else:
        out = a if writable else None
    if a.size == 0:
        return (_empty(a.shape, a.dtype) if out is None else out,
                None, None, None, None, None, None)

    npoints = 1
    shape = a.shape
    for ax in axes:
        points = _r2r_points(dst, number, shape[ax])
        if points == 0:
            raise RuntimeError(_ZERO_LENGTH_MESSAGE)
        npoints *= points
    return a, out, tuple(axes), number, ortho, scale_factor(exponent, npoints), nthreads


def prepare_r2r(forward, dst, x, kind, n, axis, norm, overwrite_x, workers,
                orthogonalize):
    """Arguments of a 1-D DCT (``dst`` False) or DST, forward or inverse:
    ``(a, out, axes, kind, ortho, fct, nthreads)``.  ``a`` is a native,
    aligned float32/float64 array, or complex64/complex128 (the caller
    transforms ``a.real`` into ``out.real`` and ``a.imag`` into
    ``out.imag``; ``out`` is then always given).  ``kind`` is the type to
    compute (the inverse's already mapped), ``out`` None means a new array.
    With ``axes`` None, ``a`` is the result."""
    if (type(x) is _ndarray and n is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and overwrite_x is False and orthogonalize is None
            and type(kind) is int and type(axis) is int):
        dtype = x.dtype
        if (dtype is _FLOAT64 or dtype is _FLOAT32) and x.flags.aligned and 0 < kind < 5:
            shape = x.shape
            ndim = len(shape)
            if -ndim <= axis < ndim and x.size:
                if not forward and (kind == 2 or kind == 3):
                    kind = 5 - kind
                npoints = _r2r_points(dst, kind, shape[axis])
                if npoints:       # (0: DCT-I of one point, an error)
                    return (x, None, (axis + ndim if axis < 0 else axis,), kind, e == 1,
                            scale_factor(e, npoints), default_workers())

    a, owned, _ = as_inexact(x)
    reuse = overwrite_x or owned     # evaluated where SciPy evaluates it
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)
    if not forward:
        kind = _inverse_type(kind)

    if n is None:
        n = a.shape[axis]
        if n < 1:
            raise ValueError(f"invalid number of data points ({n}) specified")
        # (cropping to the whole length makes a view: like SciPy's, our
        # result is never the caller's array object itself, even when it is
        # written into the caller's memory)
        a, owned = _r2r_input(a, owned, (n,), (axis,))
    else:
        if n < 1:
            raise ValueError(f"invalid number of data points ({n}) specified")
        a, owned = _r2r_input(a, owned, (n,), (axis,))

    axis = _index(axis)
    if axis < 0:
        axis += a.ndim
    return _r2r_call(a, reuse or owned, (axis,), dst, kind, orthogonalize,
                     exponent, nthreads)


def prepare_r2rn(forward, dst, x, kind, s, axes, norm, overwrite_x, workers,
                 orthogonalize):
    """Arguments of an N-D DCT/DST, as `prepare_r2r` returns them.  Over no
    axes the result is SciPy's: its input, untouched, whatever the other
    arguments."""
    if (type(x) is _ndarray and s is None and workers is None and (e := _fast_exponent(norm, forward)) is not None
            and overwrite_x is False and orthogonalize is None and type(kind) is int):
        dtype = x.dtype
        if (dtype is _FLOAT64 or dtype is _FLOAT32) and x.flags.aligned and 0 < kind < 5:
            shape = x.shape
            plain = _plain_axes(axes, len(shape))
            if plain and x.size:
                if not forward and (kind == 2 or kind == 3):
                    kind = 5 - kind
                npoints = 1
                for ax in plain:
                    npoints *= _r2r_points(dst, kind, shape[ax])
                if npoints:
                    return (x, None, plain, kind, e == 1,
                            scale_factor(e, npoints), default_workers())

    a, owned, original = as_inexact(x)
    lengths, axes = shape_and_axes(a, s, axes)
    reuse = overwrite_x or owned     # evaluated where SciPy evaluates it
    if not axes:
        return original, None, None, None, None, None, None

    a, owned = _r2r_input(a, owned, lengths, axes)
    if not forward:
        kind = _inverse_type(kind)
    exponent = norm_exponent(norm, forward)
    nthreads = num_threads(workers)
    return _r2r_call(a, reuse or owned, axes, dst, kind, orthogonalize,
                     exponent, nthreads)
