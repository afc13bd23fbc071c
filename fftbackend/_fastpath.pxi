# The uarray entry point (included by _core.pyx).
#
# Why in Cython: a small transform called through scipy.fft spends most of its time in Python
# frames (the backend's __ua_function__, the public wrapper, argument preparation), not in the
# kernel: n = 64 costs ~0.2 us in C and ~2.5 us from __ua_function__ to the result in Python.
# `ua_function` takes the calls whose every argument has its default, or a plain int axis, a
# valid norm string, an n that neither crops nor pads and (for DCT/DST) an int type, on a
# native, aligned float/complex ndarray,
# straight to the kernel binding. Anything else, including every call that must raise, goes
# to the Python path (`_slow_ua`), which owns all of SciPy's argument rules; the two give
# bitwise-identical results because the conditions here are a subset of the Python fast paths'
# and the scale factors are computed the same way.

from libc.math cimport sqrt

cdef enum FastKind:
    FAST_C2C = 1    # fft, ifft: complex in, complex out; real in: full spectrum via r2c
    FAST_R2C = 2    # rfft, ihfft
    FAST_C2R = 3    # irfft, hfft
    FAST_R2R = 4    # dct, idct, dst, idst

# the positional parameters after x, as scipy.fft names them
cdef tuple FFT_POSITIONAL = ("n", "axis", "norm", "overwrite_x", "workers")
cdef tuple R2R_POSITIONAL = ("type", "n", "axis", "norm", "overwrite_x", "workers",
                             "orthogonalize")

cdef dict _fast_table = {}        # multimethod -> (FastKind, forward, dst)
cdef object _slow_ua = None       # the Python __ua_function__
cdef object _workers_state = None # SciPy's threading.local holding set_workers' value, or None
cdef object _get_workers = None   # scipy.fft.get_workers, used when the state is not found


def set_ua_paths(dict fast_table, slow_path, workers_state, get_workers):
    """Configure `ua_function`: `fast_table` maps scipy.fft multimethods to
    (kind, forward, dst) with kind "c2c", "r2c", "c2r" or "r2r"; `slow_path` is the Python
    __ua_function__; `workers_state` SciPy's per-thread set_workers state (or None, then
    `get_workers()` is called)."""
    global _slow_ua, _workers_state, _get_workers
    kinds = {"c2c": FAST_C2C, "r2c": FAST_R2C, "c2r": FAST_C2R, "r2r": FAST_R2R}
    _fast_table.clear()
    for method, (kind, forward, dst) in fast_table.items():
        _fast_table[method] = (kinds[kind], bool(forward), bool(dst))
    _slow_ua = slow_path
    _workers_state = workers_state
    _get_workers = get_workers


def ua_function(method, args, kwargs):
    """The backend's __ua_function__: the fast path where it applies, else the Python one."""
    cdef object entry = _fast_table.get(method)
    cdef object result
    if entry is not None and type(args) is tuple and type(kwargs) is dict:
        result = fast_call(<tuple>entry, <tuple>args, <dict>kwargs)
        if result is not None:
            return result
    return _slow_ua(method, args, kwargs)


cdef inline int norm_exponent_fast(object norm, bint forward):
    """The exponent of `scale_factor` for a valid norm, -1 for anything else."""
    if norm is None:
        return 0 if forward else 2
    if type(norm) is not str:
        return -1
    if norm == "backward":
        return 0 if forward else 2
    if norm == "ortho":
        return 1
    if norm == "forward":
        return 2 if forward else 0
    return -1


cdef inline double scale_for(int exponent, Py_ssize_t npoints):
    # as _helper.scale_factor: 1.0 / n and 1.0 / sqrt(n) in double
    if exponent == 0:
        return 1.0
    if exponent == 2:
        return 1.0 / <double>npoints
    return 1.0 / sqrt(<double>npoints)


