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

cdef extern from "fb_rfft.h" nogil:
    int fb_r2c_d(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int axis, int fwd, int full,
                 double fct, int nthreads)
    int fb_r2c_f(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int axis, int fwd, int full,
                 double fct, int nthreads)
    int fb_c2r_d(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int axis, int fwd,
                 double fct, int nthreads)
    int fb_c2r_f(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int axis, int fwd,
                 double fct, int nthreads)

cdef extern from "fb_dct.h" nogil:
    int fb_r2r_d(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int naxes, const int *axes,
                 int dst, int type, int ortho, double fct, int nthreads)
    int fb_r2r_f(const void *inp, void *out, int ndim, const fb_idx *shape,
                 const fb_idx *istride, const fb_idx *ostride, int naxes, const int *axes,
                 int dst, int type, int ortho, double fct, int nthreads)

cdef extern from "fb_corr.h" nogil:
    int fb_corr_d(const double *x, fb_idx xs, const double *k, fb_idx kr, fb_idx kc,
                  double *out, fb_idx os, fb_idx nr, fb_idx nc, int accumulate)
    int fb_corr_f(const float *x, fb_idx xs, const float *k, fb_idx kr, fb_idx kc,
                  float *out, fb_idx os, fb_idx nr, fb_idx nc, int accumulate)

cdef extern from "fb_osconv.h" nogil:
    int fb_osconv_d(const double *x, fb_idx nx, fb_idx xls, const void *H, fb_idx nfft,
                    fb_idx K, double *out, fb_idx s, fb_idx nout, fb_idx ols, fb_idx nlines)
    int fb_osconv_f(const float *x, fb_idx nx, fb_idx xls, const void *H, fb_idx nfft,
                    fb_idx K, float *out, fb_idx s, fb_idx nout, fb_idx ols, fb_idx nlines)

cdef extern from "fb_pool.h" nogil:
    int fb_pool_size()

cdef extern from "fb_cache_api.h" nogil:
    ctypedef struct fb_cache_stats:
        fb_idx entries, bytes, max_entries, max_bytes, hits, misses
    int FB_CACHE_KINDS
    void fb_cache_info(fb_cache_stats *out)
    void fb_cache_clear()
    void fb_cache_set_max_bytes(fb_idx max_bytes)

cdef extern from "fb_common.h" nogil:
    int FB_OK, FB_ENOMEM, FB_EINVAL, FB_ETHREAD

cdef extern from "_aligned_out.h":
    object fb_aligned_out_capsule()
    void fb_aligned_out_release()
    size_t fb_aligned_out_kept()

cdef extern from "numpy/arrayobject.h":
    object PyDataMem_SetHandler(object handler)

ctypedef int (*c2c_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                       int, const int *, int, double, int) noexcept nogil


def pool_size():
    """Worker threads the kernels' pool has started so far (they are kept between calls)."""
    return fb_pool_size()


def cache_stats():
    """Per plan cache (complex, real, r2r; each double then float): a tuple
    (entries, bytes, max_entries, max_bytes, hits, misses)."""
    cdef fb_cache_stats s[6]
    assert FB_CACHE_KINDS == 6
    with nogil:
        fb_cache_info(s)
    return [(s[k].entries, s[k].bytes, s[k].max_entries, s[k].max_bytes, s[k].hits,
             s[k].misses) for k in range(6)]


def kept_result_bytes():
    """Bytes of freed large results kept for reuse (_aligned_out.h)."""
    return fb_aligned_out_kept()


def cache_clear():
    """Drops every cached plan (a plan another thread is using lives until it is done) and the
    memory kept for large results (_aligned_out.h)."""
    with nogil:
        fb_cache_clear()
    fb_aligned_out_release()


def cache_set_max_bytes(fb_idx max_bytes):
    """Sets every plan cache's byte budget and evicts down to it."""
    with nogil:
        fb_cache_set_max_bytes(max_bytes)


def simd_level():
    """The SIMD build of the kernels in use: "baseline" (SSE2), "avx2" (AVX2 + FMA) or "avx512"."""
    return fb_simd_level().decode()


# Outputs from this size on start on a cache line (_aligned_out.h says why); below it the switch
# of NumPy's allocator, two context-variable updates, would cost more than it saves.
cdef object ALIGNED_HANDLER = fb_aligned_out_capsule()
cdef cnp.npy_intp ALIGNED_MIN_BYTES = 1 << 16


