#include "CVectorScan.h"

#include <string.h>

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

/// Marks bytes `start..<count` one at a time (`start` a multiple of 64), zeroing the words first.
static inline void mark_bytes(const uint8_t *bytes, size_t start, size_t count, uint8_t first,
                              uint8_t second, uint64_t *firstMask, uint64_t *secondMask) {
    for (size_t word = start / 64; word < (count + 63) / 64; word++) {
        firstMask[word] = 0;
        secondMask[word] = 0;
    }
    for (size_t index = start; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte == first) firstMask[index / 64] |= (uint64_t)1 << (index % 64);
        if (byte == second) secondMask[index / 64] |= (uint64_t)1 << (index % 64);
    }
}

void oncomatch_mark_bytes_portable(const uint8_t *bytes, size_t count, uint8_t first,
                                   uint8_t second, uint64_t *firstMask, uint64_t *secondMask) {
    mark_bytes(bytes, 0, count, first, second, firstMask, secondMask);
}

/// Marks bytes `start..<count` one at a time (`start` a multiple of 64) up to the first
/// `terminator`, zeroing each word first; returns the terminator's offset or `count`.
static inline size_t mark_bytes_until(const uint8_t *bytes, size_t start, size_t count, uint8_t first,
                                      uint8_t second, uint8_t terminator, uint64_t *firstMask,
                                      uint64_t *secondMask) {
    for (size_t index = start; index < count; index++) {
        if (index % 64 == 0) {
            firstMask[index / 64] = 0;
            secondMask[index / 64] = 0;
        }
        uint8_t byte = bytes[index];
        if (byte == terminator) return index;
        if (byte == first) firstMask[index / 64] |= (uint64_t)1 << (index % 64);
        if (byte == second) secondMask[index / 64] |= (uint64_t)1 << (index % 64);
    }
    return count;
}

size_t oncomatch_mark_bytes_until_portable(const uint8_t *bytes, size_t count, uint8_t first,
                                           uint8_t second, uint8_t terminator, uint64_t *firstMask,
                                           uint64_t *secondMask) {
    return mark_bytes_until(bytes, 0, count, first, second, terminator, firstMask, secondMask);
}

/// The end of the field starting at `index`: the offset of the next `separator`, or `count`.
static inline size_t field_end(const uint8_t *bytes, size_t index, size_t count, uint8_t separator) {
    if (index >= count) return count;
    const uint8_t *next = memchr(bytes + index, separator, count - index);
    return next ? (size_t)(next - bytes) : count;
}

/// Whether a field with key `key` starts at `index` (which a candidate search says holds the key's
/// first byte, or that is checked here).
static inline int key_at(const uint8_t *bytes, size_t index, size_t count, const uint8_t *key,
                         size_t keyCount, uint8_t separator, uint8_t equals) {
    if (index > 0 && bytes[index - 1] != separator) return 0;
    if (index + keyCount > count) return 0;
    // Keys are short (INFO tags): a loop beats a call to memcmp.
    for (size_t offset = 0; offset < keyCount; offset++) {
        if (bytes[index + offset] != key[offset]) return 0;
    }
    size_t after = index + keyCount;
    return after == count || bytes[after] == equals || bytes[after] == separator;
}

/// Whether `key` holds a byte that ends a key (then no field has it).
static inline int key_is_unfindable(const uint8_t *key, size_t keyCount, uint8_t separator, uint8_t equals) {
    for (size_t index = 0; index < keyCount; index++) {
        if (key[index] == separator || key[index] == equals) return 1;
    }
    return 0;
}

/// Field starts `index..<count` one at a time.
static inline ptrdiff_t find_key_bytes(const uint8_t *bytes, size_t index, size_t count, const uint8_t *key,
                                       size_t keyCount, uint8_t separator, uint8_t equals, size_t *fieldEnd) {
    for (; index < count; index++) {
        if (key_at(bytes, index, count, key, keyCount, separator, equals)) {
            if (fieldEnd) *fieldEnd = field_end(bytes, index + keyCount, count, separator);
            return (ptrdiff_t)index;
        }
    }
    return -1;
}

