import Dispatch
import Synchronization
import Testing

@testable import GenomicFormats

@Suite("The parallel pass's helper thread")
struct PassHelperThreadTests {
    @Test func runsTheJobOncePerRunAndStopsAfterTheLast() throws {
        let runs = Atomic<Int>(0)
        let finished = DispatchSemaphore(value: 0)
        let helper = try #require(
            PassHelperThread {
                runs.add(1, ordering: .relaxed)
                finished.signal()
            })
        for expected in 1...200 {
            helper.run()
            finished.wait()
            let count = runs.load(ordering: .relaxed)
            #expect(count == expected)
        }
        helper.stop()
        let total = runs.load(ordering: .relaxed)
        #expect(total == 200)
        helper.stop()  // a second stop does nothing
    }

    @Test func stopWaitsForTheRunInProgress() throws {
        let started = DispatchSemaphore(value: 0)
        let done = Atomic<Bool>(false)
        let helper = try #require(
            PassHelperThread {
                started.signal()
                // Long enough that stop() is surely called while this runs.
                var spins = 0
                while spins < 50_000_000 { spins &+= 1 }
                done.store(spins > 0, ordering: .releasing)
            })
        helper.run()
        started.wait()
        helper.stop()
        let finished = done.load(ordering: .acquiring)
        #expect(finished)
    }

    @Test func stopsWithoutEverRunning() throws {
        let runs = Atomic<Int>(0)
        for _ in 0..<50 {
            let helper = try #require(PassHelperThread { runs.add(1, ordering: .relaxed) })
            helper.stop()
        }
        let total = runs.load(ordering: .relaxed)
        #expect(total == 0)
    }
}