cdef cnp.ndarray new_output(int ndim, cnp.npy_intp *dims, int typenum):
    """A new C-ordered array of this shape and dtype (64-byte aligned when large)."""
    cdef cnp.npy_intp nbytes = (16 if typenum == cnp.NPY_CDOUBLE else
                                4 if typenum == cnp.NPY_FLOAT else 8)
    cdef int d
    for d in range(ndim):
        nbytes *= dims[d]
    if nbytes < ALIGNED_MIN_BYTES:
        return cnp.PyArray_EMPTY(ndim, dims, typenum, 0)
    old = PyDataMem_SetHandler(ALIGNED_HANDLER)
    try:
        return cnp.PyArray_EMPTY(ndim, dims, typenum, 0)
    finally:
        PyDataMem_SetHandler(old)


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
    return run_c2c(a, out, axes, forward, fct, nthreads)


cdef object run_c2c(cnp.ndarray a, cnp.ndarray out, tuple axes, bint forward, double fct,
                     int nthreads):
    cdef int typenum = cnp.PyArray_TYPE(a)
    if out is None:
        out = new_output(cnp.PyArray_NDIM(a), cnp.PyArray_DIMS(a), typenum)
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


cdef cnp.ndarray checked_output(cnp.ndarray out, int ndim, cnp.npy_intp *dims, int typenum):
    """`out` if it has this shape and dtype and may be written, else raise; None: a new array."""
    cdef int d
    if out is None:
        return new_output(ndim, dims, typenum)
    if cnp.PyArray_TYPE(out) != typenum:
        raise TypeError("output dtype does not match the transform")
    if not cnp.PyArray_ISBEHAVED(out):
        raise ValueError("output must be aligned, writeable and in native byte order")
    if cnp.PyArray_NDIM(out) != ndim:
        raise ValueError("output has the wrong number of dimensions")
    for d in range(ndim):
        if cnp.PyArray_DIMS(out)[d] != dims[d]:
            raise ValueError("output has the wrong shape")
    return out


cdef int checked_input(cnp.ndarray a, int axis, str who) except -1:
    """ndim of `a` after the checks both real transforms need."""
    if not cnp.PyArray_ISBEHAVED_RO(a):
        raise ValueError(f"{who}: input must be aligned and in native byte order")
    cdef int ndim = cnp.PyArray_NDIM(a)
    if ndim < 1 or ndim > FB_MAXDIM or axis < 0 or axis >= ndim:
        raise ValueError(f"{who}: bad axis or number of dimensions")
    return ndim


cdef void byte_strides(cnp.ndarray x, int ndim, fb_idx *st) noexcept:
    cdef int d
    for d in range(ndim):
        st[d] = cnp.PyArray_STRIDES(x)[d]


def r2c(cnp.ndarray a not None, cnp.ndarray out, int axis, bint forward, double fct,
        int nthreads, bint full=False):
    """Real-to-complex FFT of `a` along `axis` into `out` (None: a new C-ordered array) with
    n//2+1 values along axis, or all n with full=True; forward=False gives the conjugate
    (ihfft). Scaled by fct."""
    return run_r2c(a, out, axis, forward, fct, nthreads, full)


cdef object run_r2c(cnp.ndarray a, cnp.ndarray out, int axis, bint forward, double fct,
                     int nthreads, bint full):
    cdef int typenum = cnp.PyArray_TYPE(a), otype
    if typenum == cnp.NPY_DOUBLE:
        otype = cnp.NPY_CDOUBLE
    elif typenum == cnp.NPY_FLOAT:
        otype = cnp.NPY_CFLOAT
    else:
        raise TypeError(f"r2c: unsupported dtype {a.dtype}")
    cdef int ndim = checked_input(a, axis, "r2c"), d
    cdef fb_idx shape[64]
    cdef fb_idx istr[64]
    cdef fb_idx ostr[64]
    cdef cnp.npy_intp odims[64]
    for d in range(ndim):
        shape[d] = cnp.PyArray_DIMS(a)[d]
        odims[d] = shape[d]
    if shape[axis] < 1:
        raise ValueError("r2c: the transformed axis is empty")
    odims[axis] = shape[axis] if full else shape[axis] // 2 + 1
    out = checked_output(out, ndim, odims, otype)
    byte_strides(a, ndim, istr)
    byte_strides(out, ndim, ostr)
    cdef const void *ip = cnp.PyArray_DATA(a)
    cdef void *op = cnp.PyArray_DATA(out)
    cdef int err
    with nogil:
        if typenum == cnp.NPY_DOUBLE:
            err = fb_r2c_d(ip, op, ndim, shape, istr, ostr, axis, forward, full, fct, nthreads)
        else:
            err = fb_r2c_f(ip, op, ndim, shape, istr, ostr, axis, forward, full, fct, nthreads)
    if err != FB_OK:
        raise_error(err)
    return out


