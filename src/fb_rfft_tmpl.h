/* fb_rfft_tmpl.h: real plans and the real executor of fb_rfft.h for one precision. A template
 * included by fb_rfft.c with FB_PSFX (d, f), FB_REAL, FB_TW, FB_TWT, FB_CT, FB_CVT, FB_VLEN. */

#define RNAME(x) FB_CAT3(x, _, FB_PSFX)
#define RPLAN FB_CAT2(fb_rplan_, FB_PSFX)
#define CPLAN FB_CAT2(fb_cplan_, FB_PSFX)
#define CGET FB_CAT3(fb_cplan_, FB_PSFX, _get)
#define CRELEASE FB_CAT3(fb_cplan_, FB_PSFX, _release)
#define CWORK FB_CAT3(fb_cplan_, FB_PSFX, _work)
#define EXEC_S FB_CAT2(fb_cexec_, FB_PSFX)
#define EXEC_V FB_CAT2(fb_cexec_v, FB_PSFX)
#define EXEC_FROM FB_CAT2(fb_cexec_from_, FB_PSFX)
#define EXEC_FROM_MT FB_CAT2(fb_cexec_from_mt_, FB_PSFX)
#define EXEC_REAL FB_CAT2(fb_cexec_real_, FB_PSFX)
#define EXEC_R2C FB_CAT2(fb_cexec_r2c_, FB_PSFX)
#define POST_S FB_CAT2(r2c_post_s, FB_PSFX)
#define POST_V FB_CAT2(r2c_post_v, FB_PSFX)
#define PRE_S FB_CAT2(c2r_pre_s, FB_PSFX)
#define PRE_V FB_CAT2(c2r_pre_v, FB_PSFX)
#define LOAD FB_CAT3(fb_cv, FB_PSFX, _load)
#define LOAD_REV FB_CAT3(fb_cv, FB_PSFX, _load_rev)
#define STORE FB_CAT3(fb_cv, FB_PSFX, _store)
#define STORE_REV FB_CAT3(fb_cv, FB_PSFX, _store_rev)

/* A real plan: the complex plan it runs on (shared, from the complex cache) and, for even n,
 * the untangling twiddles w_n^k, k <= n/4. Read-only once made. */
typedef struct RPLAN {
    fb_idx n;
    const CPLAN *cp;     /* length n/2 (even n) or n (odd n) */
    FB_TWT *tw;
    fb_idx bytes;        /* memory held, the complex plan's included (fb_cache.h) */
    int refs;            /* cache bookkeeping (fb_cache.h) */
} RPLAN;

static void RNAME(rplan_destroy)(RPLAN *p)
{
    if (!p) return;
    CRELEASE(p->cp);
    fb_free(p->tw);
    free(p);
}

static int RNAME(rplan_make)(fb_idx n, RPLAN **out)
{
    *out = NULL;
    if (n < 1) return FB_EINVAL;
    RPLAN *p = (RPLAN *)calloc(1, sizeof(RPLAN));
    if (!p) return FB_ENOMEM;
    p->n = n;
    p->cp = CGET(n % 2 ? n : n / 2);
    if (!p->cp) { free(p); return FB_ENOMEM; }
    p->bytes = (fb_idx)sizeof(RPLAN) + p->cp->bytes;
    if (n % 2 == 0) {
        const fb_idx q = n / 4 + 1;
        p->tw = (FB_TWT *)fb_malloc(sizeof(FB_TWT) * (size_t)q);
        p->bytes += (fb_idx)sizeof(FB_TWT) * q;
        fb_roots roots;
        int err = p->tw ? fb_roots_init(&roots, n) : FB_ENOMEM;
        if (err != FB_OK) { RNAME(rplan_destroy)(p); return err; }
        long double c, s;
        for (fb_idx k = 0; k < q; ++k) {
            fb_roots_get(&roots, k, &c, &s);
            p->tw[k].r = (FB_TW)c;
            p->tw[k].i = (FB_TW)s;
        }
        fb_roots_free(&roots);
    }
    *out = p;
    return FB_OK;
}

FB_DEFINE_CACHE(FB_PSFX, RPLAN, RNAME(rplan_get), RNAME(rplan_release), RNAME(rplan_make),
                RNAME(rplan_destroy))

/* lane values each line (or group of FB_VLEN lines) needs: spectrum (n + 1), z, other, work */
static fb_idx RNAME(per_line)(const RPLAN *p)
{
    return 3 * (p->n + 1) + CWORK(p->cp) + FB_ALIGN_SLACK;
}

/* ---- one line at a time ---- */

#include "fb_rfft_line.h"   /* r2c_post_line, c2r_pre_line */

