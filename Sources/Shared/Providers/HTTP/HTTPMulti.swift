import CCurl

/// Many HTTP exchanges in flight on one thread, through libcurl's multi interface.
///
/// Connections are pooled by the multi handle and reused across transfers; HTTP/2 is negotiated over TLS
/// where the server offers it, and then many transfers share one connection. Nothing here blocks except
/// `poll`, which waits for network activity at most as long as it is told. Not thread-safe: one per thread.
public final class HTTPMulti {
    /// A finished exchange.
    public struct Finished {
        public var tag: Int
        public var result: Result<HTTPResponse, HTTPTransportError>
        /// From the start of the transfer to its end, as libcurl measured it.
        public var seconds: Double
        /// 2 for HTTP/2, 1 for HTTP/1.x, 0 without a response.
        public var httpMajorVersion: Int
        /// Connections this transfer had to open (0: it reused or shared one).
        public var newConnections: Int
    }

    private let multi: UnsafeMutableRawPointer
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    /// Finished easy handles kept for the next transfers: curl_easy_reset keeps their DNS and TLS caches.
    private var spare: [UnsafeMutableRawPointer] = []
    /// Transfers libcurl refused to start, reported by the next `poll`.
    private var refused: [Finished] = []
    /// A response body larger than this aborts its transfer with a clear error instead of growing the process.
    public let maxResponseBytes: Int
    public static let defaultMaxResponseBytes = 16 << 20

    /// Trusted certificates instead of the system's (a private CA in front of a self-hosted model server).
    private let caFile: String?

    /// - Parameters:
    ///   - caFile: A PEM bundle to verify servers with instead of the system's.
    ///   - maxConnectionsPerHost: 0 is unlimited (HTTP/1.1 then opens one connection per transfer in flight);
    ///     HTTP/2 multiplexes regardless.
    ///   - maxResponseBytes: The largest response body accepted.
    public init(caFile: String? = nil, maxConnectionsPerHost: Int = 0, maxResponseBytes: Int = defaultMaxResponseBytes) {
        self.caFile = caFile
        self.maxResponseBytes = maxResponseBytes
        HTTPMulti.initialiseOnce
        guard let multi = curl_multi_init() else { preconditionFailure("curl_multi_init failed: out of memory") }
        self.multi = multi
        curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
    }

