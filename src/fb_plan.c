/* fb_plan.c: complex plan construction for both precisions and their caches (fb_cache.h). */
#include "fb_target.h"   /* first: names this build's symbols */
#include "fb_plan.h"
#include "fb_lanes.h"
#include "fb_twiddle.h"
#include <stdlib.h>
#include "fb_cache.h"
#include <math.h>

/* Lengths from which a single row runs on vector lanes (fb_cfft_split.h). */
#define FB_SPLIT_MIN 16

#define FB_PSFX d
#define FB_TW double
#define FB_TWT fb_cd
#define FB_PVLEN FB_VLEN_D
#include "fb_plan_make.h"
#undef FB_PSFX
#undef FB_TW
#undef FB_TWT
#undef FB_PVLEN
#define FB_PSFX f
#define FB_TW float
#define FB_TWT fb_cf
#define FB_PVLEN FB_VLEN_F
#include "fb_plan_make.h"
#undef FB_PSFX
#undef FB_TW
#undef FB_TWT
#undef FB_PVLEN

FB_DEFINE_CACHE(d, fb_cplan_d, fb_cplan_d_get, fb_cplan_d_release, fb_cplan_d_make,
                fb_cplan_d_destroy)
FB_DEFINE_CACHE(f, fb_cplan_f, fb_cplan_f_get, fb_cplan_f_release, fb_cplan_f_make,
                fb_cplan_f_destroy)
/* cache_info / cache_clear of the complex plans (fb_cache_api.h) */
FB_DEFINE_CACHE_API(fb_cplan_cache, d, f)
