/* fb_corr.c: instantiates fb_corr_tmpl.h for double and float, built once per SIMD target
 * (fb_target.h) with that target's vector width. */
#include "fb_target.h"
#include "fb_corr.h"
#include "fb_lanes.h"
#include <string.h>

#define CORR_W 8

#define FB_R double
#define FB_V fb_vd
#define FB_VL FB_VLEN_D
#define FB_PSFX d
#include "fb_corr_tmpl.h"
#undef FB_R
#undef FB_V
#undef FB_VL
#undef FB_PSFX

#define FB_R float
#define FB_V fb_vf
#define FB_VL FB_VLEN_F
#define FB_PSFX f
#include "fb_corr_tmpl.h"
