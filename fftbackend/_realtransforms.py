"""Discrete cosine and sine transforms (``dct``, ``idct``, ``dst``, ``idst``
and their N-D forms) with SciPy's ``scipy.fft`` signatures and semantics.

As in `_basic` and `_real`, argument handling lives in `_helper` and each
transform has a public flavour, which hands input our kernels do not support
(long double, non-NumPy arrays) over to SciPy, and a strict one (``_r2r``,
``_r2rn``) for the uarray backend, which raises `_Unsupported` instead;
`BACKEND_IMPLEMENTATIONS` lists the strict ones.

One kernel, ``r2r``, computes every type (1 to 4) of both transforms on
float32/float64 data, over any number of axes.  The inverse transforms are
the forward ones of the inverse type (2 and 3 swap, 1 and 4 are their own
inverses) with the inverse normalisation, as in SciPy.  Complex input is
transformed as SciPy does: its real and imaginary parts separately, into a
complex result.
"""
import functools

from ._basic import _named, _scipy_fallback
from ._core import r2r as _r2r_kernel
from ._helper import _Unsupported, prepare_r2r, prepare_r2rn

__all__ = ["r2r", "r2rn", "dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn"]


# --------------------------------------------------------------------------
# strict implementations

def _run(a, out, axes, dst, kind, ortho, fct, nthreads):
    if a.dtype.kind != "c":
        return _r2r_kernel(a, out, axes, dst, kind, ortho, fct, nthreads)
    # Complex input: the real and imaginary parts are two real transforms.
    # In place, hand the kernel the very same view as input and output.
    for part in ("real", "imag"):
        src = getattr(a, part)
        _r2r_kernel(src, src if out is a else getattr(out, part), axes, dst, kind,
                    ortho, fct, nthreads)
    return out


def _r2r(forward, dst, x, type=2, n=None, axis=-1, norm=None, overwrite_x=False,
         workers=None, orthogonalize=None):
    a, out, axes, kind, ortho, fct, nthreads = prepare_r2r(
        forward, dst, x, type, n, axis, norm, overwrite_x, workers, orthogonalize)
    if axes is None:   # nothing to compute: `a` is the result
        return a
    return _run(a, out, axes, dst, kind, ortho, fct, nthreads)


def _r2rn(forward, dst, x, type=2, s=None, axes=None, norm=None, overwrite_x=False,
          workers=None, orthogonalize=None):
    a, out, axes, kind, ortho, fct, nthreads = prepare_r2rn(
        forward, dst, x, type, s, axes, norm, overwrite_x, workers, orthogonalize)
    if axes is None:
        return a
    return _run(a, out, axes, dst, kind, ortho, fct, nthreads)


# --------------------------------------------------------------------------
# public implementations

def _scipy_name(forward, dst, nd):
    return ("" if forward else "i") + ("dst" if dst else "dct") + ("n" if nd else "")


def r2r(forward, dst, x, type=2, n=None, axis=-1, norm=None, overwrite_x=False,
        workers=None, orthogonalize=None):
    """1-D discrete cosine (``dst`` False) or sine transform of ``type`` along
    ``axis``; ``forward`` False gives the inverse transform.  See `dct`,
    `idct`, `dst`, `idst`."""
    try:
        return _r2r(forward, dst, x, type, n, axis, norm, overwrite_x, workers,
                    orthogonalize)
    except _Unsupported:
        return _scipy_fallback(_scipy_name(forward, dst, False), x, type=type, n=n,
                               axis=axis, norm=norm, overwrite_x=overwrite_x,
                               workers=workers, orthogonalize=orthogonalize)


def r2rn(forward, dst, x, type=2, s=None, axes=None, norm=None, overwrite_x=False,
         workers=None, orthogonalize=None):
    """N-D discrete cosine (``dst`` False) or sine transform of ``type`` over
    ``axes``; ``forward`` False gives the inverse transform.  See `dctn`,
    `idctn`, `dstn`, `idstn`."""
    try:
        return _r2rn(forward, dst, x, type, s, axes, norm, overwrite_x, workers,
                     orthogonalize)
    except _Unsupported:
        return _scipy_fallback(_scipy_name(forward, dst, True), x, type=type, s=s,
                               axes=axes, norm=norm, overwrite_x=overwrite_x,
                               workers=workers, orthogonalize=orthogonalize)


# --------------------------------------------------------------------------
# documentation

_COMMON_PARAMETERS = """
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward": no scaling forward, ``1/N``
        on the inverse; "ortho": ``1/sqrt(N)`` both ways; "forward": ``1/N``
        on the forward transform only).  N is the length of the DFT the
        transform is defined by, per transformed axis of n points:
        ``2*(n-1)`` for DCT-I, ``2*(n+1)`` for DST-I, ``2*n`` otherwise
        (multiplied over the axes).
        {direction}
    overwrite_x : bool, optional
        If True, the contents of `x` may be destroyed (and reused as the
        output).  Default False.
    workers : int, optional
        Number of threads.  Negative values count back from
        ``os.cpu_count()``: -1 uses all CPUs.  Default: the value set with
        ``scipy.fft.set_workers`` (1 outside of it).
    orthogonalize : bool, optional
        Whether to use the orthogonalized variant of the transform (types 1
        to 3 differ from the plain one by a scaling of their first and/or
        last terms).  Default: True exactly with ``norm="ortho"``.  Ignored
        for complex input, as in SciPy.

    Returns
    -------
    y : ndarray
        float32 for float16/float32 input, complex64 for complex64 input,
        complex128 for complex128 input, float64 otherwise.

    Notes
    -----
    Same arguments, results and errors as ``scipy.fft.{name}``.  Complex
    input is transformed as its real and imaginary parts separately.  Long
    double input is handed over to SciPy's own implementation.{dct1}
"""

