#include "CAllocatorTuning.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int oncomatch_tunables_choose_top_pad(const char *tunables) {
    return tunables != NULL && strstr(tunables, "glibc.malloc.top_pad=") != NULL;
}

int oncomatch_tune_allocator_for_batch(void) {
#if defined(__GLIBC__)
    if (oncomatch_tunables_choose_top_pad(getenv("GLIBC_TUNABLES"))) return 0;
    return mallopt(M_TOP_PAD, ONCOMATCH_ALLOCATOR_TOP_PAD) == 1 ? 1 : 0;
#else
    return 0;
#endif
}
