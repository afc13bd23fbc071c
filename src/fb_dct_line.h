/* fb_dct_line.h: passes of single-line DCTs that work on V values per vector. A template
 * included by fb_dct.c once per precision, after fb_rfft_line.h, with FB_PSFX (d, f), FB_TW,
 * FB_TWT, FB_CT (scalar complex), FB_CVT, FB_VR (real vector) and FB_VMASK, FB_VLEN.
 *
 * DCT-I: y_k = Re V_k, k = 0 .. h, of the real FFT V of the even extension (m = 2h values,
 * fb_dct_lane.h). Only real parts are needed, so the untangling pass (fb_rfft_lane.h) is cut
 * down to them and writes y directly: for the pair (k, h-k), with A = Z_k, B = Z_h-k,
 *   Re V_k = (E + T) / 2,  Re V_h-k = (E - T) / 2,  E = A.r + B.r,
 *   T = Re(w^k) (A.i + B.i) + Im(w^k) (A.r - B.r),
 * the same operations as the full pass, so the same values; V_0 and V_h from Z_0. */

#define DLNAME(x) FB_CAT3(x, _, FB_PSFX)
#define DL_LOAD FB_CAT3(fb_cv, FB_PSFX, _load)
#define DL_LOAD_REV FB_CAT3(fb_cv, FB_PSFX, _load_rev)

/* y_0 .. y_h at dst (byte stride ds) from Z_0 .. Z_h-1; y_0 and y_h times edge (ortho) */
static void DLNAME(dct1_post_line)(const FB_CT *Z, fb_idx h, const FB_TWT *tw, FB_TW edge,
                                   char *dst, fb_idx ds)
{
#define Y(k) (*(FB_TW *)(dst + (k) * ds))
    const FB_TW half = (FB_TW)0.5;
    const FB_TW z0r = Z[0].r, z0i = Z[0].i;
    fb_idx k = 1;
    if (ds == (fb_idx)sizeof(FB_TW)) {
        FB_TW *y = (FB_TW *)dst;
        for (; 2 * (k + FB_VLEN - 1) < h; k += FB_VLEN) {
            const fb_idx m = h - k - (FB_VLEN - 1);   /* first of the mirrored run */
            FB_CVT A, Bc, W;
            DL_LOAD(&A, Z + k);
            DL_LOAD_REV(&Bc, Z + m);
            DL_LOAD(&W, (const FB_CT *)(tw + k));
            const FB_VR E = A.r + Bc.r, Dr = A.r - Bc.r, Di = A.i + Bc.i;
            const FB_VR T = W.r * Di + W.i * Dr;
            const FB_VR yk = half * (E + T), ym = half * (E - T);
            const FB_VR ymr = FB_SHUFFLE(FB_VMASK, ym, ym, FB_IDX(FB_REV_, FB_VLEN));
            memcpy(y + k, &yk, sizeof yk);
            memcpy(y + m, &ymr, sizeof ymr);
        }
    }
    for (; 2 * k <= h; ++k) {
        const FB_CT A = Z[k], Bc = Z[h - k];
        const FB_TW E = A.r + Bc.r, Dr = A.r - Bc.r, Di = A.i + Bc.i;
        const FB_TW T = tw[k].r * Di + tw[k].i * Dr;
        Y(k) = half * (E + T);
        Y(h - k) = half * (E - T);
    }
    Y(0) = edge * (z0r + z0i);
    Y(h) = edge * (z0r - z0i);
#undef Y
}

#undef DLNAME
#undef DL_LOAD
#undef DL_LOAD_REV
