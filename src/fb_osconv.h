/* fb_osconv.h: linear convolution of long real lines with one short real kernel by overlap-save,
 * each block transformed, multiplied and transformed back while it is in cache.
 *
 * With full = x * k (length nx + K - 1, full_m = sum_t k_t x_m-t), the output is the window
 * out_i = full_s+i, 0 <= i < nout, of each of nlines lines. Block by block: the nfft input
 * values x_p0 .. x_p0+nfft-1 (zero outside 0..nx-1; read in place when inside) go through the
 * real FFT of length nfft, are multiplied by H = rfft(k zero-padded to nfft) (nfft/2 + 1
 * values, unscaled), and the inverse real FFT, scaled by 1/nfft on the way, gives the circular
 * convolution; its last nfft - K + 1 values are free of wrap-around and are outputs
 * p0 + K - 1 ... of full. So H is computed once per kernel and serves every block and line.
 *
 * Lines: x line l starts at x + l * xls, out line l at out + l * ols (elements), each
 * contiguous. nfft must be even and at least K. One thread. Returns 0 or an FB_E* code.
 *
 * Usage (full convolution of x, length n, with k, length m, nfft = 8192 >= m):
 *     H = rfft(k, 8192);  (4097 complex values)
 *     int err = fb_osconv_d(x, n, 0, H, 8192, m, y, 0, n + m - 1, 0, 1);
 */
#ifndef FB_OSCONV_H
#define FB_OSCONV_H

#include "fb_common.h"

int fb_osconv_d(const double *x, fb_idx nx, fb_idx xls, const fb_cd *H, fb_idx nfft, fb_idx K,
                double *out, fb_idx s, fb_idx nout, fb_idx ols, fb_idx nlines) FB_WUR;
int fb_osconv_f(const float *x, fb_idx nx, fb_idx xls, const fb_cf *H, fb_idx nfft, fb_idx K,
                float *out, fb_idx s, fb_idx nout, fb_idx ols, fb_idx nlines) FB_WUR;

#endif
