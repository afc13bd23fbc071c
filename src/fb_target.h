/* fb_target.h: one build of the kernels per SIMD target.
 *
 * meson compiles fb_batch.c, fb_cfft.c, fb_corr.c, fb_dct.c, fb_plan.c and fb_rfft.c once for the
 * baseline (SSE2: every x86-64), once with -mavx2 -mfma -DFB_SIMD_AVX2 and once with the AVX-512
 * F/VL/DQ/BW flags and -DFB_SIMD_AVX512. Every external name of those files gets the target's
 * suffix here, so the builds live side by side in one module; fb_dispatch.c chooses one at run
 * time. Include this first in each of those files, before any other fb_ header.
 */
#ifndef FB_TARGET_H
#define FB_TARGET_H

#if defined(FB_SIMD_AVX512)
#define FB_TNAME(x) x##_avx512
#elif defined(FB_SIMD_AVX2)
#define FB_TNAME(x) x##_avx2
#else
#define FB_TNAME(x) x##_base
#endif

#define fb_c2c_d FB_TNAME(fb_c2c_d)
#define fb_c2c_f FB_TNAME(fb_c2c_f)
#define fb_r2c_d FB_TNAME(fb_r2c_d)
#define fb_r2c_f FB_TNAME(fb_r2c_f)
#define fb_c2r_d FB_TNAME(fb_c2r_d)
#define fb_c2r_f FB_TNAME(fb_c2r_f)
#define fb_corr_d FB_TNAME(fb_corr_d)
#define fb_corr_f FB_TNAME(fb_corr_f)
#define fb_osconv_d FB_TNAME(fb_osconv_d)
#define fb_osconv_f FB_TNAME(fb_osconv_f)
#define fb_r2r_d FB_TNAME(fb_r2r_d)
#define fb_r2r_f FB_TNAME(fb_r2r_f)
#define dplan_get_d FB_TNAME(dplan_get_d)
#define dplan_get_f FB_TNAME(dplan_get_f)
#define dplan_release_d FB_TNAME(dplan_release_d)
#define dplan_release_f FB_TNAME(dplan_release_f)
#define rplan_get_d FB_TNAME(rplan_get_d)
#define rplan_get_f FB_TNAME(rplan_get_f)
#define rplan_release_d FB_TNAME(rplan_release_d)
#define rplan_release_f FB_TNAME(rplan_release_f)
#define fb_cexec_d FB_TNAME(fb_cexec_d)
#define fb_cexec_f FB_TNAME(fb_cexec_f)
#define fb_cexec_vd FB_TNAME(fb_cexec_vd)
#define fb_cexec_vf FB_TNAME(fb_cexec_vf)
#define fb_cexec_real_d FB_TNAME(fb_cexec_real_d)
#define fb_cexec_real_f FB_TNAME(fb_cexec_real_f)
#define fb_cexec_r2c_d FB_TNAME(fb_cexec_r2c_d)
#define fb_cexec_chirp_d FB_TNAME(fb_cexec_chirp_d)
#define fb_cexec_chirp_f FB_TNAME(fb_cexec_chirp_f)
#define fb_cexec_r2c_f FB_TNAME(fb_cexec_r2c_f)
#define fb_cexec_from_d FB_TNAME(fb_cexec_from_d)
#define fb_cexec_from_mt_d FB_TNAME(fb_cexec_from_mt_d)
#define fb_cexec_from_mt_f FB_TNAME(fb_cexec_from_mt_f)
#define fb_cexec_from_f FB_TNAME(fb_cexec_from_f)
#define fb_cexec_loaded_d FB_TNAME(fb_cexec_loaded_d)
#define fb_cexec_loaded_f FB_TNAME(fb_cexec_loaded_f)
#define fb_cplan_d_make FB_TNAME(fb_cplan_d_make)
#define fb_cplan_f_make FB_TNAME(fb_cplan_f_make)
#define fb_cplan_d_destroy FB_TNAME(fb_cplan_d_destroy)
#define fb_cplan_f_destroy FB_TNAME(fb_cplan_f_destroy)
#define fb_cplan_d_work FB_TNAME(fb_cplan_d_work)
#define fb_cplan_f_work FB_TNAME(fb_cplan_f_work)
#define fb_cplan_d_lands_in_other FB_TNAME(fb_cplan_d_lands_in_other)
#define fb_cplan_f_lands_in_other FB_TNAME(fb_cplan_f_lands_in_other)
#define fb_cplan_d_get FB_TNAME(fb_cplan_d_get)
#define fb_cplan_f_get FB_TNAME(fb_cplan_f_get)
#define fb_cplan_d_release FB_TNAME(fb_cplan_d_release)
#define fb_cplan_f_release FB_TNAME(fb_cplan_f_release)
#define fb_cplan_cache_info FB_TNAME(fb_cplan_cache_info)
#define fb_cplan_cache_clear FB_TNAME(fb_cplan_cache_clear)
#define fb_cplan_cache_set_max_bytes FB_TNAME(fb_cplan_cache_set_max_bytes)
#define fb_rplan_cache_info FB_TNAME(fb_rplan_cache_info)
#define fb_rplan_cache_clear FB_TNAME(fb_rplan_cache_clear)
#define fb_rplan_cache_set_max_bytes FB_TNAME(fb_rplan_cache_set_max_bytes)
#define fb_dplan_cache_info FB_TNAME(fb_dplan_cache_info)
#define fb_dplan_cache_clear FB_TNAME(fb_dplan_cache_clear)
#define fb_dplan_cache_set_max_bytes FB_TNAME(fb_dplan_cache_set_max_bytes)

#endif
