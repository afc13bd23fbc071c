/* fb_cfft_blocked.h: large single transforms by the four-step decomposition.
 *
 * Past the L2 cache every radix pass streams the whole array through memory. Viewing x as an
 * n1 x n2 matrix (x[n2 j1 + j2]) and X as n2 x n1 (X[k1 + n1 k2]):
 *   1. the n2 columns: FFTs of length n1, several columns per vector (one per lane), each
 *      result multiplied by w_n^(j2 k1) on the way out to the buffer W (n1 x n2);
 *   2. the n1 rows of W: FFTs of length n2, several rows per vector, whose lanes, written out
 *      side by side, are exactly the transposed output X[k1 + n1 k2].
 * Two passes over memory instead of log_8(n); each small FFT works inside the cache. The same
 * scheme serves mid-size lengths the lane split cannot take (n not a multiple of the lane count,
 * e.g. odd n = n1 n2): there it is what puts a single row on vector lanes at all. W is kept
 * in blocks of R = FB_BLK_GROUPS * V rows with element j2 of those rows side by side
 * (W[k1, j2] at (k1 / R) R n2 + j2 R + k1 % R), so step 1 writes and step 2 reads whole
 * contiguous runs instead of walking rows a page apart.
 * The twiddles w_n^e come from two tables of about sqrt(n) entries (e = hi * 2^s + lo), computed
 * in long double: one complex product per element, no table as large as the data.
 *
 * A template included by fb_cfft.c once per precision after fb_cfft_split.h, with FB_PSFX,
 * FB_TW, FB_TWT, FB_PLAN, FB_CT, FB_CVT, FB_VR (its vector type), FB_VLEN.
 */

#define BKNAME(x) FB_CAT3(x, _, FB_PSFX)
#define LOADER FB_CAT2(fb_loader_, FB_PSFX)
#define CORE_V FB_CAT2(core_exec_v, FB_PSFX)
#define LOAD FB_CAT3(fb_cv, FB_PSFX, _load)
#define STORE FB_CAT3(fb_cv, FB_PSFX, _store)
#define STORE_NT FB_CAT3(fb_cv, FB_PSFX, _store_nt)
#define STORE_ROWS FB_CAT3(fb_cv, FB_PSFX, _store_rows)

/* The strided sides of the two steps (step 1 reads, step 2 writes a run of `lanes` values in
 * each of n rows n2 or n1 values apart) defeat the hardware prefetcher: the run FB_BLK_PREFETCH
 * rows ahead is asked for explicitly (for writing in step 2, so the line arrives owned).
 * Measured at 2^20 (ratio to SciPy, same process): fft 0.56 -> 0.53, rfft 0.60 -> 0.54,
 * dct 0.76 -> 0.71, rfft2 2048^2 0.82 -> 0.80. */
#ifndef FB_BLK_PREFETCH
#define FB_BLK_PREFETCH 8
#endif
static inline void BKNAME(prefetch_run)(const void *at, fb_idx bytes, int write)
{
    const char *c = (const char *)at;
    for (fb_idx b = 0; b < bytes; b += 64) {
        if (write) __builtin_prefetch(c + b, 1, 3);
        else __builtin_prefetch(c + b, 0, 3);
    }
}

/* Mid-size blocked plans (odd n and the like, below FB_LARGE_MIN) work inside the L2 cache,
 * where the prefetches only cost: fft 7500 spent 5% of its time issuing them. */
static inline int BKNAME(prefetch_pays)(const FB_PLAN *p) { return p->n >= FB_LARGE_MIN; }

/* Step 2: the rows k1 of W from k1lo to k1hi (multiples of FB_BLK_GROUPS * FB_VLEN, or n1),
 * FFTs of length n2 on vector lanes, written transposed into data; with stream, by
 * non-temporal stores where they are whole, aligned vectors (the caller fences). With mul, each
 * result is multiplied by mul's value at its place in W's layout (fb_blk_wpos) on the way out:
 * Bluestein's kernel spectrum, read in step 2's order instead of in a pass of its own. With
 * post, results k < limit only, times post[k], imaginary parts times sgi (Bluestein's last
 * product, into the caller's row). */
