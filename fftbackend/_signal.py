"""FFT convolutions with the semantics of ``scipy.signal``: `fftconvolve`,
`oaconvolve`, and the `next_fast_len` our kernels are tuned for.

Everything observable (modes, ``axes``, broadcasting of the axes that are not
convolved, result dtypes, empty and 0-d inputs, every exception type and
message, and the order in which errors surface) is SciPy's; the transforms
are our own C kernels, never SciPy's FFT.

The module has three layers:

- `_arguments` applies SciPy's rules to the arguments.  It either returns the
  result straight away (0-d or empty inputs, nothing left to convolve, input
  our kernels cannot transform) or hands normalised arrays and axes on to
- a compute core: `_fft_core` (one zero-padded transform of each input, like
  ``scipy.signal.fftconvolve``) or `_oa_core` (overlap-add over blocks, like
  ``scipy.signal.oaconvolve``).  Their preconditions are spelled out in their
  docstrings.  Both first offer the cropped inputs to
  `_convcore.fast_convolve` (real input, one kernel for every line), which
  takes the call when its cost model prefers a direct sum or a fused
  overlap-save in C.
- The cores share `_crop_to_window` (which cuts away the input a mode cannot
  see and gives the output window), the transforms `_forward` / `_inverse`
  and the spectral product `_multiply`.
"""
import bisect
import itertools
import math
import operator

import numpy as np
import scipy.fft as _scipy_fft

from . import _convcore
from ._core import c2c as _c2c_kernel
from ._core import c2r as _c2r_kernel
from ._core import r2c as _r2c_kernel
from ._helper import checked_axes, default_workers

__all__ = ["fftconvolve", "oaconvolve", "next_fast_len"]

_index = operator.index
_FLOAT32 = np.dtype(np.float32)
_FLOAT64 = np.dtype(np.float64)
_COMPLEX64 = np.dtype(np.complex64)
_COMPLEX128 = np.dtype(np.complex128)


# --------------------------------------------------------------------------
# next_fast_len
#
# The complex kernel has radix-2, 3, 4, 5, 7 and 8 passes; any other prime
# factor goes through a slow generic pass, so the fast complex lengths are the
# 7-smooth numbers 2^a 3^b 5^c 7^d.  A real transform of even length n runs
# on a complex one of n/2, but an odd length costs a full complex transform
# of n, so the fast real lengths are the even 7-smooth numbers (and 1, 2).

_TABLE_LIMIT = 1 << 40            # largest entry of the lookup table (7-smooth)
_table = None                     # sorted 7-smooth numbers <= _TABLE_LIMIT, built on first use
_SSIZE_MIN = -(1 << 63)
_SSIZE_LIMIT = 1 << 63
# The largest target SciPy's good_size accepts: it refuses n with
# n - 1 > SIZE_MAX / 11 (so that its own search cannot overflow).
_MAX_TARGET = (2 ** 64 - 1) // 11 + 1


def _smooth_numbers(limit):
    """Sorted list of the 7-smooth numbers up to ``limit`` (14855 of them
    for 2^40, built in a few milliseconds)."""
    numbers = []
    p7 = 1
    while p7 <= limit:
        p5 = p7
        while p5 <= limit:
            p3 = p5
            while p3 <= limit:
                p2 = p3
                while p2 <= limit:
                    numbers.append(p2)
                    p2 <<= 1
                p3 *= 3
            p5 *= 5
        p7 *= 7
    numbers.sort()
    return numbers