    deinit {
        for handle in active.keys {
            curl_multi_remove_handle(multi, handle)
            curl_easy_cleanup(handle)
        }
        for handle in spare { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    static let initialiseOnce: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Exchanges started and not yet returned by `poll`.
    public var inFlight: Int { active.count }

    /// Starts an exchange; its result comes back from a later `poll` under `tag`. A transfer libcurl refuses
    /// to set up comes back as a failure from the next `poll`, so no call is ever left in flight forever.
    ///
    /// With `bodySink`, a 200 response's body is handed to it chunk by chunk as it arrives instead of being
    /// kept (the response then has an empty body, and no size limit applies); the sink answers false to abort.
    public func start(_ request: HTTPRequest, tag: Int, bodySink: (([UInt8]) -> Bool)? = nil) {
        let handle = spare.popLast() ?? makeHandle()
        let transfer = Transfer(tag: tag, maxBodyBytes: maxResponseBytes, sink: bodySink)
        for header in request.headers {
            transfer.headerList = curl_slist_append(transfer.headerList, "\(header.name): \(header.value)")
        }
        // libcurl sends `Expect: 100-continue` for larger bodies and waits for an answer first; APIs don't need it.
        transfer.headerList = curl_slist_append(transfer.headerList, "Expect:")
        var codes = [
            curl_setopt_string(handle, CURLOPT_URL, request.url),
            curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method),
            curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(request.timeoutSeconds * 1000)),
            curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeoutSeconds * 1000)),
            curl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)),
            curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            curl_setopt_slist(handle, CURLOPT_HTTPHEADER, transfer.headerList),
        ]
        // Over TLS, wait for a connection being set up to say whether it multiplexes (HTTP/2) rather than open
        // another; the wait ends with the handshake, so it is bounded by the connect timeout. Plain HTTP never
        // multiplexes here, and waiting there made every new call queue behind the first one's fate.
        if request.url.lowercased().hasPrefix("https:") { codes.append(curl_setopt_long(handle, CURLOPT_PIPEWAIT, 1)) }
        if let caFile { codes.append(curl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        if !request.body.isEmpty || request.method == "POST" {
            codes.append(curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count))
            // Copied by libcurl, so the request's bytes need not outlive this call. An empty body still needs
            // a valid pointer: with a null one libcurl would read the body from stdin.
            (request.body.isEmpty ? [0] : request.body).withUnsafeBytes { bytes in
                codes.append(curl_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)))
            }
        }
        let context = Unmanaged.passUnretained(transfer.collector).toOpaque()
        codes += [
            curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseCollector.bodyCallback),
            curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseCollector.headerCallback),
            curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
        ]
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            refuse(handle, tag: tag, message: "cannot set up the request: " + String(cString: curl_easy_strerror(failed)))
            return
        }
        active[handle] = transfer
        let added = curl_multi_add_handle(multi, handle)
        guard added == CURLM_OK else {
            active[handle] = nil
            refuse(handle, tag: tag, message: "cannot start the request: " + String(cString: curl_multi_strerror(added)))
            return
        }
    }

    /// Moves every transfer forward, waiting up to `timeoutMilliseconds` for network activity when none is
    /// ready, and returns the exchanges that finished.
    public func poll(timeoutMilliseconds: Int32) -> [Finished] {
        poll(timeoutMilliseconds: timeoutMilliseconds, watching: -1).finished
    }

    /// The same, also waking when `descriptor` (another socket of the caller's, such as the database's; -1 for
    /// none) becomes readable: one wait for every kind of event, so nothing polls.
    public func poll(timeoutMilliseconds: Int32, watching descriptor: Int32) -> (finished: [Finished], readable: Bool) {
        var running: Int32 = 0
        curl_multi_perform(multi, &running)
        var finished = collectFinished()
        guard finished.isEmpty, timeoutMilliseconds > 0 else { return (finished, false) }
        var readable = false
        if descriptor >= 0 {
            var watched = curl_waitfd(fd: descriptor, events: Int16(CURL_WAIT_POLLIN), revents: 0)
            curl_multi_poll(multi, &watched, 1, timeoutMilliseconds, nil)
            readable = watched.revents & Int16(CURL_WAIT_POLLIN) != 0
        } else {
            curl_multi_poll(multi, nil, 0, timeoutMilliseconds, nil)
        }
        curl_multi_perform(multi, &running)
        finished = collectFinished()
        return (finished, readable)
    }

    /// Ends every exchange in flight at once; each comes back as a failure.
    public func abortAll() -> [Finished] {
        var aborted: [Finished] = []
        for (handle, transfer) in active {
            curl_multi_remove_handle(multi, handle)
            curl_easy_reset(handle)
            spare.append(handle)
            aborted.append(Finished(
                tag: transfer.tag, result: .failure(HTTPTransportError(message: "abandoned: the consumer stopped", isTimeout: false)),
                seconds: 0, httpMajorVersion: 0, newConnections: 0))
        }
        active.removeAll()
        return aborted
    }

    /// Reports a transfer that never started as failed at the next `poll`, and keeps its handle for reuse.
    private func refuse(_ handle: UnsafeMutableRawPointer, tag: Int, message: String) {
        curl_easy_reset(handle)
        spare.append(handle)
        refused.append(Finished(
            tag: tag, result: .failure(HTTPTransportError(message: message, isTimeout: false)), seconds: 0,
            httpMajorVersion: 0, newConnections: 0))
    }

    private func collectFinished() -> [Finished] {
        var finished = refused
        refused.removeAll()
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                let transfer = active[handle]
            else { continue }
            let code = message.pointee.data.result
            var status = 0
            var seconds = 0.0
            var version = 0
            var connects = 0
            curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            curl_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
            curl_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
            curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
            let result: Result<HTTPResponse, HTTPTransportError> = if code == CURLE_OK {
                .success(transfer.collector.response(status: status))
            } else if transfer.collector.isOverLimit {
                .failure(HTTPTransportError(
                    message: "the response was larger than \(maxResponseBytes) bytes", isTimeout: false))
            } else {
                .failure(HTTPTransportError(
                    message: String(cString: curl_easy_strerror(code)), isTimeout: code == CURLE_OPERATION_TIMEDOUT))
            }
            let major = switch version {
            case Int(CURL_HTTP_VERSION_2_0): 2
            case Int(CURL_HTTP_VERSION_1_0), Int(CURL_HTTP_VERSION_1_1): 1
            default: 0
            }
            finished.append(Finished(
                tag: transfer.tag, result: result, seconds: seconds, httpMajorVersion: major, newConnections: connects))
            // The handle leaves libcurl before the collector its callbacks point to is freed.
            curl_multi_remove_handle(multi, handle)
            active[handle] = nil
            curl_easy_reset(handle)
            spare.append(handle)
        }
        return finished
    }

    private func makeHandle() -> UnsafeMutableRawPointer {
        guard let handle = curl_easy_init() else { preconditionFailure("curl_easy_init failed: out of memory") }
        return handle
    }

    /// One exchange's state while libcurl owns its handle.
    private final class Transfer {
        let tag: Int
        let collector: ResponseCollector
        var headerList: UnsafeMutablePointer<curl_slist>?

        init(tag: Int, maxBodyBytes: Int, sink: (([UInt8]) -> Bool)?) {
            self.tag = tag
            collector = ResponseCollector(maxBodyBytes: maxBodyBytes, sink: sink)
        }

        deinit { curl_slist_free_all(headerList) }
    }
}

/// Accumulates one response's body and headers from libcurl's callbacks.
private final class ResponseCollector {
    private let maxBodyBytes: Int
    private var body: [UInt8] = []
    private var headers: [String: String] = [:]
    /// Takes a 200 response's body instead of `body`.
    private let sink: (([UInt8]) -> Bool)?
    /// The status of the response being received, from its status line.
    private var status = 0
    /// The body outgrew `maxBodyBytes` and the transfer was aborted.
    private(set) var isOverLimit = false

    init(maxBodyBytes: Int, sink: (([UInt8]) -> Bool)?) {
        self.maxBodyBytes = maxBodyBytes
        self.sink = sink
    }

    func response(status: Int) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: body)
    }

    private func addHeader(_ line: String) {
        if line.hasPrefix("HTTP/") {  // a new response (after a 100 or a redirect)
            headers.removeAll()
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        headers[name] = String(line[line.index(after: colon)...]).trimmingSpaces
    }

    static let bodyCallback: curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        if let sink = collector.sink, collector.status == 200 {
            return sink(Array(UnsafeRawBufferPointer(start: data, count: size * count))) ? size * count : 0
        }
        guard collector.body.count + size * count <= collector.maxBodyBytes else {
            collector.isOverLimit = true
            return 0  // anything but the size given aborts the transfer
        }
        collector.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
        return size * count
    }

    static let headerCallback: curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
        Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue().addHeader(line)
        return size * count
    }
}