static void BKNAME(blocked_step2)(const FB_PLAN *p, int fwd, const FB_CT *W, FB_CVT *vb,
                                  FB_CT *data, fb_idx k1lo, fb_idx k1hi, int stream,
                                  const FB_CT *mul, const FB_TWT *post, fb_idx limit, FB_TW sgi)
{
    const fb_idx n1 = p->col->n, n2 = p->row->n;
    const int nt = stream && ((uintptr_t)data & 63) == 0 && (n1 * sizeof(FB_CT)) % 64 == 0 &&
                   (FB_VLEN * sizeof(FB_CT)) % 64 == 0;
    const fb_idx per_group = FB_BLK_GROUP_SIZE(p);
    const fb_idx R = FB_BLK_GROUPS * FB_VLEN;
    const int pf = BKNAME(prefetch_pays)(p);
    for (fb_idx k1 = k1lo; k1 < k1hi;) {
        const int lanes = (int)(k1hi - k1 < R ? k1hi - k1 : R);
        const int groups = (lanes + FB_VLEN - 1) / FB_VLEN, whole = lanes % FB_VLEN == 0;
        const int full = lanes / FB_VLEN;   /* whole groups */
        const FB_CT *wblk = W + k1 * n2;   /* block of `lanes` rows, stored side by side */
        for (fb_idx j2 = 0; j2 < n2; ++j2) {
            /* whole groups by vector loads; a partial last group lane by lane, zero padded */
            for (int g = 0; g < full; ++g)
                LOAD(vb + g * per_group + j2, wblk + j2 * lanes + g * FB_VLEN);
            for (int l = full * FB_VLEN; l < groups * FB_VLEN; ++l) {
                FB_CVT *b = vb + (l / FB_VLEN) * per_group + j2;
                b->r[l % FB_VLEN] = l < lanes ? wblk[j2 * lanes + l].r : (FB_TW)0;
                b->i[l % FB_VLEN] = l < lanes ? wblk[j2 * lanes + l].i : (FB_TW)0;
            }
        }
        const FB_CVT *res[FB_BLK_GROUPS];
        for (int g = 0; g < groups; ++g) {
            FB_CVT *b = vb + g * per_group;
            res[g] = CORE_V(p->row, fwd, b, b + n2, b + 2 * n2);
        }
        if (mul)   /* (in place: res is the block's scratch) */
            for (fb_idx k2 = 0; k2 < n2; ++k2)
                for (int g = 0; g < groups; ++g) {
                    FB_CVT m, *r = (FB_CVT *)&res[g][k2];
                    const FB_CT *mv = mul + k1 * n2 + k2 * lanes + g * FB_VLEN;
                    if ((g + 1) * FB_VLEN <= lanes)
                        LOAD(&m, mv);
                    else
                        for (int l = 0; l < FB_VLEN; ++l) {
                            m.r[l] = g * FB_VLEN + l < lanes ? mv[l].r : (FB_TW)0;
                            m.i[l] = g * FB_VLEN + l < lanes ? mv[l].i : (FB_TW)0;
                        }
                    const FB_VR t = r->r * m.r - r->i * m.i;
                    r->i = r->r * m.i + r->i * m.r;
                    r->r = t;
                }
        if (post) {   /* (Bluestein's last product, fb_cfft_exec.h) */
            for (fb_idx k2 = 0; k2 < n2; ++k2) {
                const fb_idx kb = k1 + n1 * k2;
                FB_CT *out = data + kb;
                if (pf && k2 + FB_BLK_PREFETCH < n2) {
                    BKNAME(prefetch_run)(out + FB_BLK_PREFETCH * n1,
                                         lanes * (fb_idx)sizeof(FB_CT), 1);
                    BKNAME(prefetch_run)(post + kb + FB_BLK_PREFETCH * n1,
                                         lanes * (fb_idx)sizeof(FB_CT), 0);
                }
                for (int g = 0; g < groups; ++g) {
                    const fb_idx k = kb + (fb_idx)g * FB_VLEN;
                    const FB_CVT *r = &res[g][k2];
                    if ((g + 1) * FB_VLEN <= lanes && k + FB_VLEN <= limit) {
                        FB_CVT w, t;
                        LOAD(&w, (const FB_CT *)(post + k));
                        t.r = r->r * w.r - r->i * w.i;
                        t.i = sgi * (r->r * w.i + r->i * w.r);
                        STORE(&t, out + g * FB_VLEN);
                        continue;
                    }
                    for (int l = 0; l < FB_VLEN && g * FB_VLEN + l < lanes && k + l < limit; ++l) {
                        const FB_TWT w = post[k + l];
                        out[g * FB_VLEN + l].r = r->r[l] * w.r - r->i[l] * w.i;
                        out[g * FB_VLEN + l].i = sgi * (r->r[l] * w.i + r->i[l] * w.r);
                    }
                }
            }
        } else {
            for (fb_idx k2 = 0; k2 < n2; ++k2) {
                FB_CT *out = data + k1 + n1 * k2;
                if (nt && whole) {   /* (k1 is a multiple of FB_VLEN: aligned) */
                    for (int g = 0; g < groups; ++g) STORE_NT(&res[g][k2], out + g * FB_VLEN);
                    continue;
                }
                if (pf && k2 + FB_BLK_PREFETCH < n2)
                    BKNAME(prefetch_run)(out + FB_BLK_PREFETCH * n1,
                                         lanes * (fb_idx)sizeof(FB_CT), 1);
                for (int g = 0; g < full; ++g) STORE(&res[g][k2], out + g * FB_VLEN);
                for (int l = full * FB_VLEN; l < lanes; ++l) {
                    out[l].r = res[l / FB_VLEN][k2].r[l % FB_VLEN];
                    out[l].i = res[l / FB_VLEN][k2].i[l % FB_VLEN];
                }
            }
        }
        k1 += lanes;
    }
}

