/* fb_dct_lane.h: the real-to-real transforms of one line (or one vector group of lines) for one
 * lane type. A template included by fb_dct.c with FB_R, FB_CT (lane types), FB_TW, FB_TWT,
 * FB_LSFX (name suffix: sd, vd, sf, vf), FB_EXEC (the complex FFT of this lane type) and FB_IO
 * (how the line is read and written: LOAD(j) gives x_j times the scale, STORE(k, y) writes y_k).
 *
 * The algorithms (w_N = exp(-2 pi i / N); half spectra V_0..V_m/2 of real FFTs of length m):
 *  - DCT-II: v = (x_0, x_2, x_4, ..., x_5, x_3, x_1) (even samples, then odd ones backwards),
 *    V = rfft(v), y_k = 2 Re(w_4n^k V_k) and y_n-k = -2 Im(w_4n^k V_k).
 *  - DCT-III runs that backwards: V_j = conj(w_4n^j) (x_j - i x_n-j) (x_n = 0) is Hermitian,
 *    v = irfft(V) unnormalised, y_2t = v_t, y_2t+1 = v_n-1-t.
 *  - DST-II(x)_k = DCT-II(x_j (-1)^j)_n-1-k and DST-III(x)_k = (-1)^k DCT-III(x_n-1-j)_k.
 *  - DCT-I: V = rfft of the even extension (x_0 .. x_n-1, x_n-2 .. x_1), y_k = Re V_k.
 *  - DST-I: V = rfft of the odd extension (0, x_0 .. x_n-1, 0, -x_n-1 .. -x_0), y_k = -Im V_k+1.
 *  - DCT-IV, even n: z_j = (x_2j + i x_n-1-2j) w_8n^(4j+1), Z = FFT_n/2(z),
 *    W_k = w_8n^(4k) Z_k, y_2k = 2 Re W_k, y_n-1-2k = -2 Im W_k.
 *    Odd n: with a = 2j+1, b = 2k+1, the kernel exp(-i pi ab / 4n) splits (Chinese remainder
 *    theorem, 8n = 8 n with n odd) into exp(-i pi u ab / 4) w_n^(a' b'), u = n^-1 mod 8,
 *    a' = a mod n, b' = b 8^-1 mod n. For odd m, cos(pi m/4) = (2/m)/sqrt2 and
 *    sin(pi m/4) = (-2/m)/sqrt2, sign characters that are multiplicative in m. Hence with
 *    z_a' = x_j ((2/a) + i (-2/a)) and Z = FFT_n(z) (real and imaginary parts carry the even
 *    and odd halves of the sum): y_k = sqrt2 (2/ub) Re Z_q, where q = b' when (2/ub) and
 *    (-2/ub) differ, else q = n - b' (mod n). One complex FFT of length n, no twiddles.
 *  - DST-IV(x)_k = (-1)^k DCT-IV(x_n-1-j)_k.
 * Every line is read completely before any of it is written, so out may equal in. */

#define LNAME(x) FB_CAT3(x, _, FB_LSFX)
#ifdef FB_LINE_PASSES   /* scalar lanes: the includer's fb_rfft_line.h and fb_dct_line.h */
#define POST(Z, h, tw, fwd, full, dst, ds, k0) \
    FB_CAT2(r2c_post_line_, FB_PSFX)(Z, h, tw, fwd, full, dst, ds)
#define PRE(src, ss, h, tw, fwd, fct, Z, k0) \
    FB_CAT2(c2r_pre_line_, FB_PSFX)(src, ss, h, tw, fwd, fct, Z)
#else
#define POST LNAME(r2c_post)
#define PRE LNAME(c2r_pre)
#endif
#define LOAD(j) LNAME(load)(q, (j))
#define STORE(k, y) LNAME(store)(q, (k), (y))

/* The half spectrum V_0..V_m/2 of the m real values written at (FB_R *)z. */
static const FB_CT *LNAME(rfft)(const DPLAN *p, FB_CT *z, FB_CT *other, FB_CT *X, FB_CT *work)
{
    const fb_idx m = p->m;
    if (m % 2 == 0) {
        const FB_CT *Z = FB_EXEC(p->cp, 1, z, other, work);
        POST(Z, m / 2, p->rtw, 1, 0, (char *)X, (fb_idx)sizeof(FB_CT), 1);
        return X;
    }
    /* odd m: one complex FFT of the values as real parts, spread out from the back so that
     * nothing is overwritten before it is read */
    const FB_R *zr = (const FB_R *)z, zero = {0};
    for (fb_idx j = m - 1; j >= 0; --j) {
        const FB_R v = zr[j];
        z[j].r = v;
        z[j].i = zero;
    }
    return FB_EXEC(p->cp, 1, z, other, work);
}

