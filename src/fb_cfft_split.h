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
#define STORE_NT FB_CAT3(fb_cv, FB_PSFX, _store_nt)

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
        /* wider lanes: the radix-V DFT of t term by term (only the tail, fewer than V values
         * of k, comes here); w_V^e = (c[e], -sg s[e]) with exact eighth roots */
        static const FB_TW q = (FB_TW)0.70710678118654752440L;   /* sqrt(1/2) */
        const FB_TW c8[8] = {1, q, 0, -q, -1, -q, 0, q};
        const FB_TW s8[8] = {0, q, 1, q, 0, -q, -1, -q};
        for (int j = 0; j < FB_VLEN; ++j) {
            FB_TW xr = 0, xi = 0;
            for (int r = 0; r < FB_VLEN; ++r) {
                const int e = (r * j) % FB_VLEN;
                xr += t[r].r * c8[e] + sg * t[r].i * s8[e];
                xi += t[r].i * c8[e] - sg * t[r].r * s8[e];
            }
            data[k + j * h].r = xr;
            data[k + j * h].i = xi;
        }
#endif
    }
}

/* Transforms the n values at src (byte stride ss), scaled by fct on the way in, into data.
 * The combining pass works on V consecutive k at once: a V x V transpose turns V lane values
 * (rows r of one k each) into V vectors over k (one per row r), so the twiddles and the radix-V
 * butterfly run on whole vectors and the outputs leave as contiguous runs. */
/* stream: the result goes out with non-temporal stores (fb_lanes.h), when data and h values are
 * whole cache lines */
static FB_CT *SNAME(split_from)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss, FB_TW fct,
                                FB_CT *data, FB_CT *work, int stream)
{
    const fb_idx h = p->half->n;
    FB_CVT *a = (FB_CVT *)fb_align64(work), *b = a + h, *w = b + h;
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
    const int nt = stream && ((uintptr_t)data & 63) == 0 && (h * sizeof(FB_CT)) % 64 == 0;
#define PUT(v, x) do { if (nt) STORE_NT(v, x); else STORE(v, x); } while (0)
    for (fb_idx k = 0; k < hv; k += FB_VLEN) {
        FB_CVT z[FB_VLEN];   /* z[r]: row r at k .. k + V - 1 */
        for (int l = 0; l < FB_VLEN; ++l) z[l] = y[k + l];
        /* V x V transpose by swapping ever smaller off-diagonal blocks */
#define SWAP_BLOCKS(b, ...) \
        for (int l = 0; l < FB_VLEN; ++l)                                                    \
            if (!(l & (b))) {                                                                \
                FB_VR a = z[l].r, c = z[l + (b)].r;                                          \
                z[l].r = FB_SHUFFLE(FB_VMASK, a, c, __VA_ARGS__);                            \
                a = z[l].i; c = z[l + (b)].i;                                                \
                z[l].i = FB_SHUFFLE(FB_VMASK, a, c, __VA_ARGS__);                            \
            }
#define SWAP_BLOCKS_HI(b, ...) \
        for (int l = 0; l < FB_VLEN; ++l)                                                    \
            if (!(l & (b))) {                                                                \
                FB_VR a = keep[l].r, c = z[l + (b)].r;                                       \
                z[l + (b)].r = FB_SHUFFLE(FB_VMASK, a, c, __VA_ARGS__);                      \
                a = keep[l].i; c = z[l + (b)].i;                                             \
                z[l + (b)].i = FB_SHUFFLE(FB_VMASK, a, c, __VA_ARGS__);                      \
            }
#define STAGE(b, LO, HI) { FB_CVT keep[FB_VLEN];                                             \
            for (int l = 0; l < FB_VLEN; ++l) keep[l] = z[l];                                \
            SWAP_BLOCKS(b, LO) SWAP_BLOCKS_HI(b, HI) }
#if FB_VLEN == 2
        STAGE(1, FB_LIST(0, 2), FB_LIST(1, 3))
#elif FB_VLEN == 4
        STAGE(2, FB_LIST(0, 1, 4, 5), FB_LIST(2, 3, 6, 7))
        STAGE(1, FB_LIST(0, 4, 2, 6), FB_LIST(1, 5, 3, 7))
#elif FB_VLEN == 8
        STAGE(4, FB_LIST(0, 1, 2, 3, 8, 9, 10, 11), FB_LIST(4, 5, 6, 7, 12, 13, 14, 15))
        STAGE(2, FB_LIST(0, 1, 8, 9, 4, 5, 12, 13), FB_LIST(2, 3, 10, 11, 6, 7, 14, 15))
        STAGE(1, FB_LIST(0, 8, 2, 10, 4, 12, 6, 14), FB_LIST(1, 9, 3, 11, 5, 13, 7, 15))
#else
#error "lane split written for 2, 4 or 8 lanes"
#endif
#undef STAGE
#undef SWAP_BLOCKS
#undef SWAP_BLOCKS_HI
        for (int r = 1; r < FB_VLEN; ++r) {
            FB_VR wr, wi;
            memcpy(&wr, tw + 2 * (r - 1) * h + k, sizeof wr);
            memcpy(&wi, tw + (2 * r - 1) * h + k, sizeof wi);
            wi *= sg;
            const FB_VR zr = z[r].r;
            z[r].r = zr * wr - z[r].i * wi;
            z[r].i = zr * wi + z[r].i * wr;
        }
        /* radix-V butterfly on whole vectors; i_dir * z = (sg z.i, -sg z.r) */
#define VADD(c, a, b) { (c).r = (a).r + (b).r; (c).i = (a).i + (b).i; }
#define VSUB(c, a, b) { (c).r = (a).r - (b).r; (c).i = (a).i - (b).i; }
#define VROT(a) { FB_VR t_ = (a).r; (a).r = sg * (a).i; (a).i = -sg * t_; }
#define VDFT4(b0, b1, b2, b3, a0, a1, a2, a3) { FB_CVT t1, t2, t3, t4;                      \
        VADD(t1, a0, a2) VSUB(t2, a0, a2) VADD(t3, a1, a3) VSUB(t4, a1, a3) VROT(t4)         \
        VADD(b0, t1, t3) VSUB(b2, t1, t3) VADD(b1, t2, t4) VSUB(b3, t2, t4) }