/* ---- the untangling pass in place ----
 *
 * A contiguous line whose complex plan reads its source directly (lane split or blocked) gets
 * the half-length spectrum Z straight into the output and is untangled there: each pair
 * (k, h-k) is read and then overwritten. That saves the scratch spectrum's write and re-read,
 * and keeps the line's working set in the L2 cache longer (measured in C, min of 1000: r2c
 * 65536 195 -> 150 us, 2^20 5.6 -> 5.3 ms). V pairs per vector as in r2c_post_line; threads run
 * the same code, so results are bitwise those of one thread. Blocked plans whose row blocks pair
 * up untangle inside their second step instead (fb_cfft_blocked_r2c.h). (A first version of
 * that, with each block's mirror rows one value off their cache lines, ran slower.) */

/* The pair (k, h-k) in place, k <= h - k; sg = -1 conjugates (fwd == 0). */
static inline void RNAME(post_pair)(FB_CT *X, fb_idx h, const FB_TWT *tw, FB_TW sg, fb_idx k)
{
    FB_CT Xk, Xm;
    RNAME(untangle_s)(X[k], X[h - k], tw[k], sg, &Xk, &Xm);
    X[h - k] = Xm;
    X[k] = Xk;   /* last: for k = h/2 this is the value */
}

/* X_0 .. X_h over Z_0 .. Z_h-1 (X has room for h + 1 values). */
static void RNAME(r2c_post_inplace)(FB_CT *X, fb_idx h, const FB_TWT *tw, int fwd)
{
    const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;
    const FB_TW z0r = X[0].r, z0i = X[0].i;
    X[0].r = z0r + z0i; X[0].i = 0;
    X[h].r = z0r - z0i; X[h].i = 0;
    fb_idx k = 1;
    for (; 2 * (k + FB_VLEN - 1) < h; k += FB_VLEN) {
        FB_CVT Xk, Xm;
        RNAME(untangle_run)(X, X, h, tw, sg, k, &Xk, &Xm);
    }
    for (; 2 * k <= h; ++k) RNAME(post_pair)(X, h, tw, sg, k);
}

/* Whether a line's result of `values` complex values is streamed past the caches (fb_lanes.h):
 * only a final one (the caller's, not read back soon) from the size of the L2 cache on, a
 * quarter of fb_stream_min. */
static inline int RNAME(stream_result)(int final, fb_idx values)
{
    return final && (double)values * sizeof(FB_CT) >= (double)fb_stream_min() / 4;
}

/* nthreads > 1: a blocked complex transform runs on that many threads (same result; on a
 * failure to get a thread's scratch it runs again on one). final: dst is the caller's result,
 * not read back soon, so large ones may be streamed past the caches (c2r_line_mt too). */
