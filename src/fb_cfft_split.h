/* fb_cfft_split.h: one transform run on vector lanes ("lane split").
 *
 * A single row leaves vector registers half empty. Decimation in time splits x of length n = V*h
 * into V interleaved rows y_r[k] = x[V k + r]; those are transformed together, one per lane, by
 * the vector passes of length h, and one radix-V pass combines them:
 *   X[k + q h] = sum_r w_n^(r k) w_V^(r q) Y_r[k].
 * The combine pass is the one pass a length-n transform has beyond a length-h one, so the split
 * costs a gather, not extra arithmetic.
 *
 * A template included by fb_cfft.c once per precision, after the scalar and vector instantiations,
 * with FB_PSFX (d, f), FB_TW, FB_TWT, FB_PLAN, FB_CT (scalar lane), FB_CVT (vector lane), FB_VLEN.
 */

#define SNAME(x) FB_CAT3(x, _, FB_PSFX)
#define CORE_S FB_CAT2(core_exec_, FB_PSFX)
#define CORE_V FB_CAT2(core_exec_v, FB_PSFX)

/* Transforms the n values at src (byte stride ss), scaled by fct on the way in, into data. */
static FB_CT *SNAME(split_from)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss, FB_TW fct,
                        FB_CT *data, FB_CT *work)
{
    const fb_idx h = p->half->n;
    FB_CVT *a = (FB_CVT *)work, *b = a + h, *w = b + h;
    for (fb_idx k = 0; k < h; ++k)
        for (int l = 0; l < FB_VLEN; ++l) {
            const FB_CT *x = (const FB_CT *)(src + (FB_VLEN * k + l) * ss);
            a[k].r[l] = x->r * fct;
            a[k].i[l] = x->i * fct;
        }
    const FB_CVT *y = CORE_V(p->half, fwd, a, b, w);
    const FB_TWT *tw = p->tws;
    const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;   /* backward: conjugate twiddles, i_dir = +i */
    for (fb_idx k = 0; k < h; ++k) {
        FB_CT t[FB_VLEN];
        t[0].r = y[k].r[0];
        t[0].i = y[k].i[0];
        for (int r = 1; r < FB_VLEN; ++r) {
            const FB_TW wr = tw[(r - 1) * h + k].r, wi = sg * tw[(r - 1) * h + k].i;
            t[r].r = y[k].r[r] * wr - y[k].i[r] * wi;
            t[r].i = y[k].r[r] * wi + y[k].i[r] * wr;
        }
#if FB_VLEN == 2
        data[k].r = t[0].r + t[1].r;      data[k].i = t[0].i + t[1].i;
        data[k + h].r = t[0].r - t[1].r;  data[k + h].i = t[0].i - t[1].i;
#elif FB_VLEN == 4
        /* radix-4 butterfly; i_dir * z = (sg * z.i, -sg * z.r) */
        FB_CT s02, d02, s13, d13;
        s02.r = t[0].r + t[2].r; s02.i = t[0].i + t[2].i;
        d02.r = t[0].r - t[2].r; d02.i = t[0].i - t[2].i;
        s13.r = t[1].r + t[3].r; s13.i = t[1].i + t[3].i;
        d13.r = sg * (t[1].i - t[3].i); d13.i = -sg * (t[1].r - t[3].r);
        data[k].r = s02.r + s13.r;         data[k].i = s02.i + s13.i;
        data[k + 2 * h].r = s02.r - s13.r; data[k + 2 * h].i = s02.i - s13.i;
        data[k + h].r = d02.r + d13.r;     data[k + h].i = d02.i + d13.i;
        data[k + 3 * h].r = d02.r - d13.r; data[k + 3 * h].i = d02.i - d13.i;
#else
#error "lane split written for 2 or 4 lanes"
#endif
    }
    return data;
}

static FB_CT *SNAME(split_exec)(const FB_PLAN *p, int fwd, FB_CT *data, FB_CT *work)
{
    return SNAME(split_from)(p, fwd, (const char *)data, (fb_idx)sizeof(FB_CT), (FB_TW)1, data,
                            work);
}

#undef SNAME
#undef CORE_S
#undef CORE_V
