"""Complex FFTs with SciPy's ``scipy.fft`` signatures and semantics (real
input goes to the real kernel, see `_real_input`; the real transforms
``rfft``... live in `_real`).

Argument handling lives in `_helper`; this module only wires it to the C
kernel.  Each transform exists in two flavours:

- the public one (``fft``, ``c2c``...), which hands input our kernels do not
  support (long double, non-NumPy arrays) over to SciPy's own implementation;
- the strict one (``_c2c``...), which raises `_Unsupported` instead, so that
  the uarray backend can answer ``NotImplemented`` and let the next backend
  have a go.  `BACKEND_IMPLEMENTATIONS` lists those.
"""
import functools

import scipy.fft as _scipy_fft

from ._core import c2c as _c2c_kernel
from ._core import r2c as _r2c_kernel
from ._helper import _Unsupported, prepare_c2c, prepare_c2cn

__all__ = ["c2c", "c2cn", "fft", "ifft", "fft2", "ifft2", "fftn", "ifftn"]


def _real_input(a, axes, forward, fct, nthreads):
    """Complex transform of real ``a``: the real kernel gives the whole
    spectrum along the last of ``axes`` (faster than transforming a complex
    copy, and exactly Hermitian as SciPy's is), the complex one then finishes
    the other axes in place."""
    out = _r2c_kernel(a, None, axes[-1], forward, fct, nthreads, True)
    if len(axes) > 1:
        _c2c_kernel(out, out, axes[:-1], forward, 1.0, nthreads)
    return out


def _c2c(forward, x, n=None, axis=-1, norm=None, overwrite_x=False,
         workers=None, *, plan=None):
    a, out, axes, fct, nthreads = prepare_c2c(
        forward, x, n, axis, norm, overwrite_x, workers, plan)
    if axes is None:   # nothing to compute: `a` is the result
        return a
    if a.dtype.kind == "f":
        return _real_input(a, axes, forward, fct, nthreads)
    return _c2c_kernel(a, out, axes, forward, fct, nthreads)


def _c2cn(forward, x, s=None, axes=None, norm=None, overwrite_x=False,
          workers=None, *, plan=None):
    a, out, axes, fct, nthreads = prepare_c2cn(
        forward, x, s, axes, norm, overwrite_x, workers, plan)
    if axes is None:   # nothing to compute: `a` is the result
        return a
    if a.dtype.kind == "f":
        return _real_input(a, axes, forward, fct, nthreads)
    return _c2c_kernel(a, out, axes, forward, fct, nthreads)


def _scipy_fallback(name, x, *args, **kwargs):
    """Run SciPy's own implementation of ``scipy.fft.<name>``, bypassing any
    backend the user installed (which might be this very package)."""
    with _scipy_fft.set_backend("scipy", only=True):
        return getattr(_scipy_fft, name)(x, *args, **kwargs)


def c2c(forward, x, n=None, axis=-1, norm=None, overwrite_x=False,
        workers=None, *, plan=None):
    """1-D discrete Fourier transform of a real or complex sequence along
    ``axis``; ``forward`` selects the sign of the exponent.  See `fft`."""
    try:
        return _c2c(forward, x, n, axis, norm, overwrite_x, workers, plan=plan)
    except _Unsupported:
        return _scipy_fallback("fft" if forward else "ifft", x, n, axis, norm,
                               overwrite_x, workers, plan=plan)


def c2cn(forward, x, s=None, axes=None, norm=None, overwrite_x=False,
         workers=None, *, plan=None):
    """N-D discrete Fourier transform of a real or complex array over
    ``axes``; ``forward`` selects the sign of the exponent.  See `fftn`."""
    try:
        return _c2cn(forward, x, s, axes, norm, overwrite_x, workers, plan=plan)
    except _Unsupported:
        return _scipy_fallback("fftn" if forward else "ifftn", x, s, axes, norm,
                               overwrite_x, workers, plan=plan)


def _named(function, name, doc):
    function.__name__ = name
    function.__qualname__ = name
    function.__module__ = "fftbackend"
    function.__doc__ = doc
    return function


