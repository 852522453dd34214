import Shared
import Logging

/// Answers one endpoint.
///
/// Implementations validate, make a few store calls (in one transaction when they write), and return. They
/// never call an LLM that can block, never sleep, and keep nothing between requests. Errors they throw are
/// mapped to responses by `Router` alone.
protocol Handler: Sendable {
    func handle(_ request: Request, context: HandlerContext) throws -> Response
}

/// What a handler may use besides its request: the thread's database session, settings and a logger.
struct HandlerContext {
    var requestID: String
    var logger: Logger
    var settings: Settings
    let database: DatabaseSession
    /// The request's API key; nil when the API asks for none (or the route is public).
    var caller: APIKey? = nil

    /// The owner whose resources alone this caller may see: its own key unless it is an admin; nil (all)
    /// when the API asks for no key.
    var visibleOwner: String? {
        guard let caller, !caller.allows(.admin) else { return nil }
        return caller.id
    }

    /// The thread's connection, opened on first use (so `/health` never touches the database).
    func connection() throws(DatabaseError) -> Connection {
        try database.connection()
    }
}

/// One accept thread's database connection, opened lazily and reopened after a failure.
final class DatabaseSession {
    private let settings: Settings
    private var current: Connection?

    init(settings: Settings) {
        self.settings = settings
    }

    func connection() throws(DatabaseError) -> Connection {
        if let current { return current }
        // Bounded so a stuck query cannot hold an accept thread (and nginx's request) for long.
        let connection = try Connection(
            conninfo: settings.apiDatabaseURL, applicationName: "dataforge-fcgi",
            settings: ["statement_timeout": "5000", "lock_timeout": "2000"])
        current = connection
        return connection
    }
}
