import Shared
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGTERM or SIGINT: the consumer finishes its current sample, releases its leases and exits.
let stopRequested = Atomic<Bool>(false)

enum StopSignal {
    /// Installs the handlers. No `SA_RESTART`, so a SIGTERM also interrupts the wait for notifications.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in stopRequested.store(true, ordering: .relaxed) }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with these signals blocked; a consumer that cannot be stopped
        // cleanly would always lose its job to a lease expiry instead.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var isRequested: Bool { stopRequested.load(ordering: .relaxed) }
}
