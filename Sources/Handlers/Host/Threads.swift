import Shared

#if canImport(Glibc)
import Glibc
#endif

/// Starts and joins POSIX threads: the accept threads must be real threads that block in C calls,
/// outside Swift's cooperative pool.
enum Threads {
    /// Holds a thread's body until the new thread takes it.
    // @unchecked: handed from the creating thread to the new one exactly once, never shared after.
    private final class Body: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    static func start(_ body: @escaping () -> Void) -> pthread_t? {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}

/// The process's signal handling: signals are blocked in every thread and received in one place with
/// `sigwait`, so no code runs in a signal handler.
enum Signals {
    static let handled: [Int32] = [SIGTERM, SIGINT, SIGCHLD, SIGHUP]

    /// Blocks the handled signals in this thread and in every thread or child it creates later.
    static func block() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Unblocks the handled signals in this thread with their default actions.
    static func restoreDefaults() {
        for signal in handled { Glibc.signal(signal, SIG_DFL) }
        var set = signalSet()
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Waits for the next handled signal.
    static func wait() -> Int32 {
        var set = signalSet()
        var received: Int32 = 0
        sigwait(&set, &received)
        return received
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        return set
    }
}
