/* fb_cfft_passes.h: the radix passes of the complex FFT and the loop that drives them.
 *
 * A template: included once per (lane type, direction) by fb_cfft.c with
 *   FB_R    real type of one lane value: double, float, or a GCC vector of them (several rows
 *           transformed together, one row per vector element)
 *   FB_CT   struct { FB_R r, i; }: one complex value of every row
 *   FB_TW   real type of the twiddles (double or float, never a vector: broadcast by the compiler)
 *   FB_TWT  struct { FB_TW r, i; }
 *   FB_PLAN the plan struct of that precision
 *   FB_FWD  1 for exp(-2 pi i jk/n), 0 for exp(+2 pi i jk/n)
 *   FB_SFX  suffix of the generated names
 *
 * Layout (Stockham autosort, no bit reversal): a pass of radix ip with l1 = product of the
 * earlier radices and ido = n / (l1 * ip) reads CC(i, u, k) and writes CH(i, k, j); the outputs
 * j >= 1 are multiplied by the twiddle w_n^(j*l1*i).
 *
 * Complex-arithmetic macros (arguments are lvalues of FB_CT unless noted):
 *   ADD(c, a, b)   c = a + b          SUB(c, a, b)  c = a - b
 *   SCALE(c, s, a) c = s * a, s real  ROTD(a)       a = i_dir * a, with i_dir = -i forward, +i backward
 *   MULW(c, a, w)  c = a * w forward, a * conj(w) backward (w: FB_TWT, stored for the forward sign)
 * The direction enters only through ROTD and MULW, so each butterfly is written once.
 */

#define NAME(x) FB_CAT3(x, _, FB_SFX)

#define ADD(c, a, b) do { (c).r = (a).r + (b).r; (c).i = (a).i + (b).i; } while (0)
#define SUB(c, a, b) do { (c).r = (a).r - (b).r; (c).i = (a).i - (b).i; } while (0)
#define SCALE(c, s, a) do { (c).r = (s) * (a).r; (c).i = (s) * (a).i; } while (0)
#if FB_FWD
#define ROTD(a) do { FB_R t_ = (a).r; (a).r = (a).i; (a).i = -t_; } while (0)
#define MULW(c, a, w) do { (c).r = (a).r * (w).r - (a).i * (w).i; \
                           (c).i = (a).r * (w).i + (a).i * (w).r; } while (0)
#else
#define ROTD(a) do { FB_R t_ = (a).r; (a).r = -(a).i; (a).i = t_; } while (0)
#define MULW(c, a, w) do { (c).r = (a).r * (w).r + (a).i * (w).i; \
                           (c).i = (a).i * (w).r - (a).r * (w).i; } while (0)
#endif

#define CC(a, b, c) cc[(a) + ido * ((b) + cdim * (c))]
#define CH(a, b, c) ch[(a) + ido * ((b) + l1 * (c))]
#define WA(x, i) wa[(i) - 1 + (x) * (ido - 1)]

/* Stores output j of the butterfly at (i, k): plainly for i == 0 (twiddle 1), else twiddled. */
#define ST0(j, y) (CH(i, k, j) = (y))
#define STW(j, y) MULW(CH(i, k, j), (y), WA((j) - 1, i))

/* Each pass: the butterfly body once as a macro, run with i = 0 untwiddled, i >= 1 twiddled. */
#define RUN_PASS(BODY)                                       \
    for (fb_idx k = 0; k < l1; ++k) {                        \
        { const fb_idx i = 0; BODY(ST0) }                    \
        for (fb_idx i = 1; i < ido; ++i) { BODY(STW) }       \
    }

static void NAME(pass2)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 2;
#define BODY2(ST) { FB_CT y0, y1;                                   \
        ADD(y0, CC(i, 0, k), CC(i, 1, k)); SUB(y1, CC(i, 0, k), CC(i, 1, k)); \
        CH(i, k, 0) = y0; ST(1, y1); }
    RUN_PASS(BODY2)
#undef BODY2
}

static void NAME(pass3)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 3;
    const FB_TW tw1r = (FB_TW)-0.5, tw1i = (FB_TW)0.86602540378443864676;
#define BODY3(ST) { FB_CT a0 = CC(i, 0, k), t1, t2, ca, y0, y1, y2;   \
        ADD(t1, CC(i, 1, k), CC(i, 2, k)); SUB(t2, CC(i, 1, k), CC(i, 2, k)); \
        ADD(y0, a0, t1);                                             \
        ca.r = a0.r + tw1r * t1.r; ca.i = a0.i + tw1r * t1.i;        \
        SCALE(t2, tw1i, t2); ROTD(t2);                               \
        ADD(y1, ca, t2); SUB(y2, ca, t2);                            \
        CH(i, k, 0) = y0; ST(1, y1); ST(2, y2); }
    RUN_PASS(BODY3)
