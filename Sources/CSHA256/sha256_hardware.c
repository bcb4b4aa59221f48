// SHA-256 compression with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2).
// Compiled for the base target; the accelerated function carries its own target attribute and
// is called only after a CPUID check, so the binary runs on CPUs without the extensions.
#include "CSHA256.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int oncomatch_sha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1;
    int sse41 = (ecx >> 19) & 1;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/// Four rounds: `k` is the offset of their constants; `w` the four message words.
#define ONCOMATCH_SHA256_ROUNDS(w, k)                                                              \
    do {                                                                                           \
        __m128i sum = _mm_add_epi32((w), _mm_load_si128((const __m128i *)&round_constants[(k)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sum);                                             \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(sum, 0x0E));                    \
    } while (0)

/// Four rounds that also complete the next group's message words: `next` (W[t+4 … t+7], holding
/// σ0-partial sums from `sha256msg1`) gets `sha256msg2` from the current words `w` and the
/// previous ones `previous`. Issued between the two dependent `sha256rnds2`, the schedule's own
/// latency hides behind the rounds' (computing each group's words just before its rounds left it
/// on the critical path: 1.44 GB/s in the ChecksumBenchmarks run, now 1.57; OpenSSL: 1.54).
#define ONCOMATCH_SHA256_ROUNDS_COMPLETING(w, previous, next, k)                                   \
    do {                                                                                           \
        __m128i sum = _mm_add_epi32((w), _mm_load_si128((const __m128i *)&round_constants[(k)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sum);                                             \
        (next) = _mm_add_epi32((next), _mm_alignr_epi8((w), (previous), 4));                      \
        (next) = _mm_sha256msg2_epu32((next), (w));                                                \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(sum, 0x0E));                    \
    } while (0)

/// ``ONCOMATCH_SHA256_ROUNDS_COMPLETING``, and `later` (three groups ahead) gets its
/// `sha256msg1` step.
#define ONCOMATCH_SHA256_ROUNDS_SCHEDULING(w, previous, next, later, k)                            \
    do {                                                                                           \
        ONCOMATCH_SHA256_ROUNDS_COMPLETING(w, previous, next, k);                                  \
        (later) = _mm_sha256msg1_epu32((later), (w));                                              \
    } while (0)

__attribute__((target("sha,sse4.1,ssse3")))
void oncomatch_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // The instructions keep the state as (a, b, e, f) and (c, d, g, h).
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (size_t block = 0; block < blocks; block++, data += 64) {
        const __m128i abef_start = abef;
        const __m128i cdgh_start = cdgh;
        // The message schedule in four registers, W[t … t+3] of successive groups in turn:
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16].
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);

        ONCOMATCH_SHA256_ROUNDS(m0, 0);
        ONCOMATCH_SHA256_ROUNDS(m1, 4);
        m0 = _mm_sha256msg1_epu32(m0, m1);
        ONCOMATCH_SHA256_ROUNDS(m2, 8);
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // Rounds 12 … 51: each group completes the next group's words and starts those three
        // groups ahead (the last, W[60 … 63], in rounds 48 … 51).
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m3, m2, m0, m2, 12);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m0, m3, m1, m3, 16);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m1, m0, m2, m0, 20);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m2, m1, m3, m1, 24);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m3, m2, m0, m2, 28);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m0, m3, m1, m3, 32);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m1, m0, m2, m0, 36);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m2, m1, m3, m1, 40);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m3, m2, m0, m2, 44);
        ONCOMATCH_SHA256_ROUNDS_SCHEDULING(m0, m3, m1, m3, 48);
        // Rounds 52 … 59: the last words completed, none left to start.
        ONCOMATCH_SHA256_ROUNDS_COMPLETING(m1, m0, m2, 52);
        ONCOMATCH_SHA256_ROUNDS_COMPLETING(m2, m1, m3, 56);
        ONCOMATCH_SHA256_ROUNDS(m3, 60);

        abef = _mm_add_epi32(abef, abef_start);
        cdgh = _mm_add_epi32(cdgh, cdgh_start);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)&state[0], dcba);
    _mm_storeu_si128((__m128i *)&state[4], hgfe);
}

#else

int oncomatch_sha256_hardware_available(void) { return 0; }

void oncomatch_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state;
    (void)data;
    (void)blocks;
}

#endif
