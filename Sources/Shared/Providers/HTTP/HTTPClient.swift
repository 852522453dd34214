import CCurl

/// A blocking HTTP client over one reused libcurl easy handle (connections are kept alive between calls).
///
/// Not thread-safe: one per thread. The consumer drives many transfers at once through `HTTPMulti`; this
/// one serves the CLI, the handlers and single calls.
public final class HTTPClient {
    private let handle: UnsafeMutableRawPointer

    public init() {
        HTTPClient.initialiseOnce
        guard let handle = curl_easy_init() else { preconditionFailure("curl_easy_init failed: out of memory") }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    private static let initialiseOnce: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Sends a request and reads the whole response, within the request's timeouts.
    public func send(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
        curl_easy_reset(handle)
        let collector = ResponseCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in request.headers { headerList = curl_slist_append(headerList, "\(header.name): \(header.value)") }
        // libcurl sends `Expect: 100-continue` for larger bodies and waits for an answer first; APIs don't need it.
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }
        curl_setopt_string(handle, CURLOPT_URL, request.url)
        curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(request.timeoutSeconds * 1000))
        curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeoutSeconds * 1000))
        curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseCollector.bodyCallback)
        curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseCollector.headerCallback)
        curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        // An empty POST still needs a valid pointer: with a null one libcurl reads the body from stdin.
        let body = request.body.isEmpty ? [0] : request.body
        let code: CURLcode = body.withUnsafeBufferPointer { buffer in
            if !request.body.isEmpty || request.method == "POST" {
                curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count)
                curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            throw HTTPTransportError(
                message: String(cString: curl_easy_strerror(code)), isTimeout: code == CURLE_OPERATION_TIMEDOUT)
        }
        var status = 0
        curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return collector.response(status: status)
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