#undef BODY3
}

static void NAME(pass4)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 4;
#define BODY4(ST) { FB_CT t1, t2, t3, t4, y0, y1, y2, y3;                \
        ADD(t1, CC(i, 0, k), CC(i, 2, k)); SUB(t2, CC(i, 0, k), CC(i, 2, k)); \
        ADD(t3, CC(i, 1, k), CC(i, 3, k)); SUB(t4, CC(i, 1, k), CC(i, 3, k)); \
        ROTD(t4);                                                        \
        ADD(y0, t1, t3); SUB(y2, t1, t3); ADD(y1, t2, t4); SUB(y3, t2, t4); \
        CH(i, k, 0) = y0; ST(1, y1); ST(2, y2); ST(3, y3); }
    RUN_PASS(BODY4)
#undef BODY4
}

static void NAME(pass5)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 5;
    /* cos and sin of 2*pi/5 and 4*pi/5 */
    const FB_TW c1 = (FB_TW)0.30901699437494742410, c2 = (FB_TW)-0.80901699437494742410;
    const FB_TW s1 = (FB_TW)0.95105651629515357212, s2 = (FB_TW)0.58778525229247312917;
#define BODY5(ST) { FB_CT a0 = CC(i, 0, k), t1, t2, t3, t4, ca, cb, y0, y1, y2, y3, y4;   \
        ADD(t1, CC(i, 1, k), CC(i, 4, k)); SUB(t4, CC(i, 1, k), CC(i, 4, k));           \
        ADD(t2, CC(i, 2, k), CC(i, 3, k)); SUB(t3, CC(i, 2, k), CC(i, 3, k));           \
        y0.r = a0.r + t1.r + t2.r; y0.i = a0.i + t1.i + t2.i;                             \
        ca.r = a0.r + c1 * t1.r + c2 * t2.r; ca.i = a0.i + c1 * t1.i + c2 * t2.i;         \
        cb.r = s1 * t4.r + s2 * t3.r; cb.i = s1 * t4.i + s2 * t3.i; ROTD(cb);             \
        ADD(y1, ca, cb); SUB(y4, ca, cb);                                                 \
        ca.r = a0.r + c2 * t1.r + c1 * t2.r; ca.i = a0.i + c2 * t1.i + c1 * t2.i;         \
        cb.r = s2 * t4.r - s1 * t3.r; cb.i = s2 * t4.i - s1 * t3.i; ROTD(cb);             \
        ADD(y2, ca, cb); SUB(y3, ca, cb);                                                 \
        CH(i, k, 0) = y0; ST(1, y1); ST(2, y2); ST(3, y3); ST(4, y4); }
    RUN_PASS(BODY5)
#undef BODY5
}

static void NAME(pass7)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 7;
    /* cos and sin of 2*pi*m/7, m = 1, 2, 3 */
    const FB_TW c1 = (FB_TW)0.62348980185873353053, c2 = (FB_TW)-0.22252093395631440429,
                c3 = (FB_TW)-0.90096886790241912624;
    const FB_TW s1 = (FB_TW)0.78183148246802980871, s2 = (FB_TW)0.97492791218182360702,
                s3 = (FB_TW)0.43388373911755812048;
    /* output pair (j, 7-j): ca = a0 + sum cos * t+, cb = i_dir * sum sin * t- */
#define PAIR7(ca1, ca2, ca3, cb1, cb2, cb3, ya, yb)                                    \
        ca.r = a0.r + ca1 * p1.r + ca2 * p2.r + ca3 * p3.r;                            \
        ca.i = a0.i + ca1 * p1.i + ca2 * p2.i + ca3 * p3.i;                            \
        cb.r = cb1 * m1.r + cb2 * m2.r + cb3 * m3.r;                                   \
        cb.i = cb1 * m1.i + cb2 * m2.i + cb3 * m3.i;                                   \
        ROTD(cb); ADD(ya, ca, cb); SUB(yb, ca, cb);