/* w_n^e for 0 <= e < n, from the plan's two tables: w^(e mod 2^s) * w^(e - e mod 2^s). */
static inline FB_TWT BKNAME(root)(const FB_PLAN *p, fb_idx e)
{
    const FB_TWT a = p->tlo[e & (((fb_idx)1 << p->tshift) - 1)], b = p->thi[e >> p->tshift];
    FB_TWT w;
    w.r = a.r * b.r - a.i * b.i;
    w.i = a.r * b.i + a.i * b.r;
    return w;
}

/* Column lanes g*V .. g*V+V-1 of one row k1 of step 1, multiplied by w_n^(j k1) = base
 * (br, bi) * w_n^(l k1) (lane table lt of that row), into t. */
static inline void BKNAME(twiddle)(const FB_CVT *y, FB_TW br, FB_TW bi, FB_TW sg,
                                   const FB_TW *lt, int g, FB_CVT *t)
{
    FB_VR fr, fi;
    memcpy(&fr, lt + 2 * g * FB_VLEN, sizeof fr);
    memcpy(&fi, lt + (2 * g + 1) * FB_VLEN, sizeof fi);
    const FB_VR wr = br * fr - bi * fi, wi = sg * (br * fi + bi * fr);
    t->r = y->r * wr - y->i * wi;
    t->i = y->r * wi + y->i * wr;
}

/* The lanes of group g below `lanes` (a partial group), value by value into W at out with a
 * stride of RK values per column. */
static inline void BKNAME(store_partial)(const FB_CVT *t, int g, int lanes, FB_CT *out,
                                         fb_idx RK)
{
    for (int v = 0; g * FB_VLEN + v < lanes; ++v) {
        out[(g * FB_VLEN + v) * RK].r = t->r[v];
        out[(g * FB_VLEN + v) * RK].i = t->i[v];
    }
}

/* twiddle, then the lanes below `lanes` stored into W at out with a stride of RK values per
 * column. */
static inline void BKNAME(twiddle_store)(const FB_CVT *y, FB_TW br, FB_TW bi, FB_TW sg,
                                         const FB_TW *lt, int g, int lanes, FB_CT *out,
                                         fb_idx RK)
{
    FB_CVT t;
    BKNAME(twiddle)(y, br, bi, sg, lt, g, &t);
    if ((g + 1) * FB_VLEN <= lanes)
        STORE_ROWS(&t, out + g * FB_VLEN * RK, RK);
    else
        BKNAME(store_partial)(&t, g, lanes, out, RK);
}

#if FB_VLEN == 8
/* Step 1's twiddled results of rows k1 .. k1+3 (t[0..3]) for the 8 lanes of one group, stored
 * as 8 runs of 4 values, lane l's at out + l RK: a transpose in registers (24 two-vector
 * shuffles per 32 values) in place of 32 single-value stores into 8 lines each, so every
 * store fills a whole 64-byte line of W (doubles) at once. */
