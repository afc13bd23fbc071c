/* fb_cfft_lane.h: instantiates everything of one lane type: the passes in both directions and
 * the transform (Bluestein included). Included by fb_cfft.c with FB_R, FB_CT, FB_LANE,
 * FB_SCALAR_LANE and the precision's FB_TW, FB_TWT, FB_PLAN defined; undefines the lane ones. */

#define FB_FWD 1
#define FB_SFX FB_CAT2(FB_LANE, _fwd)
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#define FB_FWD 0
#define FB_SFX FB_CAT2(FB_LANE, _bwd)
#include "fb_cfft_passes.h"
#undef FB_FWD
#undef FB_SFX
#include "fb_cfft_exec.h"

#undef FB_R
#undef FB_CT
#undef FB_LANE
#undef FB_SCALAR_LANE
