import Shared
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Set once a worker is asked to stop (SIGTERM, SIGINT or SIGHUP to the worker, or its master dying): accept
/// threads take no new request, finish the one they hold, and return.
///
/// A global so that it exists before any thread or signal can look at it: `WorkerStop.prepare()` reads it
/// before the accept threads start and before any signal is unblocked (Swift initialises globals lazily, and
/// that first initialisation must never happen in a signal handler).
let stopRequested = Atomic<Bool>(false)

/// How a worker stops: waits for a stop signal (or for its threads to end after the master shut the socket
/// down), then lets every request in flight finish before the process exits.
enum WorkerStop {
    /// The longest a stopping worker waits for its requests; a test call may take 15 s.
    static let gracePeriodSeconds = 30.0

    /// Initialises `stopRequested` and installs the wake signal's handler; call before starting threads.
    static func prepare() {
        stopRequested.store(false, ordering: .relaxed)
        Signals.installWakeHandler()
    }

    /// Returns once every thread has finished, or the grace period after a stop signal has passed.
    static func waitForThreads(_ threads: [AcceptThread]) {
        var deadline: ContinuousClock.Instant?
        while !threads.allSatisfy({ $0.isFinished.load(ordering: .acquiring) }) {
            if let signal = Signals.wait(milliseconds: 50), Signals.stopping.contains(signal), deadline == nil {
                stopRequested.store(true, ordering: .releasing)
                FastCGI.stopAccepting()
                deadline = .now + .seconds(gracePeriodSeconds)
            }
            guard let deadline else { continue }
            if ContinuousClock.now > deadline { return }
            // Again on every round: a thread may have been between its check and its accept last time.
            threads.forEach { $0.wakeIfWaiting() }
        }
    }
}
