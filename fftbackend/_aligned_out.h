/* _aligned_out.h: a NumPy memory handler (NEP 49) whose blocks start on a 64-byte boundary.
 *
 * Why: NumPy's default allocator returns large blocks 16 bytes past a cache-line boundary (malloc's
 * header on an mmap'd page), so every 32-byte vector store of a kernel straddles two cache lines
 * half the time. Outputs allocated through this handler measured 7% (fft 2^20) to 20%
 * (fft 65536) faster. The arrays still own their data (flags.owndata), and NumPy frees them
 * through the handler recorded in each array, so switching handlers around one allocation
 * (_core.pyx, new_output) is all it takes.
 *
 * Usage (from C, with the GIL):
 *     PyObject *cap = fb_aligned_out_capsule();        // new reference
 *     PyObject *old = PyDataMem_SetHandler(cap);       // allocations now 64-byte aligned
 *     ... PyArray_EMPTY(...) ...
 *     Py_DECREF(PyDataMem_SetHandler(old)); Py_DECREF(old); Py_DECREF(cap);
 */
#ifndef FB_ALIGNED_OUT_H
#define FB_ALIGNED_OUT_H

#include <Python.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <numpy/ndarraytypes.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#define FB_OUT_ALIGN 64
/* From this size on, ask for transparent huge pages as NumPy's own allocator does: a 32 MiB
 * result then takes 16 page faults on first touch instead of 8192 (measured: rfft2 2048x2048
 * 1.0 -> 0.7 of SciPy's time). */
#define FB_OUT_HUGE ((size_t)1 << 22)

/* Large results freed recently, kept for the next result of the same size. Why: glibc gives a
 * freed block of many MiB back to the kernel (munmap, or a trim of the heap top), so a loop of
 * same-shape calls paid fresh page faults and zeroing for every result: fft over the last axis of
 * 1000x1024 took 42 page faults per call and its median rose from 2.7 to 3.2 ms. At most
 * FB_OUT_KEEP_SLOTS blocks and FB_OUT_KEEP_BYTES in all; cache_clear() releases them. NumPy calls
 * a handler with the GIL held, and a spin lock guards the table anyway. */
#define FB_OUT_KEEP_MIN ((size_t)1 << 20)
#define FB_OUT_KEEP_BYTES ((size_t)64 << 20)
#define FB_OUT_KEEP_SLOTS 4

static struct { void *p; size_t size; } fb_out_kept[FB_OUT_KEEP_SLOTS];   /* oldest first */
static size_t fb_out_kept_bytes;
static char fb_out_lock_flag;

static void fb_out_lock(void) { while (__atomic_test_and_set(&fb_out_lock_flag, __ATOMIC_ACQUIRE)) ; }
static void fb_out_unlock(void) { __atomic_clear(&fb_out_lock_flag, __ATOMIC_RELEASE); }

/* A kept block of exactly this size (taken out of the table), or NULL. */
static void *fb_out_take_kept(size_t size)
{
    void *p = NULL;
    fb_out_lock();
    for (int s = 0; s < FB_OUT_KEEP_SLOTS && !p; ++s)
        if (fb_out_kept[s].p && fb_out_kept[s].size == size) {
            p = fb_out_kept[s].p;
            for (int t = s; t + 1 < FB_OUT_KEEP_SLOTS; ++t) fb_out_kept[t] = fb_out_kept[t + 1];
            fb_out_kept[FB_OUT_KEEP_SLOTS - 1].p = NULL;
            fb_out_kept[FB_OUT_KEEP_SLOTS - 1].size = 0;
            fb_out_kept_bytes -= size;
        }
    fb_out_unlock();
    return p;
}

/* Keeps p (size bytes) as the newest block, dropping the oldest ones to make room; the dropped
 * blocks are freed outside the lock. */
static void fb_out_keep(void *p, size_t size)
{
    void *drop[FB_OUT_KEEP_SLOTS];
    int ndrop = 0;
    fb_out_lock();
    while (fb_out_kept[0].p &&
           (fb_out_kept[FB_OUT_KEEP_SLOTS - 1].p || fb_out_kept_bytes + size > FB_OUT_KEEP_BYTES)) {
        drop[ndrop++] = fb_out_kept[0].p;
        fb_out_kept_bytes -= fb_out_kept[0].size;
        for (int t = 0; t + 1 < FB_OUT_KEEP_SLOTS; ++t) fb_out_kept[t] = fb_out_kept[t + 1];
        fb_out_kept[FB_OUT_KEEP_SLOTS - 1].p = NULL;
        fb_out_kept[FB_OUT_KEEP_SLOTS - 1].size = 0;
    }
    int s = 0;
    while (fb_out_kept[s].p) ++s;
    fb_out_kept[s].p = p;
    fb_out_kept[s].size = size;
    fb_out_kept_bytes += size;
    fb_out_unlock();
    for (int d = 0; d < ndrop; ++d) free(drop[d]);
}

/* Bytes kept now (tests). */
static size_t fb_aligned_out_kept(void)
{
    fb_out_lock();
    const size_t b = fb_out_kept_bytes;
    fb_out_unlock();
    return b;
}

/* Frees every kept block (fftbackend.cache_clear). */
static void fb_aligned_out_release(void)
{
    void *drop[FB_OUT_KEEP_SLOTS];
    fb_out_lock();
    for (int s = 0; s < FB_OUT_KEEP_SLOTS; ++s) {
        drop[s] = fb_out_kept[s].p;
        fb_out_kept[s].p = NULL;
        fb_out_kept[s].size = 0;
    }
    fb_out_kept_bytes = 0;
    fb_out_unlock();
    for (int s = 0; s < FB_OUT_KEEP_SLOTS; ++s) free(drop[s]);
}

static void *fb_out_malloc(void *ctx, size_t size)
{
    (void)ctx;
    void *p = NULL;
    if (size >= FB_OUT_KEEP_MIN && (p = fb_out_take_kept(size)) != NULL) return p;
    /* memory from posix_memalign may be passed to realloc and free (POSIX) */
    if (posix_memalign(&p, FB_OUT_ALIGN, size ? size : 1) != 0) return NULL;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size >= FB_OUT_HUGE) {
        /* the whole pages inside the block; advice only, so failure changes nothing */
        const uintptr_t page = 4096, start = ((uintptr_t)p + page - 1) & ~(page - 1);
        const uintptr_t end = ((uintptr_t)p + size) & ~(page - 1);
        if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
#endif
    return p;
}

static void *fb_out_calloc(void *ctx, size_t nelem, size_t elsize)
{
    if (elsize && nelem > SIZE_MAX / elsize) return NULL;
    void *p = fb_out_malloc(ctx, nelem * elsize);
    if (p) memset(p, 0, nelem * elsize);
    return p;
}

static void *fb_out_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size ? size : 1);   /* (alignment is only an optimisation) */
}

static void fb_out_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    if (ptr && size >= FB_OUT_KEEP_MIN && size <= FB_OUT_KEEP_BYTES) fb_out_keep(ptr, size);
    else free(ptr);
}

static PyDataMem_Handler fb_aligned_out_handler = {
    "fftbackend_aligned64",
    1,
    {NULL, fb_out_malloc, fb_out_calloc, fb_out_realloc, fb_out_free},
};

/* A capsule NumPy accepts as a memory handler (new reference, NULL with an exception set). */
static PyObject *fb_aligned_out_capsule(void)
{
    return PyCapsule_New(&fb_aligned_out_handler, "mem_handler", NULL);
}

#endif
