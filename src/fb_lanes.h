/* fb_lanes.h: the lane types the passes are instantiated for.
 *
 * A lane value holds the same element of several rows at once (GCC vector extension), so a pass
 * written for scalars transforms FB_VLEN_D rows of doubles or FB_VLEN_F rows of floats per
 * instruction. The baseline build uses 16-byte vectors (SSE2, present on every x86-64); wider
 * targets can instantiate the same passes with wider vectors.
 */
#ifndef FB_LANES_H
#define FB_LANES_H

#include "fb_common.h"
#include "fb_plan.h"
#include <string.h>

#define FB_VLEN_D 2
#define FB_VLEN_F 4

typedef double fb_v2d __attribute__((vector_size(16)));
typedef float fb_v4f __attribute__((vector_size(16)));
typedef struct { fb_v2d r, i; } fb_cvd;
typedef struct { fb_v4f r, i; } fb_cvf;

/* Moving FB_VLEN complex values between interleaved storage (r0 i0 r1 i1 ...) and one lane value
 * with shuffles instead of element by element:
 *   fb_cvX_load(v, x)            v gets x[0 .. V-1]
 *   fb_cvX_store(v, x)           x[0 .. V-1] gets v
 *   fb_cvX_store_rows(v, x, st)  x[0], x[st], x[2 st], ... get v  (one element of V rows) */
#if defined(__clang__)
#define FB_SHUF2(a, b, i, j) __builtin_shufflevector(a, b, i, j)
#define FB_SHUF4(a, b, i, j, k, l) __builtin_shufflevector(a, b, i, j, k, l)
#else
typedef long long fb_mask2 __attribute__((vector_size(16)));
typedef int fb_mask4 __attribute__((vector_size(16)));
#define FB_SHUF2(a, b, i, j) __builtin_shuffle(a, b, (fb_mask2){i, j})
#define FB_SHUF4(a, b, i, j, k, l) __builtin_shuffle(a, b, (fb_mask4){i, j, k, l})
#endif

static inline void fb_cvd_load(fb_cvd *v, const fb_cd *x)
{
    fb_v2d a, b;
    memcpy(&a, x, sizeof a);
    memcpy(&b, x + 1, sizeof b);
    v->r = FB_SHUF2(a, b, 0, 2);
    v->i = FB_SHUF2(a, b, 1, 3);
}
static inline void fb_cvd_store(const fb_cvd *v, fb_cd *x)
{
    fb_v2d a = FB_SHUF2(v->r, v->i, 0, 2), b = FB_SHUF2(v->r, v->i, 1, 3);
    memcpy(x, &a, sizeof a);
    memcpy(x + 1, &b, sizeof b);
}
static inline void fb_cvd_store_rows(const fb_cvd *v, fb_cd *x, fb_idx st)
{
    fb_v2d a = FB_SHUF2(v->r, v->i, 0, 2), b = FB_SHUF2(v->r, v->i, 1, 3);
    memcpy(x, &a, sizeof a);
    memcpy(x + st, &b, sizeof b);
}
static inline void fb_cvf_load(fb_cvf *v, const fb_cf *x)
{
    fb_v4f a, b;
    memcpy(&a, x, sizeof a);
    memcpy(&b, x + 2, sizeof b);
    v->r = FB_SHUF4(a, b, 0, 2, 4, 6);
    v->i = FB_SHUF4(a, b, 1, 3, 5, 7);
}
static inline void fb_cvf_store(const fb_cvf *v, fb_cf *x)
{
    fb_v4f a = FB_SHUF4(v->r, v->i, 0, 4, 1, 5), b = FB_SHUF4(v->r, v->i, 2, 6, 3, 7);
    memcpy(x, &a, sizeof a);
    memcpy(x + 2, &b, sizeof b);
}
static inline void fb_cvf_store_rows(const fb_cvf *v, fb_cf *x, fb_idx st)
{
    for (int l = 0; l < FB_VLEN_F; ++l) {
        x[l * st].r = v->r[l];
        x[l * st].i = v->i[l];
    }
}

/* Blocked transforms (fb_cfft_blocked.h) handle this many vector groups at once (4 groups of
 * lanes read whole cache lines); each group needs FB_BLK_GROUP_SIZE(p) vector values. */
#define FB_BLK_GROUPS 4
#define FB_BLK_MAX(a, b) ((a) > (b) ? (a) : (b))
#define FB_BLK_GROUP_SIZE(p) (2 * FB_BLK_MAX((p)->col->n, (p)->row->n) + \
                              FB_BLK_MAX((p)->col->maxgen, (p)->row->maxgen))

/* Transforms `data` (n lane values, n the plan's length) forward (fwd = 1) or backward, using
 * `other` (n values) as the ping-pong buffer and `work` (fb_cplan_X_work(plan) values) for the
 * rest. Returns the result: `data`, or `other` when fb_cplan_X_lands_in_other(plan), so a caller
 * can place the input where the result will end up and save a copy. Never fails: all memory is
 * the caller's. */
fb_cd *fb_cexec_d(const fb_cplan_d *p, int fwd, fb_cd *data, fb_cd *other, fb_cd *work);
fb_cf *fb_cexec_f(const fb_cplan_f *p, int fwd, fb_cf *data, fb_cf *other, fb_cf *work);
fb_cvd *fb_cexec_vd(const fb_cplan_d *p, int fwd, fb_cvd *data, fb_cvd *other, fb_cvd *work);
fb_cvf *fb_cexec_vf(const fb_cplan_f *p, int fwd, fb_cvf *data, fb_cvf *other, fb_cvf *work);

/* For plans with a lane split or a blocked algorithm (p->half or p->col not NULL): transforms
 * the n values at src (byte stride ss), scaled by fct as they are read, into data (n values);
 * work holds fb_cplan_X_work(p) values. Reading the source directly saves the copy into a
 * contiguous buffer; src may equal data. Returns data. */
fb_cd *fb_cexec_from_d(const fb_cplan_d *p, int fwd, const char *src, fb_idx ss, double fct,
                       fb_cd *data, fb_cd *work);
fb_cf *fb_cexec_from_f(const fb_cplan_f *p, int fwd, const char *src, fb_idx ss, float fct,
                       fb_cf *data, fb_cf *work);

#endif