def c2r(cnp.ndarray a not None, cnp.ndarray out, int axis, Py_ssize_t n, bint forward,
        double fct, int nthreads):
    """Complex-to-real FFT along `axis`: `a` holds n//2+1 values there, `out` (None: a new
    C-ordered array) gets n real values. forward=False: irfft (unnormalised); True: hfft.
    Scaled by fct; `a` is not written."""
    return run_c2r(a, out, axis, n, forward, fct, nthreads)


cdef object run_c2r(cnp.ndarray a, cnp.ndarray out, int axis, Py_ssize_t n, bint forward,
                     double fct, int nthreads):
    cdef int typenum = cnp.PyArray_TYPE(a), otype
    if typenum == cnp.NPY_CDOUBLE:
        otype = cnp.NPY_DOUBLE
    elif typenum == cnp.NPY_CFLOAT:
        otype = cnp.NPY_FLOAT
    else:
        raise TypeError(f"c2r: unsupported dtype {a.dtype}")
    cdef int ndim = checked_input(a, axis, "c2r"), d
    if n < 1 or cnp.PyArray_DIMS(a)[axis] != n // 2 + 1:
        raise ValueError("c2r: the input needs n//2+1 values along the axis")
    cdef fb_idx shape[64]
    cdef fb_idx istr[64]
    cdef fb_idx ostr[64]
    cdef cnp.npy_intp odims[64]
    for d in range(ndim):
        odims[d] = cnp.PyArray_DIMS(a)[d]
    odims[axis] = n
    for d in range(ndim):
        shape[d] = odims[d]
    out = checked_output(out, ndim, odims, otype)
    byte_strides(a, ndim, istr)
    byte_strides(out, ndim, ostr)
    cdef const void *ip = cnp.PyArray_DATA(a)
    cdef void *op = cnp.PyArray_DATA(out)
    cdef int err
    with nogil:
        if typenum == cnp.NPY_CDOUBLE:
            err = fb_c2r_d(ip, op, ndim, shape, istr, ostr, axis, forward, fct, nthreads)
        else:
            err = fb_c2r_f(ip, op, ndim, shape, istr, ostr, axis, forward, fct, nthreads)
    if err != FB_OK:
        raise_error(err)
    return out


def r2r(cnp.ndarray a not None, cnp.ndarray out, tuple axes, bint dst, int type, bint ortho,
        double fct, int nthreads):
    """DCT (dst=False) or DST of `type` 1..4 of real `a` over `axes` (in order) into `out`
    (which may be `a` or a strided view such as c.real; None: a new C-ordered array), SciPy's
    unnormalised definitions times fct; ortho applies the orthogonalize fix-ups."""
    return run_r2r(a, out, axes, dst, type, ortho, fct, nthreads)


