/* fb_cfft.c: instantiates the complex passes and the transform for every lane type and direction.
 * One source (fb_cfft_passes.h, fb_cfft_exec.h), compiled once per type: never a hand-written copy
 * per precision or direction. */
#include "fb_lanes.h"

#define FB_TW double
#define FB_TWT fb_cd
#define FB_PLAN fb_cplan_d

#define FB_R double
#define FB_CT fb_cd
#define FB_LANE d
#define FB_FWD 1
#define FB_SFX d_fwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#define FB_FWD 0
#define FB_SFX d_bwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#include "fb_cfft_exec.h"
#undef FB_R
#undef FB_CT
#undef FB_LANE

#define FB_R fb_v2d
#define FB_CT fb_cvd
#define FB_LANE vd
#define FB_FWD 1
#define FB_SFX vd_fwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#define FB_FWD 0
#define FB_SFX vd_bwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#include "fb_cfft_exec.h"
#undef FB_R
#undef FB_CT
#undef FB_LANE

#undef FB_TW
#undef FB_TWT
#undef FB_PLAN
#define FB_TW float
#define FB_TWT fb_cf
#define FB_PLAN fb_cplan_f

#define FB_R float
#define FB_CT fb_cf
#define FB_LANE f
#define FB_FWD 1
#define FB_SFX f_fwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#define FB_FWD 0
#define FB_SFX f_bwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#include "fb_cfft_exec.h"
#undef FB_R
#undef FB_CT
#undef FB_LANE

#define FB_R fb_v4f
#define FB_CT fb_cvf
#define FB_LANE vf
#define FB_FWD 1
#define FB_SFX vf_fwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#define FB_FWD 0
#define FB_SFX vf_bwd
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#include "fb_cfft_exec.h"
