import Shared

/// What a handler answers: a status, headers and a body, or a body streamed after the headers.
struct Response: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// When set, the body is written in chunks as it is produced, with no Content-Length (and `body` is empty).
    var stream: ResponseStream? = nil

    /// A JSON response; every body of the API goes through here.
    static func json(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = []) -> Response {
        Response(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: value.jsonBytes)
    }

    /// A body streamed in chunks; nginx is told not to buffer it whole before passing it on.
    static func streamed(
        contentType: String, headers: [(String, String)] = [], produce: @escaping (_ write: ([UInt8]) -> Bool) -> Void
    ) -> Response {
        Response(
            status: 200, headers: [("Content-Type", contentType), ("X-Accel-Buffering", "no")] + headers, body: [],
            stream: ResponseStream(produce: produce))
    }

    /// The CGI/FastCGI header block: `Status:` first, then the headers, then a blank line.
    var headerBlock: String {
        var text = "Status: \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if stream == nil { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        return text
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 413: return "Payload Too Large"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 503: return "Service Unavailable"
        default: return status < 400 ? "OK" : "Internal Server Error"
        }
    }
}
