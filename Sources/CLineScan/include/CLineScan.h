#ifndef ONCOMATCH_CLINESCAN_H
#define ONCOMATCH_CLINESCAN_H

#include <stddef.h>
#include <stdint.h>

/// Scans `bytes[0..<count]` up to the first newline (`\n`) in one pass, writing the offset of
/// each tab before it to `tabs` (at most `capacity` of them). Returns the offset of the newline,
/// or `count` when there is none. `*found` receives the number of tabs before the newline (or
/// the end), which may exceed `capacity`: only the first `capacity` offsets are then written,
/// and the caller should scan again with room for `*found`.
///
/// Uses AVX2 when the CPU has it (checked once), SSE2 otherwise on x86-64, bytes elsewhere.
size_t oncomatch_scan_line(const uint8_t *bytes, size_t count, int32_t *tabs, size_t capacity,
                           size_t *found);

/// The byte-at-a-time reference implementation (for tests).
size_t oncomatch_scan_line_portable(const uint8_t *bytes, size_t count, int32_t *tabs,
                                    size_t capacity, size_t *found);

#endif
