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
 * with FB_PSFX (d, f), FB_TW, FB_TWT, FB_PLAN, FB_CT (scalar lane), FB_CVT (vector lane), FB_VR
 * (its vector type), FB_VLEN.
 */

#define SNAME(x) FB_CAT3(x, _, FB_PSFX)
#define CORE_S FB_CAT2(core_exec_, FB_PSFX)
#define CORE_V FB_CAT2(core_exec_v, FB_PSFX)
#define LOAD FB_CAT3(fb_cv, FB_PSFX, _load)
#define STORE FB_CAT3(fb_cv, FB_PSFX, _store)

/* The combining pass for outputs k in [k0, h), one k at a time (the tail of the vector loop). */
static void SNAME(combine_tail)(const FB_PLAN *p, int fwd, const FB_CVT *y, fb_idx k0,
                                FB_CT *data)
{
    const fb_idx h = p->half->n;
    const FB_TW *tw = (const FB_TW *)p->tws;
    const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;   /* backward: conjugate twiddles, i_dir = +i */
    for (fb_idx k = k0; k < h; ++k) {
        FB_CT t[FB_VLEN];
        t[0].r = y[k].r[0];
        t[0].i = y[k].i[0];
        for (int r = 1; r < FB_VLEN; ++r) {
            const FB_TW wr = tw[2 * (r - 1) * h + k], wi = sg * tw[(2 * r - 1) * h + k];
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
}

/* Transforms the n values at src (byte stride ss), scaled by fct on the way in, into data.
 * The combining pass works on V consecutive k at once: a V x V transpose turns V lane values
 * (rows r of one k each) into V vectors over k (one per row r), so the twiddles and the radix-V
 * butterfly run on whole vectors and the outputs leave as contiguous runs. */
static FB_CT *SNAME(split_from)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss, FB_TW fct,
                                FB_CT *data, FB_CT *work)
{
    const fb_idx h = p->half->n;
    FB_CVT *a = (FB_CVT *)work, *b = a + h, *w = b + h;
    if (ss == (fb_idx)sizeof(FB_CT))
        for (fb_idx k = 0; k < h; ++k) {
            LOAD(&a[k], (const FB_CT *)src + FB_VLEN * k);
            a[k].r *= fct;
            a[k].i *= fct;
        }
    else
        for (fb_idx k = 0; k < h; ++k)
            for (int l = 0; l < FB_VLEN; ++l) {
                const FB_CT *x = (const FB_CT *)(src + (FB_VLEN * k + l) * ss);
                a[k].r[l] = x->r * fct;
                a[k].i[l] = x->i * fct;
            }
    const FB_CVT *y = CORE_V(p->half, fwd, a, b, w);
    const FB_TW *tw = (const FB_TW *)p->tws;
    const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;
    const fb_idx hv = h - h % FB_VLEN;
    for (fb_idx k = 0; k < hv; k += FB_VLEN) {
        FB_CVT z[FB_VLEN];   /* z[r]: row r at k .. k + V - 1 */
#if FB_VLEN == 2
        z[0].r = FB_SHUF2(y[k].r, y[k + 1].r, 0, 2); z[1].r = FB_SHUF2(y[k].r, y[k + 1].r, 1, 3);
        z[0].i = FB_SHUF2(y[k].i, y[k + 1].i, 0, 2); z[1].i = FB_SHUF2(y[k].i, y[k + 1].i, 1, 3);
#else
#define TRANSPOSE4(F) {                                                                    \
        FB_VR t0 = FB_SHUF4(y[k].F, y[k + 1].F, 0, 4, 1, 5);                               \
        FB_VR t1 = FB_SHUF4(y[k].F, y[k + 1].F, 2, 6, 3, 7);                               \
        FB_VR t2 = FB_SHUF4(y[k + 2].F, y[k + 3].F, 0, 4, 1, 5);                           \
        FB_VR t3 = FB_SHUF4(y[k + 2].F, y[k + 3].F, 2, 6, 3, 7);                           \
        z[0].F = FB_SHUF4(t0, t2, 0, 1, 4, 5); z[1].F = FB_SHUF4(t0, t2, 2, 3, 6, 7);       \
        z[2].F = FB_SHUF4(t1, t3, 0, 1, 4, 5); z[3].F = FB_SHUF4(t1, t3, 2, 3, 6, 7); }
        TRANSPOSE4(r)
        TRANSPOSE4(i)
#undef TRANSPOSE4
#endif
        for (int r = 1; r < FB_VLEN; ++r) {
            FB_VR wr, wi;
            memcpy(&wr, tw + 2 * (r - 1) * h + k, sizeof wr);
            memcpy(&wi, tw + (2 * r - 1) * h + k, sizeof wi);
            wi *= sg;
            const FB_VR zr = z[r].r;
            z[r].r = zr * wr - z[r].i * wi;
            z[r].i = zr * wi + z[r].i * wr;
        }
        FB_CVT x;
#if FB_VLEN == 2
        x.r = z[0].r + z[1].r; x.i = z[0].i + z[1].i; STORE(&x, data + k);
        x.r = z[0].r - z[1].r; x.i = z[0].i - z[1].i; STORE(&x, data + k + h);
#else
        FB_CVT s02, d02, s13, d13;
        s02.r = z[0].r + z[2].r; s02.i = z[0].i + z[2].i;
        d02.r = z[0].r - z[2].r; d02.i = z[0].i - z[2].i;
        s13.r = z[1].r + z[3].r; s13.i = z[1].i + z[3].i;
        d13.r = sg * (z[1].i - z[3].i); d13.i = -sg * (z[1].r - z[3].r);
        x.r = s02.r + s13.r; x.i = s02.i + s13.i; STORE(&x, data + k);
        x.r = s02.r - s13.r; x.i = s02.i - s13.i; STORE(&x, data + k + 2 * h);
        x.r = d02.r + d13.r; x.i = d02.i + d13.i; STORE(&x, data + k + h);
        x.r = d02.r - d13.r; x.i = d02.i - d13.i; STORE(&x, data + k + 3 * h);
#endif
    }
    SNAME(combine_tail)(p, fwd, y, hv, data);
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
#undef LOAD
#undef STORE
