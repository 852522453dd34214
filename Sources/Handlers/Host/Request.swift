import Shared

/// One HTTP request as nginx passed it over FastCGI (or a CGI server in the environment).
struct Request: Sendable {
    var method: String
    /// The decoded path without the query, e.g. `/api/result/3f…`.
    var path: String
    /// The query's pairs in order; repeated names (`augmentation_strategies`) appear once per value.
    var query: [(name: String, value: String)]
    /// CGI parameters: `HTTP_*` headers, `CONTENT_TYPE`, `REMOTE_ADDR`, …
    var parameters: [String: String]
    var body: [UInt8]
    /// nginx's `$request_id`, or a local one when absent.
    var requestID: String
    /// Values of `{name}` segments of the matched route.
    var pathParameters: [String: String] = [:]

    init(method: String, path: String, queryString: String, parameters: [String: String], body: [UInt8], requestID: String) {
        self.method = method
        self.path = path
        self.query = Self.parseQuery(queryString)
        self.parameters = parameters
        self.body = body
        self.requestID = requestID
    }

    /// The query fields as a JSON object for `FieldReader` (the last value of a repeated name wins).
    var queryFields: JSONObject {
        var object = JSONObject()
        for (name, value) in query { object[name] = .string(value) }
        return object
    }

    /// Every value of a repeated query parameter.
    func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    static func parseQuery(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? percentDecoded(parts[1]) : ""
            return (percentDecoded(parts[0]), value)
        }
    }

    /// Decodes `%XX` and `+`; malformed escapes are kept as they are, invalid UTF-8 is repaired.
    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = iterator[iterator.startIndex].hexDigitValue,
                let low = iterator[iterator.startIndex + 1].hexDigitValue
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

}
