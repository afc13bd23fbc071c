/* fb_dct.c: instantiates the real-to-real transforms (fb_dct.h) for both precisions: the real
 * FFT passes (fb_rfft_lane.h) and the DCT/DST passes (fb_dct_lane.h) per lane type, the plans
 * (fb_dct_plan.h) and the executor (fb_dct_tmpl.h) per precision. */
#include "fb_target.h"   /* first: names this build's symbols */
#include "fb_dct.h"
#include "fb_batch.h"    /* FB_MAXDIM */
#include "fb_lanes.h"
#include "fb_lines.h"
#include "fb_twiddle.h"
#include "fb_cache.h"
#include <stdlib.h>

/* Plan families: DCT and DST of types 2 and 3 share one, and so do those of type 4. */
enum { FB_FAM_DCT1 = 0, FB_FAM_23 = 1, FB_FAM_4 = 2, FB_FAM_DST1 = 3 };

/* Single lines of DCT-I of odd length from this on are split into halves (fb_dct_lane.h, dct1):
 * below it the one real FFT of length 2 (n - 1) is as quick. */
#define FB_DCT1_HALVE 1025

/* the orthogonalize fix-ups' factors */
#define FB_SQRT2 1.41421356237309504880L
#define FB_RSQRT2 0.70710678118654752440L

/* How a line is read and written: one line (io_sX) or one element of FB_VLEN lines at once
 * (io_vX); load(q, j) gives x_j times the scale factor, store(q, k, y) writes y_k. */
#define FB_DEFINE_IO(P, REAL, VT, V)                                                          \
    typedef struct { const char *src; char *dst; fb_idx ss, ds; REAL fct; } io_s##P;          \
    static inline REAL load_s##P(const io_s##P *q, fb_idx j)                                  \
    {                                                                                         \
        return *(const REAL *)(q->src + j * q->ss) * q->fct;                                  \
    }                                                                                         \
    static inline void store_s##P(const io_s##P *q, fb_idx k, REAL y)                         \
    {                                                                                         \
        *(REAL *)(q->dst + k * q->ds) = y;                                                    \
    }                                                                                         \
    /* adjacent_src / _dst: the V lines are adjacent columns (line l + 1 starts one value after \
     * line l), so one element of each is a single vector load or store */                   \
    typedef struct {                                                                          \
        const char *src[V]; char *dst[V]; fb_idx ss, ds; REAL fct;                            \
        int adjacent_src, adjacent_dst;                                                       \
    } io_v##P;                                                                                \
    static inline VT load_v##P(const io_v##P *q, fb_idx j)                                    \
    {                                                                                         \
        VT x;                                                                                 \
        if (q->adjacent_src)                                                                  \
            memcpy(&x, q->src[0] + j * q->ss, sizeof x);                                      \
        else                                                                                  \
            for (int l = 0; l < V; ++l) x[l] = *(const REAL *)(q->src[l] + j * q->ss);        \
        return x * q->fct;                                                                    \
    }                                                                                         \
    static inline void store_v##P(const io_v##P *q, fb_idx k, VT y)                           \
    {                                                                                         \
        if (q->adjacent_dst)                                                                  \
            memcpy(q->dst[0] + k * q->ds, &y, sizeof y);                                      \
        else                                                                                  \
            for (int l = 0; l < V; ++l) *(REAL *)(q->dst[l] + k * q->ds) = y[l];              \
    }                                                                                         \
    static inline int adjacent_v##P(const char *const *p)                                     \
    {                                                                                         \
        for (int l = 1; l < V; ++l)                                                           \
            if (p[l] != p[0] + l * (fb_idx)sizeof(REAL)) return 0;                            \
        return 1;                                                                             \
    }

FB_DEFINE_IO(d, double, fb_vd, FB_VLEN_D)
FB_DEFINE_IO(f, float, fb_vf, FB_VLEN_F)

/* ---- double ---- */
#define FB_TW double
#define FB_TWT fb_cd
#define FB_PSFX d
#include "fb_dct_plan.h"

#define FB_R double
#define FB_CT fb_cd
#define FB_LSFX sd
#define FB_EXEC fb_cexec_d
#define FB_IO io_sd
#include "fb_rfft_lane.h"
/* single lines untangle V pairs per vector (fb_rfft_line.h) */
#define FB_CVT fb_cvd
#define FB_VLEN FB_VLEN_D
#define FB_VR fb_vd
#define FB_VMASK fb_md
#include "fb_rfft_line.h"
#include "fb_dct_line.h"
#undef FB_CVT
#undef FB_VLEN
#undef FB_VR
#undef FB_VMASK
#define FB_LINE_PASSES   /* single lines: the passes above, V values per vector */
#include "fb_dct_lane.h"
#undef FB_LINE_PASSES
#undef FB_R
#undef FB_CT
#undef FB_LSFX
#undef FB_EXEC
#undef FB_IO
#define FB_R fb_vd
#define FB_CT fb_cvd
#define FB_LSFX vd
#define FB_EXEC fb_cexec_vd
#define FB_IO io_vd
#include "fb_rfft_lane.h"
#include "fb_dct_lane.h"
#undef FB_R
#undef FB_CT
#undef FB_LSFX
#undef FB_EXEC
#undef FB_IO

#define FB_REAL double
#define FB_CT fb_cd
#define FB_CVT fb_cvd
#define FB_VLEN FB_VLEN_D
#include "fb_dct_tmpl.h"
#undef FB_REAL
#undef FB_CT
#undef FB_CVT
#undef FB_VLEN
#undef FB_PSFX
#undef FB_TW
#undef FB_TWT

/* ---- float ---- */
#define FB_TW float
#define FB_TWT fb_cf
#define FB_PSFX f
#include "fb_dct_plan.h"

#define FB_R float
#define FB_CT fb_cf
#define FB_LSFX sf
#define FB_EXEC fb_cexec_f
#define FB_IO io_sf
#include "fb_rfft_lane.h"
/* single lines untangle V pairs per vector (fb_rfft_line.h) */
#define FB_CVT fb_cvf
#define FB_VLEN FB_VLEN_F
#define FB_VR fb_vf
#define FB_VMASK fb_mf
#include "fb_rfft_line.h"
#include "fb_dct_line.h"
#undef FB_CVT
#undef FB_VLEN
#undef FB_VR
#undef FB_VMASK
#define FB_LINE_PASSES   /* single lines: the passes above, V values per vector */
#include "fb_dct_lane.h"
#undef FB_LINE_PASSES
#undef FB_R
#undef FB_CT
#undef FB_LSFX
#undef FB_EXEC
#undef FB_IO
#define FB_R fb_vf
#define FB_CT fb_cvf
#define FB_LSFX vf
#define FB_EXEC fb_cexec_vf
#define FB_IO io_vf
#include "fb_rfft_lane.h"
#include "fb_dct_lane.h"
#undef FB_R
#undef FB_CT
#undef FB_LSFX
#undef FB_EXEC
#undef FB_IO

#define FB_REAL float
#define FB_CT fb_cf
#define FB_CVT fb_cvf
#define FB_VLEN FB_VLEN_F
#include "fb_dct_tmpl.h"

/* cache_info / cache_clear of the real-to-real plans (fb_cache_api.h) */
FB_DEFINE_CACHE_API(fb_dplan_cache, d, f)