cdef object run_r2r(cnp.ndarray a, cnp.ndarray out, tuple axes, bint dst, int type,
                     bint ortho, double fct, int nthreads):
    cdef int typenum = cnp.PyArray_TYPE(a)
    if typenum != cnp.NPY_DOUBLE and typenum != cnp.NPY_FLOAT:
        raise TypeError(f"r2r: unsupported dtype {a.dtype}")
    if type < 1 or type > 4:
        raise ValueError("r2r: type must be 1, 2, 3 or 4")
    if not cnp.PyArray_ISBEHAVED_RO(a):
        raise ValueError("r2r: input must be aligned and in native byte order")
    cdef int ndim = cnp.PyArray_NDIM(a), d
    if ndim < 1 or ndim > FB_MAXDIM:
        raise ValueError("r2r: bad number of dimensions")
    cdef int naxes = len(axes)
    if naxes < 1 or naxes > ndim:
        raise ValueError("r2r: bad number of axes")
    cdef fb_idx shape[64]
    cdef fb_idx istr[64]
    cdef fb_idx ostr[64]
    cdef int ax[64]
    for d in range(ndim):
        shape[d] = cnp.PyArray_DIMS(a)[d]
    for d in range(naxes):
        ax[d] = axes[d]
        if ax[d] < 0 or ax[d] >= ndim:
            raise ValueError("r2r: axis out of range")
        if type == 1 and not dst and shape[ax[d]] == 1:
            raise ValueError("r2r: DCT-I needs at least 2 points along each axis")
    out = checked_output(out, ndim, cnp.PyArray_DIMS(a), typenum)
    byte_strides(a, ndim, istr)
    byte_strides(out, ndim, ostr)
    cdef const void *ip = cnp.PyArray_DATA(a)
    cdef void *op = cnp.PyArray_DATA(out)
    cdef int err
    with nogil:
        if typenum == cnp.NPY_DOUBLE:
            err = fb_r2r_d(ip, op, ndim, shape, istr, ostr, naxes, ax, dst, type, ortho, fct,
                           nthreads)
        else:
            err = fb_r2r_f(ip, op, ndim, shape, istr, ostr, naxes, ax, dst, type, ortho, fct,
                           nthreads)
    if err != FB_OK:
        raise_error(err)
    return out


def corr(cnp.ndarray x not None, cnp.ndarray k not None, cnp.ndarray out not None,
         bint accumulate):
    """Direct valid correlation of the rows of 2-D `x` with the 2-D kernel `k` into 2-D `out`
    (out[i, j] (+)= sum k[a, b] x[i + a, j + b]); `accumulate` adds to `out`. All three of one
    dtype (float32 or float64), rows contiguous, x at least out.shape + k.shape - 1."""
    cdef int typenum = cnp.PyArray_TYPE(x)
    if typenum != cnp.NPY_DOUBLE and typenum != cnp.NPY_FLOAT:
        raise TypeError(f"corr: unsupported dtype {x.dtype}")
    if cnp.PyArray_TYPE(k) != typenum or cnp.PyArray_TYPE(out) != typenum:
        raise TypeError("corr: x, k and out must have one dtype")
    if cnp.PyArray_NDIM(x) != 2 or cnp.PyArray_NDIM(k) != 2 or cnp.PyArray_NDIM(out) != 2:
        raise ValueError("corr: x, k and out must be 2-D")
    if not (cnp.PyArray_ISBEHAVED_RO(x) and cnp.PyArray_ISBEHAVED_RO(k)
            and cnp.PyArray_ISBEHAVED(out)):
        raise ValueError("corr: arrays must be aligned, writeable (out) and in native byte order")
    cdef fb_idx item = cnp.PyArray_ITEMSIZE(x)
    cdef fb_idx nr = cnp.PyArray_DIMS(out)[0], nc = cnp.PyArray_DIMS(out)[1]
    cdef fb_idx kr = cnp.PyArray_DIMS(k)[0], kc = cnp.PyArray_DIMS(k)[1]
    if kr < 1 or kc < 1:
        raise ValueError("corr: empty kernel")
    if not cnp.PyArray_IS_C_CONTIGUOUS(k):
        raise ValueError("corr: the kernel must be C-contiguous")
    if (cnp.PyArray_STRIDES(x)[1] != item and cnp.PyArray_DIMS(x)[1] > 1) or \
            (cnp.PyArray_STRIDES(out)[1] != item and nc > 1):
        raise ValueError("corr: rows of x and out must be contiguous")
    if nr > 0 and nc > 0 and (cnp.PyArray_DIMS(x)[0] < nr + kr - 1
                              or cnp.PyArray_DIMS(x)[1] < nc + kc - 1):
        raise ValueError("corr: x is too small for the output and the kernel")
    cdef fb_idx xs = cnp.PyArray_STRIDES(x)[0] // item, os = cnp.PyArray_STRIDES(out)[0] // item
    if cnp.PyArray_STRIDES(x)[0] % item or cnp.PyArray_STRIDES(out)[0] % item:
        raise ValueError("corr: row strides must be whole elements")
    cdef const void *xp = cnp.PyArray_DATA(x)
    cdef const void *kp = cnp.PyArray_DATA(k)
    cdef void *op = cnp.PyArray_DATA(out)
    cdef int err = FB_OK
    if nr == 0 or nc == 0:
        return out
    with nogil:
        if typenum == cnp.NPY_DOUBLE:
            err = fb_corr_d(<const double *>xp, xs, <const double *>kp, kr, kc, <double *>op,
                            os, nr, nc, accumulate)
        else:
            err = fb_corr_f(<const float *>xp, xs, <const float *>kp, kr, kc, <float *>op,
                            os, nr, nc, accumulate)
    if err != FB_OK:
        raise_error(err)
    return out


