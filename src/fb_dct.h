/* fb_dct.h: real-to-real transforms, DCT and DST of types 1-4, along axes of an n-D array.
 *
 * Definitions are SciPy's unnormalised ones (scipy.fft.dct / dst), for a line x of length n:
 *   DCT-I   y_k = x_0 + (-1)^k x_n-1 + 2 sum_{0<j<n-1} x_j cos(pi j k / (n-1))        (n >= 2)
 *   DCT-II  y_k = 2 sum_j x_j cos(pi k (2j+1) / 2n)
 *   DCT-III y_k = x_0 + 2 sum_{j>0} x_j cos(pi j (2k+1) / 2n)
 *   DCT-IV  y_k = 2 sum_j x_j cos(pi (2j+1)(2k+1) / 4n)
 *   DST-I   y_k = 2 sum_j x_j sin(pi (j+1)(k+1) / (n+1))
 *   DST-II  y_k = 2 sum_j x_j sin(pi (k+1)(2j+1) / 2n)
 *   DST-III y_k = (-1)^k x_n-1 + 2 sum_{j<n-1} x_j sin(pi (j+1)(2k+1) / 2n)
 *   DST-IV  y_k = 2 sum_j x_j sin(pi (2j+1)(2k+1) / 4n)
 * How each is computed (fb_dct_lane.h): DCT-II/III through one real FFT of length n (an
 * even-odd reordering and a twiddle pass); DST-II/III as DCT-II/III with alternating signs and
 * a reversal; DCT-I and DST-I through a real FFT of length 2(n-1) and 2(n+1); DCT-IV and DST-IV
 * through a complex FFT of length n/2 (even n) or n (odd n).
 *
 * fb_r2r_X(in, out, ndim, shape, istride, ostride, naxes, axes, dst, type, ortho, fct, nthreads):
 * transforms along each of axes[0..naxes) in turn, the first reading `in` and writing `out`,
 * the later ones in place on `out` (which may equal `in`). dst = 0: DCT, 1: DST; type 1..4;
 * ortho = 1 applies SciPy's `orthogonalize` fix-ups (DCT-I: x_0, x_n-1 times sqrt 2 before,
 * y_0, y_n-1 divided by sqrt 2 after; DCT-II: y_0 / sqrt 2; DCT-III: x_0 sqrt 2; DST-II:
 * y_n-1 / sqrt 2; DST-III: x_n-1 sqrt 2; no effect otherwise). fct multiplies the whole result
 * (applied once, as the first axis is read). Byte strides, 64-bit; 0 or an FB_E* code
 * (FB_EINVAL for a type outside 1..4 or a DCT-I of length 1).
 *
 * Usage (orthonormal DCT-II of a contiguous float64 vector x of length n, into y):
 *     fb_idx shape[1] = {n}, st[1] = {8};
 *     int axes[1] = {0};
 *     int err = fb_r2r_d(x, y, 1, shape, st, st, 1, axes, 0, 2, 1, 1.0 / sqrt(2.0 * n), 1);
 */
#ifndef FB_DCT_H
#define FB_DCT_H

#include "fb_common.h"

int fb_r2r_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int dst, int type, int ortho,
             double fct, int nthreads) FB_WUR;
int fb_r2r_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int dst, int type, int ortho,
             double fct, int nthreads) FB_WUR;

#endif