#define TILE_ROWS 4
#define SHUF(a, b, ...) FB_SHUFFLE(FB_VMASK, a, b, __VA_ARGS__)
static inline void BKNAME(store_tile)(const FB_CVT *t, FB_CT *out, fb_idx RK)
{
    FB_VR P[TILE_ROWS][2];   /* row u: lanes 0-3 and 4-7, real and imaginary parts interleaved */
    for (int u = 0; u < TILE_ROWS; ++u) {
        P[u][0] = SHUF(t[u].r, t[u].i, 0, 8, 1, 9, 2, 10, 3, 11);
        P[u][1] = SHUF(t[u].r, t[u].i, 4, 12, 5, 13, 6, 14, 7, 15);
    }
    for (int q = 0; q < 2; ++q) {   /* lanes 4q .. 4q+3: a 4 x 4 transpose of complex values */
        const FB_VR a0 = SHUF(P[0][q], P[1][q], 0, 1, 8, 9, 2, 3, 10, 11);
        const FB_VR a1 = SHUF(P[0][q], P[1][q], 4, 5, 12, 13, 6, 7, 14, 15);
        const FB_VR b0 = SHUF(P[2][q], P[3][q], 0, 1, 8, 9, 2, 3, 10, 11);
        const FB_VR b1 = SHUF(P[2][q], P[3][q], 4, 5, 12, 13, 6, 7, 14, 15);
        const FB_VR o[4] = {SHUF(a0, b0, 0, 1, 2, 3, 8, 9, 10, 11),
                            SHUF(a0, b0, 4, 5, 6, 7, 12, 13, 14, 15),
                            SHUF(a1, b1, 0, 1, 2, 3, 8, 9, 10, 11),
                            SHUF(a1, b1, 4, 5, 6, 7, 12, 13, 14, 15)};
        for (int l = 0; l < 4; ++l) memcpy(out + (4 * q + l) * RK, &o[l], sizeof o[l]);
    }
}
#undef SHUF
#else
#define TILE_ROWS 0
#endif

/* Step 1 for the columns j2 from j2lo to j2hi (multiples of FB_BLK_GROUPS * FB_VLEN, or n2)
 * into W, with vb as the vector scratch. */
