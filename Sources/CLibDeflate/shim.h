#ifndef ONCOMATCH_CLIBDEFLATE_SHIM_H
#define ONCOMATCH_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