/* The m real values (unnormalised inverse real FFT) of the half spectrum X_0..X_m/2. */
static const FB_R *LNAME(irfft)(const DPLAN *p, const FB_CT *X, FB_CT *z, FB_CT *other,
                                FB_CT *work)
{
    const fb_idx m = p->m;
    if (m % 2 == 0) {
        PRE((const char *)X, (fb_idx)sizeof(FB_CT), m / 2, p->rtw, 0, (FB_TW)1, z, 1);
        return (const FB_R *)FB_EXEC(p->cp, 0, z, other, work);
    }
    const FB_R zero = {0};
    z[0].r = X[0].r;
    z[0].i = zero;
    for (fb_idx k = 1; 2 * k < m; ++k) {
        z[k] = X[k];
        z[m - k].r = X[k].r;
        z[m - k].i = -X[k].i;
    }
    FB_CT *y = FB_EXEC(p->cp, 0, z, other, work);
    FB_R *v = (FB_R *)y;   /* compacted forwards: v_j never lands on an unread y_k.r */
    for (fb_idx j = 0; j < m; ++j) v[j] = y[j].r;
    return v;
}

static void LNAME(dct3)(const DPLAN *p, int dst, int ortho, const FB_IO *q, FB_CT *z,
                        FB_CT *other, FB_CT *X, FB_CT *work);

static void LNAME(dct1)(const DPLAN *p, int ortho, const FB_IO *q, FB_CT *z, FB_CT *other,
                        FB_CT *X, FB_CT *work)
{
    const fb_idx n = p->len, m = p->m;
    FB_R *zr = (FB_R *)z;
#ifdef FB_LINE_PASSES
    /* Odd n = 2M + 1 (scalar lanes): with u_j = x_j + x_2M-j and v_j = x_j - x_2M-j, the even
     * outputs are the DCT-I of (u_0, .., u_M-1, 2 x_M) and the odd ones the DCT-III of
     * (v_0, .., v_M-1) (cos(pi j k / 2M) is even about j = M for even k, odd for odd k): two
     * transforms whose real FFTs have lengths 2M and M instead of 4M, and the first halves
     * again. Only sums and differences are added, so the accuracy is that of the halves. */
    if (p->half1) {
        const fb_idx M = (n - 1) / 2;
        const FB_TW e = ortho ? (FB_TW)FB_SQRT2 : (FB_TW)1;
        FB_R *u = zr, *v = u + M + 1, *ye = v + M, *yo = ye + M + 1;   /* 4M + 2 <= 2 (2M + 2) */
        const FB_R x0 = e * LOAD(0), xn = e * LOAD(n - 1);
        u[0] = x0 + xn;
        v[0] = x0 - xn;
        for (fb_idx j = 1; j < M; ++j) {
            const FB_R a = LOAD(j), b = LOAD(n - 1 - j);
            u[j] = a + b;
            v[j] = a - b;
        }
        u[M] = (FB_TW)2 * LOAD(M);
        /* the halves' scratch: other, X and work, past z (their plans are smaller) */
        FB_CT *hb = other;
        const fb_idx s1 = p->half1->cp->n + 2, s3 = p->half3->cp->n + 2;
        const FB_IO q1 = {(const char *)u, (char *)ye, (fb_idx)sizeof(FB_R),
                          (fb_idx)sizeof(FB_R), (FB_TW)1};
        LNAME(dct1)(p->half1, 0, &q1, hb, hb + s1, hb + 2 * s1,
                    (FB_CT *)fb_align64(hb + 3 * s1));
        const FB_IO q3 = {(const char *)v, (char *)yo, (fb_idx)sizeof(FB_R),
                          (fb_idx)sizeof(FB_R), (FB_TW)1};
        LNAME(dct3)(p->half3, 0, 0, &q3, hb, hb + s3, hb + 2 * s3,
                    (FB_CT *)fb_align64(hb + 3 * s3));
        const FB_TW edge = ortho ? (FB_TW)FB_RSQRT2 : (FB_TW)1;
        STORE(0, edge * ye[0]);
        for (fb_idx k = 0; k < M; ++k) {
            if (k) STORE(2 * k, ye[k]);
            STORE(2 * k + 1, yo[k]);
        }
        STORE(n - 1, edge * ye[M]);
        (void)X; (void)work;
        return;
    }
#endif
    for (fb_idx j = 0; j < n; ++j) zr[j] = LOAD(j);
    if (ortho) {
        zr[0] *= (FB_TW)FB_SQRT2;
        zr[n - 1] *= (FB_TW)FB_SQRT2;
    }
    for (fb_idx j = 1; j < n - 1; ++j) zr[m - j] = zr[j];
    const FB_TW edge = ortho ? (FB_TW)FB_RSQRT2 : (FB_TW)1;
#ifdef FB_LINE_PASSES   /* real parts only, straight to y (m is even) */
    (void)X;
    FB_CAT2(dct1_post_line_, FB_PSFX)(FB_EXEC(p->cp, 1, z, other, work), m / 2, p->rtw, edge,
                                      q->dst, q->ds);
    return;
#endif
    const FB_CT *V = LNAME(rfft)(p, z, other, X, work);
    STORE(0, edge * V[0].r);
    for (fb_idx k = 1; k < n - 1; ++k) STORE(k, V[k].r);
    STORE(n - 1, edge * V[n - 1].r);
}

