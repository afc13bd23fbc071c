/* fb_cfft_exec.h: one complex transform of a plan for one lane type: the radix passes, or
 * Bluestein's chirp-z algorithm on top of a smooth length m >= 2n - 1.
 *
 * A template included by fb_cfft.c after both directions of fb_cfft_passes.h, with FB_R, FB_CT,
 * FB_TW, FB_TWT, FB_PLAN as there and FB_LANE the lane suffix (d, f, vd, vf).
 *
 * Bluestein: jk = (j^2 + k^2 - (j-k)^2) / 2 turns the DFT into a convolution,
 *   X_j = b_j * sum_k (x_k b_k) conj(b_{j-k}),   b_k = exp(-i pi k^2 / n),
 * computed by two FFTs of length m with the kernel's spectrum precomputed in the plan (bkf).
 * The backward transform is conj(forward(conj x)); the two conjugations are folded into the first
 * and last pointwise products.
 */

#define LNAME(x) FB_CAT3(x, _, FB_LANE)
#define RADIX_FWD FB_CAT3(radix_exec_, FB_LANE, _fwd)
#define RADIX_BWD FB_CAT3(radix_exec_, FB_LANE, _bwd)
/* the length-m transforms of Bluestein: single rows take the lane split when the plan has one */
#if FB_SCALAR_LANE
#define SUB_EXEC(FN, fwd, q, a, b, w) FB_CAT2(fb_cexec_, FB_LANE)(q, fwd, a, b, w)
#else
#define SUB_EXEC(FN, fwd, q, a, b, w) FN(q, a, b, w)
#endif

static FB_CT *LNAME(core_exec)(const FB_PLAN *p, int fwd, FB_CT *data, FB_CT *other, FB_CT *work)
{
    if (!p->sub) {
        if (p->npass == 0) return data;
        return fwd ? RADIX_FWD(p, data, other, work) : RADIX_BWD(p, data, other, work);
    }
    const fb_idx n = p->n, m = p->sub->n;
    const FB_TWT *FB_RESTRICT bk = p->bk, *FB_RESTRICT bkf = p->bkf;
    FB_CT *FB_RESTRICT a = work;
    FB_CT *b = work + m;
    work += 2 * m;
    const FB_R zero = {0};
    if (fwd)
        for (fb_idx k = 0; k < n; ++k) {
            a[k].r = data[k].r * bk[k].r - data[k].i * bk[k].i;
            a[k].i = data[k].r * bk[k].i + data[k].i * bk[k].r;
        }
    else   /* conj(x) * b */
        for (fb_idx k = 0; k < n; ++k) {
            a[k].r = data[k].r * bk[k].r + data[k].i * bk[k].i;
            a[k].i = data[k].r * bk[k].i - data[k].i * bk[k].r;
        }
    for (fb_idx k = n; k < m; ++k) a[k].r = a[k].i = zero;
    FB_CT *FB_RESTRICT r;
#if FB_SCALAR_LANE
    /* a blocked sub plan does the products as its step 2 writes: by bkf (kept in that step's
     * order), then by the chirp straight into data; no passes of their own over the m values
     * (in C, fft 1000003, min of rounds alternating the builds: 80.7 ms, 77.3 with the first,
     * 72.4 with both) */
    if (p->bkfr) {
        r = FB_CAT2(fb_cexec_chirp_, FB_LANE)(p->sub, 1, a, a, work, bkf, NULL, 0, 0);
        return FB_CAT2(fb_cexec_chirp_, FB_LANE)(p->sub, 0, r, data, work, NULL, bk, n, !fwd);
    }
#endif
    r = SUB_EXEC(RADIX_FWD, 1, p->sub, a, b, work);
    /* bkf in natural order, or in blocks of R rows of n1 x n2 (fb_blk_wpos): value k1 + n1 k2
     * at K n2 + k2 RK + (k1 - K) for the block of RK rows from K */
    const fb_idx R = p->bkfr ? p->bkfr : m, n1 = p->bkfr ? p->sub->col->n : m;
    const fb_idx n2 = m / n1;
    for (fb_idx k2 = 0; k2 < n2; ++k2)
        for (fb_idx K = 0; K < n1; K += R) {
            const fb_idx RK = K + R <= n1 ? R : n1 - K;
            const FB_TWT *FB_RESTRICT w = bkf + K * n2 + k2 * RK;
            FB_CT *x = r + K + n1 * k2;
            for (fb_idx l = 0; l < RK; ++l) {
                FB_R t = x[l].r * w[l].r - x[l].i * w[l].i;
                x[l].i = x[l].r * w[l].i + x[l].i * w[l].r;
                x[l].r = t;
            }
        }
    FB_CT *FB_RESTRICT s = SUB_EXEC(RADIX_BWD, 0, p->sub, r, r == a ? b : a, work);
    if (fwd)
        for (fb_idx k = 0; k < n; ++k) {
            data[k].r = s[k].r * bk[k].r - s[k].i * bk[k].i;
            data[k].i = s[k].r * bk[k].i + s[k].i * bk[k].r;
        }
    else   /* conj(s * b) */
        for (fb_idx k = 0; k < n; ++k) {
            data[k].r = s[k].r * bk[k].r - s[k].i * bk[k].i;
            data[k].i = -(s[k].r * bk[k].i + s[k].i * bk[k].r);
        }
    return data;
}

#undef LNAME
#undef RADIX_FWD
#undef RADIX_BWD
#undef SUB_EXEC
