"""Real FFTs (``rfft*``, ``irfft*``, ``hfft*``, ``ihfft*``) with SciPy's
``scipy.fft`` signatures and semantics.

As in `_basic`, argument handling lives in `_helper` and each transform has a
public flavour, which hands input our kernels do not support over to SciPy,
and a strict one (``_r2c``...) for the uarray backend, which raises
`_Unsupported` instead; `BACKEND_IMPLEMENTATIONS` lists the strict ones.

Two kernels do the work, each with a ``forward`` flag that picks the sign of
the exponent: ``r2c`` (real input, half spectrum: ``rfft``, and ``ihfft``,
its conjugate) and ``c2r`` (half spectrum in, real output: ``irfft``, and
``hfft``).  N-D transforms halve the last of ``axes`` and use the complex
kernel, in the same direction, on the others, as SciPy does.
"""
import functools

from ._basic import _named, _scipy_fallback
from ._core import c2c as _c2c_kernel
from ._core import c2r as _c2r_kernel
from ._core import r2c as _r2c_kernel
from ._helper import (_Unsupported, prepare_c2r, prepare_c2rn, prepare_r2c,
                      prepare_r2cn)

__all__ = ["r2c", "c2r", "r2cn", "c2rn",
           "rfft", "irfft", "hfft", "ihfft", "rfft2", "irfft2", "hfft2", "ihfft2",
           "rfftn", "irfftn", "hfftn", "ihfftn"]


# --------------------------------------------------------------------------
# strict implementations

def _r2c(forward, x, n=None, axis=-1, norm=None, overwrite_x=False,
         workers=None, *, plan=None):
    a, axis, fct, nthreads = prepare_r2c(forward, x, n, axis, norm, workers, plan)
    if axis is None:   # nothing to compute: `a` is the result
        return a
    return _r2c_kernel(a, None, axis, forward, fct, nthreads)


def _c2r(forward, x, n=None, axis=-1, norm=None, overwrite_x=False,
         workers=None, *, plan=None):
    a, axis, n, fct, nthreads = prepare_c2r(forward, x, n, axis, norm, workers, plan)
    if axis is None:
        return a
    return _c2r_kernel(a, None, axis, n, forward, fct, nthreads)


def _r2cn(forward, x, s=None, axes=None, norm=None, overwrite_x=False,
          workers=None, *, plan=None):
    a, axes, fct, nthreads = prepare_r2cn(forward, x, s, axes, norm, workers, plan)
    if axes is None:
        return a
    out = _r2c_kernel(a, None, axes[-1], forward, fct, nthreads)
    if len(axes) > 1:
        _c2c_kernel(out, out, axes[:-1], forward, 1.0, nthreads)
    return out


def _c2rn(forward, x, s=None, axes=None, norm=None, overwrite_x=False,
          workers=None, *, plan=None):
    a, work, axes, n, fct, nthreads = prepare_c2rn(
        forward, x, s, axes, norm, workers, plan)
    if axes is None:
        return a
    if len(axes) > 1:
        a = _c2c_kernel(a, work, axes[:-1], forward, 1.0, nthreads)
    return _c2r_kernel(a, None, axes[-1], n, forward, fct, nthreads)


def _two_d(function, forward):
    """The 2-D flavour of an N-D ``function``: SciPy's default
    ``axes=(-2, -1)``."""
    def transform(x, s=None, axes=(-2, -1), norm=None, overwrite_x=False,
                  workers=None, *, plan=None):
        return function(forward, x, s, axes, norm, overwrite_x, workers, plan=plan)
    return transform


# --------------------------------------------------------------------------
# public implementations

def r2c(forward, x, n=None, axis=-1, norm=None, overwrite_x=False,
        workers=None, *, plan=None):
    """1-D discrete Fourier transform of a real sequence along ``axis``, half
    spectrum; ``forward`` False gives its conjugate.  See `rfft`, `ihfft`."""
    try:
        return _r2c(forward, x, n, axis, norm, overwrite_x, workers, plan=plan)
    except _Unsupported:
        return _scipy_fallback("rfft" if forward else "ihfft", x, n, axis, norm,
                               overwrite_x, workers, plan=plan)


def c2r(forward, x, n=None, axis=-1, norm=None, overwrite_x=False,
        workers=None, *, plan=None):
    """1-D discrete Fourier transform with real output of a half spectrum
    along ``axis``; ``forward`` selects the sign of the exponent.  See
    `irfft`, `hfft`."""
    try:
        return _c2r(forward, x, n, axis, norm, overwrite_x, workers, plan=plan)
    except _Unsupported:
        return _scipy_fallback("hfft" if forward else "irfft", x, n, axis, norm,
                               overwrite_x, workers, plan=plan)