static void RNAME(r2c_line_mt)(const RPLAN *p, int fwd, int full, FB_TW fct, const char *src,
                               fb_idx ss, char *dst, fb_idx ds, FB_CT *buf, int nthreads,
                               int final)
{
    const fb_idx n = p->n;
    FB_CT *z = buf, *other = buf + n + 1, *work = (FB_CT *)fb_align64(buf + 2 * (n + 1));
    if (n % 2 == 0 && (p->cp->half || p->cp->col) && !full && ss == (fb_idx)sizeof(FB_REAL) &&
        ds == (fb_idx)sizeof(FB_CT)) {
        FB_CT *X = (FB_CT *)dst;
        /* a blocked plan untangles as it goes (fb_cfft_blocked_r2c.h), in buf's first 2n + 2
         * values, unused on this path. X is final there, so from the size of the L2 cache on
         * (a quarter of fb_stream_min) it streams past the caches: in C, min of 150 calls, rfft
         * 2^18 0.99 -> 0.92 ms, 2^19 2.14 -> 1.92 ms, 2^20 4.76 -> 4.32 ms (with the fusion;
         * without streaming the fused step was 3-5% slower than the separate pass). */
        const int stream = RNAME(stream_result)(final, n / 2 + 1);
        const int r = EXEC_R2C(p->cp, src, fct, p->tw, fwd, X, work, buf, 2 * (n + 1), nthreads,
                               stream);   /* (FB_EINVAL, nothing done, for other plans) */
        if (r == FB_OK) return;
        if (r == FB_ENOMEM)   /* a thread's scratch: the caller's share alone never fails */
            if (EXEC_R2C(p->cp, src, fct, p->tw, fwd, X, work, buf, 2 * (n + 1), 1,
                         stream) == FB_OK)
                return;
        /* (no streaming here: the pass below reads X right back) */
        if (nthreads <= 1 || EXEC_FROM_MT(p->cp, 1, src, (fb_idx)sizeof(FB_CT), fct, X, work,
                                          nthreads, 0) != FB_OK)
            EXEC_FROM(p->cp, 1, src, (fb_idx)sizeof(FB_CT), fct, X, work, 0);
        RNAME(r2c_post_inplace)(X, n / 2, p->tw, fwd);
        return;
    }
    if (n % 2 == 0) {
        const fb_idx h = n / 2;
        const FB_CT *Z;
        if ((p->cp->half || p->cp->col) && ss == (fb_idx)sizeof(FB_REAL)) {
            if (nthreads <= 1 || EXEC_FROM_MT(p->cp, 1, src, (fb_idx)sizeof(FB_CT), fct, z, work,
                                              nthreads, 0) != FB_OK)
                EXEC_FROM(p->cp, 1, src, (fb_idx)sizeof(FB_CT), fct, z, work, 0);
            Z = z;
        } else {
            for (fb_idx k = 0; k < h; ++k) {
                z[k].r = *(const FB_REAL *)(src + 2 * k * ss) * fct;
                z[k].i = *(const FB_REAL *)(src + (2 * k + 1) * ss) * fct;
            }
            Z = EXEC_S(p->cp, 1, z, other, work);
        }
        RNAME(r2c_post_line)(Z, h, p->tw, fwd, full, dst, ds);
        return;
    }
    const FB_CT *Y;
    if (p->cp->col) {   /* blocked: two real columns per lane in its column step */
        Y = EXEC_REAL(p->cp, src, ss, fct, z, work);
    } else {
        for (fb_idx k = 0; k < n; ++k) {
            z[k].r = *(const FB_REAL *)(src + k * ss) * fct;
            z[k].i = 0;
        }
        Y = EXEC_S(p->cp, 1, z, other, work);
    }
    const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;
    for (fb_idx k = 0; k <= n / 2; ++k) {
        FB_CT *y = (FB_CT *)(dst + k * ds);
        y->r = Y[k].r;
        y->i = k ? sg * Y[k].i : 0;
        if (full && k) {   /* exact conjugate symmetry, as SciPy's */
            FB_CT *m = (FB_CT *)(dst + (n - k) * ds);
            m->r = y->r;
            m->i = -y->i;
        }
    }
}

static void RNAME(r2c_line)(const RPLAN *p, int fwd, int full, FB_TW fct, const char *src,
                            fb_idx ss, char *dst, fb_idx ds, FB_CT *buf, int final)
{
    RNAME(r2c_line_mt)(p, fwd, full, fct, src, ss, dst, ds, buf, 1, final);
}

/* ---- the inverse's Z computed inside a blocked transform ----
 *
 * With a blocked complex plan, the first step of the inverse transform reads Z in runs of up to
 * R values (k0 .. k0 + R - 1, a row of the n1 x n2 matrix): c2r_load computes each run from X
 * there (the pair formulas of c2r_pre_line, on V values per vector: the lower halves of pairs
 * directly, the upper halves from their partners), so Z is never written out and read back. */

typedef struct {
    const FB_CT *X;      /* X_0 .. X_h, contiguous */
    fb_idx h;
    const FB_TWT *tw;
    FB_TW si, fct;       /* sign of the imaginary parts read (-1: hfft); the scale */
    fb_idx n2;           /* the blocked plan's row length: runs start at k0 = n2 j1 + j2 */
    const FB_TWT *th;    /* tw[n2 j1], j1 <= n1/2 */
} RNAME(c2r_src);

/* Z_k, one value (any k < h) */
static inline FB_CT RNAME(c2r_z)(const RNAME(c2r_src) *c, fb_idx k)
{
    const fb_idx h = c->h;
    const FB_TW si = c->si, fct = c->fct;
    FB_CT z;
    if (k == 0) {
        const FB_TW a = c->X[0].r, b = c->X[h].r;
        z.r = fct * (a + b);
        z.i = fct * (a - b);
        return z;
    }
    const int upper = k > h - k;   /* the upper half of the pair (h - k, k) */
    const fb_idx kl = upper ? h - k : k;
    FB_CT zk, zm;
    RNAME(tangle_s)(c->X[kl], c->X[h - kl], c->tw[kl], si, fct, &zk, &zm);
    return upper ? zm : zk;
}

