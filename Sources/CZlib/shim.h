#ifndef ONCOMATCH_CZLIB_SHIM_H
#define ONCOMATCH_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h; Swift cannot call macros, so wrap it.
static inline int oncomatch_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// `deflateInit2` is a macro in zlib.h; wrapped for the same reason (used by tests and tools
/// that write gzip).
static inline int oncomatch_deflateInit2(z_streamp stream, int level, int method, int windowBits,
                                         int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}
#endif