def r2cn(forward, x, s=None, axes=None, norm=None, overwrite_x=False,
         workers=None, *, plan=None):
    """N-D discrete Fourier transform of a real array over ``axes``, half
    spectrum along the last of them; ``forward`` False gives its conjugate.
    See `rfftn`, `ihfftn`."""
    try:
        return _r2cn(forward, x, s, axes, norm, overwrite_x, workers, plan=plan)
    except _Unsupported:
        return _scipy_fallback("rfftn" if forward else "ihfftn", x, s, axes, norm,
                               overwrite_x, workers, plan=plan)


def c2rn(forward, x, s=None, axes=None, norm=None, overwrite_x=False,
         workers=None, *, plan=None):
    """N-D discrete Fourier transform with real output of an array holding a
    half spectrum along the last of ``axes``; ``forward`` selects the sign
    of the exponent.  See `irfftn`, `hfftn`."""
    try:
        return _c2rn(forward, x, s, axes, norm, overwrite_x, workers, plan=plan)
    except _Unsupported:
        return _scipy_fallback("hfftn" if forward else "irfftn", x, s, axes, norm,
                               overwrite_x, workers, plan=plan)


# --------------------------------------------------------------------------
# documentation

_COMMON_PARAMETERS = """
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward": no scaling forward, ``1/N``
        on the inverse; "ortho": ``1/sqrt(N)`` both ways; "forward": ``1/N``
        on the forward transform only).  N is the number of points of the
        full (real) signal, i.e. of the {full} side.
        {direction}
    overwrite_x : bool, optional
        Accepted for compatibility and ignored: the input is never modified
        (nor does SciPy modify it).
    workers : int, optional
        Number of threads.  Negative values count back from
        ``os.cpu_count()``: -1 uses all CPUs.  Default: the value set with
        ``scipy.fft.set_workers`` (1 outside of it).
    plan : None
        Not supported; must be None (present for SciPy compatibility).

    Returns
    -------
    out : {returns}

    Notes
    -----
    Same arguments, results and errors as ``scipy.fft.{name}``.  Long double
    input is handed over to SciPy's own implementation.
"""

_RETURNS_COMPLEX = """complex ndarray
        complex64 for float16/float32 input, complex128 otherwise."""
_RETURNS_REAL = """real ndarray
        float32 for complex64, float16 or float32 input, float64 otherwise."""

_R2C_INPUT = """x : array_like
        Input array, real (complex input raises TypeError)."""
_C2R_INPUT = """x : array_like
        Input array: the half spectrum, complex (real input is taken as
        complex)."""

_DOC_R2C = """{title}

    Parameters
    ----------
    {input}
    n : int, optional
        Number of input points along `axis`: the input is cropped or
        zero-padded to it.  Default: the length of `x` along `axis`.  The
        output has ``n // 2 + 1`` points there.
    axis : int, optional
        Axis to transform.  Default: the last one.""" + _COMMON_PARAMETERS

_DOC_C2R = """{title}

    Parameters
    ----------
    {input}
    n : int, optional
        Length of the transformed axis of the output; the input is cropped or
        zero-padded to ``n // 2 + 1`` points along it.  Default:
        ``2 * (m - 1)``, ``m`` the length of `x` along `axis` (an odd length
        must be given explicitly).
    axis : int, optional
        Axis to transform.  Default: the last one.""" + _COMMON_PARAMETERS

_DOC_R2CN = """{title}

    Parameters
    ----------
    {input}
    s : sequence of ints, optional
        Number of input points along `axes`: the input is cropped or
        zero-padded to them (-1 keeps an axis' length).  Default: the lengths
        of `x` along `axes`.  The output has ``s[-1] // 2 + 1`` points along
        the last of `axes`.
    axes : sequence of ints, optional
        Axes to transform; the last one is halved.  Default: {default_axes}.
        At least one axis must be transformed.""" + _COMMON_PARAMETERS

_DOC_C2RN = """{title}

    Parameters
    ----------
    {input}
    s : sequence of ints, optional
        Shape of the output along `axes` (-1 keeps an axis' length of `x`);
        the input is cropped or zero-padded to it, except along the last of
        `axes` where it is cropped or padded to ``s[-1] // 2 + 1`` points.
        Default: the lengths of `x`, except ``2 * (m - 1)`` along the last
        of `axes` (``m`` the length of `x` there; an odd length must be
        given explicitly).
    axes : sequence of ints, optional
        Axes to transform; the last one holds the half spectrum.  Default:
        {default_axes}.  At least one axis must be transformed.""" + _COMMON_PARAMETERS

