import Shared
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The pre-fork pool: a master that owns the listening socket, forks workers and restarts those that die;
/// each worker runs several accept threads, each with its own `FCGX_Request` and database session.
///
/// Several accept threads per process matter: libfcgi waits after each response for nginx to close its
/// side, so one thread alone is latency-bound.
struct FastCGIHost {
    let settings: Settings
    let dispatcher: RequestDispatcher
    let logger: Logger

    /// Serves on `listenSocket` until SIGTERM or SIGINT; returns the process exit status.
    func run(listenSocket: Int32) -> Int32 {
        var workers: [pid_t: Int] = [:]
        for slot in 0..<settings.fcgiWorkers {
            if let pid = fork(slot: slot, listenSocket: listenSocket) { workers[pid] = slot }
        }
        logger.info("pool started", metadata: ["workers": "\(workers.count)", "threads": "\(settings.fcgiThreads)"])
        while true {
            let signal = Signals.wait()
            if signal == SIGCHLD {
                for (pid, slot) in reap(&workers) {
                    logger.warning("worker exited, restarting", metadata: ["pid": "\(pid)", "slot": "\(slot)"])
                    usleep(200_000)  // a worker that dies at once must not turn into a fork loop
                    if let newPid = fork(slot: slot, listenSocket: listenSocket) { workers[newPid] = slot }
                }
            } else if signal == SIGTERM || signal == SIGINT {
                stop(&workers, listenSocket: listenSocket)
                return 0
            }
        }
    }

    private func fork(slot: Int, listenSocket: Int32) -> pid_t? {
        let pid = Glibc.fork()
        if pid == 0 { runWorker(listenSocket: listenSocket) }
        if pid < 0 {
            logger.error("fork failed", metadata: ["errno": "\(errno)"])
            return nil
        }
        return pid
    }

    private func reap(_ workers: inout [pid_t: Int]) -> [(pid_t, Int)] {
        var exited: [(pid_t, Int)] = []
        var status: Int32 = 0
        while case let pid = waitpid(-1, &status, WNOHANG), pid > 0 {
            if let slot = workers.removeValue(forKey: pid) { exited.append((pid, slot)) }
        }
        return exited
    }

    /// Shuts the listening socket down, which makes every worker's blocked accepts return; workers then
    /// finish the requests they hold and exit. Stragglers are killed after 10 seconds.
    private func stop(_ workers: inout [pid_t: Int], listenSocket: Int32) {
        logger.info("pool stopping")
        shutdown(listenSocket, Int32(SHUT_RD))
        var status: Int32 = 0
        for _ in 0..<1000 where !workers.isEmpty {
            _ = reap(&workers)
            usleep(10_000)
        }
        for pid in workers.keys {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        workers.removeAll()
    }

    /// A worker's life: accept threads serve until the master shuts the listening socket down, or until this
    /// worker is told to stop (a SIGTERM of its own, or its master dying); either way requests already
    /// accepted finish before the worker exits.
    private func runWorker(listenSocket: Int32) -> Never {
        FastCGI.terminateWithParent()  // never outlive a master killed with SIGKILL: stop as on SIGTERM
        WorkerStop.prepare()
        FastCGI.initialise()
        // The handled signals stay blocked in every thread; this one receives them in WorkerStop.
        let threads = (0..<settings.fcgiThreads).compactMap { _ in
            AcceptThread { [self] thread in serve(listenSocket: listenSocket, thread: thread) }
        }
        WorkerStop.waitForThreads(threads)
        exit(0)
    }

    private func serve(listenSocket: Int32, thread: AcceptThread) {
        let connection = FastCGIConnection(listenSocket: listenSocket)
        let database = DatabaseSession(settings: settings)
        while !stopRequested.load(ordering: .acquiring) {
            thread.isWaiting.store(true, ordering: .releasing)
            let accepted = connection.accept()
            thread.isWaiting.store(false, ordering: .releasing)
            guard accepted else { return }
            let response = dispatcher.respond(
                parameters: connection.parameters(), readBody: connection.readBody(limit:), database: database)
            connection.finish(with: response)
        }
    }
}
