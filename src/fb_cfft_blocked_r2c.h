/* fb_cfft_blocked_r2c.h: the real FFT's untangling done inside step 2 of a blocked plan.
 *
 * A real FFT of even length 2h transforms z_j = x_2j + i x_2j+1 by a complex FFT of length h and
 * then untangles each pair (k, h-k) of its result Z into X_k and X_h-k (fb_untangle.h). With a
 * blocked plan (h = n1 n2, Z[k1 + n1 k2] is row k1 of step 2 at k2) the partner of row k1 at k2
 * is row n1 - k1 at n2 - 1 - k2, and row 0 is its own partner (k2 with n2 - k2). So step 2 here
 * takes the blocks of R rows of W (fb_cfft_blocked.h) in mirror pairs: pair-block b is block a,
 * rows R b .. R b + R-1, with block c, rows n1 - R b - R .. n1 - R b - 1. In vector groups of V
 * rows, lane l of a's group g pairs with lane V - l of c's group G-1-g, one lane shuffle away, so
 * the pairs are untangled in registers while the blocks are in cache: Z is never written out and
 * read back (that pass was 11% of rfft 2^20).
 *
 * Lane 0 is the exception: row R b + g V pairs with row n1 - R b - g V, lane 0 of c's group G-g,
 * or for g = 0 of the previous pair-block's group c0. Those pairs are computed value by value
 * (lane0_pairs), and the previous pair-block's group c0 is held back (gp) until its lane 0 is
 * known, so every store is a whole vector, and the R values of a row block whole cache lines.
 * A share [blo, bhi) of the pair-blocks computes group c0 of block blo - 1 and group a0 of block
 * bhi for itself: the values the neighbouring shares compute, by the same code, so the result
 * is bitwise the same on any number of threads.
 *
 * Included by fb_cfft_blocked.h (same template parameters) after its step 2; needs
 * n1 % (2 R) == 0 and n2 even (R2C_FITS). */

#include "fb_untangle.h"   /* untangle_v_X, untangle_s_X */

#define UNTANGLE_V FB_CAT3(untangle_v, _, FB_PSFX)
#define UNTANGLE_S FB_CAT3(untangle_s, _, FB_PSFX)
#define STREAM FB_CAT3(fb_v, FB_PSFX, _stream)
#define RROT(v) FB_SHUFFLE(FB_VMASK, v, v, FB_IDX(FB_RROT_, FB_VLEN))

#define R2C_G FB_BLK_GROUPS   /* vector groups in a block of R rows */
#define R2C_FITS(p) ((p)->col && (p)->col->n % (2 * R2C_G * FB_VLEN) == 0 && (p)->row->n % 2 == 0)
/* vector values per group: the row FFT's data, other and work (as FB_BLK_GROUP_SIZE) */
#define R2C_GROUP(p) (2 * (p)->row->n + (p)->row->maxgen)

/* Bytes of one share's state (r2c_step2): 2 G groups, gp and gc (n2 vectors each), and the
 * lane-0 columns and th (2 G + 4, n2 values each), with room to align. */
#define R2C_STATE_BYTES(p) \
    (((size_t)2 * R2C_G * R2C_GROUP(p) + 2 * (size_t)(p)->row->n) * sizeof(FB_CVT) + \
     (size_t)(2 * R2C_G + 4) * (size_t)(p)->row->n * sizeof(FB_CT) + 64)

/* lane l of v from lane (V - l) mod V */
static inline void BKNAME(r2c_rrot)(FB_CVT *out, const FB_CVT *v)
{
    out->r = RROT(v->r);
    out->i = RROT(v->i);
}

/* Block K of W (rows K R .. K R + R-1, whole) into the G groups at vb, gs apart, then their
 * FFTs of length n2; res[g] gets group g's result (n2 vectors). */