def osconv(cnp.ndarray x not None, cnp.ndarray H not None, Py_ssize_t K, cnp.ndarray out not None,
           Py_ssize_t s):
    """Overlap-save convolution of each row of 2-D real `x` with the kernel of length K whose
    spectrum H = rfft(k, nfft) (nfft = 2 * (len(H) - 1)) is given: row i of `out` gets the
    window s .. s + out.shape[1] - 1 of the full convolution of row i of x. Rows contiguous;
    H contiguous, complex of x's precision."""
    cdef int typenum = cnp.PyArray_TYPE(x)
    cdef int ctype = cnp.NPY_CDOUBLE if typenum == cnp.NPY_DOUBLE else cnp.NPY_CFLOAT
    if typenum != cnp.NPY_DOUBLE and typenum != cnp.NPY_FLOAT:
        raise TypeError(f"osconv: unsupported dtype {x.dtype}")
    if cnp.PyArray_TYPE(out) != typenum or cnp.PyArray_TYPE(H) != ctype:
        raise TypeError("osconv: out must have x's dtype and H the matching complex one")
    if cnp.PyArray_NDIM(x) != 2 or cnp.PyArray_NDIM(out) != 2 or cnp.PyArray_NDIM(H) != 1:
        raise ValueError("osconv: x and out must be 2-D, H 1-D")
    if not (cnp.PyArray_ISBEHAVED_RO(x) and cnp.PyArray_ISBEHAVED_RO(H)
            and cnp.PyArray_ISBEHAVED(out) and cnp.PyArray_IS_C_CONTIGUOUS(H)):
        raise ValueError("osconv: arrays must be aligned, native, H contiguous, out writeable")
    cdef fb_idx item = cnp.PyArray_ITEMSIZE(x)
    cdef fb_idx nl = cnp.PyArray_DIMS(x)[0], nx = cnp.PyArray_DIMS(x)[1]
    cdef fb_idx nout = cnp.PyArray_DIMS(out)[1]
    cdef fb_idx nfft = 2 * (cnp.PyArray_DIMS(H)[0] - 1)
    if cnp.PyArray_DIMS(out)[0] != nl:
        raise ValueError("osconv: x and out must have the same number of rows")
    if nx < 1 or K < 1 or nfft < K or s < 0 or s + nout > nx + K - 1:
        raise ValueError("osconv: bad lengths")
    if (nx > 1 and cnp.PyArray_STRIDES(x)[1] != item) or \
            (nout > 1 and cnp.PyArray_STRIDES(out)[1] != item) or \
            cnp.PyArray_STRIDES(x)[0] % item or cnp.PyArray_STRIDES(out)[0] % item:
        raise ValueError("osconv: rows of x and out must be contiguous")
    cdef fb_idx xls = cnp.PyArray_STRIDES(x)[0] // item, ols = cnp.PyArray_STRIDES(out)[0] // item
    cdef const void *xp = cnp.PyArray_DATA(x)
    cdef const void *hp = cnp.PyArray_DATA(H)
    cdef void *op = cnp.PyArray_DATA(out)
    cdef int err = FB_OK
    with nogil:
        if typenum == cnp.NPY_DOUBLE:
            err = fb_osconv_d(<const double *>xp, nx, xls, hp, nfft, K, <double *>op, s, nout,
                              ols, nl)
        else:
            err = fb_osconv_f(<const float *>xp, nx, xls, hp, nfft, K, <float *>op, s, nout,
                              ols, nl)
    if err != FB_OK:
        raise_error(err)
    return out


include "_fastpath.pxi"
