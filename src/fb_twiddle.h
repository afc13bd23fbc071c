/* fb_twiddle.h: accurate roots of unity w_n^k = exp(-2*pi*i*k/n) for any n and k.
 *
 * Why not a recurrence (w^(k+1) = w^k * w): its error grows with k and reaches 1e-12 at n = 2^20.
 * Instead each root is reduced to the first octant by exact integer symmetries, then taken from the
 * product of two small long-double tables (angle addition), so every root is within about one ulp of
 * double and the symmetric points (1, -i, -1, ...) are exact.
 *
 * Usage:
 *     fb_roots r;
 *     if (fb_roots_init(&r, n) != FB_OK) return FB_ENOMEM;
 *     long double c, s;
 *     fb_roots_get(&r, k, &c, &s);     // c + i*s = exp(-2*pi*i*k/n)
 *     fb_roots_free(&r);
 */
#ifndef FB_TWIDDLE_H
#define FB_TWIDDLE_H

#include "fb_common.h"

typedef struct {
    fb_idx n;
    int shift;           /* table t1 covers the low `shift` bits of the reduced index */
    fb_idx mask;
    long double *t1;     /* (cos, sin) of pi*j/(4n), j < 2^shift */
    long double *t2;     /* (cos, sin) of pi*(j << shift)/(4n), j <= n >> shift */
} fb_roots;

int fb_roots_init(fb_roots *r, fb_idx n) FB_WUR;
void fb_roots_free(fb_roots *r);
/* k may be any non-negative integer; it is reduced modulo n. */
void fb_roots_get(const fb_roots *r, fb_idx k, long double *re, long double *im);

#endif
