#include "CVectorScan.h"

/// Scans bytes `index..<count` one at a time (what is left after the last whole vector).
static inline size_t scan_bytes(const uint8_t *bytes, size_t index, size_t count, uint8_t separator,
                                uint8_t terminator, int32_t *positions, size_t capacity, size_t separatorCount,
                                size_t *found) {
    for (; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte == terminator) {
            *found = separatorCount;
            return index;
        }
        if (byte == separator) {
            if (separatorCount < capacity) positions[separatorCount] = (int32_t)index;
            separatorCount++;
        }
    }
    *found = separatorCount;
    return count;
}

size_t oncomatch_scan_separators_portable(const uint8_t *bytes, size_t count, uint8_t separator,
                                          uint8_t terminator, int32_t *positions, size_t capacity,
                                          size_t *found) {
    return scan_bytes(bytes, 0, count, separator, terminator, positions, capacity, 0, found);
}

#if defined(__x86_64__)
#include <immintrin.h>

/// Records the separators of one vector's bit masks (`base`: the vector's offset) that come before
/// its first terminator, and returns from the scan when there is one.
#define ONCOMATCH_TAKE_MASKS(separatorMask, terminatorMask, base)                       \
    do {                                                                       \
        uint32_t separatorBits = (separatorMask);                                          \
        uint32_t terminatorBits = (terminatorMask);                                  \
        if (terminatorBits != 0) separatorBits &= (terminatorBits & (0u - terminatorBits)) - 1u; \
        while (separatorBits != 0) {                                                 \
            if (separatorCount < capacity)                                           \
                positions[separatorCount] = (int32_t)((base) + (size_t)__builtin_ctz(separatorBits)); \
            separatorCount++;                                                        \
            separatorBits &= separatorBits - 1u;                                           \
        }                                                                      \
        if (terminatorBits != 0) {                                                \
            *found = separatorCount;                                                 \
            return (base) + (size_t)__builtin_ctz(terminatorBits);                \
        }                                                                      \
    } while (0)

__attribute__((target("avx2"))) static size_t scan_avx2(const uint8_t *bytes, size_t count,
                                                       uint8_t separator, uint8_t terminator,
                                                       int32_t *positions, size_t capacity,
                                                       size_t *found) {
    size_t separatorCount = 0;
    size_t index = 0;
    const __m256i separators = _mm256_set1_epi8((char)separator);
    const __m256i terminators = _mm256_set1_epi8((char)terminator);
    for (; index + 32 <= count; index += 32) {
        __m256i chunk = _mm256_loadu_si256((const __m256i *)(bytes + index));
        uint32_t separatorMask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, separators));
        uint32_t terminatorMask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(chunk, terminators));
        if ((separatorMask | terminatorMask) == 0) continue;
        ONCOMATCH_TAKE_MASKS(separatorMask, terminatorMask, index);
    }
    return scan_bytes(bytes, index, count, separator, terminator, positions, capacity, separatorCount, found);
}

static size_t scan_sse2(const uint8_t *bytes, size_t count, uint8_t separator, uint8_t terminator,
                        int32_t *positions, size_t capacity, size_t *found) {
    size_t separatorCount = 0;
    size_t index = 0;
    const __m128i separators = _mm_set1_epi8((char)separator);
    const __m128i terminators = _mm_set1_epi8((char)terminator);
    for (; index + 16 <= count; index += 16) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
        uint32_t separatorMask = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, separators));
        uint32_t terminatorMask = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, terminators));
        if ((separatorMask | terminatorMask) == 0) continue;
        ONCOMATCH_TAKE_MASKS(separatorMask, terminatorMask, index);
    }
    return scan_bytes(bytes, index, count, separator, terminator, positions, capacity, separatorCount, found);
}

size_t oncomatch_scan_separators(const uint8_t *bytes, size_t count, uint8_t separator,
                                 uint8_t terminator, int32_t *positions, size_t capacity,
                                 size_t *found) {
    // 1: AVX2, 2: SSE2 only, 0: not checked yet (threads racing here store the same value).
    static int kind = 0;
    int known = __atomic_load_n(&kind, __ATOMIC_RELAXED);
    if (known == 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") ? 1 : 2;
        __atomic_store_n(&kind, known, __ATOMIC_RELAXED);
    }
    if (known == 1) return scan_avx2(bytes, count, separator, terminator, positions, capacity, found);
    return scan_sse2(bytes, count, separator, terminator, positions, capacity, found);
}

#else

size_t oncomatch_scan_separators(const uint8_t *bytes, size_t count, uint8_t separator,
                                 uint8_t terminator, int32_t *positions, size_t capacity,
                                 size_t *found) {
    return scan_bytes(bytes, 0, count, separator, terminator, positions, capacity, 0, found);
}

#endif
