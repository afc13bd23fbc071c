/* fb_batch.h: the strided batch executor: a complex FFT along each listed axis of an n-D array.
 *
 * Any shape, any byte strides (negative, zero for input, non-contiguous). Lines are copied a few
 * at a time into an aligned buffer (FB_VLEN rows interleaved into vector lanes, the rest one by
 * one), scaled on the way in (so normalisation costs no pass of its own), transformed and copied
 * out. The first axis reads `in` and writes `out`; later axes work in place on
 * `out`. `out` may equal `in`; otherwise they must not overlap. nthreads > 1 splits the lines.
 *
 * Usage (a 2-D complex128 C-ordered array a of shape (r, c), forward FFT over both axes, "ortho"):
 *     fb_idx shape[2] = {r, c}, str[2] = {c * 16, 16};
 *     int axes[2] = {0, 1};
 *     int err = fb_c2c_d(a, a, 2, shape, str, str, 2, axes, 1, 1.0 / sqrt(r * c), 1);
 */
#ifndef FB_BATCH_H
#define FB_BATCH_H

#include "fb_common.h"

#define FB_MAXDIM 64

int fb_c2c_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int fwd, double fct,
             int nthreads) FB_WUR;
int fb_c2c_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int fwd, double fct,
             int nthreads) FB_WUR;

/* The SIMD build in use: "baseline" or "avx2" (fb_dispatch.c). */
const char *fb_simd_level(void);

#endif
