@testable import QueueConsumer
import Testing

@Suite struct WakeTests {
    private let now = ContinuousClock.now

    /// Nothing due: every deadline far away, no writes waiting.
    private func idle() -> Wake {
        Wake(
            now: now, heartbeat: now + .seconds(10), maintenance: now + .seconds(10), progress: nil, claim: nil, runCall: nil,
            dispatcherHasRoom: true, dispatcher: nil, databaseRetry: nil, stopDeadline: nil, hasWrites: false)
    }

    @Test func nothingDueSleepsTheLongestWait() {
        #expect(idle().deadline == now + Wake.longest)
    }

    @Test func theEarliestDeadlineWins() {
        var wake = idle()
        wake.heartbeat = now + .seconds(3)
        wake.dispatcher = now + .milliseconds(120)
        wake.claim = now + .milliseconds(800)
        #expect(wake.deadline == now + .milliseconds(120))
    }

    @Test func aDueCallCountsOnlyWhileTheDispatcherHasRoom() {
        var wake = idle()
        wake.runCall = now - .seconds(1)
        #expect(wake.deadline == now)
        wake.dispatcherHasRoom = false
        #expect(wake.deadline == now + Wake.longest, "a call that cannot start is no reason to wake")
    }

    @Test func pastDeadlinesMeanAtOnceNeverEarlier() {
        var wake = idle()
        wake.heartbeat = now - .seconds(5)
        #expect(wake.deadline == now)
    }

    @Test func writesWaitingWakeAtOnce() {
        var wake = idle()
        wake.hasWrites = true
        #expect(wake.deadline == now)
    }

    @Test func afterADatabaseErrorOnlyTheRetryAndTheStopCount() {
        var wake = idle()
        wake.hasWrites = true
        wake.claim = now
        wake.runCall = now
        wake.dispatcher = now
        wake.progress = now
        wake.databaseRetry = now + .milliseconds(400)
        #expect(wake.deadline == now + .milliseconds(400))
        wake.stopDeadline = now + .milliseconds(100)
        #expect(wake.deadline == now + .milliseconds(100))
    }
}