static void LNAME(dst1)(const DPLAN *p, const FB_IO *q, FB_CT *z, FB_CT *other, FB_CT *X,
                        FB_CT *work)
{
    const fb_idx n = p->len, m = p->m;
    FB_R *zr = (FB_R *)z;
    const FB_R zero = {0};
    zr[0] = zero;
    zr[n + 1] = zero;
    for (fb_idx j = 0; j < n; ++j) {
        const FB_R x = LOAD(j);
        zr[j + 1] = x;
        zr[m - 1 - j] = -x;
    }
    const FB_CT *V = LNAME(rfft)(p, z, other, X, work);
    for (fb_idx k = 0; k < n; ++k) STORE(k, -V[k + 1].i);
}

/* DCT-II, or DST-II when dst */
static void LNAME(dct2)(const DPLAN *p, int dst, int ortho, const FB_IO *q, FB_CT *z,
                        FB_CT *other, FB_CT *X, FB_CT *work)
{
    const fb_idx n = p->len;
    FB_R *zr = (FB_R *)z;
    const FB_TW sg = dst ? (FB_TW)-1 : (FB_TW)1, two = 2;
    fb_idx j0 = 0;
#ifdef FB_LINE_PASSES   /* a contiguous line, V samples per vector */
    if (q->ss == (fb_idx)sizeof(FB_TW))
        j0 = FB_CAT2(dct2_load_line_, FB_PSFX)((const FB_TW *)q->src, n, q->fct, sg, zr);
#endif
    for (fb_idx j = j0; 2 * j < n; ++j) zr[j] = LOAD(2 * j);
    for (fb_idx j = j0; 2 * j + 1 < n; ++j) zr[n - 1 - j] = sg * LOAD(2 * j + 1);
#ifdef FB_LINE_PASSES   /* even n, DCT, contiguous output: y straight from Z */
    if (n % 2 == 0 && !dst && q->ds == (fb_idx)sizeof(FB_TW)) {
        FB_CAT2(dct2_post_line_, FB_PSFX)(FB_EXEC(p->cp, 1, z, other, work), n / 2, p->rtw,
                                          p->tw, ortho ? (FB_TW)FB_SQRT2 : two, (FB_TW *)q->dst);
        return;
    }
#endif
    const FB_CT *V = LNAME(rfft)(p, z, other, X, work);
    const FB_TWT *tw = p->tw;
    const fb_idx o0 = dst ? n - 1 : 0, od = dst ? -1 : 1;   /* DST: reversed */
    STORE(o0, (ortho ? (FB_TW)FB_SQRT2 : two) * V[0].r);
    for (fb_idx k = 1; 2 * k <= n; ++k) {
        const FB_R pr = tw[k].r * V[k].r - tw[k].i * V[k].i;   /* w_4n^k V_k */
        const FB_R pi = tw[k].r * V[k].i + tw[k].i * V[k].r;
        STORE(o0 + od * k, two * pr);
        if (n - k != k) STORE(o0 + od * (n - k), -two * pi);
    }
}

/* DCT-III, or DST-III when dst */
static void LNAME(dct3)(const DPLAN *p, int dst, int ortho, const FB_IO *q, FB_CT *z,
                        FB_CT *other, FB_CT *X, FB_CT *work)
{
    const fb_idx n = p->len;
    const fb_idx i0 = dst ? n - 1 : 0, id = dst ? -1 : 1;   /* DST: reversed */
    const FB_TWT *tw = p->tw;
    const FB_R zero = {0};
    X[0].r = ortho ? (FB_TW)FB_SQRT2 * LOAD(i0) : LOAD(i0);
    X[0].i = zero;
    for (fb_idx j = 1; 2 * j <= n; ++j) {
        const FB_R a = LOAD(i0 + id * j), b = LOAD(i0 + id * (n - j));
        X[j].r = tw[j].r * a - tw[j].i * b;      /* conj(w_4n^j) (a - i b) */
        X[j].i = -(tw[j].i * a + tw[j].r * b);
    }
    const FB_R *v = LNAME(irfft)(p, X, z, other, work);
    const FB_TW sg = dst ? (FB_TW)-1 : (FB_TW)1;
    for (fb_idx t = 0; 2 * t < n; ++t) STORE(2 * t, v[t]);
    for (fb_idx t = 0; 2 * t + 1 < n; ++t) STORE(2 * t + 1, sg * v[n - 1 - t]);
}

