/* fb_plan.h: the public C API of the complex FFT: plans (make / destroy / exec) and a plan cache.
 *
 * A plan holds only read-only data (factors, twiddles, Bluestein chirp) once made, so one plan may
 * serve many threads at once; every call brings its own scratch. Plans exist in two precisions,
 * fb_cplan_d (double) and fb_cplan_f (float); twiddles are computed in long double for both.
 *
 * Usage:
 *     fb_cplan_d *p;
 *     if (fb_cplan_d_make(1000, &p) != FB_OK) ...;
 *     fb_cd *other = fb_malloc(sizeof(fb_cd) * (1000 + fb_cplan_d_work(p))), *work = other + 1000;
 *     fb_cd *y = fb_cexec_d(p, 1, x, other, work);   // forward FFT of x[0..1000) (fb_lanes.h)
 *     fb_free(other); fb_cplan_d_destroy(p);          // y is x or other
 * or, shared and cached:
 *     const fb_cplan_d *p = fb_cplan_d_get(n);  ...  fb_cplan_d_release(p);
 */
#ifndef FB_PLAN_H
#define FB_PLAN_H

#include "fb_common.h"
#include "fb_factor.h"

#define FB_DECLARE_PLAN(SFX, TWT)                                                          \
    /* cs: generic pass, the ip-th roots; Rader pass (rsub set), the kernel spectrum */    \
    typedef struct { fb_idx ip; TWT *tw; TWT *cs;                                          \
                     struct fb_cplan_##SFX *rsub; /* Rader: plan of length ip - 1 */       \
                     fb_idx *ridx; /* Rader: input order g^-s, then output order g^q */    \
                   } fb_pass_##SFX;                         \
    typedef struct fb_cplan_##SFX {                                                        \
        fb_idx n;                                                                          \
        int npass;                                                                         \
        fb_pass_##SFX pass[FB_MAXFACT];                                                    \
        fb_idx maxgen;        /* lane values the generic/Rader passes need in `work` (0: none) */  \
        struct fb_cplan_##SFX *sub;  /* Bluestein: the radix plan of length m, else NULL */ \
        TWT *bk;              /* Bluestein chirp w_{2n}^(k^2 mod 2n), k < n */             \
        TWT *bkf;             /* forward FFT of the conjugate chirp, times 1/m */          \
        fb_idx bkfr;          /* sub blocked: bkf in its W layout (fb_blk_wpos), R = bkfr */ \
        struct fb_cplan_##SFX *half; /* lane split: plan of length n/V run on V-row lanes */ \
        void *tws;            /* combining twiddles w_n^(r k), r < V, k < n/V: per r, h reals then h imaginaries */ \
        struct fb_cplan_##SFX *col, *row; /* blocked: plans of lengths n1, n2; n = n1 n2 */ \
        TWT *tlo, *thi;       /* blocked twiddles w_n^e = tlo[e & (2^tshift-1)] thi[e>>tshift] */ \
        int tshift;                                                                        \
        void *tlane;          /* blocked: w_n^(l k1) per row k1, in lane order (fb_cfft_blocked.h) */ \
        void *mem;            /* one block holding every table above */                    \
        fb_idx bytes;         /* memory held: this struct, its tables and sub-plans */     \
        int refs;             /* cache bookkeeping, guarded by the cache lock */           \
    } fb_cplan_##SFX;                                                                      \
    int fb_cplan_##SFX##_make(fb_idx n, fb_cplan_##SFX **out) FB_WUR;                      \
    void fb_cplan_##SFX##_destroy(fb_cplan_##SFX *p);                                      \
    /* lane values of `work` one exec needs (besides data and other, n each) */           \
    fb_idx fb_cplan_##SFX##_work(const fb_cplan_##SFX *p);                                 \
    /* 1 if exec's result ends in `other` rather than in `data` */                         \
    int fb_cplan_##SFX##_lands_in_other(const fb_cplan_##SFX *p);                          \
    const fb_cplan_##SFX *fb_cplan_##SFX##_get(fb_idx n);                                  \
    void fb_cplan_##SFX##_release(const fb_cplan_##SFX *p);

FB_DECLARE_PLAN(d, fb_cd)
FB_DECLARE_PLAN(f, fb_cf)

#endif