ptrdiff_t oncomatch_find_key_portable(const uint8_t *bytes, size_t count, const uint8_t *key,
                                      size_t keyCount, uint8_t separator, uint8_t equals,
                                      size_t *fieldEnd) {
    if (key_is_unfindable(key, keyCount, separator, equals)) return -1;
    return find_key_bytes(bytes, 0, count, key, keyCount, separator, equals, fieldEnd);
}

/// 1 for the bytes a JSON string writer must look at (``oncomatch_json_special_offset``): below
/// 0x20, `"` (0x22), `\` (0x5C), DEL (0x7F) and 0xE2.
static const uint8_t json_special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x22] = 1, [0x5C] = 1, [0x7F] = 1, [0xE2] = 1,
};

static inline size_t json_special_bytes(const uint8_t *bytes, size_t index, size_t count) {
    for (; index < count; index++) {
        if (json_special[bytes[index]]) return index;
    }
    return count;
}

size_t oncomatch_json_special_offset_portable(const uint8_t *bytes, size_t count) {
    return json_special_bytes(bytes, 0, count);
}

#if defined(__x86_64__)
#include <immintrin.h>

#include "cpu_feature.h"

/// Whether the AVX2 builds run (otherwise the SSE2 ones).
ONCOMATCH_CPU_FEATURE_CHECK(has_avx2, "avx2")

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
    if (has_avx2()) return scan_avx2(bytes, count, separator, terminator, positions, capacity, found);
    return scan_sse2(bytes, count, separator, terminator, positions, capacity, found);
}

/// The masks of one 64-byte block.
__attribute__((target("avx2"))) static inline void mark_block_avx2(const uint8_t *block, __m256i firsts,
                                                                   __m256i seconds, uint64_t *firstWord,
                                                                   uint64_t *secondWord) {
    __m256i low = _mm256_loadu_si256((const __m256i *)block);
    __m256i high = _mm256_loadu_si256((const __m256i *)(block + 32));
    *firstWord = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, firsts))
                 | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, firsts)) << 32;
    *secondWord = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, seconds))
                  | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, seconds)) << 32;
}

/// The body of a marker: whole 64-byte blocks with `markBlock`, then the last bytes copied into a
/// block padded with zeros (neither separator, as callers mark printable bytes; a zero separator,
/// which the padding would fake, is marked byte by byte).
#define ONCOMATCH_MARK_BLOCKS(markBlock, firsts, seconds)                                              \
    do {                                                                                               \
        size_t index = 0;                                                                              \
        for (; index + 64 <= count; index += 64) {                                                     \
            markBlock(bytes + index, firsts, seconds, &firstMask[index / 64], &secondMask[index / 64]); \
        }                                                                                              \
        if (index < count) {                                                                           \
            if (first == 0 || second == 0) {                                                           \
                mark_bytes(bytes, index, count, first, second, firstMask, secondMask);                 \
                return;                                                                                \
            }                                                                                          \
            uint8_t block[64] = {0};                                                                   \
            memcpy(block, bytes + index, count - index);                                               \
            markBlock(block, firsts, seconds, &firstMask[index / 64], &secondMask[index / 64]);        \
        }                                                                                              \
    } while (0)

__attribute__((target("avx2"))) static void mark_avx2(const uint8_t *bytes, size_t count, uint8_t first,
                                                     uint8_t second, uint64_t *firstMask,
                                                     uint64_t *secondMask) {
    const __m256i firsts = _mm256_set1_epi8((char)first);
    const __m256i seconds = _mm256_set1_epi8((char)second);
    ONCOMATCH_MARK_BLOCKS(mark_block_avx2, firsts, seconds);
}

