/* fb_corr_tmpl.h: fb_corr_X of fb_corr.h for one precision. A template included by fb_corr.c
 * with FB_R (scalar type), FB_V (vector type of FB_VL lanes) and FB_PSFX (d, f).
 *
 * Register blocking: a block of CORR_W vectors of consecutive outputs stays in registers while
 * every tap streams over it (one broadcast coefficient, CORR_W unaligned loads and multiply-adds
 * per tap). CORR_W independent sums hide the multiply-add latency: with two FMA units of
 * latency 4, at least 8 chains keep both busy. */

#define CNAME(x) FB_CAT3(x, _, FB_PSFX)

/* Keeps v in a register: otherwise GCC folds the load into both multiply-adds that use it,
 * loading it twice, and the two-row kernel would save no loads. */
#ifndef FB_IN_REGISTER
#if defined(__GNUC__)
#define FB_IN_REGISTER(v) __asm__("" : "+x"(v))
#else
#define FB_IN_REGISTER(v) ((void)0)
#endif
#endif

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

/* Two output rows at once (kr >= 2): x row i + r feeds row i with kernel row r and row i + 1
 * with kernel row r - 1, so each vector of x is loaded once for two multiply-adds. */
static void CNAME(corr_rows2)(const FB_R *FB_RESTRICT x, fb_idx xs, const FB_R *FB_RESTRICT k,
                              fb_idx kr, fb_idx kc, FB_R *FB_RESTRICT o, fb_idx os, fb_idx nc,
                              int accumulate)
{
    enum { H = CORR_W / 2 };
    const FB_V zero = {0};
    fb_idx j = 0;
    for (; j + H * FB_VL <= nc; j += H * FB_VL) {
        FB_V a0[H], a1[H];
#pragma GCC unroll 16
        for (int t = 0; t < H; ++t) {
            a0[t] = accumulate ? CNAME(loadu)(o + j + t * FB_VL) : zero;
            a1[t] = accumulate ? CNAME(loadu)(o + os + j + t * FB_VL) : zero;
        }
        for (fb_idx b = 0; b < kc; ++b) {              /* x row i: output row i only */
            const FB_R c0 = k[b];
#pragma GCC unroll 16
            for (int t = 0; t < H; ++t) a0[t] += c0 * CNAME(loadu)(x + j + b + t * FB_VL);
        }
        for (fb_idx r = 1; r < kr; ++r) {              /* both output rows */
            const FB_R *xr = x + r * xs + j, *k0 = k + r * kc, *k1 = k0 - kc;
            for (fb_idx b = 0; b < kc; ++b) {
                const FB_R c0 = k0[b], c1 = k1[b];
#pragma GCC unroll 16
                for (int t = 0; t < H; ++t) {
                    FB_V v = CNAME(loadu)(xr + b + t * FB_VL);
                    FB_IN_REGISTER(v);
                    a0[t] += c0 * v;
                    a1[t] += c1 * v;
                }
            }
        }
        const FB_R *xl = x + kr * xs + j, *kl = k + (kr - 1) * kc;
        for (fb_idx b = 0; b < kc; ++b) {              /* x row i + kr: output row i + 1 only */
            const FB_R c1 = kl[b];
#pragma GCC unroll 16
            for (int t = 0; t < H; ++t) a1[t] += c1 * CNAME(loadu)(xl + b + t * FB_VL);
        }
#pragma GCC unroll 16
        for (int t = 0; t < H; ++t) {
            CNAME(storeu)(o + j + t * FB_VL, a0[t]);
            CNAME(storeu)(o + os + j + t * FB_VL, a1[t]);
        }
    }
    if (j < nc) {   /* the rest of both rows, one at a time */
        CNAME(corr_row)(x + j, xs, k, kr, kc, o + j, nc - j, accumulate);
        CNAME(corr_row)(x + xs + j, xs, k, kr, kc, o + os + j, nc - j, accumulate);
    }
}

int CNAME(fb_corr)(const FB_R *x, fb_idx xs, const FB_R *k, fb_idx kr, fb_idx kc, FB_R *out,
                   fb_idx os, fb_idx nr, fb_idx nc, int accumulate)
{
    if (kr < 1 || kc < 1 || nr < 0 || nc < 0) return FB_EINVAL;
    fb_idx i = 0;
    if (kr >= 2)
        for (; i + 2 <= nr; i += 2)
            CNAME(corr_rows2)(x + i * xs, xs, k, kr, kc, out + i * os, os, nc, accumulate);
    for (; i < nr; ++i)
        CNAME(corr_row)(x + i * xs, xs, k, kr, kc, out + i * os, nc, accumulate);
    return FB_OK;
}

#undef CNAME
