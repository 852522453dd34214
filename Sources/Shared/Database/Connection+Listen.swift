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
    /// NOTIFY wakes the waiter within a fraction of a millisecond; the timeout is the polling backstop.
    public func waitForNotifications(timeoutMilliseconds: Int32) throws(DatabaseError) -> [Notification] {
        let received = drainNotifications()
        guard received.isEmpty else { return received }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return [] }
        return try receiveNotifications(readingSocket: true)
    }

    /// The socket to watch for notifications in a wait of the caller's own (-1 while disconnected).
    public var notificationSocket: Int32 { socket }

    /// The notifications that arrived, without blocking: those libpq buffered while running statements and,
    /// with `readingSocket` (the caller's wait saw the socket readable), what the server sent since. A
    /// readable socket with nothing to read means the server hung up: that is a connection error.
    public func receiveNotifications(readingSocket: Bool) throws(DatabaseError) -> [Notification] {
        if readingSocket, !consumeInput() {
            throw DatabaseError(.connection, message: "connection lost while listening")
        }
        return drainNotifications()
    }
}