static void RNAME(c2r_load)(const void *ctx, fb_idx k0, int lanes, FB_CVT *b, fb_idx gs)
{
    const RNAME(c2r_src) *c = (const RNAME(c2r_src) *)ctx;
    const fb_idx h = c->h;
    const FB_TW si = c->si, fct = c->fct;
    const int groups = (lanes + FB_VLEN - 1) / FB_VLEN;
    /* with th, the twiddles w^(n2 j1 + j2) = th[j1] tw[j2] (upper halves: w^(n2 (n1-j1) - j2) =
     * th[n1-j1] conj(tw[j2])): two reads within a few KiB, where tw[k] itself is a cache miss
     * for every run, n2 values apart (in C, min of 150: irfft 2^20 4.60 -> 4.22 ms) */
    const fb_idx j1 = k0 / c->n2, j2 = k0 - j1 * c->n2, n1 = h / c->n2;
    for (int g = 0; g < groups; ++g) {
        FB_CVT *out = b + g * gs;
        const fb_idx k = k0 + (fb_idx)g * FB_VLEN;
        const int whole = (g + 1) * FB_VLEN <= lanes;
        const int lower = whole && k >= 1 && 2 * (k + FB_VLEN - 1) < h;   /* k+l < h-k-l */
        const int upper = whole && 2 * k > h;                              /* k+l > h-k-l */
        if (lower || upper) {
            /* lower: A = X_k+l, B = X_h-k-l, twiddles at k+l; upper: the partners' view,
             * A = X_h-k-l, B = X_k+l, twiddles at h-k-l (lane l) */
            const fb_idx m = h - k - (FB_VLEN - 1);
            FB_CVT A, Bc, W, L, Zk, Zm;
            if (lower) {
                LOAD(&A, c->X + k);
                LOAD_REV(&Bc, c->X + m);
            } else {
                LOAD_REV(&A, c->X + m);
                LOAD(&Bc, c->X + k);
            }
            if (c->th) {
                LOAD(&L, (const FB_CT *)(c->tw + j2 + (fb_idx)g * FB_VLEN));
                const FB_TWT a = c->th[lower ? j1 : n1 - j1];
                const FB_TW s = lower ? (FB_TW)1 : (FB_TW)-1;   /* upper: conj(tw[j2]) */
                W.r = a.r * L.r - s * a.i * L.i;
                W.i = s * a.r * L.i + a.i * L.r;
            } else if (lower) {
                LOAD(&W, (const FB_CT *)(c->tw + k));
            } else {
                LOAD_REV(&W, (const FB_CT *)(c->tw + m));
            }
            RNAME(tangle_v)(&A, &Bc, &W, si, fct, &Zk, &Zm);
            *out = lower ? Zk : Zm;
            continue;
        }
        for (int l = 0; l < FB_VLEN; ++l) {   /* k = 0, the middle, a partial group */
            const int at = g * FB_VLEN + l;
            const FB_CT z = at < lanes ? RNAME(c2r_z)(c, k0 + at) : (FB_CT){0, 0};
            out->r[l] = z.r;
            out->i[l] = z.i;
        }
    }
}