#if FB_VLEN == 2
        FB_CVT x;
        VADD(x, z[0], z[1]) PUT(&x, data + k);
        VSUB(x, z[0], z[1]) PUT(&x, data + k + h);
#elif FB_VLEN == 4
        FB_CVT b0, b1, b2, b3;
        VDFT4(b0, b1, b2, b3, z[0], z[1], z[2], z[3])
        PUT(&b0, data + k); PUT(&b1, data + k + h);
        PUT(&b2, data + k + 2 * h); PUT(&b3, data + k + 3 * h);
#else
        {
            const FB_TW hsqt2 = (FB_TW)0.70710678118654752440;
            FB_CVT e0, e1, e2, e3, o0, o1, o2, o3, t, x;
            VDFT4(e0, e1, e2, e3, z[0], z[2], z[4], z[6])
            VDFT4(o0, o1, o2, o3, z[1], z[3], z[5], z[7])
            t = o1; VROT(t) VADD(t, t, o1) o1.r = hsqt2 * t.r; o1.i = hsqt2 * t.i;   /* w8 */
            VROT(o2)                                                                  /* w8^2 */
            t = o3; VROT(t) VADD(t, t, o3) o3.r = hsqt2 * t.r; o3.i = hsqt2 * t.i; VROT(o3);
            VADD(x, e0, o0) PUT(&x, data + k);         VSUB(x, e0, o0) PUT(&x, data + k + 4 * h);
            VADD(x, e1, o1) PUT(&x, data + k + h);     VSUB(x, e1, o1) PUT(&x, data + k + 5 * h);
            VADD(x, e2, o2) PUT(&x, data + k + 2 * h); VSUB(x, e2, o2) PUT(&x, data + k + 6 * h);
            VADD(x, e3, o3) PUT(&x, data + k + 3 * h); VSUB(x, e3, o3) PUT(&x, data + k + 7 * h);
        }
#endif
#undef VADD
#undef VSUB
#undef VROT
#undef VDFT4
    }
#undef PUT
    if (nt) fb_stream_fence();
    if (hv < h) SNAME(combine_tail)(p, fwd, y, hv, data);
    return data;
}

static FB_CT *SNAME(split_exec)(const FB_PLAN *p, int fwd, FB_CT *data, FB_CT *work)
{
    return SNAME(split_from)(p, fwd, (const char *)data, (fb_idx)sizeof(FB_CT), (FB_TW)1, data,
                            work, 0);
}

#undef SNAME
#undef CORE_S
#undef CORE_V
#undef LOAD
#undef STORE
#undef STORE_NT
