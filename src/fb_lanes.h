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

#define FB_VLEN_D 2
#define FB_VLEN_F 4

typedef double fb_v2d __attribute__((vector_size(16)));
typedef float fb_v4f __attribute__((vector_size(16)));
typedef struct { fb_v2d r, i; } fb_cvd;
typedef struct { fb_v4f r, i; } fb_cvf;

/* Transforms `data` (n lane values, n the plan's length) forward (fwd = 1) or backward, using
 * `other` (n values) as the ping-pong buffer and `work` (fb_cplan_X_work(plan) values) for the
 * rest. Returns the result: `data`, or `other` when fb_cplan_X_lands_in_other(plan), so a caller
 * can place the input where the result will end up and save a copy. Never fails: all memory is
 * the caller's. */
fb_cd *fb_cexec_d(const fb_cplan_d *p, int fwd, fb_cd *data, fb_cd *other, fb_cd *work);
fb_cf *fb_cexec_f(const fb_cplan_f *p, int fwd, fb_cf *data, fb_cf *other, fb_cf *work);
fb_cvd *fb_cexec_vd(const fb_cplan_d *p, int fwd, fb_cvd *data, fb_cvd *other, fb_cvd *work);
fb_cvf *fb_cexec_vf(const fb_cplan_f *p, int fwd, fb_cvf *data, fb_cvf *other, fb_cvf *work);

/* For plans with a lane split (p->half != NULL): transforms the n values at src (byte stride ss),
 * scaled by fct as they are read, into data (n values); work holds fb_cplan_X_work(p) values.
 * Reading the source directly saves the copy into a contiguous buffer. Returns data. */
fb_cd *fb_csplit_d(const fb_cplan_d *p, int fwd, const char *src, fb_idx ss, double fct,
                   fb_cd *data, fb_cd *work);
fb_cf *fb_csplit_f(const fb_cplan_f *p, int fwd, const char *src, fb_idx ss, float fct,
                   fb_cf *data, fb_cf *work);

#endif
