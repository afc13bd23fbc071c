/* fb_corr_tmpl.h: fb_corr_X of fb_corr.h for one precision. A template included by fb_corr.c
 * with FB_R (scalar type), FB_V (vector type of FB_VL lanes) and FB_PSFX (d, f).
 *
 * Register blocking: a block of CORR_W vectors of consecutive outputs stays in registers while
 * every tap streams over it (one broadcast coefficient, CORR_W unaligned loads and multiply-adds
 * per tap). CORR_W independent sums hide the multiply-add latency: with two FMA units of
 * latency 4, at least 8 chains keep both busy. */

#define CNAME(x) FB_CAT3(x, _, FB_PSFX)

static inline FB_V CNAME(loadu)(const FB_R *p)
{
    FB_V v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void CNAME(storeu)(FB_R *p, FB_V v) { memcpy(p, &v, sizeof v); }

/* One output row: o[j] (+)= sum_a sum_b k[a][b] x[a][j + b], j < nc. */
static void CNAME(corr_row)(const FB_R *FB_RESTRICT x, fb_idx xs, const FB_R *FB_RESTRICT k,
                            fb_idx kr, fb_idx kc, FB_R *FB_RESTRICT o, fb_idx nc, int accumulate)
{
    const FB_V zero = {0};
    fb_idx j = 0;
    for (; j + CORR_W * FB_VL <= nc; j += CORR_W * FB_VL) {
        FB_V acc[CORR_W];
#pragma GCC unroll 16
        for (int t = 0; t < CORR_W; ++t)
            acc[t] = accumulate ? CNAME(loadu)(o + j + t * FB_VL) : zero;
        for (fb_idx a = 0; a < kr; ++a) {
            const FB_R *xa = x + a * xs + j, *ka = k + a * kc;
            for (fb_idx b = 0; b < kc; ++b) {
                const FB_R c = ka[b];
#pragma GCC unroll 16
                for (int t = 0; t < CORR_W; ++t)
                    acc[t] += c * CNAME(loadu)(xa + b + t * FB_VL);
            }
        }
#pragma GCC unroll 16
        for (int t = 0; t < CORR_W; ++t) CNAME(storeu)(o + j + t * FB_VL, acc[t]);
    }
    for (; j + FB_VL <= nc; j += FB_VL) {
        FB_V acc = accumulate ? CNAME(loadu)(o + j) : zero;
        for (fb_idx a = 0; a < kr; ++a) {
            const FB_R *xa = x + a * xs + j, *ka = k + a * kc;
            for (fb_idx b = 0; b < kc; ++b) acc += ka[b] * CNAME(loadu)(xa + b);
        }
        CNAME(storeu)(o + j, acc);
    }
    for (; j < nc; ++j) {
        FB_R s = accumulate ? o[j] : (FB_R)0;
        for (fb_idx a = 0; a < kr; ++a) {
            const FB_R *xa = x + a * xs + j, *ka = k + a * kc;
            for (fb_idx b = 0; b < kc; ++b) s += ka[b] * xa[b];
        }
        o[j] = s;
    }
}

int CNAME(fb_corr)(const FB_R *x, fb_idx xs, const FB_R *k, fb_idx kr, fb_idx kc, FB_R *out,
                   fb_idx os, fb_idx nr, fb_idx nc, int accumulate)
{
    if (kr < 1 || kc < 1 || nr < 0 || nc < 0) return FB_EINVAL;
    for (fb_idx i = 0; i < nr; ++i)
        CNAME(corr_row)(x + i * xs, xs, k, kr, kc, out + i * os, nc, accumulate);
    return FB_OK;
}

#undef CNAME
