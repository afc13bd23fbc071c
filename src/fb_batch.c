/* fb_batch.c: the complex executor of fb_batch.h for both precisions (fb_batch_tmpl.h) on the
 * line bookkeeping of fb_lines.h. */
#include "fb_target.h"   /* first: names this build's symbols */
#include "fb_batch.h"
#include "fb_lanes.h"
#include "fb_lines.h"

/* Vector groups of lines gathered together on strided axes, so reads use whole cache lines. */
#define FB_MAXGROUP 4

#define FB_BSFX d
#define FB_REAL double
#define FB_CT fb_cd
#define FB_CVT fb_cvd
#define FB_VLEN FB_VLEN_D
#define FB_PLAN fb_cplan_d
#include "fb_batch_tmpl.h"
#undef FB_BSFX
#undef FB_REAL
#undef FB_CT
#undef FB_CVT
#undef FB_VLEN
#undef FB_PLAN

#define FB_BSFX f
#define FB_REAL float
#define FB_CT fb_cf
#define FB_CVT fb_cvf
#define FB_VLEN FB_VLEN_F
#define FB_PLAN fb_cplan_f
#include "fb_batch_tmpl.h"