#define BODY7(ST) { FB_CT a0 = CC(i, 0, k), p1, p2, p3, m1, m2, m3, ca, cb;             \
        FB_CT y0, y1, y2, y3, y4, y5, y6;                                               \
        ADD(p1, CC(i, 1, k), CC(i, 6, k)); SUB(m1, CC(i, 1, k), CC(i, 6, k));         \
        ADD(p2, CC(i, 2, k), CC(i, 5, k)); SUB(m2, CC(i, 2, k), CC(i, 5, k));         \
        ADD(p3, CC(i, 3, k), CC(i, 4, k)); SUB(m3, CC(i, 3, k), CC(i, 4, k));         \
        y0.r = a0.r + p1.r + p2.r + p3.r; y0.i = a0.i + p1.i + p2.i + p3.i;             \
        PAIR7(c1, c2, c3, s1, s2, s3, y1, y6)                                           \
        PAIR7(c2, c3, c1, s2, -s3, -s1, y2, y5)                                         \
        PAIR7(c3, c1, c2, s3, -s1, s2, y3, y4)                                          \
        CH(i, k, 0) = y0; ST(1, y1); ST(2, y2); ST(3, y3); ST(4, y4); ST(5, y5); ST(6, y6); }
    RUN_PASS(BODY7)
#undef BODY7
#undef PAIR7
}

static void NAME(pass8)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 8;
    const FB_TW hsqt2 = (FB_TW)0.70710678118654752440;
    /* radix 8 = two radix-4 butterflies (even and odd inputs) joined by w8^j:
     * w8 * a = (a + i_dir*a) / sqrt(2), w8^2 = i_dir, w8^3 = i_dir * w8 */
#define DFT4(b0, b1, b2, b3, x0, x1, x2, x3) {                           \
        FB_CT t1, t2, t3, t4;                                            \
        ADD(t1, x0, x2); SUB(t2, x0, x2); ADD(t3, x1, x3); SUB(t4, x1, x3); \
        ROTD(t4); ADD(b0, t1, t3); SUB(b2, t1, t3); ADD(b1, t2, t4); SUB(b3, t2, t4); }
#define BODY8(ST) { FB_CT e0, e1, e2, e3, o0, o1, o2, o3, r, y;                       \
        DFT4(e0, e1, e2, e3, CC(i, 0, k), CC(i, 2, k), CC(i, 4, k), CC(i, 6, k))      \
        DFT4(o0, o1, o2, o3, CC(i, 1, k), CC(i, 3, k), CC(i, 5, k), CC(i, 7, k))      \
        r = o1; ROTD(r); ADD(r, r, o1); SCALE(o1, hsqt2, r);                          \
        ROTD(o2);                                                                      \
        r = o3; ROTD(r); ADD(r, r, o3); SCALE(o3, hsqt2, r); ROTD(o3);                \
        ADD(y, e0, o0); CH(i, k, 0) = y; SUB(y, e0, o0); ST(4, y);                    \
        ADD(y, e1, o1); ST(1, y); SUB(y, e1, o1); ST(5, y);                           \
        ADD(y, e2, o2); ST(2, y); SUB(y, e2, o2); ST(6, y);                           \
        ADD(y, e3, o3); ST(3, y); SUB(y, e3, o3); ST(7, y); }
    RUN_PASS(BODY8)
#undef BODY8
}

static void NAME(pass16)(fb_idx ido, fb_idx l1, const FB_CT *FB_RESTRICT cc,
                         FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa)
{
    const fb_idx cdim = 16;
    /* cos and sin of pi/8 and pi/4 */
    const FB_TW c1 = (FB_TW)0.92387953251128675613, s1 = (FB_TW)0.38268343236508977173;
    const FB_TW hsqt2 = (FB_TW)0.70710678118654752440;
    /* radix 16 = 4 x 4: radix-4 butterflies over the inputs j, j+4, j+8, j+12 give a[j][q],
     * which times w16^(j q) go through radix-4 butterflies over j into outputs q + 4 r:
     *   y_(q+4r) = sum_j w4^(j r) w16^(j q) sum_m w4^(m q) x_(j+4m).
     * W16(a, c, s): a *= w16^e = c + i_dir s (c, s the cosine and sine of e pi/8). */
#define W16(a, c, s) { FB_CT u_ = (a); ROTD(u_);                          \
        (a).r = (c) * (a).r + (s) * u_.r; (a).i = (c) * (a).i + (s) * u_.i; }
