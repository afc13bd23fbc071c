/* fb_factor.h: how a length is split into radix passes, what that costs, and when Bluestein wins.
 *
 * Factor order (the order passes run in, first pass first): the power of two as 16s and 8s in
 * the fewest passes (then a 4, 4*4 in place of a lone 8*2, or a 2), then 3s, 5s, 7s, then the
 * remaining primes in increasing order (generic pass). Large radices first: fewer passes over
 * memory for powers of two. A prime radix p >= 29 whose
 * convolution of length p - 1 is cheap runs as Rader's algorithm (fb_use_rader), O(log p) per
 * element instead of the generic pass's O(p); the cost model knows both, so Bluestein is chosen
 * for a whole length only when it beats them.
 *
 * Usage:
 *     fb_idx f[FB_MAXFACT];
 *     int nf = fb_factorize(720, f);          // {16, 3, 3, 5}: passes in execution order
 *     if (fb_prefer_bluestein(65537)) ...     // large prime: chirp-z on a smooth length
 *     fb_idx m = fb_good_size(2 * n - 1);      // smallest 2^a 3^b 5^c 7^d >= 2n-1
 */
#ifndef FB_FACTOR_H
#define FB_FACTOR_H

#include "fb_common.h"

#define FB_MAXFACT 64
/* The radices without a butterfly of their own (fb_cfft_passes.h): the primes above 7, run by
 * the generic pass or by Rader's. */
#define FB_GENERIC_RADIX(ip) ((ip) > 7 && (ip) % 2 == 1)

int fb_factorize(fb_idx n, fb_idx *fct);
/* The same with power-of-two radices up to max2 (8 or 16). */
int fb_factorize_radix(fb_idx n, fb_idx *fct, int max2);
double fb_cost_radix(fb_idx n);
/* rader = 0: the cost without Rader passes (a Rader pass's own convolution plan) */
double fb_cost_radix_ex(fb_idx n, int rader);
fb_idx fb_good_size(fb_idx n);
/* The length Bluestein runs on for a transform of length n (>= 2n - 1, smooth, cheap). */
fb_idx fb_bluestein_size(fb_idx n);
int fb_prefer_bluestein(fb_idx n);
int fb_prefer_bluestein_ex(fb_idx n, int rader);
fb_idx fb_largest_factor(fb_idx n);
/* 1 if the prime radix p runs as Rader's convolution (cheaper than the O(p) generic pass). */
int fb_use_rader(fb_idx p);
/* The smallest primitive root modulo the prime p. */
fb_idx fb_primitive_root(fb_idx p);
/* b^e mod p, without overflow for any 64-bit p. */
fb_idx fb_powmod(fb_idx b, fb_idx e, fb_idx p);

#endif