static void RNAME(c2r_line_mt)(const RPLAN *p, int fwd, FB_TW fct, const char *src, fb_idx ss,
                               char *dst, fb_idx ds, FB_CT *buf, int nthreads, int final)
{
    const fb_idx n = p->n;
    FB_CT *z = buf, *other = buf + n + 1, *work = (FB_CT *)fb_align64(buf + 2 * (n + 1));
    if (n % 2 == 0) {
        const fb_idx h = n / 2;
        if (p->cp->col && ds == (fb_idx)sizeof(FB_REAL) && ss == (fb_idx)sizeof(FB_CT)) {
            /* th for even n1 (then n2 j1 <= h/2 for every j1 <= n1/2 the runs need) */
            const fb_idx n1 = p->cp->col->n, n2 = p->cp->row->n;
            FB_TWT *th = n1 % 2 ? NULL : z;   /* (buf's first values are free on this path) */
            for (fb_idx j1 = 0; th && 2 * j1 <= n1; ++j1) th[j1] = p->tw[n2 * j1];
            const RNAME(c2r_src) c = {(const FB_CT *)src, h, p->tw,
                                      fwd ? (FB_TW)-1 : (FB_TW)1, fct, n2, th};
            const FB_CAT2(fb_loader_, FB_PSFX) ld = {RNAME(c2r_load), &c};
            /* the result streams past the caches as the real FFT's does (r2c_line_mt): in C,
             * min of 150 calls, irfft 2^20 3.99 -> 3.73 ms, 2^19 2.01 -> 1.92 ms */
            const int stream = RNAME(stream_result)(final, h);
            if (FB_CAT2(fb_cexec_loaded_, FB_PSFX)(p->cp, 0, &ld, (FB_CT *)dst, work, nthreads,
                                                   stream) == FB_OK ||
                FB_CAT2(fb_cexec_loaded_, FB_PSFX)(p->cp, 0, &ld, (FB_CT *)dst, work, 1,
                                                   stream) == FB_OK)
                return;   /* (one thread cannot fail) */
        }
        if ((p->cp->half || p->cp->col) && ds == (fb_idx)sizeof(FB_REAL)) {
            /* the output line, read as h complex values, receives the transform directly; on
             * one thread it takes Z too, transformed in place (no scratch spectrum, as
             * r2c_post_inplace). Threads keep Z apart: after a thread's failure the transform
             * runs again from it. */
            FB_CT *Zo = nthreads <= 1 ? (FB_CT *)dst : z;
            RNAME(c2r_pre_line)(src, ss, h, p->tw, fwd, fct, Zo);
            /* (no streaming: measured slower, 5.2 -> 6.2 ms at 2^20, as the result's lines
             * are the next call's Z when results of one size follow each other) */
            if (nthreads <= 1 || EXEC_FROM_MT(p->cp, 0, (const char *)Zo, (fb_idx)sizeof(FB_CT),
                                              1, (FB_CT *)dst, work, nthreads, 0) != FB_OK)
                EXEC_FROM(p->cp, 0, (const char *)Zo, (fb_idx)sizeof(FB_CT), 1, (FB_CT *)dst,
                          work, 0);
            return;
        }
        RNAME(c2r_pre_line)(src, ss, h, p->tw, fwd, fct, z);
        const FB_CT *x = EXEC_S(p->cp, 0, z, other, work);
        for (fb_idx k = 0; k < h; ++k) {
            *(FB_REAL *)(dst + 2 * k * ds) = x[k].r;
            *(FB_REAL *)(dst + (2 * k + 1) * ds) = x[k].i;
        }
        return;
    }
    /* odd n: the Hermitian extension of X, conjugated for hfft */
    const FB_TW si = fwd ? (FB_TW)-1 : (FB_TW)1;
    z[0].r = ((const FB_CT *)src)->r * fct;
    z[0].i = 0;
    for (fb_idx k = 1; 2 * k < n; ++k) {
        const FB_CT *x = (const FB_CT *)(src + k * ss);
        z[k].r = z[n - k].r = x->r * fct;
        z[k].i = si * fct * x->i;
        z[n - k].i = -z[k].i;
    }
    const FB_CT *y = EXEC_S(p->cp, 0, z, other, work);
    for (fb_idx k = 0; k < n; ++k) *(FB_REAL *)(dst + k * ds) = y[k].r;
}

static void RNAME(c2r_line)(const RPLAN *p, int fwd, FB_TW fct, const char *src, fb_idx ss,
                            char *dst, fb_idx ds, FB_CT *buf, int final)
{
    RNAME(c2r_line_mt)(p, fwd, fct, src, ss, dst, ds, buf, 1, final);
}

/* ---- FB_VLEN lines at once, one per vector lane ---- */

static void RNAME(r2c_lines)(const line_job *jb, const RPLAN *p, fb_idx line, FB_CVT *buf)
{
    const fb_idx n = p->n, ss = jb->sstr, ds = jb->dstr;
    const FB_TW fct = (FB_TW)jb->fct;
    const char *src[FB_VLEN];
    char *dst[FB_VLEN];
    group_offsets(jb, line, FB_VLEN, src, dst);
    FB_CVT *X = buf, *z = buf + n + 1, *other = z + n + 1;
    FB_CVT *work = (FB_CVT *)fb_align64(other + n + 1);
    fb_idx m;
    if (n % 2 == 0) {
        const fb_idx h = n / 2;
        for (fb_idx k = 0; k < h; ++k)
            for (int l = 0; l < FB_VLEN; ++l) {
                z[k].r[l] = *(const FB_REAL *)(src[l] + 2 * k * ss) * fct;
                z[k].i[l] = *(const FB_REAL *)(src[l] + (2 * k + 1) * ss) * fct;
            }
        const FB_CVT *Z = EXEC_V(p->cp, 1, z, other, work);
        POST_V(Z, h, p->tw, jb->fwd, jb->full, (char *)X, (fb_idx)sizeof(FB_CVT), 1);
        m = jb->full ? n : h + 1;
    } else {
        const FB_REAL zero = 0;
        for (fb_idx k = 0; k < n; ++k)
            for (int l = 0; l < FB_VLEN; ++l) {
                z[k].r[l] = *(const FB_REAL *)(src[l] + k * ss) * fct;
                z[k].i[l] = zero;
            }
        const FB_CVT *Y = EXEC_V(p->cp, 1, z, other, work);
        const FB_TW sg = jb->fwd ? (FB_TW)1 : (FB_TW)-1;
        m = jb->full ? n : n / 2 + 1;
        X[0].r = Y[0].r;
        X[0].i = Y[0].r - Y[0].r;   /* zeros: the DC term of real input is real */
        for (fb_idx k = 1; k <= n / 2; ++k) {
            X[k].r = Y[k].r;
            X[k].i = sg * Y[k].i;
            if (jb->full) {   /* exact conjugate symmetry, as SciPy's */
                X[n - k].r = X[k].r;
                X[n - k].i = -X[k].i;
            }
        }
    }
    for (fb_idx k = 0; k < m; ++k)
        for (int l = 0; l < FB_VLEN; ++l) {
            FB_CT *y = (FB_CT *)(dst[l] + k * ds);
            y->r = X[k].r[l];
            y->i = X[k].i[l];
        }
}

