#ifndef ONCOMATCH_CPU_FEATURE_H
#define ONCOMATCH_CPU_FEATURE_H

#include <stdbool.h>

/// Defines `static bool name(void)`: whether the CPU has `feature` (a `__builtin_cpu_supports`
/// name), asked once and then remembered (threads racing on the first call store the same
/// answer). The scanners and the field walk choose their builds with it.
#define ONCOMATCH_CPU_FEATURE_CHECK(name, feature)                                                 \
    static bool name(void) {                                                                       \
        static int known = 0; /* 1: it has the feature, 2: it has not, 0: not asked yet */         \
        int answer = __atomic_load_n(&known, __ATOMIC_RELAXED);                                    \
        if (answer == 0) {                                                                         \
            __builtin_cpu_init();                                                                  \
            answer = __builtin_cpu_supports(feature) ? 1 : 2;                                      \
            __atomic_store_n(&known, answer, __ATOMIC_RELAXED);                                    \
        }                                                                                          \
        return answer == 1;                                                                        \
    }

#endif