/// The masks of one 64-byte block.
static inline void mark_block_sse2(const uint8_t *block, __m128i firsts, __m128i seconds,
                                   uint64_t *firstWord, uint64_t *secondWord) {
    uint64_t firstBits = 0;
    uint64_t secondBits = 0;
    for (int part = 0; part < 4; part++) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(block + 16 * part));
        firstBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, firsts)) << (16 * part);
        secondBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, seconds)) << (16 * part);
    }
    *firstWord = firstBits;
    *secondWord = secondBits;
}

static void mark_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                      uint64_t *firstMask, uint64_t *secondMask) {
    const __m128i firsts = _mm_set1_epi8((char)first);
    const __m128i seconds = _mm_set1_epi8((char)second);
    ONCOMATCH_MARK_BLOCKS(mark_block_sse2, firsts, seconds);
}

void oncomatch_mark_bytes_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                               uint64_t *firstMask, uint64_t *secondMask) {
    mark_sse2(bytes, count, first, second, firstMask, secondMask);
}

void oncomatch_mark_bytes(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                          uint64_t *firstMask, uint64_t *secondMask) {
    if (has_avx2()) {
        mark_avx2(bytes, count, first, second, firstMask, secondMask);
    } else {
        mark_sse2(bytes, count, first, second, firstMask, secondMask);
    }
}


/// The masks of one 64-byte block (``mark_block_avx2``), and its terminators' (returned).
__attribute__((target("avx2"))) static inline uint64_t mark_block_until_avx2(
    const uint8_t *block, __m256i firsts, __m256i seconds, __m256i terminators, uint64_t *firstWord,
    uint64_t *secondWord) {
    mark_block_avx2(block, firsts, seconds, firstWord, secondWord);
    __m256i low = _mm256_loadu_si256((const __m256i *)block);
    __m256i high = _mm256_loadu_si256((const __m256i *)(block + 32));
    return (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, terminators))
           | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, terminators)) << 32;
}

/// The masks of one 64-byte block (``mark_block_sse2``), and its terminators' (returned).
static inline uint64_t mark_block_until_sse2(const uint8_t *block, __m128i firsts, __m128i seconds,
                                             __m128i terminators, uint64_t *firstWord, uint64_t *secondWord) {
    mark_block_sse2(block, firsts, seconds, firstWord, secondWord);
    uint64_t terminatorBits = 0;
    for (int part = 0; part < 4; part++) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(block + 16 * part));
        terminatorBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, terminators))
                          << (16 * part);
    }
    return terminatorBits;
}

/// The body of a terminated marker: 64-byte blocks with `markBlock` until one holds a terminator
/// (its separators past the terminator are cleared), then the last bytes: with 64 bytes or more
/// in all, as the last 64 bytes (overlapping the block before, whose bytes hold no terminator),
/// their marks shifted down past the overlap; otherwise copied into a block padded with zeros (no
/// separator or terminator, as callers mark printable bytes; a zero byte among the three, which
/// the padding would fake, sends them through the byte loop). (The copy, a call to `memcpy` for
/// every annotation value, was a fifth of the marking.)
#define ONCOMATCH_MARK_BLOCKS_UNTIL(markBlock, firsts, seconds, terminators)                           \
    do {                                                                                               \
        size_t index = 0;                                                                              \
        uint64_t ends = 0;                                                                             \
        for (; index + 64 <= count; index += 64) {                                                     \
            ends = markBlock(bytes + index, firsts, seconds, terminators, &firstMask[index / 64],      \
                             &secondMask[index / 64]);                                                 \
            if (ends != 0) break;                                                                      \
        }                                                                                              \
        if (ends == 0 && index < count && count >= 64) {                                              \
            unsigned overlap = (unsigned)(64 - (count - index));                                       \
            uint64_t firstWord, secondWord;                                                            \
            ends = markBlock(bytes + count - 64, firsts, seconds, terminators, &firstWord,             \
                             &secondWord) >> overlap;                                                  \
            firstMask[index / 64] = firstWord >> overlap;                                              \
            secondMask[index / 64] = secondWord >> overlap;                                            \
        } else if (ends == 0 && index < count) {                                                       \
            if (first == 0 || second == 0 || terminator == 0) {                                        \
                return mark_bytes_until(bytes, index, count, first, second, terminator, firstMask,     \
                                        secondMask);                                                   \
            }                                                                                          \
            uint8_t block[64] = {0};                                                                   \
            memcpy(block, bytes + index, count - index);                                               \
            ends = markBlock(block, firsts, seconds, terminators, &firstMask[index / 64],              \
                             &secondMask[index / 64]);                                                 \
        }                                                                                              \
        if (ends == 0) return count;                                                                   \
        uint64_t before = ((ends & (0 - ends)) - 1);                                                   \
        firstMask[index / 64] &= before;                                                               \
        secondMask[index / 64] &= before;                                                              \
        return index + (size_t)__builtin_ctzll(ends);                                                  \
    } while (0)

