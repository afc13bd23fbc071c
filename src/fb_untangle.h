/* fb_untangle.h: one untangling step of a real FFT (the formulas of fb_rfft_lane.h): from the
 * half-length complex spectrum Z, the pair (k, h-k) of the real spectrum X. A template included
 * once per precision with FB_PSFX (d, f), FB_TW, FB_TWT, FB_CT, FB_CVT: by fb_rfft_line.h, and by
 * fb_cfft_blocked_r2c.h, which untangles inside a blocked complex transform. */

#define UTNAME(x) FB_CAT3(x, _, FB_PSFX)

/* One untangling step (the formulas of fb_rfft_lane.h) on V pairs, lane l holding the pair
 * (k+l, h-k-l): from A = Z_k+l, Bc = Z_h-k-l and W = w^(k+l), Xk = X_k+l and Xm = X_h-k-l;
 * sg = -1 conjugates them. untangle_s is the same for one pair. */
static inline void UTNAME(untangle_v)(const FB_CVT *A, const FB_CVT *Bc, const FB_CVT *W,
                                      FB_TW sg, FB_CVT *Xk, FB_CVT *Xm)
{
    const FB_TW half = (FB_TW)0.5;
    FB_CVT E, D, T;
    E.r = A->r + Bc->r; E.i = A->i - Bc->i;
    D.r = A->r - Bc->r; D.i = A->i + Bc->i;
    T.r = W->r * D.i + W->i * D.r;
    T.i = W->i * D.i - W->r * D.r;
    Xk->r = half * (E.r + T.r); Xk->i = sg * half * (E.i + T.i);
    Xm->r = half * (E.r - T.r); Xm->i = -sg * half * (E.i - T.i);
}

static inline void UTNAME(untangle_s)(FB_CT A, FB_CT Bc, FB_TWT w, FB_TW sg, FB_CT *Xk,
                                      FB_CT *Xm)
{
    const FB_TW half = (FB_TW)0.5;
    FB_CT E, D, T;
    E.r = A.r + Bc.r; E.i = A.i - Bc.i;
    D.r = A.r - Bc.r; D.i = A.i + Bc.i;
    T.r = w.r * D.i + w.i * D.r;
    T.i = w.i * D.i - w.r * D.r;
    Xk->r = half * (E.r + T.r); Xk->i = sg * half * (E.i + T.i);
    Xm->r = half * (E.r - T.r); Xm->i = -sg * half * (E.i - T.i);
}

#undef UTNAME
