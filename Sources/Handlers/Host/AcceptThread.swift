import Shared
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

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