static void BKNAME(r2c_block)(const FB_PLAN *p, const FB_CT *W, FB_CVT *vb, fb_idx gs, fb_idx K,
                              const FB_CVT **res)
{
    const fb_idx n2 = p->row->n, R = R2C_G * FB_VLEN;
    const FB_CT *w = W + K * R * n2;
    for (fb_idx j2 = 0; j2 < n2; ++j2)
        for (int g = 0; g < R2C_G; ++g) LOAD(vb + g * gs + j2, w + j2 * R + g * FB_VLEN);
    for (int g = 0; g < R2C_G; ++g) {
        FB_CVT *d = vb + g * gs;
        res[g] = CORE_V(p->row, 1, d, d + n2, d + 2 * n2);
    }
}

/* lane 0 of the n2 vectors at v, as values */
static inline void BKNAME(r2c_lane0)(const FB_CVT *v, fb_idx n2, FB_CT *out)
{
    for (fb_idx k2 = 0; k2 < n2; ++k2) {
        out[k2].r = v[k2].r[0];
        out[k2].i = v[k2].i[0];
    }
}

/* Rows k1 .. k1 + V-1 of W (k1 a multiple of V) into vb, then their FFTs; lane 0 of the result
 * (row k1) into out, as n2 values. */
static void BKNAME(r2c_row)(const FB_PLAN *p, const FB_CT *W, FB_CVT *vb, fb_idx k1, FB_CT *out)
{
    const fb_idx n2 = p->row->n, R = R2C_G * FB_VLEN, K = k1 / R;
    const FB_CT *w = W + K * R * n2 + (k1 - K * R);
    for (fb_idx j2 = 0; j2 < n2; ++j2) LOAD(vb + j2, w + j2 * R);
    BKNAME(r2c_lane0)(CORE_V(p->row, 1, vb, vb + n2, vb + 2 * n2), n2, out);
}

/* w_2h^(k1 + n1 k2) = tw[k1] th[k2] (th[k2] = tw[n1 k2]): two reads within a few KiB, where
 * tw[k1 + n1 k2] itself is a cache miss for every k2, 16 KiB apart at rfft 2^20 */
static inline FB_TWT BKNAME(r2c_root)(FB_TWT lo, FB_TWT hi)
{
    FB_TWT w;
    w.r = lo.r * hi.r - lo.i * hi.i;
    w.i = lo.r * hi.i + lo.i * hi.r;
    return w;
}

/* The same for V rows: lanes k1 .. k1+V-1 from lo */
static inline void BKNAME(r2c_roots)(const FB_CVT *lo, FB_TWT hi, FB_CVT *w)
{
    w->r = lo->r * hi.r - lo->i * hi.i;
    w->i = lo->r * hi.i + lo->i * hi.r;
}

/* The pairs of row k1 (a0) with row n1 - k1 (cz), the lower index first:
 * (a0[k2], cz[n2-1-k2]) and (cz[k2], a0[n2-1-k2]) for k2 < n2/2. X of row k1 into xa, of row
 * n1 - k1 into xp (n2 values each). */
static void BKNAME(r2c_lane0_pairs)(const FB_CT *a0, const FB_CT *cz, fb_idx k1, fb_idx n1,
                                    fb_idx n2, const FB_TWT *tw, const FB_TWT *th, FB_TW sg,
                                    FB_CT *xa, FB_CT *xp)
{
    const FB_TWT wa = tw[k1], wc = tw[n1 - k1];
    for (fb_idx k2 = 0; k2 < n2 / 2; ++k2) {
        const fb_idx j = n2 - 1 - k2;
        UNTANGLE_S(a0[k2], cz[j], BKNAME(r2c_root)(wa, th[k2]), sg, &xa[k2], &xp[j]);
        UNTANGLE_S(cz[k2], a0[j], BKNAME(r2c_root)(wc, th[k2]), sg, &xp[k2], &xa[j]);
    }
}

/* v stored at x, with x[0] = x0 in place of its lane 0. nt: by non-temporal stores (x 64-byte
 * aligned), lane 0 replaced in registers; else a store of the value after the vector's (setting
 * lane 0 in the vector in memory first was a narrow store followed by a wide load of it, a
 * store-forwarding stall: half of this step's time). */
