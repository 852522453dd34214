import Shared

#if canImport(Glibc)
import Glibc
#endif

/// Starts POSIX threads: the accept threads must be real threads that block in C calls, outside Swift's
/// cooperative pool.
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
}

/// The process's signal handling: signals are blocked in every thread and received in one place with
/// `sigwait`, so no code runs in a signal handler (the wake signal's handler does nothing at all).
enum Signals {
    static let handled: [Int32] = [SIGTERM, SIGINT, SIGCHLD, SIGHUP]
    /// The signals that stop a process; a worker's master dying sends it SIGTERM.
    static let stopping: Set<Int32> = [SIGTERM, SIGINT, SIGHUP]
    /// Sent to a worker's accept thread to interrupt its `accept`.
    static let wake = SIGUSR1

    /// Installs a handler for `wake` that does nothing, without `SA_RESTART`: the interrupted `accept` fails
    /// with EINTR instead of being restarted, and libfcgi leaves a handler that is already set alone.
    static func installWakeHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(wake, &action, nil)
    }

    /// Blocks the handled signals in this thread and in every thread or child it creates later.
    static func block() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Waits for the next handled signal.
    static func wait() -> Int32 {
        var set = signalSet()
        var received: Int32 = 0
        sigwait(&set, &received)
        return received
    }

    /// Waits up to `milliseconds` for a handled signal; nil when none came.
    static func wait(milliseconds: Int) -> Int32? {
        var set = signalSet()
        var timeout = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        let received = sigtimedwait(&set, nil, &timeout)
        return received > 0 ? received : nil
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        return set
    }
}
