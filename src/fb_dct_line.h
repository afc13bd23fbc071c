/* fb_dct_line.h: passes of single-line DCTs that work on V values per vector. A template
 * included by fb_dct.c once per precision, after fb_rfft_line.h, with FB_PSFX (d, f), FB_TW,
 * FB_TWT, FB_CT (scalar complex), FB_CVT, FB_VR (real vector) and FB_VMASK, FB_VLEN.
 *
 * DCT-I: y_k = Re V_k, k = 0 .. h, of the real FFT V of the even extension (m = 2h values,
 * fb_dct_lane.h). Only real parts are needed, so the untangling pass (fb_rfft_lane.h) is cut
 * down to them and writes y directly: for the pair (k, h-k), with A = Z_k, B = Z_h-k,
 *   Re V_k = (E + T) / 2,  Re V_h-k = (E - T) / 2,  E = A.r + B.r,
 *   T = Re(w^k) (A.i + B.i) + Im(w^k) (A.r - B.r),
 * the same operations as the full pass, so the same values; V_0 and V_h from Z_0. DCT-II below. */

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

/* DCT-II's input order from a contiguous line: z_j = x_2j, z_n-1-j = sg x_2j+1 (times fct), V
 * even and V odd samples per step; returns the first j left to the caller's loop. */
static fb_idx DLNAME(dct2_load_line)(const FB_TW *x, fb_idx n, FB_TW fct, FB_TW sg, FB_TW *z)
{
    fb_idx j = 0;
    for (; 2 * (j + FB_VLEN) <= n; j += FB_VLEN) {
        FB_VR a, b;
        memcpy(&a, x + 2 * j, sizeof a);
        memcpy(&b, x + 2 * j + FB_VLEN, sizeof b);
        const FB_VR ev = fct * FB_SHUFFLE(FB_VMASK, a, b, FB_IDX(FB_EVEN_, FB_VLEN));
        const FB_VR od = (sg * fct) * FB_SHUFFLE(FB_VMASK, a, b, FB_IDX(FB_ODD_, FB_VLEN));
        const FB_VR odr = FB_SHUFFLE(FB_VMASK, od, od, FB_IDX(FB_REV_, FB_VLEN));
        memcpy(z + j, &ev, sizeof ev);
        memcpy(z + n - j - FB_VLEN, &odr, sizeof odr);
    }
    return j;
}

/* DCT-II, even n = 2h: y_k = 2 Re(w_4n^k V_k), y_n-k = -2 Im(w_4n^k V_k), k = 0 .. h, where V is
 * the real FFT of the permuted input (fb_dct_lane.h). The untangling of the pair (k, h-k) gives
 * V_k and V_h-k at once, and with them y_k, y_n-k, y_h-k and y_h+k: four runs written straight
 * from the half-length spectrum Z, without V in memory. rtw: the untangling twiddles w_n^k,
 * tw: w_4n^k; y_0 times c0 (2, or sqrt 2 for ortho). Contiguous output only. */
static void DLNAME(dct2_post_line)(const FB_CT *Z, fb_idx h, const FB_TWT *rtw,
                                   const FB_TWT *tw, FB_TW c0, FB_TW *y)
{
    const FB_TW two = 2;
    const fb_idx n = 2 * h;
    fb_idx k = 1;
    for (; 2 * (k + FB_VLEN - 1) < h; k += FB_VLEN) {
        const fb_idx m = h - k - (FB_VLEN - 1);   /* first of the mirrored run */
        FB_CVT A, Bc, W, Vk, Vm, Wk, Wm;
        DL_LOAD(&A, Z + k);
        DL_LOAD_REV(&Bc, Z + m);
        DL_LOAD(&W, (const FB_CT *)(rtw + k));
        FB_CAT3(untangle_v, _, FB_PSFX)(&A, &Bc, &W, (FB_TW)1, &Vk, &Vm);   /* V_k+l, V_h-k-l */
        DL_LOAD(&Wk, (const FB_CT *)(tw + k));
        DL_LOAD_REV(&Wm, (const FB_CT *)(tw + m));
        const FB_VR yk = two * (Wk.r * Vk.r - Wk.i * Vk.i);
        const FB_VR ynk = -two * (Wk.r * Vk.i + Wk.i * Vk.r);
        const FB_VR yhk = two * (Wm.r * Vm.r - Wm.i * Vm.i);
        const FB_VR yhpk = -two * (Wm.r * Vm.i + Wm.i * Vm.r);
        const FB_VR ynkr = FB_SHUFFLE(FB_VMASK, ynk, ynk, FB_IDX(FB_REV_, FB_VLEN));
        const FB_VR yhkr = FB_SHUFFLE(FB_VMASK, yhk, yhk, FB_IDX(FB_REV_, FB_VLEN));
        memcpy(y + k, &yk, sizeof yk);                       /* y_k+l */
        memcpy(y + n - k - (FB_VLEN - 1), &ynkr, sizeof ynkr);   /* y_n-k-l */
        memcpy(y + m, &yhkr, sizeof yhkr);                   /* y_h-k-l */
        memcpy(y + h + k, &yhpk, sizeof yhpk);               /* y_h+k+l */
    }
    for (; 2 * k <= h; ++k) {   /* the middle pairs, one at a time */
        FB_CT V[2];
        FB_CAT3(untangle_s, _, FB_PSFX)(Z[k], Z[h - k], rtw[k], (FB_TW)1, &V[0], &V[1]);
        for (int s = 0; s < 2 && (s == 0 || h - k != k); ++s) {
            const fb_idx j = s ? h - k : k;
            y[j] = two * (tw[j].r * V[s].r - tw[j].i * V[s].i);
            y[n - j] = -two * (tw[j].r * V[s].i + tw[j].i * V[s].r);
        }
    }
    const FB_TW z0r = Z[0].r, z0i = Z[0].i;
    y[0] = c0 * (z0r + z0i);
    y[h] = two * tw[h].r * (z0r - z0i);   /* V_h is real; y_n-h is y_h */
}

#undef DLNAME
#undef DL_LOAD
#undef DL_LOAD_REV
