import CLibPQ
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection: parameterised statements only, prepared once per connection, reconnecting after
/// the server went away.
///
/// Not thread-safe and not `Sendable`: each handler thread and each consumer owns exactly one. A broken
/// connection is reset before the next statement, never in the middle of a transaction, so a statement is
/// never silently run twice.
public final class Connection {
    private var handle: OpaquePointer?
    private let keywords: [String]
    private let values: [String]
    private var preparedNames: Set<String> = []
    /// Channels to LISTEN on again after a reconnect.
    private var channels: [String] = []
    /// True between `BEGIN` and `COMMIT`/`ROLLBACK` issued by `transaction(_:)`.
    private(set) var isInTransaction = false

    /// Connects with a libpq conninfo string or URL; `settings` become session parameters
    /// (e.g. `statement_timeout`). Sessions always run in UTC with ISO dates, which `RFC3339` parses.
    public init(conninfo: String, applicationName: String, settings: [String: String] = [:]) throws(DatabaseError) {
        var options = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres"
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) { options += " -c \(name)=\(value)" }
        keywords = ["dbname", "application_name", "options", "connect_timeout"]
        values = [conninfo, applicationName, options, "5"]
        try connect()
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Runs a statement with its parameters and returns the rows it produced (none for most writes).
    @discardableResult
    public func execute(_ statement: Statement, _ parameters: [(any SQLEncodable)?] = []) throws(DatabaseError)
        -> Rows
    {
        let handle = try usableHandle()
        if !preparedNames.contains(statement.name) {
            let result = PQprepare(handle, statement.name, statement.sql, Int32(parameters.count), nil)
            _ = try Rows(consuming: result, connection: handle, statement: statement.name)
            preparedNames.insert(statement.name)
        }
        let result = withParameters(parameters) { values, lengths, formats in
            PQexecPrepared(handle, statement.name, Int32(values.count), values, lengths, formats, 0)
        }
        return try Rows(consuming: result, connection: handle, statement: statement.name)
    }

    /// Runs SQL text with no parameters: transaction control and migration files only.
    public func executeScript(_ sql: String, name: String) throws(DatabaseError) {
        let handle = try usableHandle()
        _ = try Rows(consuming: PQexec(handle, sql), connection: handle, statement: name)
    }

    /// The server's socket, for `poll` in `Connection+Listen`.
    var socket: Int32 {
        guard let handle else { return -1 }
        return PQsocket(handle)
    }

    func markTransaction(_ active: Bool) { isInTransaction = active }

    /// Remembers `channel` so a reconnect listens again, and sends `LISTEN` now.
    func addListenChannel(_ channel: String) throws(DatabaseError) {
        if !channels.contains(channel) { channels.append(channel) }
        try executeScript(Self.listenSQL(channel), name: "listen")
    }

    /// Reads what the server sent; false when the connection broke.
    func consumeInput() -> Bool {
        guard let handle else { return false }
        return PQconsumeInput(handle) == 1 && PQstatus(handle) == CONNECTION_OK
    }

    /// The notifications libpq has buffered.
    func drainNotifications() -> [Notification] {
        guard let handle else { return [] }
        var received: [Notification] = []
        while let notify = PQnotifies(handle) {
            received.append(
                Notification(
                    channel: String(cString: notify.pointee.relname), payload: String(cString: notify.pointee.extra)))
            PQfreemem(notify)
        }
        return received
    }

    private static func listenSQL(_ channel: String) -> String {
        "LISTEN \"" + String(channel.unicodeScalars.filter { $0 != "\"" }) + "\""
    }

    // MARK: - Connection state

    private func connect() throws(DatabaseError) {
        if let handle { PQfinish(handle) }
        preparedNames.removeAll()
        handle = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers + [nil], valuePointers + [nil], 1)
            }
        }
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            throw DatabaseError(.connection, message: message.trimmingTrailingNewlines)
        }
        PQsetNoticeProcessor(handle, logNotice, nil)
        for channel in channels {
            _ = try Rows(consuming: PQexec(handle, Self.listenSQL(channel)), connection: handle, statement: "listen")
        }
    }

    /// Returns a handle that is believed open, reconnecting first when the server closed the idle
    /// connection (a restart, an idle timeout) so that the statement is not wasted on a dead socket.
    private func usableHandle() throws(DatabaseError) -> OpaquePointer {
        if let handle, PQstatus(handle) == CONNECTION_OK, isInTransaction || !serverClosedIdleConnection(handle) {
            return handle
        }
        guard !isInTransaction else {
            throw DatabaseError(.connection, message: "connection lost inside a transaction")
        }
        try connect()
        guard let handle else { throw DatabaseError(.connection, message: "no connection") }
        return handle
    }

    /// An idle connection has nothing to read unless the server sent a notification or is hanging up;
    /// reading it tells which without blocking.
    private func serverClosedIdleConnection(_ handle: OpaquePointer) -> Bool {
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return PQconsumeInput(handle) == 0 || PQstatus(handle) != CONNECTION_OK
    }
}

/// libpq's notices (warnings, a server shutting the session down) go through the process's JSON log rather
/// than libpq's default of raw lines on stderr.
private func logNotice(_ context: UnsafeMutableRawPointer?, _ message: UnsafePointer<CChar>?) {
    guard let message else { return }
    Logger(label: "postgres").notice("\(String(cString: message).trimmingTrailingNewlines)")
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}

/// Calls `body` with C string pointers for `strings` (nil stays NULL), valid only during the call.
/// The parameters as `PQexecPrepared` takes them, valid while `body` runs: each value's bytes (text
/// NUL-terminated, `SQLBinaryEncodable` values in binary), their lengths and formats (0 text, 1 binary).
func withParameters<Result>(
    _ parameters: [(any SQLEncodable)?],
    _ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) -> Result
) -> Result {
    var formats: [Int32] = []
    let buffers = parameters.map { parameter -> [UInt8]? in
        if let binary = parameter as? any SQLBinaryEncodable {
            formats.append(1)
            return binary.sqlBinary
        }
        formats.append(0)
        return parameter.map { Array($0.sqlText.utf8) + [0] }
    }
    let storage = buffers.map { buffer in
        buffer.map { bytes in
            let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            pointer.initialize(from: bytes, count: bytes.count)
            return pointer
        }
    }
    defer { storage.forEach { $0?.deallocate() } }
    return body(
        storage.map { $0.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } },
        buffers.map { Int32($0?.count ?? 0) }, formats)
}

func withCStrings<Result>(
    _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> Result
) -> Result {
    var storage: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { storage.forEach { free($0) } }
    return storage.withUnsafeMutableBufferPointer { buffer in
        body(buffer.map { UnsafePointer($0) })
    }
}
