/// A blocking HTTP client: one exchange at a time over `HTTPMulti`, whose pool keeps connections alive
/// between calls.
///
/// Not thread-safe: one per thread. The consumer drives many transfers at once through `HTTPMulti` itself;
/// this one serves the CLI, the handlers and single calls.
public final class HTTPClient {
    private let multi: HTTPMulti

    /// - Parameter caFile: A PEM bundle to verify servers with instead of the system's.
    public init(caFile: String? = nil) {
        multi = HTTPMulti(caFile: caFile)
    }

    /// Sends a request and reads the whole response, within the request's timeouts (libcurl enforces them,
    /// so the wait always ends).
    ///
    /// With `bodySink`, a 200 response's body goes to it as it arrives (a download of any size) and the
    /// returned response's body is empty; other responses are read whole as usual.
    public func send(_ request: HTTPRequest, bodySink: (([UInt8]) -> Bool)? = nil) throws(HTTPTransportError)
        -> HTTPResponse
    {
        multi.start(request, tag: 0, bodySink: bodySink)
        while true {
            if let finished = multi.poll(timeoutMilliseconds: 1000).first { return try finished.result.get() }
        }
    }

    /// Sends a request built from its parts: the short form of the CLI and the integration tests.
    public func send(
        method: String, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeoutSeconds: Double = 30
    ) throws(HTTPTransportError) -> HTTPResponse {
        try send(
            HTTPRequest(
                method: method, url: url, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: body ?? [],
                timeoutSeconds: timeoutSeconds, connectTimeoutSeconds: min(10, timeoutSeconds)))
    }
}
