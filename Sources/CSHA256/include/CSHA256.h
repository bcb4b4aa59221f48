#ifndef ONCOMATCH_CSHA256_H
#define ONCOMATCH_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the x86 SHA extensions (with SSSE3 and SSE4.1) the accelerated
/// SHA-256 compression function needs. Always 0 on other architectures.
int oncomatch_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` consecutive 64-byte blocks at `data`,
/// updating the eight state words `state` (a, b, …, h). Call only when
/// `oncomatch_sha256_hardware_available()` returned 1.
void oncomatch_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
