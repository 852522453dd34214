import CLibPQ

#if canImport(Glibc)
import Glibc
#endif

/// A `NOTIFY` received on a channel this connection listens to.
public struct Notification: Sendable, Equatable {
    public var channel: String
    public var payload: String
}

extension Connection {
    /// Starts listening on `channel`, a fixed name from the code (it is quoted, never user input).
    public func listen(_ channel: String) throws(DatabaseError) {
        try addListenChannel(channel)
    }

    /// Waits up to `timeoutMilliseconds` for notifications and returns all that arrived (maybe none).
    ///
    /// This is the consumers' wake-up: NOTIFY wakes them within a fraction of a millisecond, and the timeout
    /// is the polling backstop.
    public func waitForNotifications(timeoutMilliseconds: Int32) throws(DatabaseError) -> [Notification] {
        var received = drainNotifications()
        guard received.isEmpty else { return received }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        guard ready > 0 else { return [] }
        guard consumeInput() else { throw DatabaseError(.connection, message: "connection lost while listening") }
        received = drainNotifications()
        return received
    }
}