static void RNAME(c2r_lines)(const line_job *jb, const RPLAN *p, fb_idx line, FB_CVT *buf)
{
    const fb_idx n = p->n, ss = jb->sstr, ds = jb->dstr, m = n / 2 + 1;
    const FB_TW fct = (FB_TW)jb->fct;
    const char *src[FB_VLEN];
    char *dst[FB_VLEN];
    group_offsets(jb, line, FB_VLEN, src, dst);
    FB_CVT *X = buf, *z = buf + n + 1, *other = z + n + 1;
    FB_CVT *work = (FB_CVT *)fb_align64(other + n + 1);
    for (fb_idx k = 0; k < m; ++k)
        for (int l = 0; l < FB_VLEN; ++l) {
            const FB_CT *x = (const FB_CT *)(src[l] + k * ss);
            X[k].r[l] = x->r;
            X[k].i[l] = x->i;
        }
    const FB_CVT *x;
    if (n % 2 == 0) {
        const fb_idx h = n / 2;
        PRE_V((const char *)X, (fb_idx)sizeof(FB_CVT), h, p->tw, jb->fwd, fct, z, 1);
        x = EXEC_V(p->cp, 0, z, other, work);
        for (fb_idx k = 0; k < h; ++k)
            for (int l = 0; l < FB_VLEN; ++l) {
                *(FB_REAL *)(dst[l] + 2 * k * ds) = x[k].r[l];
                *(FB_REAL *)(dst[l] + (2 * k + 1) * ds) = x[k].i[l];
            }
        return;
    }
    const FB_TW si = jb->fwd ? (FB_TW)-1 : (FB_TW)1;
    z[0].r = X[0].r * fct;
    z[0].i = X[0].r - X[0].r;   /* zeros */
    for (fb_idx k = 1; 2 * k < n; ++k) {
        z[k].r = z[n - k].r = X[k].r * fct;
        z[k].i = (si * fct) * X[k].i;
        z[n - k].i = -z[k].i;
    }
    x = EXEC_V(p->cp, 0, z, other, work);
    for (fb_idx k = 0; k < n; ++k)
        for (int l = 0; l < FB_VLEN; ++l) *(FB_REAL *)(dst[l] + k * ds) = x[k].r[l];
}

/* ---- odd n: 2 FB_VLEN lines at once, two real lines per complex lane ----
 * Lines a and b travel as z = x_a + i x_b through one complex FFT; their spectra separate as
 *   X_a[k] = (Y_k + conj(Y_n-k)) / 2,   X_b[k] = -i (Y_k - conj(Y_n-k)) / 2,
 * and backwards z_k = A_k + i B_k over the Hermitian extensions A, B. Half the transforms. */

static void RNAME(r2c_pairs)(const line_job *jb, const RPLAN *p, fb_idx line, FB_CVT *buf)
{
    const fb_idx n = p->n, ss = jb->sstr, ds = jb->dstr;
    const FB_TW fct = (FB_TW)jb->fct, half = (FB_TW)0.5, sg = jb->fwd ? (FB_TW)1 : (FB_TW)-1;
    const char *src[2 * FB_VLEN];
    char *dst[2 * FB_VLEN];
    group_offsets(jb, line, 2 * FB_VLEN, src, dst);
    FB_CVT *z = buf + n + 1, *other = z + n + 1;
    FB_CVT *work = (FB_CVT *)fb_align64(other + n + 1);
    for (fb_idx k = 0; k < n; ++k)
        for (int l = 0; l < FB_VLEN; ++l) {
            z[k].r[l] = *(const FB_REAL *)(src[l] + k * ss) * fct;
            z[k].i[l] = *(const FB_REAL *)(src[FB_VLEN + l] + k * ss) * fct;
        }
    const FB_CVT *Y = EXEC_V(p->cp, 1, z, other, work);
    const fb_idx m = jb->full ? n : n / 2 + 1;
    for (fb_idx k = 0; k <= n / 2; ++k) {
        const FB_CVT A = Y[k], B = Y[k ? n - k : 0];
        FB_CVT xa, xb;   /* X_a = (A + conj B) / 2, X_b = -i (A - conj B) / 2, then sign */
        xa.r = half * (A.r + B.r);
        xa.i = sg * half * (A.i - B.i);
        xb.r = half * (A.i + B.i);
        xb.i = -sg * half * (A.r - B.r);
        if (k == 0) { xa.i = xa.i - xa.i; xb.i = xb.i - xb.i; }   /* exactly real */
        for (int l = 0; l < FB_VLEN; ++l) {
            FB_CT *ya = (FB_CT *)(dst[l] + k * ds), *yb = (FB_CT *)(dst[FB_VLEN + l] + k * ds);
            ya->r = xa.r[l]; ya->i = xa.i[l];
            yb->r = xb.r[l]; yb->i = xb.i[l];
            if (k && m == n) {   /* full: exact conjugate symmetry */
                FB_CT *ma = (FB_CT *)(dst[l] + (n - k) * ds);
                FB_CT *mb = (FB_CT *)(dst[FB_VLEN + l] + (n - k) * ds);
                ma->r = xa.r[l]; ma->i = -xa.i[l];
                mb->r = xb.r[l]; mb->i = -xb.i[l];
            }
        }
    }
}

