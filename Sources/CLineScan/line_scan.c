#include "CLineScan.h"

/// Scans bytes `index..<count` one at a time (the end of a line shorter than a vector).
static inline size_t scan_bytes(const uint8_t *bytes, size_t index, size_t count, int32_t *tabs,
                                size_t capacity, size_t tabCount, size_t *found) {
    for (; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte == '\n') {
            *found = tabCount;
            return index;
        }
        if (byte == '\t') {
            if (tabCount < capacity) tabs[tabCount] = (int32_t)index;
            tabCount++;
        }
    }
    *found = tabCount;
    return count;
}

size_t oncomatch_scan_line_portable(const uint8_t *bytes, size_t count, int32_t *tabs,
                                    size_t capacity, size_t *found) {
    return scan_bytes(bytes, 0, count, tabs, capacity, 0, found);
}

#if defined(__x86_64__)
#include <immintrin.h>

/// Records the tabs of one vector's bit masks (`base`: the vector's offset) that come before
/// its first newline, and returns from the scan when there is a newline.
#define ONCOMATCH_TAKE_MASKS(tabMask, newlineMask, base)                       \
    do {                                                                       \
        uint32_t tabBits = (tabMask);                                          \
        uint32_t newlineBits = (newlineMask);                                  \
        if (newlineBits != 0) tabBits &= (newlineBits & (0u - newlineBits)) - 1u; \
        while (tabBits != 0) {                                                 \
            if (tabCount < capacity)                                           \
                tabs[tabCount] = (int32_t)((base) + (size_t)__builtin_ctz(tabBits)); \
            tabCount++;                                                        \
            tabBits &= tabBits - 1u;                                           \
        }                                                                      \
        if (newlineBits != 0) {                                                \
            *found = tabCount;                                                 \
            return (base) + (size_t)__builtin_ctz(newlineBits);                \
        }                                                                      \
    } while (0)

__attribute__((target("avx2"))) static size_t scan_avx2(const uint8_t *bytes, size_t count,
                                                       int32_t *tabs, size_t capacity,
                                                       size_t *found) {
    size_t tabCount = 0;
    size_t index = 0;
    const __m256i tab = _mm256_set1_epi8('\t');
    const __m256i newline = _mm256_set1_epi8('\n');
    for (; index + 32 <= count; index += 32) {
        __m256i chunk = _mm256_loadu_si256((const __m256i *)(bytes + index));
        uint32_t tabMask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, tab));
        uint32_t newlineMask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, newline));
        if ((tabMask | newlineMask) == 0) continue;
        ONCOMATCH_TAKE_MASKS(tabMask, newlineMask, index);
    }
    return scan_bytes(bytes, index, count, tabs, capacity, tabCount, found);
}

static size_t scan_sse2(const uint8_t *bytes, size_t count, int32_t *tabs, size_t capacity,
                        size_t *found) {
    size_t tabCount = 0;
    size_t index = 0;
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i newline = _mm_set1_epi8('\n');
    for (; index + 16 <= count; index += 16) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
        uint32_t tabMask = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, tab));
        uint32_t newlineMask = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline));
        if ((tabMask | newlineMask) == 0) continue;
        ONCOMATCH_TAKE_MASKS(tabMask, newlineMask, index);
    }
    return scan_bytes(bytes, index, count, tabs, capacity, tabCount, found);
}

size_t oncomatch_scan_line(const uint8_t *bytes, size_t count, int32_t *tabs, size_t capacity,
                           size_t *found) {
    // 1: AVX2, 2: SSE2 only, 0: not checked yet (threads racing here store the same value).
    static int kind = 0;
    int known = __atomic_load_n(&kind, __ATOMIC_RELAXED);
    if (known == 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") ? 1 : 2;
        __atomic_store_n(&kind, known, __ATOMIC_RELAXED);
    }
    if (known == 1) return scan_avx2(bytes, count, tabs, capacity, found);
    return scan_sse2(bytes, count, tabs, capacity, found);
}

#else

size_t oncomatch_scan_line(const uint8_t *bytes, size_t count, int32_t *tabs, size_t capacity,
                           size_t *found) {
    return scan_bytes(bytes, 0, count, tabs, capacity, 0, found);
}

#endif
