/* The fixture runtime speaks the ABI the host is built against. */
#if __has_include("../../../../runtime-c/include/wasmc_rt.h")
#include "../../../../runtime-c/include/wasmc_rt.h"
#else
#include "../../../../Sources/CFFI/wasmc_rt_provisional.h"
#endif
