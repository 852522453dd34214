import Shared

/// `GET /health`: the process answers; touches nothing else.
struct GetLiveness: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        .json(["status": "ok", "timestamp": .string(RFC3339.format(.now))])
    }
}