_COMMON_PARAMETERS = """
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward": no scaling forward, ``1/N``
        on the inverse; "ortho": ``1/sqrt(N)`` both ways; "forward": ``1/N``
        on the forward transform only).  N is the number of points
        transformed.
    overwrite_x : bool, optional
        If True, the contents of `x` may be destroyed (and reused as the
        output).  Default False.
    workers : int, optional
        Number of threads.  Negative values count back from
        ``os.cpu_count()``: -1 uses all CPUs.  Default: the value set with
        ``scipy.fft.set_workers`` (1 outside of it).
    plan : None
        Not supported; must be None (present for SciPy compatibility).

    Returns
    -------
    out : complex ndarray
        complex64 for float16/float32/complex64 input, complex128 otherwise.

    Notes
    -----
    Same arguments, results and errors as ``scipy.fft.{name}``.  Long double
    input is handed over to SciPy's own implementation.
"""

_DOC_1D = """{title}

    Parameters
    ----------
    x : array_like
        Input array, real or complex.
    n : int, optional
        Length of the transformed axis of the output: the input is cropped
        or zero-padded to it.  Default: the length of `x` along `axis`.
    axis : int, optional
        Axis to transform.  Default: the last one.""" + _COMMON_PARAMETERS

_DOC_ND = """{title}

    Parameters
    ----------
    x : array_like
        Input array, real or complex.
    s : sequence of ints, optional
        Output lengths along `axes`: the input is cropped or zero-padded to
        them (-1 keeps an axis' length).  Default: the lengths of `x` along
        `axes`.
    axes : sequence of ints, optional
        Axes to transform.  Default: {default_axes}.  Transforming no axes
        returns `x` unchanged.""" + _COMMON_PARAMETERS


def _doc_1d(name, title):
    # str.replace rather than str.format: the text itself contains braces.
    return _DOC_1D.replace("{title}", title).replace("{name}", name)


def _doc_nd(name, title, default_axes):
    return (_DOC_ND.replace("{title}", title).replace("{name}", name)
            .replace("{default_axes}", default_axes))


fft = _named(functools.partial(c2c, True), "fft", _doc_1d(
    "fft", "Compute the 1-D discrete Fourier transform."))
ifft = _named(functools.partial(c2c, False), "ifft", _doc_1d(
    "ifft", "Compute the 1-D inverse discrete Fourier transform."))
fftn = _named(functools.partial(c2cn, True), "fftn", _doc_nd(
    "fftn", "Compute the N-D discrete Fourier transform.",
    "the last ``len(s)`` axes, or all axes if `s` is also not given"))
ifftn = _named(functools.partial(c2cn, False), "ifftn", _doc_nd(
    "ifftn", "Compute the N-D inverse discrete Fourier transform.",
    "the last ``len(s)`` axes, or all axes if `s` is also not given"))


def fft2(x, s=None, axes=(-2, -1), norm=None, overwrite_x=False, workers=None,
         *, plan=None):
    return c2cn(True, x, s, axes, norm, overwrite_x, workers, plan=plan)


def ifft2(x, s=None, axes=(-2, -1), norm=None, overwrite_x=False, workers=None,
          *, plan=None):
    return c2cn(False, x, s, axes, norm, overwrite_x, workers, plan=plan)


_named(fft2, "fft2", _doc_nd(
    "fft2", "Compute the 2-D discrete Fourier transform.", "the last two axes"))
_named(ifft2, "ifft2", _doc_nd(
    "ifft2", "Compute the 2-D inverse discrete Fourier transform.",
    "the last two axes"))


def _fft2(x, s=None, axes=(-2, -1), norm=None, overwrite_x=False, workers=None,
          *, plan=None):
    return _c2cn(True, x, s, axes, norm, overwrite_x, workers, plan=plan)


def _ifft2(x, s=None, axes=(-2, -1), norm=None, overwrite_x=False, workers=None,
           *, plan=None):
    return _c2cn(False, x, s, axes, norm, overwrite_x, workers, plan=plan)


# What the uarray backend calls, keyed by the name of the scipy.fft function
# they implement.  These raise _Unsupported instead of falling back to SciPy.
BACKEND_IMPLEMENTATIONS = {
    "fft": functools.partial(_c2c, True),
    "ifft": functools.partial(_c2c, False),
    "fftn": functools.partial(_c2cn, True),
    "ifftn": functools.partial(_c2cn, False),
    "fft2": _fft2,
    "ifft2": _ifft2,
}
