import Shared
import Logging

/// Matches a request to its handler and turns every error into a response: the only `catch` of the API.
struct Router: Sendable {
    /// One route: a method and a path pattern whose `{name}` segments match any one segment.
    struct Route: Sendable {
        var method: String
        var segments: [Substring]
        var handler: any Handler
        var access: RouteAccess

        init(_ method: String, _ pattern: String, _ handler: any Handler, access: RouteAccess? = nil) {
            self.method = method
            self.segments = pattern.split(separator: "/")
            self.handler = handler
            self.access = access ?? .standard(method: method, pattern: pattern)
        }

        func match(_ pathSegments: [Substring]) -> [String: String]? {
            guard pathSegments.count == segments.count else { return nil }
            var parameters: [String: String] = [:]
            for (pattern, segment) in zip(segments, pathSegments) {
                if pattern.first == "{" && pattern.last == "}" {
                    parameters[String(pattern.dropFirst().dropLast())] = String(segment)
                } else if pattern != segment {
                    return nil
                }
            }
            return parameters
        }
    }

    let routes: [Route]

    func respond(to request: Request, context: HandlerContext) -> Response {
        let pathSegments = request.path.split(separator: "/")
        var pathMatched = false
        for route in routes {
            guard let parameters = route.match(pathSegments) else { continue }
            pathMatched = true
            guard route.method == request.method || (route.method == "GET" && request.method == "HEAD") else {
                continue
            }
            var request = request
            request.pathParameters = parameters
            return respond(to: request, with: route, context: context)
        }
        return Self.response(for: pathMatched ? .methodNotAllowed : .notFound("Not Found"))
    }

    private func respond(to request: Request, with route: Route, context: HandlerContext) -> Response {
        var context = context
        do {
            if context.settings.requiresAPIKey, case .scope(let scope) = route.access {
                context.caller = try Authenticator.caller(of: request, needing: scope, connection: context.connection)
            }
            return try route.handler.handle(request, context: context)
        } catch let error as APIError {
            return Self.response(for: error)
        } catch let error as DatabaseError where error.isConnectionFailure {
            context.logger.warning("database unavailable", metadata: ["error": "\(error.debugDescription)"])
            return Self.response(for: .unavailable("Database unavailable"))
        } catch let error as DatabaseError where error.sqlState == .queryCanceled || error.sqlState == .lockNotAvailable {
            // A statement or lock timeout: the database is busy, not the request wrong.
            context.logger.warning("database too slow", metadata: ["error": "\(error.debugDescription)"])
            return Self.response(for: .unavailable("The database took too long to answer; try again"))
        } catch let error as DatabaseError {
            context.logger.error("database error", metadata: ["error": "\(error.debugDescription)"])
            return .json(["detail": "Internal Server Error"], status: 500)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return .json(["detail": "Internal Server Error"], status: 500)
        }
    }

    static func response(for error: APIError) -> Response {
        .json(error.body, status: error.status, headers: error.headers)
    }
}