static void BKNAME(blocked_step1)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss,
                                  FB_TW fct, FB_CT *W, FB_CVT *vb, fb_idx j2lo, fb_idx j2hi,
                                  const LOADER *ld)
{
    const fb_idx n1 = p->col->n, n2 = p->row->n;
    const fb_idx per_group = FB_BLK_GROUP_SIZE(p);
    const FB_TW sg = fwd ? (FB_TW)1 : (FB_TW)-1;   /* backward: conjugate twiddles */
    const fb_idx R = FB_BLK_GROUPS * FB_VLEN;   /* rows per block of step 2 */
    const int pf = BKNAME(prefetch_pays)(p);

    /* columns j2 .. j2 + lanes - 1; the last block may hold fewer columns, and its last
     * vector group fewer than FB_VLEN (the spare lanes compute zeros and are not stored) */
    for (fb_idx j2 = j2lo; j2 < j2hi;) {
        const int lanes = (int)(j2hi - j2 < R ? j2hi - j2 : R);
        const int groups = (lanes + FB_VLEN - 1) / FB_VLEN, full = lanes / FB_VLEN;
        for (fb_idx j1 = 0; j1 < n1; ++j1) {
            if (ld) {   /* computed input (src unused) */
                ld->fn(ld->ctx, n2 * j1 + j2, lanes, vb + j1, per_group);
                continue;
            }
            const char *row = src + (n2 * j1 + j2) * ss;
            if (pf && ss == (fb_idx)sizeof(FB_CT) && j1 + FB_BLK_PREFETCH < n1)
                BKNAME(prefetch_run)(row + FB_BLK_PREFETCH * n2 * ss, lanes * ss, 0);
            const int vec = ss == (fb_idx)sizeof(FB_CT) ? full : 0;   /* groups loaded whole */
            for (int g = 0; g < vec; ++g) {
                FB_CVT *b = vb + g * per_group + j1;
                LOAD(b, (const FB_CT *)row + g * FB_VLEN);
                b->r *= fct;
                b->i *= fct;
            }
            for (int l = vec * FB_VLEN; l < groups * FB_VLEN; ++l) {   /* lane by lane */
                FB_CVT *b = vb + (l / FB_VLEN) * per_group + j1;
                const FB_CT *x = (const FB_CT *)(row + l * ss);
                b->r[l % FB_VLEN] = l < lanes ? x->r * fct : (FB_TW)0;
                b->i[l % FB_VLEN] = l < lanes ? x->i * fct : (FB_TW)0;
            }
        }
        const FB_CVT *res[FB_BLK_GROUPS];
        for (int g = 0; g < groups; ++g) {
            FB_CVT *b = vb + g * per_group;
            res[g] = CORE_V(p->col, fwd, b, b + n1, b + 2 * n1);
        }
        /* twiddle w_n^((j2 + l) k1) = w_n^(j2 k1) (from the two tables) * w_n^(l k1) (lane table) */
        fb_idx k1 = 0;
#if TILE_ROWS
        /* whole groups, TILE_ROWS rows at a time (blocks of R rows hold whole tiles) */
        if (R % TILE_ROWS == 0 && n1 % TILE_ROWS == 0)
            for (; k1 < n1; k1 += TILE_ROWS) {
                const fb_idx K = k1 / R, RK = (K + 1) * R <= n1 ? R : n1 - K * R;
                FB_CT *out = W + K * R * n2 + j2 * RK + (k1 - K * R);
                FB_CVT t[FB_BLK_GROUPS][TILE_ROWS];
                for (int u = 0; u < TILE_ROWS; ++u) {
                    const FB_TWT base = BKNAME(root)(p, j2 * (k1 + u));
                    const FB_TW *lt = (const FB_TW *)p->tlane +
                                      (k1 + u) * 2 * FB_BLK_GROUPS * FB_VLEN;
                    for (int g = 0; g < groups; ++g)
                        BKNAME(twiddle)(&res[g][k1 + u], base.r, base.i, sg, lt, g, &t[g][u]);
                }
                for (int g = 0; g < full; ++g)
                    BKNAME(store_tile)(t[g], out + g * FB_VLEN * RK, RK);
                for (int g = full; g < groups; ++g)
                    for (int u = 0; u < TILE_ROWS; ++u)
                        BKNAME(store_partial)(&t[g][u], g, lanes, out + u, RK);
            }
#endif
        for (; k1 < n1; ++k1) {
            const FB_TWT base = BKNAME(root)(p, j2 * k1);
            const FB_TW br = base.r, bi = base.i;
            const FB_TW *lt = (const FB_TW *)p->tlane + k1 * 2 * FB_BLK_GROUPS * FB_VLEN;
            /* W is stored in blocks of R rows, element j2 of those rows side by side (see top) */
            const fb_idx K = k1 / R, RK = (K + 1) * R <= n1 ? R : n1 - K * R;
            FB_CT *out = W + K * R * n2 + j2 * RK + (k1 - K * R);
            for (int g = 0; g < groups; ++g)
                BKNAME(twiddle_store)(&res[g][k1], br, bi, sg, lt, g, lanes, out, RK);
        }
        j2 += lanes;
    }
}

/* The transform of src (byte stride ss, times fct) into data, on one thread. mul, post, limit
 * and sgi are step 2's (NULL, NULL, 0, 1: plain results), for Bluestein's products
 * (fb_cfft_exec.h). */
static FB_CT *BKNAME(blocked_from)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss,
                                   FB_TW fct, FB_CT *data, FB_CT *work, int stream,
                                   const FB_CT *mul, const FB_TWT *post, fb_idx limit, FB_TW sgi)
{
    FB_CVT *vb = (FB_CVT *)fb_align64(work + p->n);
    BKNAME(blocked_step1)(p, fwd, src, ss, fct, work, vb, 0, p->row->n, NULL);
    BKNAME(blocked_step2)(p, fwd, work, vb, data, 0, p->col->n, stream, mul, post, limit, sgi);
    if (stream) fb_stream_fence();
    return data;
}

#include "fb_cfft_blocked_r2c.h"   /* r2c_step2: step 2 with the real FFT's untangling */

/* ---- the same on several threads: step 1's column blocks are shared out and joined (W is
 * then complete and, in place, src fully read), then step 2's row blocks. Every block is
 * computed exactly as in one thread, so the result is bitwise the same. The threads are the
 * pool's (fb_pool.h). */

