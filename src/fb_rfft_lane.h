/* fb_rfft_lane.h: the passes that turn a half-length complex FFT into a real one, for one lane
 * type. A template included by fb_rfft.c with FB_R, FB_CT (lane types), FB_TW, FB_TWT and
 * FB_LSFX (name suffix). tw[k] = w_n^k = exp(-2 pi i k/n), k <= n/4.
 *
 * With Z = FFT_h(z), z_k = x_2k + i x_2k+1, and for each pair (k, h-k):
 *   A = Z_k, B = conj(Z_h-k), E = A + B, D = A - B            (2 E_k and 2i O_k)
 *   X_k = (E + w^k (-i D)) / 2,  X_h-k = conj(E - w^k (-i D)) / 2,  X_0, X_h = Re Z_0 +- Im Z_0.
 * Backwards (c2r), from X: A = X_k, B = conj(X_h-k), E = A + B, O = conj(w^k) (A - B),
 *   Z_k = E + i O,  Z_h-k = conj(E - i O),  Z_0 = (X_0 + X_h) + i (X_0 - X_h) (real parts);
 * the backward FFT of Z then yields n x, the unnormalised inverse. */

#define LNAME(x) FB_CAT3(x, _, FB_LSFX)

/* X_0 .. X_h (and X_h+1 .. X_2h-1 when full) from Z_0 .. Z_h-1, to dst with byte stride ds;
 * conjugated when fwd == 0. The pairs (k, h-k) from k = k0 on: a caller that has done the
 * pairs 1 .. k0-1 itself (fb_rfft_tmpl.h, V consecutive k per vector) passes its k0, others 1. */
static void LNAME(r2c_post)(const FB_CT *FB_RESTRICT Z, fb_idx h, const FB_TWT *FB_RESTRICT tw,
                            int fwd, int full, char *FB_RESTRICT dst, fb_idx ds, fb_idx k0)
{
#define OUT(k) (*(FB_CT *)(dst + (k) * ds))
    const FB_TW half = (FB_TW)0.5, sg = fwd ? (FB_TW)1 : (FB_TW)-1;
    const FB_R zero = {0};
    FB_CT x;
    x.r = Z[0].r + Z[0].i; x.i = zero; OUT(0) = x;
    x.r = Z[0].r - Z[0].i; OUT(h) = x;
    for (fb_idx k = k0; 2 * k <= h; ++k) {
        const FB_CT A = Z[k], Bc = Z[h - k];
        FB_CT E, D, T, Xk, Xm;
        E.r = A.r + Bc.r; E.i = A.i - Bc.i;     /* A + conj(Z_h-k) */
        D.r = A.r - Bc.r; D.i = A.i + Bc.i;     /* A - conj(Z_h-k) */
        /* T = w^k * (-i D) = w^k * (D.i, -D.r) */
        T.r = tw[k].r * D.i + tw[k].i * D.r;
        T.i = tw[k].i * D.i - tw[k].r * D.r;
        Xk.r = half * (E.r + T.r); Xk.i = sg * half * (E.i + T.i);
        Xm.r = half * (E.r - T.r); Xm.i = -sg * half * (E.i - T.i);
        OUT(k) = Xk;
        if (h - k != k) OUT(h - k) = Xm;
        if (full) {
            Xk.i = -Xk.i; OUT(2 * h - k) = Xk;
            if (h - k != k) { Xm.i = -Xm.i; OUT(h + k) = Xm; }
        }
    }
#undef OUT
}

/* Z_0 .. Z_h-1 (times fct) from X_0 .. X_h at src with byte stride ss; the input is conjugated
 * when fwd == 1 (hfft). The pairs from k = k0 on, as in r2c_post. */
static void LNAME(c2r_pre)(const char *FB_RESTRICT src, fb_idx ss, fb_idx h,
                           const FB_TWT *FB_RESTRICT tw, int fwd, FB_TW fct,
                           FB_CT *FB_RESTRICT Z, fb_idx k0)
{
#define IN(k) (*(const FB_CT *)(src + (k) * ss))
    const FB_TW si = fwd ? (FB_TW)-1 : (FB_TW)1;   /* sign of the imaginary parts read */
    {
        const FB_R a = IN(0).r, b = IN(h).r;
        Z[0].r = fct * (a + b);
        Z[0].i = fct * (a - b);
    }
    for (fb_idx k = k0; 2 * k <= h; ++k) {
        const FB_CT A = IN(k), Bc = IN(h - k);
        FB_CT E, D, O;
        E.r = A.r + Bc.r; E.i = si * (A.i - Bc.i);    /* A + conj(X_h-k) */
        D.r = A.r - Bc.r; D.i = si * (A.i + Bc.i);    /* A - conj(X_h-k) */
        O.r = tw[k].r * D.r + tw[k].i * D.i;          /* conj(w^k) * D */
        O.i = tw[k].r * D.i - tw[k].i * D.r;
        Z[k].r = fct * (E.r - O.i);                   /* E + i O */
        Z[k].i = fct * (E.i + O.r);
        if (h - k != k) {
            Z[h - k].r = fct * (E.r + O.i);           /* conj(E - i O) */
            Z[h - k].i = -fct * (E.i - O.r);
        }
    }
#undef IN
}

#undef LNAME
