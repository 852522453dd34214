/// A failure of the database layer: the only error type that leaves `Database/`.
///
/// `description` is deliberately generic so it can never leak into a response; `debugDescription` has the
/// server's message and detail and the statement's name (never its parameter values) for the logs.
public struct DatabaseError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Where the failure came from.
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached or the connection broke: clients get a 503.
        case connection
        /// The server rejected the statement (`sqlState` says why).
        case server
        /// A value in a row did not decode to the Swift type asked for.
        case decoding
        /// libpq or the server answered something this layer did not expect.
        case unexpectedResult
    }

    public var kind: Kind
    public var sqlState: SQLState?
    public var message: String
    public var detail: String?
    /// The name of the statement that failed, e.g. `JobSQL.claimAvailable`.
    public var statement: String?

    public init(
        _ kind: Kind, sqlState: SQLState? = nil, message: String, detail: String? = nil, statement: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.statement = statement
    }

    /// True when retrying on a fresh connection may succeed: the connection broke or the server is going down.
    public var isConnectionFailure: Bool {
        kind == .connection || sqlState?.isConnectionClass == true || sqlState == .adminShutdown
            || sqlState == .cannotConnectNow
    }

    public var description: String { "database error" }

    public var debugDescription: String {
        var text = "DatabaseError(\(kind)"
        if let sqlState { text += ", sqlstate \(sqlState.rawValue)" }
        if let statement { text += ", statement \(statement)" }
        text += "): \(message)"
        if let detail { text += " (\(detail))" }
        return text
    }
}

/// A PostgreSQL SQLSTATE code; the ones we branch on are named.
public struct SQLState: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let uniqueViolation = SQLState(rawValue: "23505")
    public static let serializationFailure = SQLState(rawValue: "40001")
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    public static let lockNotAvailable = SQLState(rawValue: "55P03")
    public static let queryCanceled = SQLState(rawValue: "57014")
    public static let adminShutdown = SQLState(rawValue: "57P01")
    public static let cannotConnectNow = SQLState(rawValue: "57P03")
    public static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    public static let undefinedTable = SQLState(rawValue: "42P01")

    /// Class 08: connection exceptions.
    public var isConnectionClass: Bool { rawValue.hasPrefix("08") }
}