typedef struct {
    const FB_PLAN *p;
    int fwd, step;
    const char *src;
    fb_idx ss;
    FB_TW fct;
    FB_CT *data, *W;
    fb_idx lo, hi;   /* this share's columns (step 1) or rows (step 2) */
    int stream;      /* step 2: non-temporal stores */
    const LOADER *ld;   /* step 1: the computed input, or NULL to read src */
    const FB_TWT *tw;   /* step 2: with the real FFT's untangling (r2c_step2), its twiddles, */
    FB_TW sg;           /* ... and sign; lo, hi count pair-blocks */
    void *state;        /* ... and R2C_STATE_BYTES of state (NULL: the thread's own) */
    int err;
} BKNAME(blk_job);

static void BKNAME(blk_run)(BKNAME(blk_job) *jb, FB_CVT *vb)
{
    if (jb->step == 1)
        BKNAME(blocked_step1)(jb->p, jb->fwd, jb->src, jb->ss, jb->fct, jb->W, vb, jb->lo, jb->hi,
                              jb->ld);
    else if (jb->tw)
    {
        BKNAME(r2c_step2)(jb->p, jb->W, jb->state, jb->lo, jb->hi, jb->tw, jb->sg, jb->data,
                          jb->stream);
        if (jb->stream) fb_stream_fence();
    }
    else
    {
        BKNAME(blocked_step2)(jb->p, jb->fwd, jb->W, vb, jb->data, jb->lo, jb->hi, jb->stream,
                              NULL, NULL, 0, 1);
        if (jb->stream) fb_stream_fence();   /* before the join publishes the rows */
    }
}

/* Task t of fb_parallel_for: job t, with its own vector scratch (the caller's for t = 0). */
typedef struct { BKNAME(blk_job) *jobs; FB_CVT *vb0; } BKNAME(blk_ctx);

static void BKNAME(blk_task)(void *arg, int t)
{
    BKNAME(blk_ctx) *c = (BKNAME(blk_ctx) *)arg;
    BKNAME(blk_job) *jb = &c->jobs[t];
    if (t == 0) { BKNAME(blk_run)(jb, c->vb0); return; }
    const size_t bytes = jb->tw ? R2C_STATE_BYTES(jb->p)   /* (r2c_step2: all in its state) */
                         : sizeof(FB_CVT) * (size_t)(FB_BLK_GROUPS * FB_BLK_GROUP_SIZE(jb->p)) + 64;
    FB_CVT *vb = (FB_CVT *)fb_scratch_take(bytes);
    if (!vb) { jb->err = FB_ENOMEM; return; }
    if (jb->tw) jb->state = vb;
    BKNAME(blk_run)(jb, (FB_CVT *)fb_align64(vb));
    fb_scratch_give(vb, bytes);
}

/* blocked_from on up to nthreads threads of the pool (the caller's included); FB_OK or an
 * FB_E* code. With tw, step 2 untangles a real FFT's spectrum (r2c_step2; sg, and state for
 * the caller's share). */
static int BKNAME(blocked_from_mt)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss,
                                   FB_TW fct, FB_CT *data, FB_CT *work, int nthreads, int stream,
                                   const LOADER *ld, const FB_TWT *tw, FB_TW sg, void *state)
{
    FB_CVT *vb = (FB_CVT *)fb_align64(work + p->n);
    for (int step = 1; step <= 2; ++step) {
        const int pairs = step == 2 && tw;   /* shares of pair-blocks */
        const fb_idx R = pairs ? 1 : FB_BLK_GROUPS * FB_VLEN;
        const fb_idx count = step == 1 ? p->row->n : pairs ? p->col->n / (2 * R2C_G * FB_VLEN)
                                               : p->col->n;
        const fb_idx blocks = (count + R - 1) / R;
        int nth = nthreads < 1 ? 1 : nthreads > FB_POOL_MAX ? FB_POOL_MAX : nthreads;
        if (nth > blocks) nth = (int)blocks;
        BKNAME(blk_job) jobs[FB_POOL_MAX];
        for (int t = 0; t < nth; ++t) {
            BKNAME(blk_job) jb = {p, fwd, step, src, ss, fct, data, work, 0, 0, stream, ld,
                                  pairs ? tw : NULL, sg, t == 0 ? state : NULL, FB_OK};
            jb.lo = blocks * t / nth * R;
            jb.hi = blocks * (t + 1) / nth * R;
            if (jb.hi > count) jb.hi = count;
            jobs[t] = jb;
        }
        BKNAME(blk_ctx) ctx = {jobs, vb};
        fb_parallel_for(nth, BKNAME(blk_task), &ctx);
        for (int t = 0; t < nth; ++t)
            if (jobs[t].err != FB_OK) return jobs[t].err;
    }
    return FB_OK;
}

