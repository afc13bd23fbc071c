/* fb_common.h: types, error codes and small portability helpers shared by every kernel file.
 *
 * All sizes, indices and strides are 64-bit signed (fb_idx = ptrdiff_t): strides may be negative
 * (reversed numpy views) and products of dimensions may exceed 2^31.
 */
#ifndef FB_COMMON_H
#define FB_COMMON_H

#include <stddef.h>
#include <stdint.h>

typedef ptrdiff_t fb_idx;

/* Error codes returned by every public C function; 0 means success. */
enum {
    FB_OK = 0,
    FB_ENOMEM = 1,   /* an allocation failed */
    FB_EINVAL = 2,   /* a size or argument the kernel cannot accept (n < 1, bad axis, ...) */
    FB_ETHREAD = 3   /* a worker thread could not be started */
};

#if defined(__GNUC__) || defined(__clang__)
#define FB_RESTRICT __restrict__
#define FB_NOINLINE __attribute__((noinline))
#define FB_INLINE static inline __attribute__((always_inline))
#define FB_WUR __attribute__((warn_unused_result))
#else
#define FB_RESTRICT
#define FB_NOINLINE
#define FB_INLINE static inline
#define FB_WUR
#endif

#define FB_CAT2_(a, b) a##b
#define FB_CAT2(a, b) FB_CAT2_(a, b)
#define FB_CAT3(a, b, c) FB_CAT2(FB_CAT2(a, b), c)

/* Scalar complex numbers as stored in numpy's complex128 / complex64 arrays. */
typedef struct { double r, i; } fb_cd;
typedef struct { float r, i; } fb_cf;

/* 64-byte aligned allocation (a cache line, and the widest vector register). Returns NULL on failure
 * or when bytes == 0 overflowed; fb_free(NULL) is a no-op. */
void *fb_malloc(size_t bytes);
void fb_free(void *p);

/* Allocations from this size on are 2 MiB aligned and asked to use huge pages. */
#define FB_HUGE_BYTES ((size_t)2 << 20)
/* Largest scratch block a thread keeps between calls. */
#define FB_SCRATCH_KEEP ((size_t)256 << 20)

/* The length from which smooth complex transforms take the blocked (four-step) algorithm rather
 * than the lane split: where a line of complex doubles fills the L2 cache, 2^16 to 2^18
 * (2^16 when the size is unknown). Measured on a 2 MiB-L2 Xeon, fft 65536 ran 5-15% faster split
 * than blocked, 2^17 blocked was the faster; 1 MiB (Zen 4) is where 2^16 was tuned. Fixed for
 * the process, so every plan agrees. */
long fb_blocked_min(void);

/* Results of at least this many bytes are written with non-temporal stores (fb_lanes.h) where a
 * kernel can: 4 times the L2 size (4 MiB when unknown). Far past the caches a result's lines
 * would be read from memory only to be overwritten; measured cold (caches flushed between
 * calls), fft over the last axis of 1000x1024 went 4.5 -> 3.2 ms, and warm it was the same.
 * The environment variable FFTBACKEND_STREAM_MIN (bytes) overrides it, for tests. */
long fb_stream_min(void);

/* Per-thread reusable scratch: take returns a block of at least `bytes` (the thread's cached one
 * if large enough, else a new one; NULL on failure); give hands it back for the next call (or
 * frees it). Usage:  void *s = fb_scratch_take(b); ... fb_scratch_give(s, b); */
void *fb_scratch_take(size_t bytes);
void fb_scratch_give(void *p, size_t bytes);

/* Rounds p up to a multiple of 64 bytes: scratch handed down in scalar units is cast to vector
 * lanes (up to 64 bytes wide) here and there; such users ask for FB_ALIGN_SLACK values more. */
static inline void *fb_align64(void *p) { return (void *)(((uintptr_t)p + 63) & ~(uintptr_t)63); }
#define FB_ALIGN_SLACK 8

/* Multiplies a * b for allocation sizes; returns 0 if the product overflows size_t. */
size_t fb_mulsize(size_t a, size_t b);

#endif