static inline void BKNAME(r2c_store0)(const FB_CVT *v, FB_CT x0, FB_CT *x, int nt)
{
    if (nt) {
        const FB_VR z = {x0.r, x0.i};
        const FB_VR a = FB_SHUFFLE(FB_VMASK, v->r, v->i, FB_IDX(FB_LO_, FB_VLEN));
        STREAM(x, FB_SHUFFLE(FB_VMASK, z, a, FB_IDX(FB_SET01_, FB_VLEN)));
        STREAM(x + FB_VLEN / 2, FB_SHUFFLE(FB_VMASK, v->r, v->i, FB_IDX(FB_HI_, FB_VLEN)));
        return;
    }
    STORE(v, x);
    x[0] = x0;
}

/* Step 2 with the untangling, for the pair-blocks blo .. bhi-1 of n1 / (2 R): X (h + 1 values)
 * from W; tw holds w_2h^k for k <= h/2, sg = -1 conjugates X. state: R2C_STATE_BYTES(p).
 * stream: non-temporal stores where X allows (the caller fences). */
static void BKNAME(r2c_step2)(const FB_PLAN *p, const FB_CT *W, void *state, fb_idx blo,
                              fb_idx bhi, const FB_TWT *tw, FB_TW sg, FB_CT *X, int stream)
{
    enum { G = R2C_G, V = FB_VLEN };
    const fb_idx n1 = p->col->n, n2 = p->row->n, R = G * V, nb = n1 / (2 * R), gs = R2C_GROUP(p);
    FB_CVT *va = (FB_CVT *)fb_align64(state), *vc = va + G * gs;
    FB_CVT *gp = vc + G * gs, *gc = gp + n2;   /* group c0's X: the previous block's, this one's */
    FB_CT *xa = (FB_CT *)(gc + n2);   /* lane 0 (X) of a's groups; of c's groups 1 .. G-1 */
    FB_CT *xc = xa + G * n2, *xp = xa + 2 * G * n2;   /* xp: of the previous block's c0 */
    FB_CT *cz = xp + n2;              /* lane 0 (Z) of the previous block's group c0 */
    FB_CT *zs = cz + n2;              /* scratch */
    FB_TWT *th = (FB_TWT *)(zs + n2);   /* tw[n1 k2], k2 <= n2/2 */
    const int nt = stream && ((uintptr_t)X & 63) == 0 && (n1 * sizeof(FB_CT)) % 64 == 0 &&
                   (V * sizeof(FB_CT)) % 64 == 0;
    const int pf = !nt && BKNAME(prefetch_pays)(p);
    if (bhi <= blo) return;
    for (fb_idx k2 = 0; k2 <= n2 / 2; ++k2) th[k2] = tw[n1 * k2];
    if (blo > 0) BKNAME(r2c_row)(p, W, vc, n1 - R * blo, cz);
    for (fb_idx b = blo; b < bhi; ++b) {
        const fb_idx ka = R * b, kc = n1 - ka - R;
        const FB_CVT *A[G], *C[G];
        BKNAME(r2c_block)(p, W, va, gs, b, A);
        BKNAME(r2c_block)(p, W, vc, gs, kc / R, C);
        /* lane 0 of a's group g with lane 0 of c's group G-g (g > 0) or of the carried c0 */
        for (int g = 0; g < G; ++g) {
            FB_CT *a0 = xc;   /* (xc's column 0 is free: c's group 0 is held in gc instead) */
            BKNAME(r2c_lane0)(A[g], n2, a0);
            FB_CT *z = cz, *outz = xp;
            if (g > 0) {
                z = zs;
                BKNAME(r2c_lane0)(C[G - g], n2, z);
                outz = xc + (G - g) * n2;
            } else if (b == 0) {   /* row 0 is its own partner: row "n1" at k2 is row 0 at k2 + 1 */
                memcpy(cz, a0 + 1, (size_t)(n2 - 1) * sizeof(FB_CT));
                cz[n2 - 1] = a0[0];   /* (the pair of k = 0, fixed below) */
            }
            BKNAME(r2c_lane0_pairs)(a0, z, ka + g * V, n1, n2, tw, th, sg, xa + g * n2, outz);
            if (g == 0 && b == 0) {   /* X_0 and X_h from Z_0 */
                xa[0].r = a0[0].r + a0[0].i; xa[0].i = 0;
                X[n1 * n2].r = a0[0].r - a0[0].i; X[n1 * n2].i = 0;
            }
        }
        FB_CT *outa = X + ka, *outc = X + kc, *outp = X + kc + R;   /* outp: previous c0 */
        const int prev = b > blo;   /* the previous block's c0 is this share's to store */
        FB_CVT la[G], lc[G];   /* tw at a's and c's rows */
        for (int g = 0; g < G; ++g) {
            LOAD(&la[g], (const FB_CT *)(tw + ka + g * V));
            LOAD(&lc[g], (const FB_CT *)(tw + kc + g * V));
        }
        for (fb_idx k2 = 0; k2 < n2 / 2; ++k2) {
            const fb_idx j = n2 - 1 - k2;
            if (pf && k2 + FB_BLK_PREFETCH < n2 / 2) {   /* (see prefetch_run) */
                const fb_idx ahead = n1 * (k2 + FB_BLK_PREFETCH), back = n1 * (j - FB_BLK_PREFETCH);
                const fb_idx run = R * (fb_idx)sizeof(FB_CT);
                BKNAME(prefetch_run)(outa + ahead, run, 1);
                BKNAME(prefetch_run)(outa + back, run, 1);
                BKNAME(prefetch_run)(outc + V + ahead, run, 1);
                BKNAME(prefetch_run)(outc + V + back, run, 1);
            }
            for (int g = 0; g < G; ++g) {
                const int cg = G - 1 - g;
                FB_CVT Wv, M, Xk, Xm, t;
                /* a_g at k2 with c_cg at j */
                BKNAME(r2c_roots)(&la[g], th[k2], &Wv);
                BKNAME(r2c_rrot)(&M, &C[cg][j]);
                UNTANGLE_V(&A[g][k2], &M, &Wv, sg, &Xk, &Xm);
                BKNAME(r2c_store0)(&Xk, xa[g * n2 + k2], outa + g * V + n1 * k2, nt);
                if (cg) {
                    BKNAME(r2c_rrot)(&t, &Xm);
                    BKNAME(r2c_store0)(&t, xc[cg * n2 + j], outc + cg * V + n1 * j, nt);
                } else
                    BKNAME(r2c_rrot)(&gc[j], &Xm);
                /* c_cg at k2 with a_g at j */
                BKNAME(r2c_roots)(&lc[cg], th[k2], &Wv);
                BKNAME(r2c_rrot)(&M, &A[g][j]);
                UNTANGLE_V(&C[cg][k2], &M, &Wv, sg, &Xk, &Xm);
                if (cg)
                    BKNAME(r2c_store0)(&Xk, xc[cg * n2 + k2], outc + cg * V + n1 * k2, nt);
                else
                    gc[k2] = Xk;
                BKNAME(r2c_rrot)(&t, &Xm);
                BKNAME(r2c_store0)(&t, xa[g * n2 + j], outa + g * V + n1 * j, nt);
            }
            if (prev) {
                BKNAME(r2c_store0)(&gp[k2], xp[k2], outp + n1 * k2, nt);
                BKNAME(r2c_store0)(&gp[j], xp[j], outp + n1 * j, nt);
            }
        }
        BKNAME(r2c_lane0)(C[0], n2, cz);
        FB_CVT *s = gp; gp = gc; gc = s;
    }
    /* the last block's c0: its lane 0 pairs with block bhi's row R bhi, or (bhi == nb) row
     * n1/2 with itself */
    FB_CT *a0 = xc;
    if (bhi < nb)
        BKNAME(r2c_row)(p, W, va, R * bhi, a0);
    else
        memcpy(a0, cz, (size_t)n2 * sizeof(FB_CT));
    BKNAME(r2c_lane0_pairs)(a0, cz, R * bhi, n1, n2, tw, th, sg, xa, xp);
    FB_CT *outp = X + n1 - R * bhi;
    for (fb_idx k2 = 0; k2 < n2; ++k2) BKNAME(r2c_store0)(&gp[k2], xp[k2], outp + n1 * k2, nt);
}

#undef UNTANGLE_V
#undef UNTANGLE_S
#undef RROT
#undef STREAM