/* DCT-IV, or DST-IV when dst */
static void LNAME(dct4)(const DPLAN *p, int dst, const FB_IO *q, FB_CT *z, FB_CT *other,
                        FB_CT *work)
{
    const fb_idx n = p->len;
    const fb_idx i0 = dst ? n - 1 : 0, id = dst ? -1 : 1;   /* DST: reversed */
    const FB_TWT *tw = p->tw;
    const FB_TW two = 2, sg = dst ? (FB_TW)-1 : (FB_TW)1;
    if (n % 2 == 0) {
        const fb_idx h = n / 2;
        for (fb_idx j = 0; j < h; ++j) {
            const FB_R a = LOAD(i0 + id * 2 * j), b = LOAD(i0 + id * (n - 1 - 2 * j));
            const FB_TWT w = tw[j];
            z[j].r = a * w.r - b * w.i;
            z[j].i = a * w.i + b * w.r;
        }
        const FB_CT *Z = FB_EXEC(p->cp, 1, z, other, work);
        for (fb_idx k = 0; k < h; ++k) {
            const FB_TWT w = tw[h + k];
            STORE(2 * k, two * (Z[k].r * w.r - Z[k].i * w.i));
            STORE(n - 1 - 2 * k, -sg * two * (Z[k].r * w.i + Z[k].i * w.r));
        }
        return;
    }
    /* odd n: one FFT of length n with the index maps of the header comment */
    static const signed char chi1[8] = {0, 1, 0, -1, 0, -1, 0, 1};   /* (2/m) */
    static const signed char chi2[8] = {0, 1, 0, 1, 0, -1, 0, -1};   /* (-2/m) */
    for (fb_idx j = 0, ap = 1 % n; j < n; ++j) {   /* ap = (2j+1) mod n */
        const FB_R a = LOAD(i0 + id * j);
        const int r = (int)((2 * j + 1) & 7);
        z[ap].r = (FB_TW)chi1[r] * a;
        z[ap].i = (FB_TW)chi2[r] * a;
        ap += 2;
        if (ap >= n) ap -= n;
    }
    const FB_CT *Z = FB_EXEC(p->cp, 1, z, other, work);
    const fb_idx step = (2 * p->inv8) % n;
    const int u = (int)(n & 7);   /* n^-1 mod 8: odd squares are 1 mod 8 */
    FB_TW s = (FB_TW)FB_SQRT2;
    for (fb_idx k = 0, b8 = p->inv8 % n; k < n; ++k) {   /* b8 = (2k+1) 8^-1 mod n */
        const int c = (int)((u * (2 * k + 1)) & 7);
        const fb_idx at = chi1[c] == chi2[c] ? (b8 ? n - b8 : 0) : b8;
        STORE(k, ((FB_TW)chi1[c] * s) * Z[at].r);
        b8 += step;
        if (b8 >= n) b8 -= n;
        s *= sg;
    }
}

/* One line (scalar lanes) or one group (vector lanes) of transform `type` (1..4), DST when
 * dst. buf: LNAME-lane scratch of fb_dct_tmpl.h's per_line values. */
static void LNAME(r2r)(const DPLAN *p, int dst, int type, int ortho, const FB_IO *q, FB_CT *buf)
{
    const fb_idx s = p->cp->n + 2;
    FB_CT *z = buf, *other = buf + s, *X = buf + 2 * s;
    FB_CT *work = (FB_CT *)fb_align64(buf + 3 * s);
    switch (type) {
    case 1:
        if (dst) LNAME(dst1)(p, q, z, other, X, work);
        else LNAME(dct1)(p, ortho, q, z, other, X, work);
        break;
    case 2: LNAME(dct2)(p, dst, ortho, q, z, other, X, work); break;
    case 3: LNAME(dct3)(p, dst, ortho, q, z, other, X, work); break;
    default: LNAME(dct4)(p, dst, q, z, other, work); break;
    }
}

#undef LNAME
#undef POST
#undef PRE
#undef LOAD
#undef STORE
