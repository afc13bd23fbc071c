/* fb_rfft_line.h: the untangling passes of a real FFT (fb_rfft_lane.h) for one line, V pairs per
 * vector where the line is contiguous. A template included once per precision, by fb_rfft_tmpl.h
 * (real FFTs) and by fb_dct.c (the real FFT inside single-line DCTs and DSTs), after the scalar
 * lane of fb_rfft_lane.h, with FB_PSFX (d, f), FB_TW, FB_TWT, FB_CT (scalar complex), FB_CVT
 * and FB_VLEN. Defines r2c_post_line_X and c2r_pre_line_X. */

#define RLNAME(x) FB_CAT3(x, _, FB_PSFX)
#define RL_POST_S FB_CAT2(r2c_post_s, FB_PSFX)
#define RL_PRE_S FB_CAT2(c2r_pre_s, FB_PSFX)
#define RL_LOAD FB_CAT3(fb_cv, FB_PSFX, _load)
#define RL_LOAD_REV FB_CAT3(fb_cv, FB_PSFX, _load_rev)
#define RL_STORE FB_CAT3(fb_cv, FB_PSFX, _store)
#define RL_STORE_REV FB_CAT3(fb_cv, FB_PSFX, _store_rev)

#include "fb_untangle.h"   /* untangle_v_X, untangle_s_X */

/* The inverse step (the c2r formulas of fb_rfft_lane.h) on V pairs: from A = X_k+l,
 * Bc = X_h-k-l and W = w^(k+l), Zk = Z_k+l and Zm = Z_h-k-l times fct; si = -1 conjugates the
 * input (hfft). tangle_s is the same for one pair. */
static inline void RLNAME(tangle_v)(const FB_CVT *A, const FB_CVT *Bc, const FB_CVT *W,
                                    FB_TW si, FB_TW fct, FB_CVT *Zk, FB_CVT *Zm)
{
    FB_CVT E, D, O;
    E.r = A->r + Bc->r; E.i = si * (A->i - Bc->i);
    D.r = A->r - Bc->r; D.i = si * (A->i + Bc->i);
    O.r = W->r * D.r + W->i * D.i;
    O.i = W->r * D.i - W->i * D.r;
    Zk->r = fct * (E.r - O.i); Zk->i = fct * (E.i + O.r);
    Zm->r = fct * (E.r + O.i); Zm->i = -fct * (E.i - O.r);
}

static inline void RLNAME(tangle_s)(FB_CT A, FB_CT Bc, FB_TWT w, FB_TW si, FB_TW fct, FB_CT *Zk,
                                    FB_CT *Zm)
{
    FB_CT E, D, O;
    E.r = A.r + Bc.r; E.i = si * (A.i - Bc.i);
    D.r = A.r - Bc.r; D.i = si * (A.i + Bc.i);
    O.r = w.r * D.r + w.i * D.i;
    O.i = w.r * D.i - w.i * D.r;
    Zk->r = fct * (E.r - O.i); Zk->i = fct * (E.i + O.r);
    Zm->r = fct * (E.r + O.i); Zm->i = -fct * (E.i - O.r);
}

/* The V pairs (k+l, h-k-l) of Z untangled into out (which may be Z): X_k+l and X_h-k-l, also
 * left in Xk and Xm; k + V - 1 < h - k - V + 1. */
static inline void RLNAME(untangle_run)(const FB_CT *Z, FB_CT *out, fb_idx h, const FB_TWT *tw,
                                        FB_TW sg, fb_idx k, FB_CVT *Xk, FB_CVT *Xm)
{
    const fb_idx m = h - k - (FB_VLEN - 1);   /* first of the mirrored run */
    FB_CVT A, Bc, W;
    RL_LOAD(&A, Z + k);
    RL_LOAD_REV(&Bc, Z + m);
    RL_LOAD(&W, (const FB_CT *)(tw + k));
    RLNAME(untangle_v)(&A, &Bc, &W, sg, Xk, Xm);
    RL_STORE(Xk, out + k);
    RL_STORE_REV(Xm, out + m);
}

/* The untangling passes of fb_rfft_lane.h for one line, V consecutive pairs (k, h-k) per vector
 * where the line is contiguous: k .. k+V-1 are loaded in order and h-k-V+1 .. h-k reversed, so
 * lane l holds the pair (k+l, h-k-l) and the formulas are those of the scalar pass, on whole
 * vectors. The pairs left in the middle, and strided lines, take the scalar pass. */
static void RLNAME(r2c_post_line)(const FB_CT *Z, fb_idx h, const FB_TWT *tw, int fwd, int full,
                                  char *dst, fb_idx ds)
{
    fb_idx k = 1;
    if (ds == (fb_idx)sizeof(FB_CT)) {
        FB_CT *out = (FB_CT *)dst;
        const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;
        for (; 2 * (k + FB_VLEN - 1) < h; k += FB_VLEN) {
            FB_CVT Xk, Xm;
            RLNAME(untangle_run)(Z, out, h, tw, sg, k, &Xk, &Xm);
            if (full) {   /* exact conjugate symmetry, as SciPy's */
                Xk.i = -Xk.i;
                Xm.i = -Xm.i;
                RL_STORE_REV(&Xk, out + 2 * h - k - (FB_VLEN - 1));
                RL_STORE(&Xm, out + h + k);
            }
        }
    }
    RL_POST_S(Z, h, tw, fwd, full, dst, ds, k);
}

static void RLNAME(c2r_pre_line)(const char *src, fb_idx ss, fb_idx h, const FB_TWT *tw,
                                 int fwd, FB_TW fct, FB_CT *Z)
{
    fb_idx k = 1;
    if (ss == (fb_idx)sizeof(FB_CT)) {
        const FB_CT *in = (const FB_CT *)src;
        const FB_TW si = fwd ? (FB_TW)-1 : (FB_TW)1;
        for (; 2 * (k + FB_VLEN - 1) < h; k += FB_VLEN) {
            const fb_idx m = h - k - (FB_VLEN - 1);
            FB_CVT A, Bc, W, Zk, Zm;
            RL_LOAD(&A, in + k);
            RL_LOAD_REV(&Bc, in + m);
            RL_LOAD(&W, (const FB_CT *)(tw + k));
            RLNAME(tangle_v)(&A, &Bc, &W, si, fct, &Zk, &Zm);
            RL_STORE(&Zk, Z + k);
            RL_STORE_REV(&Zm, Z + m);
        }
    }
    RL_PRE_S(src, ss, h, tw, fwd, fct, Z, k);
}

#undef RLNAME
#undef RL_POST_S
#undef RL_PRE_S
#undef RL_LOAD
#undef RL_LOAD_REV
#undef RL_STORE
#undef RL_STORE_REV