static void RNAME(c2r_pairs)(const line_job *jb, const RPLAN *p, fb_idx line, FB_CVT *buf)
{
    const fb_idx n = p->n, ss = jb->sstr, ds = jb->dstr;
    const FB_TW fct = (FB_TW)jb->fct, si = jb->fwd ? (FB_TW)-1 : (FB_TW)1;
    const char *src[2 * FB_VLEN];
    char *dst[2 * FB_VLEN];
    group_offsets(jb, line, 2 * FB_VLEN, src, dst);
    FB_CVT *z = buf + n + 1, *other = z + n + 1;
    FB_CVT *work = (FB_CVT *)fb_align64(other + n + 1);
    for (fb_idx k = 0; 2 * k < n; ++k) {
        FB_CVT A, B;   /* X_k of the lines a and b (conjugated for hfft) */
        for (int l = 0; l < FB_VLEN; ++l) {
            const FB_CT *xa = (const FB_CT *)(src[l] + k * ss);
            const FB_CT *xb = (const FB_CT *)(src[FB_VLEN + l] + k * ss);
            A.r[l] = xa->r; A.i[l] = k ? xa->i : 0;
            B.r[l] = xb->r; B.i[l] = k ? xb->i : 0;
        }
        A.i *= si;
        B.i *= si;
        /* z_k = A + i B,  z_n-k = conj(A) + i conj(B) */
        z[k].r = fct * (A.r - B.i);
        z[k].i = fct * (A.i + B.r);
        if (k) {
            z[n - k].r = fct * (A.r + B.i);
            z[n - k].i = fct * (B.r - A.i);
        }
    }
    const FB_CVT *x = EXEC_V(p->cp, 0, z, other, work);
    for (fb_idx k = 0; k < n; ++k)
        for (int l = 0; l < FB_VLEN; ++l) {
            *(FB_REAL *)(dst[l] + k * ds) = x[k].r[l];
            *(FB_REAL *)(dst[FB_VLEN + l] + k * ds) = x[k].i[l];
        }
}

/* ---- the line loop, per thread ---- */

static void RNAME(run_real)(line_job *jb, int r2c)
{
    const RPLAN *p = (const RPLAN *)jb->plan;
    const fb_idx per = RNAME(per_line)(p);
    /* contiguous single lines whose complex plan has a split or blocked algorithm run best one
     * at a time, reading or writing the array directly */
    const int contiguous = (r2c ? jb->sstr : jb->dstr) == (fb_idx)sizeof(FB_REAL);
    const int one_by_one = (contiguous && (p->cp->half || FB_LARGE_BLOCKED(p->cp))) ||
                           few_lines(jb, FB_VLEN);
    const size_t bytes = one_by_one ? sizeof(FB_CT) * (size_t)per : sizeof(FB_CVT) * (size_t)per;
    FB_CVT *buf = (FB_CVT *)fb_scratch_take(bytes);
    if (!buf) { jb->err = FB_ENOMEM; return; }
    const FB_TW fct = (FB_TW)jb->fct;
    const int paired = p->n % 2 == 1 && p->n > 1;
    for (fb_idx line = jb->lo; line < jb->hi;) {
        if (paired && jb->hi - line >= 2 * FB_VLEN) {
            if (r2c) RNAME(r2c_pairs)(jb, p, line, buf);
            else RNAME(c2r_pairs)(jb, p, line, buf);
            line += 2 * FB_VLEN;
        } else if (!one_by_one && jb->hi - line >= FB_VLEN) {
            if (r2c) RNAME(r2c_lines)(jb, p, line, buf);
            else RNAME(c2r_lines)(jb, p, line, buf);
            line += FB_VLEN;
        } else {
            fb_idx so, dof;
            line_offsets(jb, line, &so, &dof);
            if (r2c)
                RNAME(r2c_line)(p, jb->fwd, jb->full, fct, jb->src + so, jb->sstr,
                                jb->dst + dof, jb->dstr, (FB_CT *)buf, 1);
            else
                RNAME(c2r_line)(p, jb->fwd, fct, jb->src + so, jb->sstr, jb->dst + dof,
                                jb->dstr, (FB_CT *)buf, 1);
            line += 1;
        }
    }
    fb_scratch_give(buf, bytes);
}

