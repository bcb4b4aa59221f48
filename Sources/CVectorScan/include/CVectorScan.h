#ifndef ONCOMATCH_CVECTORSCAN_H
#define ONCOMATCH_CVECTORSCAN_H

#include <stddef.h>
#include <stdint.h>

#include "field_walk.h"

/// Scans `bytes[0..<count]` up to the first `terminator` in one pass, writing the offset of each
/// `separator` before it to `positions` (at most `capacity` of them). Returns the offset of the
/// terminator, or `count` when there is none. `*found` receives the number of separators before
/// the terminator (or the end), which may exceed `capacity`: only the first `capacity` offsets
/// are then written, and a caller that needs them all scans again with room for `*found`.
///
/// A VCF line: separator tab, terminator newline (`VCFTabScan`).
/// Uses AVX2 when the CPU has it (checked once), SSE2 otherwise on x86-64, bytes elsewhere.
size_t oncomatch_scan_separators(const uint8_t *bytes, size_t count, uint8_t separator,
                                 uint8_t terminator, int32_t *positions, size_t capacity,
                                 size_t *found);

/// The byte-at-a-time reference implementation (for tests).
size_t oncomatch_scan_separators_portable(const uint8_t *bytes, size_t count, uint8_t separator,
                                          uint8_t terminator, int32_t *positions, size_t capacity,
                                          size_t *found);

/// Sets bit `i % 64` of `firstMask[i / 64]` when `bytes[i] == first`, and of `secondMask[i / 64]`
/// when `bytes[i] == second`, for every `i < count`; each mask gets `(count + 63) / 64` words,
/// whose bits past `count` are zero. Reads no byte past `count`.
///
/// An annotation value: `|` and `,` (`SeparatorMasks`).
/// Uses AVX2 when the CPU has it (checked once), SSE2 otherwise on x86-64, bytes elsewhere.
void oncomatch_mark_bytes(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                          uint64_t *firstMask, uint64_t *secondMask);

/// The SSE2 marker alone (for tests: where the CPU has AVX2, `oncomatch_mark_bytes` never uses
/// it). The byte-at-a-time marker on other architectures.
void oncomatch_mark_bytes_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                               uint64_t *firstMask, uint64_t *secondMask);

/// The byte-at-a-time reference implementation (for tests).
void oncomatch_mark_bytes_portable(const uint8_t *bytes, size_t count, uint8_t first,
                                   uint8_t second, uint64_t *firstMask, uint64_t *secondMask);

/// ``oncomatch_mark_bytes`` up to the first `terminator`: marks `first` and `second` in
/// `bytes[0..<end]`, where `end` is the offset of the first `terminator` in `bytes[0..<count]`
/// (`count` when there is none), and returns `end`. The masks' words up to the one holding byte
/// `end - 1` are written, with their bits from `end` on zero; later words may be written too (each
/// mask needs room for `(count + 63) / 64` words). Reads no byte past `count`.
///
/// An annotation value whose end is not known yet: `|` and `,` up to the INFO column's next `;`
/// (`SeparatorMasks`), in the pass that would otherwise only look for that end.
size_t oncomatch_mark_bytes_until(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                                  uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask);

/// The SSE2 terminated marker alone (for tests). The byte-at-a-time marker on other architectures.
size_t oncomatch_mark_bytes_until_sse2(const uint8_t *bytes, size_t count, uint8_t first, uint8_t second,
                                       uint8_t terminator, uint64_t *firstMask, uint64_t *secondMask);

/// The byte-at-a-time reference implementation (for tests).
size_t oncomatch_mark_bytes_until_portable(const uint8_t *bytes, size_t count, uint8_t first,
                                           uint8_t second, uint8_t terminator, uint64_t *firstMask,
                                           uint64_t *secondMask);

/// Finds the first field of `bytes[0..<count]` (fields separated by `separator`) whose key — the
/// field up to its first `equals` byte, or all of it — is `key[0..<keyCount]`. Returns the
/// field's offset and writes its end (the offset of the next `separator`, or `count`) to
/// `*fieldEnd` unless that is `NULL` (the end is then not looked for); returns -1 when no field
/// has that key. A key containing `separator` or `equals` is never found.
///
/// An INFO column: separator `;`, equals `=` (`VCFRawLine.infoValueBounds(forKey:)`).
/// Uses AVX2 when the CPU has it (checked once), bytes otherwise.
ptrdiff_t oncomatch_find_key(const uint8_t *bytes, size_t count, const uint8_t *key, size_t keyCount,
                             uint8_t separator, uint8_t equals, size_t *fieldEnd);

/// The byte-at-a-time reference implementation (for tests).
ptrdiff_t oncomatch_find_key_portable(const uint8_t *bytes, size_t count, const uint8_t *key,
                                      size_t keyCount, uint8_t separator, uint8_t equals,
                                      size_t *fieldEnd);

/// The offset of the first byte of `bytes[0..<count]` that a JSON string writer must look at: a
/// control character (below 0x20), `"`, `\`, DEL (0x7F) or 0xE2 (the first byte of U+2028 and
/// U+2029, which are escaped for JavaScript, and of other characters that are not); `count`
/// when there is none.
///
/// A report's strings (`JSONValue.appendQuoted`). SSE2 on x86-64, bytes elsewhere.
size_t oncomatch_json_special_offset(const uint8_t *bytes, size_t count);

/// The byte-at-a-time reference implementation (for tests).
size_t oncomatch_json_special_offset_portable(const uint8_t *bytes, size_t count);

#endif
