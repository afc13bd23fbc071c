/* fb_corr.h: direct (no FFT) valid correlation of rows with a small 2-D kernel.
 *
 * For short kernels a direct sum beats any transform: each output costs kr * kc multiply-adds,
 * all from cache, with no padding and no rounding beyond the sum itself. Convolution is the
 * correlation with the flipped kernel; the caller flips it and pads or crops x to the window
 * of the output it wants (fftbackend/_signal.py).
 *
 *     out[i][j] (+)= sum_{a < kr, b < kc} k[a][b] * x[i + a][j + b],   0 <= i < nr, 0 <= j < nc
 *
 * x has nr + kr - 1 rows of at least nc + kc - 1 values, rows xs elements apart (each row
 * contiguous); k is kr x kc, contiguous; out has nr rows of nc values, os elements apart.
 * accumulate = 1 adds to out (a 3-D kernel is a sum of 2-D ones), 0 overwrites it. A batch
 * of 1-D lines is the case kr = 1 with one row per line. One thread.
 * Returns 0 or an FB_E* code (FB_EINVAL for a negative size).
 *
 * Usage (valid correlation of a contiguous float64 vector x of length n with k of length m):
 *     int err = fb_corr_d(x, n, k, 1, m, y, n - m + 1, 1, n - m + 1, 0);
 */
#ifndef FB_CORR_H
#define FB_CORR_H

#include "fb_common.h"

int fb_corr_d(const double *x, fb_idx xs, const double *k, fb_idx kr, fb_idx kc, double *out,
              fb_idx os, fb_idx nr, fb_idx nc, int accumulate) FB_WUR;
int fb_corr_f(const float *x, fb_idx xs, const float *k, fb_idx kr, fb_idx kc, float *out,
              fb_idx os, fb_idx nr, fb_idx nc, int accumulate) FB_WUR;

#endif