/* The forward transform of n REAL values at src (byte stride ss, times fct) into data (n complex
 * values). Step 1 carries two real columns per complex lane, columns j2 + l in the real parts
 * and j2 + R + l in the imaginary parts, and separates their spectra after the column FFT:
 *   A_k = (C_k + conj C_-k) / 2,   B_k = -i (C_k - conj C_-k) / 2   (indices mod n1),
 * which halves the column transforms; step 2 is the complex one. */
static FB_CT *BKNAME(blocked_real_from)(const FB_PLAN *p, const char *src, fb_idx ss, FB_TW fct,
                                        FB_CT *data, FB_CT *work)
{
    const fb_idx n1 = p->col->n, n2 = p->row->n;
    const fb_idx per_group = FB_BLK_GROUP_SIZE(p);
    FB_CT *W = work;
    FB_CVT *vb = (FB_CVT *)fb_align64(work + p->n);
    const fb_idx R = FB_BLK_GROUPS * FB_VLEN;
    const FB_TW half = (FB_TW)0.5;
    for (fb_idx j2 = 0; j2 < n2;) {
        const fb_idx left = n2 - j2;
        const int la = (int)(left < R ? left : R);                       /* columns in real parts */
        const int lb = (int)(left - la < R ? left - la : R);             /* ... in imaginary parts */
        const int groups = (la + FB_VLEN - 1) / FB_VLEN;
        for (fb_idx j1 = 0; j1 < n1; ++j1) {
            const char *row = src + (n2 * j1 + j2) * ss;
            for (int l = 0; l < groups * FB_VLEN; ++l) {
                FB_CVT *b = vb + (l / FB_VLEN) * per_group + j1;
                b->r[l % FB_VLEN] = l < la ? *(const FB_TW *)(row + l * ss) * fct : (FB_TW)0;
                b->i[l % FB_VLEN] = l < lb ? *(const FB_TW *)(row + (R + l) * ss) * fct
                                           : (FB_TW)0;
            }
        }
        const FB_CVT *res[FB_BLK_GROUPS];
        for (int g = 0; g < groups; ++g) {
            FB_CVT *b = vb + g * per_group;
            res[g] = CORE_V(p->col, 1, b, b + n1, b + 2 * n1);
        }
        for (fb_idx k1 = 0; k1 < n1; ++k1) {
            const fb_idx km = k1 ? n1 - k1 : 0;
            const fb_idx K = k1 / R, RK = (K + 1) * R <= n1 ? R : n1 - K * R;
            const FB_TW *lt = (const FB_TW *)p->tlane + k1 * 2 * FB_BLK_GROUPS * FB_VLEN;
            const FB_TWT wa = BKNAME(root)(p, j2 * k1);
            const FB_TWT wb = BKNAME(root)(p, (j2 + R) * k1 % p->n);
            const FB_TW ar = wa.r, ai = wa.i, cr = wb.r, ci = wb.i;
            FB_CT *outa = W + K * R * n2 + j2 * RK + (k1 - K * R), *outb = outa + R * RK;
            for (int g = 0; g < groups; ++g) {
                const FB_CVT C = res[g][k1], D = res[g][km];
                FB_CVT A, B;
                A.r = half * (C.r + D.r); A.i = half * (C.i - D.i);
                B.r = half * (C.i + D.i); B.i = half * (D.r - C.r);
                BKNAME(twiddle_store)(&A, ar, ai, (FB_TW)1, lt, g, la, outa, RK);
                if (g * FB_VLEN < lb)
                    BKNAME(twiddle_store)(&B, cr, ci, (FB_TW)1, lt, g, lb, outb, RK);
            }
        }
        j2 += la + lb;
    }
    BKNAME(blocked_step2)(p, 1, W, vb, data, 0, n1, 0, NULL, NULL, 0, 1);
    return data;
}

static FB_CT *BKNAME(blocked_exec)(const FB_PLAN *p, int fwd, FB_CT *data, FB_CT *work)
{
    return BKNAME(blocked_from)(p, fwd, (const char *)data, (fb_idx)sizeof(FB_CT), (FB_TW)1,
                                data, work, 0, NULL, NULL, 0, 1);
}

#undef BKNAME
#undef TILE_ROWS
#undef LOADER
#undef CORE_V
#undef LOAD
#undef STORE
#undef STORE_NT
#undef STORE_ROWS