static void *RNAME(r2c_main)(void *arg) { RNAME(run_real)((line_job *)arg, 1); return NULL; }
static void *RNAME(c2r_main)(void *arg) { RNAME(run_real)((line_job *)arg, 0); return NULL; }

static int RNAME(run_axis)(const void *in, void *out, int ndim, const fb_idx *shape,
                           const fb_idx *istride, const fb_idx *ostride, int axis, int fwd,
                           int full, double fct, int nthreads, int r2c)
{
    if (ndim < 1 || ndim > FB_MAXDIM || axis < 0 || axis >= ndim) return FB_EINVAL;
    for (int d = 0; d < ndim; ++d) if (shape[d] < 0) return FB_EINVAL;
    if (shape[axis] < 1) return FB_EINVAL;
    for (int d = 0; d < ndim; ++d) if (shape[d] == 0) return FB_OK;
    const RPLAN *p = RNAME(rplan_get)(shape[axis]);
    if (!p) return FB_ENOMEM;
    line_job base;
    make_line_job(&base, (const char *)in, (char *)out, ndim, shape, istride, ostride, axis);
    base.plan = p;
    base.fwd = fwd;
    base.full = full;
    base.fct = fct;
    if (nthreads > 1 && base.hi - base.lo == 1 && shape[axis] % 2 == 0 &&
        FB_LARGE_BLOCKED(p->cp)) {   /* one large line: its complex transform is split */
        const size_t bytes = sizeof(FB_CT) * (size_t)RNAME(per_line)(p);
        FB_CT *buf = (FB_CT *)fb_scratch_take(bytes);
        if (!buf) { RNAME(rplan_release)(p); return FB_ENOMEM; }
        if (r2c)
            RNAME(r2c_line_mt)(p, fwd, full, (FB_TW)fct, base.src, base.sstr, base.dst,
                               base.dstr, buf, nthreads, 1);
        else
            RNAME(c2r_line_mt)(p, fwd, (FB_TW)fct, base.src, base.sstr, base.dst, base.dstr,
                               buf, nthreads, 1);
        fb_scratch_give(buf, bytes);
        RNAME(rplan_release)(p);
        return FB_OK;
    }
    /* threads split in whole groups (paired for odd n) so every rounding is as in one thread */
    const int unit = shape[axis] % 2 == 1 && shape[axis] > 1 ? 2 * FB_VLEN : FB_VLEN;
    int err = run_split(&base, nthreads < 1 ? 1 : nthreads, unit,
                        r2c ? RNAME(r2c_main) : RNAME(c2r_main));
    RNAME(rplan_release)(p);
    return err;
}

int FB_CAT2(fb_r2c_, FB_PSFX)(const void *in, void *out, int ndim, const fb_idx *shape,
                              const fb_idx *istride, const fb_idx *ostride, int axis, int fwd,
                              int full, double fct, int nthreads)
{
    return RNAME(run_axis)(in, out, ndim, shape, istride, ostride, axis, fwd, full, fct,
                           nthreads, 1);
}

int FB_CAT2(fb_c2r_, FB_PSFX)(const void *in, void *out, int ndim, const fb_idx *shape,
                              const fb_idx *istride, const fb_idx *ostride, int axis, int fwd,
                              double fct, int nthreads)
{
    return RNAME(run_axis)(in, out, ndim, shape, istride, ostride, axis, fwd, 0, fct, nthreads,
                           0);
}

#include "fb_osconv_tmpl.h"

#undef RNAME
#undef RPLAN
#undef CPLAN
#undef CGET
#undef CRELEASE
#undef CWORK
#undef EXEC_S
#undef EXEC_V
#undef EXEC_FROM
#undef EXEC_FROM_MT
#undef EXEC_REAL
#undef EXEC_R2C
#undef POST_S
#undef POST_V
#undef PRE_S
#undef PRE_V
#undef LOAD
#undef LOAD_REV
#undef STORE
#undef STORE_REV