__attribute__((target("avx2"))) static size_t mark_until_avx2(const uint8_t *bytes, size_t count,
                                                             uint8_t first, uint8_t second,
                                                             uint8_t terminator, uint64_t *firstMask,
                                                             uint64_t *secondMask) {
    const __m256i firsts = _mm256_set1_epi8((char)first);
    const __m256i seconds = _mm256_set1_epi8((char)second);
    const __m256i terminators = _mm256_set1_epi8((char)terminator);
    ONCOMATCH_MARK_BLOCKS_UNTIL(mark_block_until_avx2, firsts, seconds, terminators);
}

static size_t mark_until_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                              uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask) {
    const __m128i firsts = _mm_set1_epi8((char)first);
    const __m128i seconds = _mm_set1_epi8((char)second);
    const __m128i terminators = _mm_set1_epi8((char)terminator);
    ONCOMATCH_MARK_BLOCKS_UNTIL(mark_block_until_sse2, firsts, seconds, terminators);
}

size_t oncomatch_mark_bytes_until_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                                       uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask) {
    return mark_until_sse2(bytes, count, first, second, terminator, firstMask, secondMask);
}

size_t oncomatch_mark_bytes_until(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                                  uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask) {
    if (has_avx2()) return mark_until_avx2(bytes, count, first, second, terminator, firstMask, secondMask);
    return mark_until_sse2(bytes, count, first, second, terminator, firstMask, secondMask);
}

/// Candidates are the offsets whose byte is the key's first and whose byte `keyCount - 1` further
/// is its last (one vector compare each), checked in order.
__attribute__((target("avx2"))) static ptrdiff_t find_key_avx2(const uint8_t *bytes, size_t count,
                                                              const uint8_t *key, size_t keyCount,
                                                              uint8_t separator, uint8_t equals,
                                                              size_t *fieldEnd) {
    size_t index = 0;
    if (keyCount > 0) {
        const __m256i firsts = _mm256_set1_epi8((char)key[0]);
        const __m256i lasts = _mm256_set1_epi8((char)key[keyCount - 1]);
        for (; index + keyCount - 1 + 32 <= count; index += 32) {
            __m256i starts = _mm256_loadu_si256((const __m256i *)(bytes + index));
            __m256i ends = _mm256_loadu_si256((const __m256i *)(bytes + index + keyCount - 1));
            uint32_t candidates = (uint32_t)_mm256_movemask_epi8(
                _mm256_and_si256(_mm256_cmpeq_epi8(starts, firsts), _mm256_cmpeq_epi8(ends, lasts)));
            while (candidates != 0) {
                size_t candidate = index + (size_t)__builtin_ctz(candidates);
                if (key_at(bytes, candidate, count, key, keyCount, separator, equals)) {
                    if (fieldEnd) *fieldEnd = field_end(bytes, candidate + keyCount, count, separator);
                    return (ptrdiff_t)candidate;
                }
                candidates &= candidates - 1u;
            }
        }
    }
    return find_key_bytes(bytes, index, count, key, keyCount, separator, equals, fieldEnd);
}

