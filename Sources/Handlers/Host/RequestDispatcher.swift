import Shared
import Logging

/// Turns CGI parameters and a body into a `Request`, routes it, and logs it: shared by FastCGI and CGI.
struct RequestDispatcher {
    let router: Router
    let settings: Settings
    let logger: Logger

    /// Answers one request; `readBody` is called only when the declared length is within the limit.
    func respond(parameters: [String: String], readBody: (Int) -> [UInt8], database: DatabaseSession) -> Response {
        let requestID = parameters["REQUEST_ID"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.localRequestID()
        var logger = logger
        logger[metadataKey: "request_id"] = .string(requestID)
        let length = Int(parameters["CONTENT_LENGTH"] ?? "") ?? 0
        if length > settings.maxBodyBytes {
            return Router.response(for: .payloadTooLarge(limitBytes: settings.maxBodyBytes))
        }
        let body = length > 0 ? readBody(length) : []
        let request = Request(
            method: parameters["REQUEST_METHOD"] ?? "GET", path: Self.path(parameters),
            queryString: parameters["QUERY_STRING"] ?? "", parameters: parameters, body: body, requestID: requestID)
        let context = HandlerContext(requestID: requestID, logger: logger, settings: settings, database: database)
        let response = router.respond(to: request, context: context)
        if response.status >= 500 {
            logger.warning("request failed", metadata: ["status": "\(response.status)", "path": "\(request.path)"])
        }
        return response
    }

    /// nginx sends the normalised, decoded path as DOCUMENT_URI; CGI servers as SCRIPT_NAME + PATH_INFO.
    static func path(_ parameters: [String: String]) -> String {
        if let uri = parameters["DOCUMENT_URI"], !uri.isEmpty { return uri }
        let cgiPath = (parameters["SCRIPT_NAME"] ?? "") + (parameters["PATH_INFO"] ?? "")
        if !cgiPath.isEmpty { return cgiPath }
        let requestURI = parameters["REQUEST_URI"] ?? "/"
        return String(requestURI.prefix { $0 != "?" })
    }

    private static func localRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16)
    }
}
