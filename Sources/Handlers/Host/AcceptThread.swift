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

/// One accept thread of a worker and what the worker's main thread needs to know about it.
final class AcceptThread: Sendable {
    /// True while the thread waits in `accept`: holding no request, it may be woken with a signal.
    let isWaiting = Atomic<Bool>(false)
    let isFinished = Atomic<Bool>(false)
    private let thread = Mutex<pthread_t?>(nil)

    /// Starts `serve`, which runs the thread's request loop and returns once it should stop.
    init?(serve: @escaping @Sendable (AcceptThread) -> Void) {
        let handle = Threads.start { [self] in
            serve(self)
            isFinished.store(true, ordering: .releasing)
        }
        guard let handle else { return nil }
        thread.withLock { $0 = handle }
    }

    /// Interrupts the thread's `accept` (it returns and the thread sees `stopRequested`), only when the thread
    /// is waiting there: a signal in the middle of a request could break its reads and writes.
    func wakeIfWaiting() {
        guard isWaiting.load(ordering: .acquiring), let handle = thread.withLock({ $0 }) else { return }
        pthread_kill(handle, Signals.wake)
    }
}

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
