/// Every error a client can get, each with its status; the router turns it into the JSON body.
///
/// Only messages written here or by a handler reach a client; database and provider errors are mapped to
/// one of these first.
public enum APIError: Error, Sendable, Equatable {
    /// 422 with `{"detail":[{type, loc, msg}]}`, the shape the earlier service's clients parse.
    case validation([FieldError])
    /// 400: well-formed but not acceptable.
    case badRequest(String)
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    /// 409: the request clashes with what exists (a name already taken).
    case conflict(String)
    case methodNotAllowed
    case payloadTooLarge(limitBytes: Int)
    case rateLimited(retryAfterSeconds: Int)
    /// 429 naming the key's quota a new job would break.
    case quotaExceeded(QuotaExceeded)
    /// 503: the database (or another dependency) cannot be reached.
    case unavailable(String)

    public var status: Int {
        switch self {
        case .validation: return 422
        case .badRequest: return 400
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .conflict: return 409
        case .methodNotAllowed: return 405
        case .payloadTooLarge: return 413
        case .rateLimited, .quotaExceeded: return 429
        case .unavailable: return 503
        }
    }

    /// The JSON body: a list of field errors for 422, a message otherwise.
    public var body: JSONValue {
        switch self {
        case .validation(let errors): return ["detail": .array(errors.map(\.json))]
        case .badRequest(let message), .unauthorized(let message), .forbidden(let message),
            .notFound(let message), .conflict(let message), .unavailable(let message):
            return ["detail": .string(message)]
        case .methodNotAllowed: return ["detail": "Method Not Allowed"]
        case .payloadTooLarge(let limit): return ["detail": .string("Request body too large (limit \(limit) bytes)")]
        case .rateLimited: return ["detail": "Too many requests"]
        case .quotaExceeded(let refusal): return refusal.body
        }
    }

    /// Extra response headers: `Retry-After` for 429, the scheme to authenticate with for 401.
    public var headers: [(String, String)] {
        if case .rateLimited(let seconds) = self { return [("Retry-After", String(seconds))] }
        if case .quotaExceeded(let refusal) = self { return [("Retry-After", String(refusal.retryAfterSeconds))] }
        if case .unauthorized = self { return [("WWW-Authenticate", "Bearer")] }
        return []
    }
}
