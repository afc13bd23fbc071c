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

/* Transforms `data` (n values of the plan's length, one lane type each) forward (fwd = 1) or
 * backward; scratch must hold fb_cplan_X_scratch(plan, 1) lane values. Returns a pointer to the
 * result, which is `data` or lies inside `scratch`. Never fails: all memory is the caller's. */
fb_cd *fb_cexec_d(const fb_cplan_d *p, int fwd, fb_cd *data, fb_cd *scratch);
fb_cf *fb_cexec_f(const fb_cplan_f *p, int fwd, fb_cf *data, fb_cf *scratch);
fb_cvd *fb_cexec_vd(const fb_cplan_d *p, int fwd, fb_cvd *data, fb_cvd *scratch);
fb_cvf *fb_cexec_vf(const fb_cplan_f *p, int fwd, fb_cvf *data, fb_cvf *scratch);

#endif
