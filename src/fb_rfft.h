/* fb_rfft.h: real <-> complex FFTs along one axis of an n-D array, and their plans.
 *
 * Even n = 2h: the real line is read as h complex values z_k = x_2k + i x_2k+1, transformed by
 * the complex FFT of length h, and one pass untangles the spectra of the even and odd samples
 * (E, O) into X_k = E_k + w_n^k O_k (fb_rfft_lane.h); c2r runs the same steps backwards. Odd n:
 * the complex FFT of length n on the real line (imaginary parts zero) or, for c2r, on the
 * Hermitian-extended spectrum.
 *
 * fb_r2c_X: `in` real with shape `shape` (n = shape[axis]); `out` complex, the same shape but
 * n/2+1 (full = 0) or n (full = 1: the second half by conjugate symmetry, for fft of real input)
 * along axis. fwd = 1: exp(-2 pi i jk/n) (rfft); fwd = 0: exp(+...) (ihfft).
 * fb_c2r_X: `in` complex with n/2+1 values along axis, `out` real with shape `shape`. fwd = 0:
 * exp(+2 pi i jk/n) (irfft, unnormalised); fwd = 1: exp(-...) (hfft). The imaginary parts of
 * X_0 and, for even n, X_n/2 are ignored. `in` is never written.
 * Both: byte strides, scale fct applied once, nthreads threads; 0 or an FB_E* code.
 *
 * Usage (rfft of a contiguous float64 vector x of length n into y of n/2+1 complex128):
 *     fb_idx shape[1] = {n}, is[1] = {8}, os[1] = {16};
 *     int err = fb_r2c_d(x, y, 1, shape, is, os, 0, 1, 0, 1.0, 1);
 */
#ifndef FB_RFFT_H
#define FB_RFFT_H

#include "fb_common.h"

int fb_r2c_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, int full, double fct, int nthreads) FB_WUR;
int fb_r2c_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, int full, double fct, int nthreads) FB_WUR;
int fb_c2r_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, double fct, int nthreads) FB_WUR;
int fb_c2r_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, double fct, int nthreads) FB_WUR;

#endif
