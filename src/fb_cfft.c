/* fb_cfft.c: instantiates the complex passes and the transform for every lane type and direction.
 * One source (fb_cfft_passes.h, fb_cfft_exec.h, ...), compiled once per type: never a
 * hand-written copy per precision or direction.
 *
 * The scalar Bluestein of fb_cfft_exec.h runs its length-m transforms through the public
 * dispatcher (fb_cfft_dispatch.h, declared in fb_lanes.h), so they get the lane split or the
 * blocked algorithm. */
#include "fb_target.h"   /* first: names this build's symbols */
#include "fb_lanes.h"

/* ---- double precision ---- */
#define FB_TW double
#define FB_TWT fb_cd
#define FB_PLAN fb_cplan_d

#define FB_R double
#define FB_CT fb_cd
#define FB_LANE d
#define FB_SCALAR_LANE 1
#include "fb_cfft_lane.h"

#define FB_R fb_vd
#define FB_CT fb_cvd
#define FB_LANE vd
#define FB_SCALAR_LANE 0
#include "fb_cfft_lane.h"

#define FB_PSFX d
#define FB_CT fb_cd
#define FB_CVT fb_cvd
#define FB_VR fb_vd
#define FB_VMASK fb_md
#define FB_VLEN FB_VLEN_D
#include "fb_cfft_split.h"
#include "fb_cfft_blocked.h"
#include "fb_cfft_dispatch.h"
#undef FB_PSFX
#undef FB_CT
#undef FB_CVT
#undef FB_VR
#undef FB_VMASK
#undef FB_VLEN

#undef FB_TW
#undef FB_TWT
#undef FB_PLAN

/* ---- single precision ---- */
#define FB_TW float
#define FB_TWT fb_cf
#define FB_PLAN fb_cplan_f

#define FB_R float
#define FB_CT fb_cf
#define FB_LANE f
#define FB_SCALAR_LANE 1
#include "fb_cfft_lane.h"

#define FB_R fb_vf
#define FB_CT fb_cvf
#define FB_LANE vf
#define FB_SCALAR_LANE 0
#include "fb_cfft_lane.h"

#define FB_PSFX f
#define FB_CT fb_cf
#define FB_CVT fb_cvf
#define FB_VR fb_vf
#define FB_VMASK fb_mf
#define FB_VLEN FB_VLEN_F
#include "fb_cfft_split.h"
#include "fb_cfft_blocked.h"
#include "fb_cfft_dispatch.h"
