/* The fixture runtime speaks the ABI the host is built against. */
#include "../../../../Sources/CFFI/wasmc_rt_provisional.h"