#define BODY16(ST) { FB_CT a0[4], a1[4], a2[4], a3[4], b0, b1, b2, b3;                  \
        DFT4(a0[0], a0[1], a0[2], a0[3], CC(i, 0, k), CC(i, 4, k), CC(i, 8, k), CC(i, 12, k)) \
        DFT4(a1[0], a1[1], a1[2], a1[3], CC(i, 1, k), CC(i, 5, k), CC(i, 9, k), CC(i, 13, k)) \
        DFT4(a2[0], a2[1], a2[2], a2[3], CC(i, 2, k), CC(i, 6, k), CC(i, 10, k), CC(i, 14, k)) \
        DFT4(a3[0], a3[1], a3[2], a3[3], CC(i, 3, k), CC(i, 7, k), CC(i, 11, k), CC(i, 15, k)) \
        W16(a1[1], c1, s1) W16(a1[2], hsqt2, hsqt2) W16(a1[3], s1, c1)                 \
        W16(a2[1], hsqt2, hsqt2) ROTD(a2[2]); W16(a2[3], -hsqt2, hsqt2)                \
        W16(a3[1], s1, c1) W16(a3[2], -hsqt2, hsqt2) W16(a3[3], -c1, -s1)              \
        DFT4(b0, b1, b2, b3, a0[0], a1[0], a2[0], a3[0])                               \
        CH(i, k, 0) = b0; ST(4, b1); ST(8, b2); ST(12, b3);                            \
        DFT4(b0, b1, b2, b3, a0[1], a1[1], a2[1], a3[1])                               \
        ST(1, b0); ST(5, b1); ST(9, b2); ST(13, b3);                                   \
        DFT4(b0, b1, b2, b3, a0[2], a1[2], a2[2], a3[2])                               \
        ST(2, b0); ST(6, b1); ST(10, b2); ST(14, b3);                                  \
        DFT4(b0, b1, b2, b3, a0[3], a1[3], a2[3], a3[3])                               \
        ST(3, b0); ST(7, b1); ST(11, b2); ST(15, b3); }
    RUN_PASS(BODY16)
#undef BODY16
#undef W16
}
#undef DFT4

/* Generic odd radix ip: outputs j and ip-j share the sums over the input pairs (u, ip-u):
 *   y_j, y_{ip-j} = a0 + sum_u cos(2 pi ju/ip) (a_u + a_{ip-u})  +-  i_dir sum_u sin(2 pi ju/ip) (a_u - a_{ip-u})
 * which halves the multiplications of a plain DFT. cs[m] = w_ip^m; work holds ip-1 values. */
static void NAME(passg)(fb_idx ido, fb_idx l1, fb_idx ip, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa,
                        const FB_TWT *FB_RESTRICT cs, FB_CT *FB_RESTRICT work)
{
    const fb_idx cdim = ip, h = (ip - 1) / 2;
    FB_CT *tp = work, *tm = work + h;   /* tp[u-1] = a_u + a_{ip-u}, tm[u-1] = a_u - a_{ip-u} */
    for (fb_idx k = 0; k < l1; ++k)
        for (fb_idx i = 0; i < ido; ++i) {
            FB_CT a0 = CC(i, 0, k), y0 = a0;
            for (fb_idx u = 1; u <= h; ++u) {
                ADD(tp[u - 1], CC(i, u, k), CC(i, ip - u, k));
                SUB(tm[u - 1], CC(i, u, k), CC(i, ip - u, k));
                ADD(y0, y0, tp[u - 1]);
            }
            CH(i, k, 0) = y0;
            for (fb_idx j = 1; j <= h; ++j) {
                FB_CT ca = a0, cb, ya, yb;
                cb.r = cb.i = (FB_R){0};
                fb_idx m = 0;
                for (fb_idx u = 1; u <= h; ++u) {
                    m += j; if (m >= ip) m -= ip;
                    const FB_TW c = cs[m].r, s = -cs[m].i;   /* cos, sin of 2 pi m / ip */
                    ca.r += c * tp[u - 1].r; ca.i += c * tp[u - 1].i;
                    cb.r += s * tm[u - 1].r; cb.i += s * tm[u - 1].i;
                }
                ROTD(cb);
                ADD(ya, ca, cb); SUB(yb, ca, cb);
                if (i == 0) { CH(i, k, j) = ya; CH(i, k, ip - j) = yb; }
                else { STW(j, ya); STW(ip - j, yb); }
            }
        }
}

/* Rader's algorithm for a prime radix ip, L = ip - 1, g a primitive root mod ip: with
 * b_s = a_(g^-s) and d_m = w_ip^(g^m), the outputs are
 *   y_0 = a_0 + sum_s b_s,      y_(g^q) = a_0 + (b (*) d)_q   (cyclic convolution of length L),
 * computed as conj(F(conj(F(b) D))) with F this instantiation's DFT of length L (rsub) and
 * D = F(d) / L (dhat holds it for the forward sign; MULW conjugates it backward). The kernel runs
 * as a whole-length FFT, so the pass costs O(log ip) per element instead of the generic O(ip).
 * work holds 2 L values plus rsub's work. */
