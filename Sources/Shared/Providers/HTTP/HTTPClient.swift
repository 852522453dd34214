import CCurl

/// An HTTP response, fully read.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]
}

/// A failed transfer (no HTTP status): connection refused, timeout, reset.
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var isTimeout: Bool
    public var description: String { message }
}

/// A blocking HTTP client over one reused libcurl easy handle (connections are kept alive between calls).
///
/// Not thread-safe: one per thread. The providers' concurrent client drives many handles through the
/// multi interface; this one serves the CLI and single calls.
public final class HTTPClient {
    private let handle: UnsafeMutableRawPointer

    public init() {
        HTTPClient.initialiseOnce
        guard let handle = curl_easy_init() else { preconditionFailure("curl_easy_init failed: out of memory") }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    private static let initialiseOnce: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Sends a request and reads the whole response.
    public func send(
        method: String, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeoutSeconds: Int = 30
    ) throws(HTTPTransportError) -> HTTPResponse {
        curl_easy_reset(handle)
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        for (name, value) in headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        defer { curl_slist_free_all(headerList) }
        curl_setopt_string(handle, CURLOPT_URL, url)
        curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        curl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds)
        curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, min(10, timeoutSeconds))
        curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            guard let data, let context else { return 0 }
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().body.append(
                contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, { data, size, count, context in
            guard let data, let context else { return 0 }
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().addHeader(line)
            return size * count
        })
        curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        let code: CURLcode = (body ?? []).withUnsafeBufferPointer { buffer in
            if body != nil {
                curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, buffer.count)
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
        return HTTPResponse(status: status, headers: collector.headers, body: collector.body)
    }

    /// Accumulates one transfer's body and headers; lives for the duration of `send`.
    private final class Collector {
        var body: [UInt8] = []
        var headers: [String: String] = [:]

        func addHeader(_ line: String) {
            if line.hasPrefix("HTTP/") { headers.removeAll() }  // a new response (after a 100 or a redirect)
            guard let colon = line.firstIndex(of: ":") else { return }
            let name = line[..<colon].lowercased()
            headers[name] = String(line[line.index(after: colon)...]).trimmingSpaces
        }
    }
}
