import Shared

/// `GET /`: what this service is and where its health and docs are.
struct GetRoot: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        .json([
            "name": .string(ServiceInfo.name), "version": .string(ServiceInfo.version),
            "description": .string(ServiceInfo.description), "docs_url": "/docs", "health_url": "/api/health",
        ])
    }
}