#if FB_SCALAR_LANE
#define RADER_FFT(q, a, b, w) FB_CAT2(fb_cexec_, FB_LANE)(q, FB_FWD, a, b, w)
#else
static FB_CT *FB_CAT2(core_exec_, FB_LANE)(const FB_PLAN *, int, FB_CT *, FB_CT *, FB_CT *);
#define RADER_FFT(q, a, b, w) FB_CAT2(core_exec_, FB_LANE)(q, FB_FWD, a, b, w)
#endif
static void NAME(passr)(fb_idx ido, fb_idx l1, fb_idx ip, const FB_CT *FB_RESTRICT cc,
                        FB_CT *FB_RESTRICT ch, const FB_TWT *FB_RESTRICT wa,
                        const FB_PLAN *rsub, const fb_idx *FB_RESTRICT ridx,
                        const FB_TWT *FB_RESTRICT dhat, FB_CT *work)
{
    const fb_idx cdim = ip, L = ip - 1;
    const fb_idx *gin = ridx, *gout = ridx + L;
    FB_CT *b1 = work, *b2 = work + L, *w = work + 2 * L;
    for (fb_idx k = 0; k < l1; ++k)
        for (fb_idx i = 0; i < ido; ++i) {
            const FB_CT a0 = CC(i, 0, k);
            for (fb_idx s = 0; s < L; ++s) b1[s] = CC(i, gin[s], k);
            FB_CT *B = RADER_FFT(rsub, b1, b2, w), y0;
            ADD(y0, a0, B[0]);
            for (fb_idx m = 0; m < L; ++m) {   /* conj(B D) */
                FB_CT x;
                MULW(x, B[m], dhat[m]);
                B[m].r = x.r;
                B[m].i = -x.i;
            }
            const FB_CT *C = RADER_FFT(rsub, B, B == b1 ? b2 : b1, w);
            CH(i, k, 0) = y0;
            for (fb_idx q = 0; q < L; ++q) {
                FB_CT y;
                y.r = a0.r + C[q].r;
                y.i = a0.i - C[q].i;
                if (i == 0) CH(i, k, gout[q]) = y;
                else STW(gout[q], y);
            }
        }
}
#undef RADER_FFT

/* Runs every pass of a radix plan over data[0..n), ping-ponging with scratch[0..n);
 * work holds what the generic and Rader passes need (plan->maxgen values). Returns where the result ended: data or scratch. */
static FB_CT *NAME(radix_exec)(const FB_PLAN *plan, FB_CT *data, FB_CT *scratch, FB_CT *work)
{
    FB_CT *p1 = data, *p2 = scratch;
    fb_idx l1 = 1;
    const fb_idx n = plan->n;
    for (int f = 0; f < plan->npass; ++f) {
        const fb_idx ip = plan->pass[f].ip, ido = n / (l1 * ip);
        const FB_TWT *tw = plan->pass[f].tw;
        switch (ip) {
        case 2: NAME(pass2)(ido, l1, p1, p2, tw); break;
        case 3: NAME(pass3)(ido, l1, p1, p2, tw); break;
        case 4: NAME(pass4)(ido, l1, p1, p2, tw); break;
        case 5: NAME(pass5)(ido, l1, p1, p2, tw); break;
        case 7: NAME(pass7)(ido, l1, p1, p2, tw); break;
        case 8: NAME(pass8)(ido, l1, p1, p2, tw); break;
        case 16: NAME(pass16)(ido, l1, p1, p2, tw); break;
        default:
            if (plan->pass[f].rsub)
                NAME(passr)(ido, l1, ip, p1, p2, tw, plan->pass[f].rsub, plan->pass[f].ridx,
                            plan->pass[f].cs, work);
            else
                NAME(passg)(ido, l1, ip, p1, p2, tw, plan->pass[f].cs, work);
            break;
        }
        FB_CT *t = p1; p1 = p2; p2 = t;
        l1 *= ip;
    }
    return p1;
}

#undef NAME
#undef ADD
#undef SUB
#undef SCALE
#undef ROTD
#undef MULW
#undef CC
#undef CH
#undef WA
#undef ST0
#undef STW
#undef RUN_PASS
