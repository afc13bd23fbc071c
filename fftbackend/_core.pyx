# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Thin binding to the C kernels: dtype dispatch, shapes and byte strides, GIL release.

Every argument rule lives in _helper.py; this module trusts its caller for semantics but still
refuses anything that would make the C code read or write out of bounds.
"""
cimport numpy as cnp

cnp.import_array()

cdef extern from "fb_batch.h" nogil:
    ctypedef Py_ssize_t fb_idx
    int FB_MAXDIM
    int fb_c2c_d(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int naxes, const int *axes,
                 int fwd, double fct, int nthreads)
    int fb_c2c_f(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int naxes, const int *axes,
                 int fwd, double fct, int nthreads)
    const char *fb_simd_level()

cdef extern from "fb_common.h" nogil:
    int FB_OK, FB_ENOMEM, FB_EINVAL, FB_ETHREAD

ctypedef int (*c2c_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                       int, const int *, int, double, int) noexcept nogil


def simd_level():
    """The SIMD build of the kernels in use: "baseline" (SSE2) or "avx2" (AVX2 + FMA)."""
    return fb_simd_level().decode()


cdef int raise_error(int err) except -1:
    if err == FB_ENOMEM:
        raise MemoryError("fftbackend: out of memory")
    if err == FB_EINVAL:
        raise ValueError("fftbackend: invalid shape or axes for the C kernel")
    raise RuntimeError(f"fftbackend: kernel error {err}")


def c2c(cnp.ndarray a not None, cnp.ndarray out, tuple axes, bint forward,
        double fct, int nthreads):
    """Complex FFT of `a` over `axes` (in order) into `out` (which may be `a`; None: a new
    C-ordered array), scaled by fct."""
    cdef int typenum = cnp.PyArray_TYPE(a)
    if out is None:
        out = cnp.PyArray_EMPTY(cnp.PyArray_NDIM(a), cnp.PyArray_DIMS(a), typenum, 0)
    cdef c2c_fn fn
    if typenum == cnp.NPY_CDOUBLE:
        fn = fb_c2c_d
    elif typenum == cnp.NPY_CFLOAT:
        fn = fb_c2c_f
    else:
        raise TypeError(f"c2c: unsupported dtype {a.dtype}")
    if cnp.PyArray_TYPE(out) != typenum:
        raise TypeError("c2c: output dtype differs from input dtype")
    if not cnp.PyArray_ISBEHAVED_RO(a):
        raise ValueError("c2c: input must be aligned and in native byte order")
    if not cnp.PyArray_ISBEHAVED(out):
        raise ValueError("c2c: output must be aligned, writeable and in native byte order")
    cdef int ndim = cnp.PyArray_NDIM(a)
    if ndim != cnp.PyArray_NDIM(out) or ndim < 1 or ndim > FB_MAXDIM:
        raise ValueError("c2c: bad number of dimensions")
    cdef int naxes = len(axes)
    if naxes < 1 or naxes > ndim:
        raise ValueError("c2c: bad number of axes")
    cdef fb_idx shape[64]
    cdef fb_idx istr[64]
    cdef fb_idx ostr[64]
    cdef int ax[64]
    cdef int d
    cdef cnp.npy_intp *ashape = cnp.PyArray_DIMS(a)
    cdef cnp.npy_intp *oshape = cnp.PyArray_DIMS(out)
    for d in range(ndim):
        if ashape[d] != oshape[d]:
            raise ValueError("c2c: output shape differs from input shape")
        shape[d] = ashape[d]
        istr[d] = cnp.PyArray_STRIDES(a)[d]
        ostr[d] = cnp.PyArray_STRIDES(out)[d]
    for d in range(naxes):
        ax[d] = axes[d]
        if ax[d] < 0 or ax[d] >= ndim:
            raise ValueError("c2c: axis out of range")
    cdef const void *ip = cnp.PyArray_DATA(a)
    cdef void *op = cnp.PyArray_DATA(out)
    cdef int err
    with nogil:
        err = fn(ip, op, ndim, shape, istr, ostr, naxes, ax, forward, fct, nthreads)
    if err != FB_OK:
        raise_error(err)
    return out
