/* fb_rfft.c: instantiates the real transforms (fb_rfft.h) for both precisions: the untangling
 * passes per lane type (fb_rfft_lane.h) and the plans and executor per precision
 * (fb_rfft_tmpl.h), and the overlap-save convolution on them (fb_osconv_tmpl.h). */
#include "fb_target.h"   /* first: names this build's symbols */
#include "fb_rfft.h"
#include "fb_osconv.h"
#include "fb_lanes.h"
#include "fb_lines.h"
#include "fb_twiddle.h"
#include "fb_cache.h"
#include <stdlib.h>
#include <string.h>

#define FB_TW double
#define FB_TWT fb_cd
#define FB_R double
#define FB_CT fb_cd
#define FB_LSFX sd
#include "fb_rfft_lane.h"
#undef FB_R
#undef FB_CT
#undef FB_LSFX
#define FB_R fb_vd
#define FB_CT fb_cvd
#define FB_LSFX vd
#include "fb_rfft_lane.h"
#undef FB_R
#undef FB_CT
#undef FB_LSFX

#define FB_PSFX d
#define FB_REAL double
#define FB_CT fb_cd
#define FB_CVT fb_cvd
#define FB_VLEN FB_VLEN_D
#include "fb_rfft_tmpl.h"
#undef FB_PSFX
#undef FB_REAL
#undef FB_CT
#undef FB_CVT
#undef FB_VLEN
#undef FB_TW
#undef FB_TWT

#define FB_TW float
#define FB_TWT fb_cf
#define FB_R float
#define FB_CT fb_cf
#define FB_LSFX sf
#include "fb_rfft_lane.h"
#undef FB_R
#undef FB_CT
#undef FB_LSFX
#define FB_R fb_vf
#define FB_CT fb_cvf
#define FB_LSFX vf
#include "fb_rfft_lane.h"
#undef FB_R
#undef FB_CT
#undef FB_LSFX

#define FB_PSFX f
#define FB_REAL float
#define FB_CT fb_cf
#define FB_CVT fb_cvf
#define FB_VLEN FB_VLEN_F
#include "fb_rfft_tmpl.h"

/* cache_info / cache_clear of the real plans (fb_cache_api.h) */
FB_DEFINE_CACHE_API(fb_rplan_cache, d, f)
