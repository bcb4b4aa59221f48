import CAllocatorTuning
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The allocator setting every command makes at start (`CAllocatorTuning`).
@Suite struct AllocatorTuningTests {
    @Test func glibcTakesThePaddingUnlessTheUserChoseOne() {
        #if canImport(Glibc)
            let chosen = oncomatch_tunables_choose_top_pad(getenv("GLIBC_TUNABLES")) == 1
            #expect(oncomatch_tune_allocator_for_batch() == (chosen ? 0 : 1))
        #else
            #expect(oncomatch_tune_allocator_for_batch() == 0)
        #endif
    }

    @Test func aTopPadInTheTunablesIsTheUsers() {
        #expect(oncomatch_tunables_choose_top_pad(nil) == 0)
        #expect(oncomatch_tunables_choose_top_pad("") == 0)
        #expect(oncomatch_tunables_choose_top_pad("glibc.malloc.arena_max=2") == 0)
        #expect(oncomatch_tunables_choose_top_pad("glibc.malloc.top_pad=0") == 1)
        #expect(oncomatch_tunables_choose_top_pad("glibc.malloc.arena_max=2:glibc.malloc.top_pad=65536") == 1)
    }
}
