/* fb_twiddle.c: see fb_twiddle.h for why roots are built this way. */
#include "fb_twiddle.h"
#include <math.h>

#define FB_PI_L 3.141592653589793238462643383279502884L

int fb_roots_init(fb_roots *r, fb_idx n)
{
    r->t1 = r->t2 = NULL;
    if (n < 1) return FB_EINVAL;
    r->n = n;
    /* Reduced indices x lie in [0, n] (angles pi*x/(4n) in [0, pi/4]); split x into a high and a
     * low part of about sqrt(n) values each. */
    int shift = 0;
    while (((fb_idx)1 << (2 * shift)) < n + 1) ++shift;
    r->shift = shift;
    r->mask = ((fb_idx)1 << shift) - 1;
    fb_idx n1 = (fb_idx)1 << shift, n2 = (n >> shift) + 1;
    r->t1 = (long double *)fb_malloc(sizeof(long double) * 2 * (size_t)n1);
    r->t2 = (long double *)fb_malloc(sizeof(long double) * 2 * (size_t)n2);
    if (!r->t1 || !r->t2) { fb_roots_free(r); return FB_ENOMEM; }
    const long double den = 4.0L * (long double)n;
    for (fb_idx j = 0; j < n1; ++j) {
        long double a = FB_PI_L * ((long double)j / den);
        r->t1[2 * j] = cosl(a);
        r->t1[2 * j + 1] = sinl(a);
    }
    for (fb_idx j = 0; j < n2; ++j) {
        long double a = FB_PI_L * ((long double)(j << shift) / den);
        r->t2[2 * j] = cosl(a);
        r->t2[2 * j + 1] = sinl(a);
    }
    /* Exact values at angle 0 so that w^0 = 1 exactly after the product. */
    r->t1[0] = r->t2[0] = 1.0L;
    r->t1[1] = r->t2[1] = 0.0L;
    return FB_OK;
}

void fb_roots_free(fb_roots *r)
{
    fb_free(r->t1);
    fb_free(r->t2);
    r->t1 = r->t2 = NULL;
}

void fb_roots_get(const fb_roots *r, fb_idx k, long double *re, long double *im)
{
    const fb_idx n = r->n;
    k %= n;
    /* Angle 2*pi*k/n = pi*x/(4n) with x = 8k; fold x into [0, n] (the first octant), remembering
     * the exact symmetries used: theta -> 2pi - theta (negate sin), pi - theta (negate cos),
     * pi/2 - theta (swap cos and sin). Comparisons are done as 8k vs multiples of n without
     * forming 8k when it could overflow. */
    uint64_t x = (uint64_t)k * 8u, nn = (uint64_t)n;
    int neg_sin = 0, neg_cos = 0, swap = 0;
    if (x > 4 * nn) { x = 8 * nn - x; neg_sin = 1; }
    if (x > 2 * nn) { x = 4 * nn - x; neg_cos = 1; }
    if (x > nn) { x = 2 * nn - x; swap = 1; }
    const long double *a = r->t1 + 2 * (x & (uint64_t)r->mask);
    const long double *b = r->t2 + 2 * (x >> r->shift);
    long double c = a[0] * b[0] - a[1] * b[1];
    long double s = a[1] * b[0] + a[0] * b[1];
    if (swap) { long double t = c; c = s; s = t; }
    if (neg_cos) c = -c;
    if (neg_sin) s = -s;
    *re = c;
    *im = -s;   /* exp(-i*theta): the forward-transform sign convention */
}