cdef object fast_call(tuple entry, tuple args, dict kwargs):
    """The result, or None when the call is not one the fast path takes."""
    cdef int kind = entry[0]
    cdef bint forward = entry[1], dst = entry[2]
    cdef Py_ssize_t nargs = len(args), i
    if nargs < 1:
        return None
    cdef object x = args[0]
    if type(x) is not cnp.ndarray:
        return None
    cdef cnp.ndarray a = <cnp.ndarray>x
    cdef tuple names
    if nargs > 1:
        # positional arguments after x: as keywords (a name given twice is the Python
        # path's TypeError)
        names = R2R_POSITIONAL if kind == FAST_R2R else FFT_POSITIONAL
        if nargs > len(names) + 1:
            return None
        positional = {}
        for i in range(1, nargs):
            if names[i - 1] in kwargs:
                return None
            positional[names[i - 1]] = args[i]
        positional.update(kwargs)
        kwargs = positional
    cdef object axis_obj = -1, norm = None, type_obj = 2, n_obj = None
    for key, value in kwargs.items():
        if key == "axis":
            axis_obj = value
        elif key == "norm":
            norm = value
        elif key == "type" and kind == FAST_R2R:
            type_obj = value
        elif key == "overwrite_x":
            if value is not False:
                return None
        elif key == "n":
            if value is not None and type(value) is not int:
                return None
            n_obj = value
        elif key == "workers":
            if value is not None:
                return None
        elif key == "plan" and kind != FAST_R2R:
            if value is not None:
                return None
        elif key == "orthogonalize" and kind == FAST_R2R:
            if value is not None:
                return None
        else:
            return None     # unknown keyword: the Python path raises SciPy's TypeError

    cdef int ndim = cnp.PyArray_NDIM(a)
    if ndim < 1 or ndim > FB_MAXDIM or type(axis_obj) is not int:
        return None
    if not (-ndim <= axis_obj < ndim):
        return None
    cdef int axis = <int>axis_obj
    if axis < 0:
        axis += ndim
    cdef int exponent = norm_exponent_fast(norm, forward)
    if exponent < 0 or cnp.PyArray_SIZE(a) == 0 or not cnp.PyArray_ISBEHAVED_RO(a):
        return None
    cdef int typenum = cnp.PyArray_TYPE(a)
    cdef bint is_complex = typenum == cnp.NPY_CDOUBLE or typenum == cnp.NPY_CFLOAT
    cdef bint is_real = typenum == cnp.NPY_DOUBLE or typenum == cnp.NPY_FLOAT
    cdef Py_ssize_t m = cnp.PyArray_DIMS(a)[axis], npoints
    cdef int rtype
    if n_obj is not None:
        # An n that neither crops nor pads: the same transform as n=None (for c2r, any n
        # with n // 2 + 1 == m, the odd one included)
        if kind == FAST_C2R:
            if not (1 <= n_obj <= 2 * m) or n_obj // 2 + 1 != m:
                return None
        elif n_obj != m:
            return None
    if kind == FAST_C2C:
        if is_complex:
            return run_c2c(a, None, (axis,), forward, scale_for(exponent, m), fast_workers())
        if is_real:
            return run_r2c(a, None, axis, forward, scale_for(exponent, m), fast_workers(), True)
        return None
    if kind == FAST_R2C:
        if not is_real:
            return None
        return run_r2c(a, None, axis, forward, scale_for(exponent, m), fast_workers(), False)
    if kind == FAST_C2R:
        npoints = 2 * (m - 1) if n_obj is None else <Py_ssize_t>n_obj
        if not is_complex or npoints <= 0:
            return None
        return run_c2r(a, None, axis, npoints, forward, scale_for(exponent, npoints),
                       fast_workers())
    # FAST_R2R
    if not is_real or type(type_obj) is not int or not (1 <= type_obj <= 4):
        return None
    rtype = <int>type_obj
    if not forward and (rtype == 2 or rtype == 3):
        rtype = 5 - rtype
    if rtype == 1:
        npoints = 2 * (m + 1) if dst else 2 * (m - 1)
        if npoints == 0:
            return None     # DCT-I of one point: the Python path raises SciPy's error
    else:
        npoints = 2 * m
    return run_r2r(a, None, (axis,), dst, rtype, exponent == 1, scale_for(exponent, npoints),
                   fast_workers())


cdef int fast_workers() except -1:
    """scipy.fft.set_workers' current value (1 by default), as the Python path reads it."""
    if _workers_state is not None:
        return _workers_state.__dict__.get("default_workers", 1)
    return _get_workers()


def fast_path_workers():
    """The thread count the fast path would use now (for the tests)."""
    return fast_workers()
