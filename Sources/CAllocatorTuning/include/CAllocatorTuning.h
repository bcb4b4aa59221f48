#ifndef ONCOMATCH_CALLOCATORTUNING_H
#define ONCOMATCH_CALLOCATORTUNING_H

/// How much the C allocator pads each growth of its heaps, in bytes, for a batch run.
#define ONCOMATCH_ALLOCATOR_TOP_PAD (16 << 20)

/// Tunes the C allocator for a short batch process that allocates tens of megabytes on several
/// threads: with glibc, each growth or trim of a heap keeps `ONCOMATCH_ALLOCATOR_TOP_PAD` bytes of
/// address space beyond what is needed (`mallopt(M_TOP_PAD)`; pages are still touched, and counted
/// in the resident set, only when used). By default glibc grows a thread's heap a few pages at a
/// time, one `mprotect` call each (~750 calls in a full match of the 1M-record benchmark, each
/// taking the process's memory-map lock against the other thread's page faults) and returns freed
/// memory at the top only to fault it in again.
///
/// Returns 1 when the setting was applied, 0 when not: not glibc, or the user chose a top pad
/// (`glibc.malloc.top_pad` in `GLIBC_TUNABLES`), which is left as it is. Call once, early.
int oncomatch_tune_allocator_for_batch(void);

/// Whether `tunables` (a `GLIBC_TUNABLES` value, or NULL) sets the heap's top pad.
int oncomatch_tunables_choose_top_pad(const char *tunables);

#endif