_DOC_1D = """{title}

    Parameters
    ----------
    x : array_like
        Input array, real or complex.
    type : {1, 2, 3, 4}, optional
        Type of the {kind}.  Default 2.
    n : int, optional
        Length of the transform: `x` is cropped or zero-padded to it along
        `axis`.  Default: the length of `x` along `axis`.
    axis : int, optional
        Axis to transform.  Default: the last one.""" + _COMMON_PARAMETERS

_DOC_ND = """{title}

    Parameters
    ----------
    x : array_like
        Input array, real or complex.
    type : {1, 2, 3, 4}, optional
        Type of the {kind}.  Default 2.
    s : int or sequence of ints, optional
        Lengths of the transform along `axes`: `x` is cropped or zero-padded
        to them (-1 keeps an axis' length).  Default: the lengths of `x`
        along `axes`.
    axes : int or sequence of ints, optional
        Axes to transform.  Default: the last ``len(s)`` axes, or all axes
        if `s` is also not given.  Transforming no axes returns `x`
        unchanged.""" + _COMMON_PARAMETERS

_FORWARD = "This is a forward transform."
_INVERSE = ("This is an inverse transform: \"backward\" scales it by ``1/N``,\n"
            "        \"forward\" does not scale it.")


def _doc(template, name, title, kind, direction):
    # str.replace rather than str.format: the text itself contains braces.
    return (template.replace("{title}", title).replace("{kind}", kind)
            .replace("{direction}", direction).replace("{name}", name))


def _public(function, forward, dst, name, template, title):
    kind = "DST" if dst else "DCT"
    if not forward:
        kind += (" this inverts (the inverse of type 2 is type 3\n"
                 "        and vice versa)")
    doc = _doc(template, name, title, kind, _FORWARD if forward else _INVERSE)
    doc = doc.replace("{dct1}", "" if dst else
                      "  DCT-I needs at least\n    2 points along every transformed axis.")
    return _named(function, name, doc)


dct = _public(functools.partial(r2r, True, False), True, False, "dct", _DOC_1D,
              "Compute the 1-D discrete cosine transform (DCT) of type 1, 2, 3 or 4.")
idct = _public(functools.partial(r2r, False, False), False, False, "idct", _DOC_1D,
               "Compute the 1-D inverse discrete cosine transform.")
dst = _public(functools.partial(r2r, True, True), True, True, "dst", _DOC_1D,
              "Compute the 1-D discrete sine transform (DST) of type 1, 2, 3 or 4.")
idst = _public(functools.partial(r2r, False, True), False, True, "idst", _DOC_1D,
               "Compute the 1-D inverse discrete sine transform.")


def _dctn(x, type=2, s=None, axes=None, norm=None, overwrite_x=False, workers=None,
          *, orthogonalize=None):
    # Unlike the others, SciPy's dctn takes `orthogonalize` by keyword only.
    return r2rn(True, False, x, type, s, axes, norm, overwrite_x, workers, orthogonalize)


dctn = _public(_dctn, True, False, "dctn", _DOC_ND,
               "Compute the N-D discrete cosine transform (DCT) of type 1, 2, 3 or 4.")
idctn = _public(functools.partial(r2rn, False, False), False, False, "idctn", _DOC_ND,
                "Compute the N-D inverse discrete cosine transform.")
dstn = _public(functools.partial(r2rn, True, True), True, True, "dstn", _DOC_ND,
               "Compute the N-D discrete sine transform (DST) of type 1, 2, 3 or 4.")
idstn = _public(functools.partial(r2rn, False, True), False, True, "idstn", _DOC_ND,
                "Compute the N-D inverse discrete sine transform.")


# What the uarray backend calls, keyed by the name of the scipy.fft function
# they implement.  These raise _Unsupported instead of falling back to SciPy.
# (SciPy's own backend functions take `orthogonalize` of idctn and idstn by
# keyword only, although the public functions also take it by position; we
# take it both ways.)
BACKEND_IMPLEMENTATIONS = {
    "dct": functools.partial(_r2r, True, False),
    "idct": functools.partial(_r2r, False, False),
    "dst": functools.partial(_r2r, True, True),
    "idst": functools.partial(_r2r, False, True),
    "dctn": functools.partial(_r2rn, True, False),
    "idctn": functools.partial(_r2rn, False, False),
    "dstn": functools.partial(_r2rn, True, True),
    "idstn": functools.partial(_r2rn, False, True),
}