def _smooth_search(n):
    """Smallest 7-smooth number >= ``n`` by enumeration: for each 3-5-7-smooth
    odd part, the power of two that lifts it to ``n``.  Used beyond the
    table (under a millisecond)."""
    best = 1 << (n - 1).bit_length()
    p7 = 1
    while p7 < best:
        p5 = p7
        while p5 < best:
            p3 = p5
            while p3 < best:
                candidate = p3 if p3 >= n else p3 << ((n - 1) // p3).bit_length()
                if candidate < best:
                    best = candidate
                p3 *= 3
            p5 *= 5
        p7 *= 7
    return best


def _smooth(n):
    """Smallest 7-smooth number >= ``n`` (``n`` >= 0; 0 gives 0)."""
    global _table
    if n <= 8:
        return n
    if n > _TABLE_LIMIT:
        return _smooth_search(n)
    if _table is None:
        _table = _smooth_numbers(_TABLE_LIMIT)
    return _table[bisect.bisect_left(_table, n)]


def _fast_length(n, real):
    """Our fast transform length >= ``n`` >= 1 for a complex (``real``
    False) or real transform."""
    if not real:
        return _smooth(n)
    if n <= 2:
        return n
    return 2 * _smooth((n + 1) >> 1)


def next_fast_len(target, real=False):
    """Find the smallest length at least `target` that fftbackend's kernels
    transform fast.

    Zero-padding an input to such a length (as `fftconvolve` does) is
    usually much faster than transforming an awkward length, for instance a
    large prime.

    Parameters
    ----------
    target : int
        Minimum length.  Must be a non-negative integer (anything with
        ``__index__``).
    real : bool, optional
        True if the transform is real-to-complex or complex-to-real (``rfft``,
        ``irfft``...).  Default False.

    Returns
    -------
    out : int
        For a complex transform, the smallest number ``2**a * 3**b * 5**c *
        7**d`` that is ``>= target``: our complex kernel has radix passes for
        the factors 2, 3, 4, 5, 7 and 8, and anything else goes through a
        slower generic pass.  For a real transform, the smallest *even* such
        number (1 and 2 are returned as they are): an even real length is
        computed with a complex transform of half the length, an odd one
        costs a full-length complex transform.  0 gives 0.

    Raises
    ------
    TypeError
        If `target` is not an integer, or an argument is unhashable.
    OverflowError
        If `target` does not fit in a C ``ssize_t``.
    ValueError
        If `target` is negative or too large to transform.

    Notes
    -----
    Same signature, and same exceptions (types and messages), as
    ``scipy.fft.next_fast_len``.  The results differ on purpose: SciPy's are
    tuned to its own kernels (5-smooth for real transforms, odd lengths
    allowed).

    Examples
    --------
    >>> import fftbackend
    >>> fftbackend.next_fast_len(1021)
    1024
    >>> fftbackend.next_fast_len(97)
    98
    >>> fftbackend.next_fast_len(97, real=True)
    98
    >>> fftbackend.next_fast_len(99, real=True)
    100
    """
    # SciPy wraps its function in functools.lru_cache, which hashes the
    # arguments first, then parses them as a C ssize_t (via __index__) and a
    # truth value, then checks the range.
    hash(target)
    hash(real)
    n = _index(target)
    if not _SSIZE_MIN <= n < _SSIZE_LIMIT:
        raise OverflowError("Python int too large to convert to C ssize_t")
    real = bool(real)
    if n < 0:
        raise ValueError("Target length must be positive")
    if n > _MAX_TARGET:
        raise ValueError(f"Target length is too large to perform an FFT: {n}")
    if n == 0:
        return 0
    return _fast_length(n, real)


# --------------------------------------------------------------------------
# argument rules

_MODE_MESSAGE = "acceptable mode flags are 'valid', 'same', or 'full'"


def _delegated(name, in1, in2, mode, axes):
    """``scipy.signal.<name>`` computed by SciPy's own FFT backend, for input
    our kernels cannot transform (long double, non-NumPy array-API arrays)."""
    import scipy.signal
    with _scipy_fft.set_backend("scipy", only=True):
        return getattr(scipy.signal, name)(in1, in2, mode=mode, axes=axes)


def _foreign(x):
    """Whether ``x`` is an array of another array-API library (SciPy handles
    those in their own namespace)."""
    return (hasattr(x, "__array_namespace__")
            and not isinstance(x, (np.ndarray, np.generic)))


def _mode_name(mode):
    """``mode`` as "full", "same" or "valid", compared with ``==`` in the
    order SciPy compares it, or SciPy's ValueError."""
    if mode == "full":
        return "full"
    if mode == "same":
        return "same"
    if mode == "valid":
        return "valid"
    raise ValueError(_MODE_MESSAGE)


def _window(s1, s2, axes, mode):
    """Per dimension, the ``(start, end)`` of the result of ``mode`` within
    the full convolution: along ``axes`` that has ``s1 + s2 - 1`` points,
    along the others it is the broadcast ``max(s1, s2)``.  "same" keeps
    ``s1`` points centred in every dimension, "valid" ``s1 - s2 + 1`` along
    ``axes`` and everything along the others (SciPy's ``_apply_conv_mode``)."""
    window = []
    for d, (n1, n2) in enumerate(zip(s1, s2)):
        if d in axes:
            full = n1 + n2 - 1
            keep = n1 if mode == "same" else n1 - n2 + 1 if mode == "valid" else full
        else:
            full = max(n1, n2)
            keep = n1 if mode == "same" else full
        start = (full - keep) // 2
        window.append((start, start + keep))
    return window


def _trivial_result(product, s1, s2, mode):
    """SciPy's result when no axis needs a transform: the elementwise
    product, cut to ``mode`` (and copied) as its ``_apply_conv_mode`` does."""
    mode = _mode_name(mode)
    window = _window(s1, s2, (), mode)
    return np.array(product[tuple(slice(lo, hi) for lo, hi in window)], copy=True)


def _working_array(a):
    """``(a, single, complex)``: ``a`` read the way SciPy's FFT reads it
    (integers and booleans as float64, other non-numeric arrays converted
    to float64, which may raise), whether its transform is in single
    precision (float16, float32, complex64) and whether it is complex."""
    kind = a.dtype.kind
    if kind == "c":
        return a, a.dtype.char == "F", True
    if kind == "f":
        return a, a.dtype.char in "ef", False
    if kind in "biu":
        return a, False, False
    return np.asarray(a, _FLOAT64), False, False


def convolved_axes(axes, s1, s2):
    """SciPy's rules for the ``axes`` of a convolution of inputs of shapes
    ``s1`` and ``s2`` (same length): the convolved axes, sorted, without those
    where either input has length 1 (broadcasting the product does the
    convolution there); the other axes must match or broadcast."""
    ndim = len(s1)
    if axes is None:
        axes = range(ndim)
    else:
        axes = checked_axes(axes, ndim)
        if not axes:
            raise ValueError("when provided, axes cannot be empty")
    axes = sorted(ax for ax in axes if s1[ax] != 1 and s2[ax] != 1)
    for d in range(ndim):
        if d not in axes and not (s1[d] == s2[d] or s1[d] == 1 or s2[d] == 1):
            raise ValueError(f"incompatible shapes for in1 and in2: {s1} and {s2}")
    return axes


def _arguments(in1, in2, mode, axes, name):
    """Apply SciPy's argument rules, in SciPy's order.

    Returns ``(in1, in2, axes, mode)`` ready for a compute core (see
    `_fft_core`), or ``(result, None, None, None)`` when there is nothing to
    transform: the result is then SciPy's (0-d inputs are multiplied, empty
    ones give an empty float64 array, inputs with no axis of length > 1 in
    both are multiplied with NumPy's dtype rules, and long double or
    non-NumPy input is computed by SciPy itself)."""
    if _foreign(in1) or _foreign(in2):
        return _delegated(name, in1, in2, mode, axes), None, None, None
    in1 = np.asarray(in1)
    in2 = np.asarray(in2)
    if in1.dtype.char in "gG" or in2.dtype.char in "gG":
        return _delegated(name, in1, in2, mode, axes), None, None, None

    if in1.ndim == in2.ndim == 0:
        return in1 * in2, None, None, None
    if in1.ndim != in2.ndim:
        raise ValueError("in1 and in2 should have the same dimensionality")
    if in1.size == 0 or in2.size == 0:
        return np.asarray([]), None, None, None

    s1 = in1.shape
    s2 = in2.shape
    axes = convolved_axes(axes, s1, s2)

    if not mode != "valid":
        # "valid" needs one input at least as large as the other along every
        # convolved axis; it becomes in1 (convolution commutes).
        in1_larger = all(s1[ax] >= s2[ax] for ax in axes)
        if not (in1_larger or all(s2[ax] >= s1[ax] for ax in axes)):
            raise ValueError("For 'valid' mode, one must be at least as large as "
                             "the other in every dimension")
        if not in1_larger:
            in1, in2 = in2, in1
            s1, s2 = s2, s1

    if not axes:
        return _trivial_result(in1 * in2, s1, s2, mode), None, None, None

    # Precision and kind of the computation: single only if both inputs are
    # single, complex if either is.  (SciPy transforms each input in its own
    # precision and promotes the product; a mixed pair is computed here in
    # double precision, which gives the same dtype and a smaller error.)
    in1, single1, complex1 = _working_array(in1)
    in2, single2, complex2 = _working_array(in2)
    mode = _mode_name(mode)
    real_dtype, complex_dtype = ((_FLOAT32, _COMPLEX64) if single1 and single2
                                 else (_FLOAT64, _COMPLEX128))
    in1 = in1.astype(complex_dtype if complex1 else real_dtype, copy=False)
    in2 = in2.astype(complex_dtype if complex2 else real_dtype, copy=False)
    return in1, in2, axes, mode


# --------------------------------------------------------------------------
# pieces shared by the cores

def _crop_to_window(in1, in2, axes, mode):
    """Cut away the parts of the inputs the result of ``mode`` does not
    depend on, and place the result within the convolution of what is left.

    Along a convolved axis, output point ``j`` only reads ``in1[k]`` with
    ``j - len2 < k <= j``; so for the window ``[start, end)`` of ``mode``,
    ``in1`` is only needed on ``[start - len2 + 1, end)`` and ``in2`` on
    ``[start - len1 + 1, end)``.  This matters for "same" when ``in2`` is
    much longer than ``in1``.  Along the other axes, "same" keeps the middle
    of a broadcast axis (``in1`` of length 1): only that slice of ``in2``
    is needed.

    Returns ``(in1, in2, window)``, ``window`` the ``(start, end)`` of the
    result per dimension, along ``axes`` within the full convolution of the
    cropped inputs, along the others within their broadcast length."""
    s1 = in1.shape
    s2 = in2.shape
    index1 = []
    index2 = []
    window = []
    for d, (start, end) in enumerate(_window(s1, s2, axes, mode)):
        n1 = s1[d]
        n2 = s2[d]
        if d in axes:
            lo1 = max(0, start - n2 + 1)
            lo2 = max(0, start - n1 + 1)
            index1.append(slice(lo1, min(n1, end)))
            index2.append(slice(lo2, min(n2, end)))
            window.append((start - lo1 - lo2, end - lo1 - lo2))
        else:
            full = max(n1, n2)
            index1.append(slice(start, end) if n1 == full else slice(None))
            index2.append(slice(start, end) if n2 == full else slice(None))
            window.append((0, end - start))
    return in1[tuple(index1)], in2[tuple(index2)], window


def _circular_length(n1, n2, start, end):
    """Shortest circular convolution of inputs of lengths ``n1``, ``n2``
    that is exact on ``[start, end)``: the wrapped-around points of the
    linear convolution (of length ``n1 + n2 - 1``) must all land outside
    the window.  The full convolution needs it all; "valid" only
    ``max(n1, n2)``; "same" about ``n1 + n2 / 2``."""
    return max(end, n1 + n2 - 1 - start, n1, n2)


def _padded(x, axes, lengths):
    """``x`` zero-padded to ``lengths`` along ``axes``: ``(array, ours)``,
    ``ours`` False when ``x`` already has that shape and is returned as is."""
    shape = list(x.shape)
    for ax, n in zip(axes, lengths):
        shape[ax] = n
    if tuple(shape) == x.shape and x.flags.aligned:
        return x, False
    buffer = np.zeros(shape, x.dtype)
    buffer[tuple(slice(0, n) for n in x.shape)] = x
    return buffer, True


def _forward(x, axes, lengths, real, nthreads):
    """Spectrum of ``x`` zero-padded to ``lengths`` along ``axes`` (sorted).
    ``real``: the real transform, half spectrum along the last axis;
    otherwise the complex one (a real ``x`` then goes through the real
    kernel, which also gives the whole spectrum).  Unnormalised.

    An axis that ``x`` fills less than half of is padded only just before
    it is transformed (the last axis first): the rows of zeros it adds would
    only be transformed into zeros along the later ones.  For a small kernel
    padded to a large image this skips most of the work; the other axes are
    padded at once, in one copy."""
    last = axes[-1]
    early = [(ax, n) for ax, n in zip(axes[:-1], lengths[:-1]) if 2 * x.shape[ax] > n]
    early.append((last, lengths[-1]))
    a, ours = _padded(x, [ax for ax, _ in early], [n for _, n in early])
    if real or a.dtype.kind == "f":
        spectrum = _r2c_kernel(a, None, last, True, 1.0, nthreads, not real)
        ours = True
    else:
        spectrum = _c2c_kernel(a, a if ours else None, (last,), True, 1.0, nthreads)
        ours = True
    for ax, n in zip(reversed(axes[:-1]), reversed(lengths[:-1])):
        spectrum, _ = _padded(spectrum, [ax], [n])
        _c2c_kernel(spectrum, spectrum, (ax,), True, 1.0, nthreads)
    return spectrum


def _multiply(sp1, sp2):
    """The product of two spectra of the same dtype, broadcast along the
    axes that are not transformed, written in place into one of them when
    it has the shape of the product."""
    shape = tuple(max(n1, n2) for n1, n2 in zip(sp1.shape, sp2.shape))
    if sp1.shape == shape:
        return np.multiply(sp1, sp2, out=sp1)
    if sp2.shape == shape:
        return np.multiply(sp2, sp1, out=sp2)
    return np.multiply(sp1, sp2)


def _inverse(spectrum, axes, lengths, real, nthreads):
    """Inverse of `_forward` (normalised by ``1 / prod(lengths)``); writes
    into ``spectrum``, which must be ours."""
    scale = 1.0 / math.prod(lengths)
    if not real:
        return _c2c_kernel(spectrum, spectrum, tuple(axes), False, scale, nthreads)
    if len(axes) > 1:
        _c2c_kernel(spectrum, spectrum, tuple(axes[:-1]), False, 1.0, nthreads)
    return _c2r_kernel(spectrum, None, axes[-1], lengths[-1], False, scale, nthreads)


def _cut(result, window):
    """``result`` restricted to ``window`` (a ``(start, end)`` per
    dimension), as a C-contiguous array that shares no larger buffer."""
    part = result[tuple(slice(lo, hi) for lo, hi in window)]
    if part.flags.c_contiguous and (part.base is None or part.base.size == part.size):
        return part
    return part.copy()


# --------------------------------------------------------------------------
# compute cores

def _fft_window(in1, in2, axes, window):
    """`_fft_core` once the inputs are cropped: the points ``window`` of the
    convolution of ``in1`` and ``in2`` (see `_crop_to_window`), through
    one circular convolution per pair of spectra."""
    real = in1.dtype.kind == "f" and in2.dtype.kind == "f"
    last = axes[-1]
    lengths = [_fast_length(_circular_length(in1.shape[ax], in2.shape[ax], *window[ax]),
                            real and ax == last)
               for ax in axes]
    nthreads = default_workers()
    spectrum = _multiply(_forward(in1, axes, lengths, real, nthreads),
                         _forward(in2, axes, lengths, real, nthreads))
    return _cut(_inverse(spectrum, axes, lengths, real, nthreads), window)


def _fft_core(in1, in2, axes, mode):
    """Convolution of ``in1`` and ``in2`` over ``axes``, cut to ``mode``,
    with one zero-padded transform of each input.

    Parameters
    ----------
    in1, in2 : ndarray
        Inputs with the same number of dimensions and dtypes of the same
        precision among float32, float64, complex64 and complex128 (the
        result is complex if either is).  Along the axes not in ``axes``
        their lengths are equal or one of them is 1 (broadcasting).  For
        "valid", ``in1`` is at least as long as ``in2`` along every axis of
        ``axes``; for "same", ``in1`` is the input whose shape is kept.
    axes : list of int
        Axes to convolve: sorted, unique, non-negative and not empty, with
        a length > 1 in both inputs.
    mode : {"full", "same", "valid"}
        Which part of the full convolution to return (see `fftconvolve`).

    Returns
    -------
    out : ndarray
        A new C-contiguous array.

    Notes
    -----
    The inputs are first cropped to what ``mode`` reads (`_crop_to_window`);
    each axis is then padded to the fast length (`next_fast_len`) of the
    shortest circular convolution that is exact on the points kept
    (`_circular_length`): the full length for "full", only the longer input
    for "valid".  The real transform halves the last of ``axes``; that axis
    gets an even length.
    """
    in1, in2, window = _crop_to_window(in1, in2, axes, mode)
    fast = _convcore.fast_convolve(in1, in2, axes, window)
    return fast if fast is not None else _fft_window(in1, in2, axes, window)


def _oa_optimum(overlap):
    """SciPy's optimal overlap-add block length for ``overlap`` = kernel
    length - 1: the root above ``overlap`` of ``N = overlap * ln(2 e N)``
    (minimum of the cost ``N log2(2N) / (N - overlap)`` per output point),
    by fixed-point iteration, which converges there."""
    constant = 1.0 + math.log(2.0)
    n = 2.0 * overlap * (constant + math.log(overlap + 1.0))
    for _ in range(100):
        following = overlap * (constant + math.log(n))
        if abs(following - n) <= 1e-12 * n:
            break
        n = following
    return following


def _oa_plan(n1, n2, real):
    """Overlap-add blocking of one axis with input lengths ``n1``, ``n2``:
    ``(block, step, overlap, long)`` (``long`` 0 when ``in1`` is the input
    cut into blocks of ``step`` points, 1 for ``in2``), or None when one
    transform over the whole axis is better (SciPy's ``_calc_oa_lens``
    rules: equal lengths, a kernel longer than half the signal, or a single
    block).  ``real``: the block length must be a fast real length."""
    if n1 == n2:
        return None
    longer, shorter = (n1, n2) if n1 > n2 else (n2, n1)
    if shorter == 1 or shorter >= longer / 2:
        return None
    overlap = shorter - 1
    block = _fast_length(math.ceil(_oa_optimum(overlap)), real)
    if block >= longer:
        return None
    return block, block - overlap, overlap, 0 if n1 > n2 else 1


def _to_blocks(x, which, layout):
    """``x`` in the overlap-add layout: a zeroed array in which every
    blocked axis of ``layout`` is split in two (block number, point in the
    block) and every convolved axis has its transform length.

    ``layout`` has one entry per dimension of ``x``: None (not convolved),
    ``("fft", length)`` or ``("blocks", count, block, step, long)``; ``x``
    is input number ``which`` (0 or 1), so it is cut into ``count`` blocks
    of ``step`` points where ``long == which``, and is one block otherwise."""
    shape = []
    pieces = []   # per dimension: the (source slice, source shape, target index) to copy
    for n, spec in zip(x.shape, layout):
        if spec is None or spec[0] == "fft":
            shape.append(n if spec is None else spec[1])
            pieces.append([(slice(0, n), (n,), (slice(0, n),))])
            continue
        _, count, block, step, long = spec
        if long != which:
            shape += [1, block]
            pieces.append([(slice(0, n), (1, n), (slice(0, 1), slice(0, n)))])
            continue
        shape += [count, block]
        full, rest = divmod(n, step)
        options = []
        if full:
            options.append((slice(0, full * step), (full, step),
                            (slice(0, full), slice(0, step))))
        if rest:
            options.append((slice(full * step, n), (1, rest),
                            (slice(full, full + 1), slice(0, rest))))
        pieces.append(options)
    buffer = np.zeros(shape, x.dtype)
    for choice in itertools.product(*pieces):
        source = x[tuple(c[0] for c in choice)]
        buffer[tuple(i for c in choice for i in c[2])] = source.reshape(
            tuple(n for c in choice for n in c[1]))
    return buffer


def _overlap_add(y, p, step, overlap, start, end):
    """Merge the block axes ``p`` (block number) and ``p + 1`` (point in
    the block) of ``y``: block ``k`` starts at ``k * step`` and its last
    ``overlap`` points are added to the first ones of block ``k + 1``.
    Returns points ``[start, end)`` of the merged axis, which must lie
    within ``count * step``.  Writes into ``y``."""
    count = y.shape[p]
    before = (slice(None),) * p
    if count > 1 and overlap:
        y[before + (slice(1, None), slice(0, overlap))] += \
            y[before + (slice(0, count - 1), slice(step, step + overlap))]
    first = start // step
    last = -(-end // step)
    part = y[before + (slice(first, last), slice(0, step))]
    merged = part.reshape(y.shape[:p] + ((last - first) * step,) + y.shape[p + 2:])
    offset = first * step
    return merged[before + (slice(start - offset, end - offset),)]


# Weight of the overlap-add layout against transforming whole axes in
# `_oa_choice` (above 1 favours blocks; the tests raise it to force them).
_OA_BIAS = 1.0


def _oa_choice(in1, in2, axes, window, real):
    """Which axes to cut into blocks: ``(whole, blocked)``, ``whole[ax]``
    the transform length of axis ``ax`` when it is not cut (as in
    `_fft_window`), ``blocked[ax]`` ``(block, step, overlap, long, count)``
    for the axes that are.

    The candidates are the axes SciPy's rules would cut (`_oa_plan`); among
    their subsets (none included) this takes the one that transforms the
    fewest points in all (both forward transforms and the inverse).  Points
    rather than an ``n log n`` count: per point, our kernels cost about the
    same for any length that fits in cache, and a short block is not
    cheaper for its shorter logarithm (while it adds the passes of cutting
    and overlap-adding).  Cutting an axis into a few long blocks transforms
    more points than the whole axis, notably in 2-D and 3-D, where the
    extra points of every axis multiply; there the whole transform wins.
    (Measured: 2048^2 images with 129^2 kernels, 1000^2 with 11^2, 200^3
    volumes with 5^3 stay whole; 1-D signals of 10^5 to 10^6 points with
    kernels of 5 to 1025 taps, 2048^2 with 15^2 and 4096x512 with 9^2 are
    cut.)"""
    last = axes[-1]
    whole = {}
    candidates = {}
    for ax in axes:
        n1 = in1.shape[ax]
        n2 = in2.shape[ax]
        whole[ax] = _fast_length(_circular_length(n1, n2, *window[ax]), real and ax == last)
        plan = _oa_plan(n1, n2, real and ax == last)
        if plan is not None:
            block, step, overlap, long = plan
            candidates[ax] = (block, step, overlap, long, -(-window[ax][1] // step))
    others = [d for d in range(in1.ndim) if d not in whole]
    other1 = math.prod(in1.shape[d] for d in others)
    other2 = math.prod(in2.shape[d] for d in others)
    other = math.prod(max(in1.shape[d], in2.shape[d]) for d in others)

    def cost(chosen):
        points = batch1 = batch2 = 1
        for ax in axes:
            if ax in chosen:
                block, _, _, long, count = candidates[ax]
                points *= block
                if long == 0:
                    batch1 *= count
                else:
                    batch2 *= count
            else:
                points *= whole[ax]
        work = (batch1 * other1 + batch2 * other2 + batch1 * batch2 * other) * points
        return work / _OA_BIAS if chosen else work

    if len(candidates) <= 6:
        subsets = itertools.chain.from_iterable(
            itertools.combinations(candidates, k) for k in range(1, len(candidates) + 1))
    else:
        subsets = [tuple(candidates)]
    best = ()
    best_cost = cost(best)
    for subset in subsets:
        c = cost(subset)
        if c < best_cost:
            best, best_cost = subset, c
    return whole, {ax: candidates[ax] for ax in best}


def _oa_core(in1, in2, axes, mode):
    """Same result as `_fft_core`, by overlap-add: along the axes where it
    pays (see `_oa_choice`), the longer input is cut into blocks that are
    convolved with the whole shorter one by transforms of the block length,
    all blocks in one batched transform, and the overlapping ends of the
    results are added.  Other axes are transformed whole, as in
    `_fft_core`.  Same preconditions as `_fft_core`."""
    in1, in2, window = _crop_to_window(in1, in2, axes, mode)
    fast = _convcore.fast_convolve(in1, in2, axes, window)
    if fast is not None:
        return fast
    real = in1.dtype.kind == "f" and in2.dtype.kind == "f"
    whole, blocked = _oa_choice(in1, in2, axes, window, real)
    if not blocked:
        return _fft_window(in1, in2, axes, window)

    layout = [None] * in1.ndim
    fft_axes = []       # transformed axes of the block layout, and their lengths
    lengths = []
    position = 0        # where dimension d lands in the block layout
    for d in range(in1.ndim):
        if d in blocked:
            block, step, _, long, count = blocked[d]
            layout[d] = ("blocks", count, block, step, long)
            fft_axes.append(position + 1)
            lengths.append(block)
            position += 2
            continue
        if d in whole:
            layout[d] = ("fft", whole[d])
            fft_axes.append(position)
            lengths.append(whole[d])
        position += 1

    nthreads = default_workers()
    spectrum = _multiply(
        _forward(_to_blocks(in1, 0, layout), fft_axes, lengths, real, nthreads),
        _forward(_to_blocks(in2, 1, layout), fft_axes, lengths, real, nthreads))
    y = _inverse(spectrum, fft_axes, lengths, real, nthreads)

    # Overlap-add from the last blocked axis back, so that the positions of
    # the earlier ones do not move; each gives a new array cut to its window.
    rest = []
    for d in reversed(range(in1.ndim)):
        spec = layout[d]
        p = sum(2 if s is not None and s[0] == "blocks" else 1 for s in layout[:d])
        if spec is not None and spec[0] == "blocks":
            y = _overlap_add(y, p, spec[3], blocked[d][2], *window[d])
            rest.append((0, window[d][1] - window[d][0]))
        else:
            rest.append(window[d])
    return _cut(y, rest[::-1])


# --------------------------------------------------------------------------
# public functions

def fftconvolve(in1, in2, mode="full", axes=None):
    """Convolve two N-D arrays with FFTs.

    Computes the discrete linear convolution of `in1` and `in2` by
    multiplying their spectra, with the output size given by `mode`.  This
    is much faster than direct convolution for large arrays; the output is
    always floating point (integer and other inputs are converted).

    Parameters
    ----------
    in1 : array_like
        First input.
    in2 : array_like
        Second input, with the same number of dimensions as `in1`.
    mode : {"full", "valid", "same"}, optional
        Part of the convolution to return:

        ``"full"``
            All of it (default): ``n1 + n2 - 1`` points along each
            convolved axis.
        ``"valid"``
            Only the points that do not depend on zero padding:
            ``n1 - n2 + 1`` points (one input must be at least as large as
            the other along every convolved axis; the larger one takes the
            role of `in1`).
        ``"same"``
            The shape of `in1`, centred within the full convolution.
    axes : int or sequence of ints, optional
        Axes to convolve (default: all).  Along the other axes the inputs
        must have equal lengths or a length of 1, and are broadcast.

    Returns
    -------
    out : ndarray
        The selected part of the convolution.  float32 (complex64) when
        both inputs are single precision (float16, float32, complex64),
        float64 (complex128) otherwise; complex if either input is.

    Raises
    ------
    ValueError
        For an unknown `mode`, invalid `axes`, inputs of different
        dimensionality or incompatible shapes, as ``scipy.signal`` does.

    See Also
    --------
    oaconvolve : The same convolution by overlap-add, faster when one input
        is much larger than the other.

    Notes
    -----
    Same arguments, result shapes and dtypes, and exceptions as
    ``scipy.signal.fftconvolve``: 0-d inputs are multiplied, an empty input
    gives an empty float64 array, and axes of length 1 are convolved by
    broadcasting (with NumPy's dtype of the product when that leaves nothing
    to transform).  The transforms are fftbackend's, single-threaded unless
    ``scipy.fft.set_workers`` says otherwise.  Long double input is handed
    over to SciPy.

    Examples
    --------
    >>> import numpy as np
    >>> import fftbackend
    >>> fftbackend.fftconvolve([1.0, 2.0, 3.0], [0.0, 1.0, 0.5]).round(12)
    array([0. , 1. , 2.5, 4. , 1.5])
    >>> fftbackend.fftconvolve(np.ones((4, 4)), np.ones((3, 3)), mode="valid")
    array([[9., 9.],
           [9., 9.]])
    """
    in1, in2, axes, mode = _arguments(in1, in2, mode, axes, "fftconvolve")
    if axes is None:
        return in1
    return _fft_core(in1, in2, axes, mode)


def oaconvolve(in1, in2, mode="full", axes=None):
    """Convolve two N-D arrays by the overlap-add method.

    Like `fftconvolve`, but along every axis where one input is much longer
    than the other, the longer one is cut into blocks, each block is
    convolved with the shorter input through short transforms, and the
    results are added where they overlap.  This is usually faster than
    `fftconvolve` for a long signal and a short kernel, and slower for
    inputs of similar sizes (then it transforms the whole axis, as
    `fftconvolve` does).

    Parameters
    ----------
    in1 : array_like
        First input.
    in2 : array_like
        Second input, with the same number of dimensions as `in1`.
    mode : {"full", "valid", "same"}, optional
        Part of the convolution to return (see `fftconvolve`).
    axes : int or sequence of ints, optional
        Axes to convolve (default: all); the others are broadcast.

    Returns
    -------
    out : ndarray
        The selected part of the convolution, of the dtype `fftconvolve`
        gives.

    Raises
    ------
    ValueError
        As `fftconvolve`.

    See Also
    --------
    fftconvolve : The convolution with one transform of each whole input.

    Notes
    -----
    Same arguments, result shapes and dtypes, and exceptions as
    ``scipy.signal.oaconvolve``.  The block length along an axis is SciPy's
    optimum (the minimum of ``N log(2N) / (N - m + 1)`` for a kernel of
    ``m`` points), rounded up to a fast length of our kernels; of the axes
    SciPy would cut into blocks, only those that reduce the number of
    points transformed are (in 2-D, often just one axis, or none: then this
    is `fftconvolve`).  Only the part of the inputs the result depends on
    is transformed (for "same" with a short `in1`, a small part of `in2`).

    Examples
    --------
    >>> import numpy as np
    >>> import fftbackend
    >>> x = np.arange(10000.0)
    >>> h = np.ones(31) / 31
    >>> y = fftbackend.oaconvolve(x, h, mode="valid")
    >>> y.shape
    (9970,)
    >>> np.allclose(y, np.convolve(x, h, mode="valid"))
    True
    """
    in1, in2, axes, mode = _arguments(in1, in2, mode, axes, "oaconvolve")
    if axes is None:
        return in1
    return _oa_core(in1, in2, axes, mode)