ptrdiff_t oncomatch_find_key(const uint8_t *bytes, size_t count, const uint8_t *key, size_t keyCount,
                             uint8_t separator, uint8_t equals, size_t *fieldEnd) {
    if (key_is_unfindable(key, keyCount, separator, equals)) return -1;
    if (has_avx2()) return find_key_avx2(bytes, count, key, keyCount, separator, equals, fieldEnd);
    return find_key_bytes(bytes, 0, count, key, keyCount, separator, equals, fieldEnd);
}

/// SSE2 is part of x86-64: no run-time check. Sixteen bytes at a time; a short string byte by byte.
size_t oncomatch_json_special_offset(const uint8_t *bytes, size_t count) {
    // Most strings of a report are shorter than a block: a table look-up per byte.
    if (count < 16) return json_special_bytes(bytes, 0, count);
    const __m128i quote = _mm_set1_epi8(0x22);
    const __m128i backslash = _mm_set1_epi8(0x5C);
    const __m128i del = _mm_set1_epi8(0x7F);
    const __m128i e2 = _mm_set1_epi8((char)0xE2);
    const __m128i lastControl = _mm_set1_epi8(0x1F);
#define ONCOMATCH_JSON_SPECIAL_MASK(block)                                                         \
    _mm_movemask_epi8(_mm_or_si128(                                                                \
        _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),              \
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, del), _mm_cmpeq_epi8(block, e2)),          \
                     /* unsigned `block <= 0x1F`: the minimum of the two is the byte itself */     \
                     _mm_cmpeq_epi8(_mm_min_epu8(block, lastControl), block))))
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        unsigned mask = (unsigned)ONCOMATCH_JSON_SPECIAL_MASK(block);
        if (mask != 0) return index + (size_t)__builtin_ctz(mask);
    }
    if (index == count) return count;
    // The last bytes in the block that ends with them (read again, none past `count`), without
    // the ones already looked at.
    __m128i last = _mm_loadu_si128((const __m128i *)(bytes + count - 16));
    unsigned mask = (unsigned)ONCOMATCH_JSON_SPECIAL_MASK(last) >> (index - (count - 16));
#undef ONCOMATCH_JSON_SPECIAL_MASK
    return mask != 0 ? index + (size_t)__builtin_ctz(mask) : count;
}

#else

void oncomatch_mark_bytes(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                          uint64_t *firstMask, uint64_t *secondMask) {
    mark_bytes(bytes, 0, count, first, second, firstMask, secondMask);
}

void oncomatch_mark_bytes_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                               uint64_t *firstMask, uint64_t *secondMask) {
    mark_bytes(bytes, 0, count, first, second, firstMask, secondMask);
}

size_t oncomatch_mark_bytes_until(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                                  uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask) {
    return mark_bytes_until(bytes, 0, count, first, second, terminator, firstMask, secondMask);
}

size_t oncomatch_mark_bytes_until_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                                       uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask) {
    return mark_bytes_until(bytes, 0, count, first, second, terminator, firstMask, secondMask);
}

size_t oncomatch_scan_separators(const uint8_t *bytes, size_t count, uint8_t separator,
                                 uint8_t terminator, int32_t *positions, size_t capacity,
                                 size_t *found) {
    return scan_bytes(bytes, 0, count, separator, terminator, positions, capacity, 0, found);
}

ptrdiff_t oncomatch_find_key(const uint8_t *bytes, size_t count, const uint8_t *key, size_t keyCount,
                             uint8_t separator, uint8_t equals, size_t *fieldEnd) {
    return oncomatch_find_key_portable(bytes, count, key, keyCount, separator, equals, fieldEnd);
}

size_t oncomatch_json_special_offset(const uint8_t *bytes, size_t count) {
    return json_special_bytes(bytes, 0, count);
}

#endif