_ND_AXES = "the last ``len(s)`` axes, or all axes if `s` is also not given"
_2D_AXES = "the last two axes"


def _doc(template, name, title, real_input, direction, default_axes=""):
    # str.replace rather than str.format: the text itself contains braces.
    text = template.replace("{default_axes}", default_axes)
    text = text.replace("{input}", _R2C_INPUT if real_input else _C2R_INPUT)
    text = text.replace("{full}", "input" if real_input else "output")
    text = text.replace("{returns}", _RETURNS_COMPLEX if real_input else _RETURNS_REAL)
    return (text.replace("{direction}", direction).replace("{title}", title)
            .replace("{name}", name))


_FORWARD = "This is a forward transform."
_INVERSE = "This is an inverse transform."


def _public_1d(kernel, forward, name, template, title, real_input, direction):
    return _named(functools.partial(kernel, forward), name,
                  _doc(template, name, title, real_input, direction))


def _public_nd(kernel, forward, name, template, title, real_input, direction):
    return _named(functools.partial(kernel, forward), name,
                  _doc(template, name, title, real_input, direction, _ND_AXES))


def _public_2d(kernel, forward, name, template, title, real_input, direction):
    return _named(_two_d(kernel, forward), name,
                  _doc(template, name, title, real_input, direction, _2D_AXES))


rfft = _public_1d(r2c, True, "rfft", _DOC_R2C,
                  "Compute the 1-D discrete Fourier transform of real input.",
                  True, _FORWARD)
ihfft = _public_1d(r2c, False, "ihfft", _DOC_R2C,
                   "Compute the 1-D inverse FFT of real input: `rfft` conjugated, scaled.",
                   True, _INVERSE)
irfft = _public_1d(c2r, False, "irfft", _DOC_C2R,
                   "Compute the inverse of `rfft`.", False, _INVERSE)
hfft = _public_1d(c2r, True, "hfft", _DOC_C2R,
                  "Compute the 1-D FFT of a Hermitian signal given by its first half.",
                  False, _FORWARD)

rfftn = _public_nd(r2cn, True, "rfftn", _DOC_R2CN,
                   "Compute the N-D discrete Fourier transform of real input.",
                   True, _FORWARD)
ihfftn = _public_nd(r2cn, False, "ihfftn", _DOC_R2CN,
                    "Compute the N-D inverse FFT of real input: `rfftn` conjugated, scaled.",
                    True, _INVERSE)
irfftn = _public_nd(c2rn, False, "irfftn", _DOC_C2RN,
                    "Compute the inverse of `rfftn`.", False, _INVERSE)
hfftn = _public_nd(c2rn, True, "hfftn", _DOC_C2RN,
                   "Compute the N-D FFT of a Hermitian signal given by its half spectrum.",
                   False, _FORWARD)

rfft2 = _public_2d(r2cn, True, "rfft2", _DOC_R2CN,
                   "Compute the 2-D discrete Fourier transform of real input.",
                   True, _FORWARD)
ihfft2 = _public_2d(r2cn, False, "ihfft2", _DOC_R2CN,
                    "Compute the 2-D inverse FFT of real input: `rfft2` conjugated, scaled.",
                    True, _INVERSE)
irfft2 = _public_2d(c2rn, False, "irfft2", _DOC_C2RN,
                    "Compute the inverse of `rfft2`.", False, _INVERSE)
hfft2 = _public_2d(c2rn, True, "hfft2", _DOC_C2RN,
                   "Compute the 2-D FFT of a Hermitian signal given by its half spectrum.",
                   False, _FORWARD)


# What the uarray backend calls, keyed by the name of the scipy.fft function
# they implement.  These raise _Unsupported instead of falling back to SciPy.
BACKEND_IMPLEMENTATIONS = {
    "rfft": functools.partial(_r2c, True),
    "ihfft": functools.partial(_r2c, False),
    "irfft": functools.partial(_c2r, False),
    "hfft": functools.partial(_c2r, True),
    "rfftn": functools.partial(_r2cn, True),
    "ihfftn": functools.partial(_r2cn, False),
    "irfftn": functools.partial(_c2rn, False),
    "hfftn": functools.partial(_c2rn, True),
    "rfft2": _two_d(_r2cn, True),
    "ihfft2": _two_d(_r2cn, False),
    "irfft2": _two_d(_c2rn, False),
    "hfft2": _two_d(_c2rn, True),
}
