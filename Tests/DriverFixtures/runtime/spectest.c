/* The fixture runtime serves the real spectest module. */
#include "../../../runtime-c/spectest.c"
