import Shared
import CFastCGI

#if canImport(Glibc)
import Glibc
#endif

/// One accept thread's `FCGX_Request`: accepts a request from nginx, reads it, writes the response.
///
/// The C struct lives at a fixed heap address for its whole life because libfcgi keeps pointers into it.
final class FastCGIConnection {
    private let request: UnsafeMutablePointer<FCGX_Request>

    init(listenSocket: Int32) {
        request = .allocate(capacity: 1)
        FCGX_InitRequest(request, listenSocket, 0)
    }

    deinit {
        FCGX_Free(request, 1)
        request.deallocate()
    }

    /// Blocks until nginx sends a request; false when the listening socket was shut down.
    func accept() -> Bool {
        FCGX_Accept_r(request) >= 0
    }

    /// All CGI parameters of the accepted request.
    func parameters() -> [String: String] {
        var parameters: [String: String] = [:]
        guard var entry = request.pointee.envp else { return parameters }
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                parameters[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return parameters
    }

    /// Reads up to `limit` bytes of the body.
    func readBody(limit: Int) -> [UInt8] {
        var body: [UInt8] = []
        var chunk = [CChar](repeating: 0, count: 16_384)
        while body.count < limit {
            let wanted = Int32(min(chunk.count, limit - body.count))
            let read = FCGX_GetStr(&chunk, wanted, request.pointee.in)
            guard read > 0 else { break }
            chunk.withUnsafeBytes { body.append(contentsOf: $0.prefix(Int(read))) }
        }
        return body
    }

    /// Writes the whole response (a streamed body chunk by chunk, as it is produced) and ends the request.
    func finish(with response: Response) {
        _ = write(Array(response.headerBlock.utf8))
        if let stream = response.stream {
            stream.produce { chunk in write(chunk) }
        } else {
            _ = write(response.body)
        }
        FCGX_Finish_r(request)
    }

    /// Hands bytes to libfcgi, which sends a record whenever its buffer fills; false when nginx is gone.
    private func write(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                FCGX_PutStr($0.baseAddress, Int32($0.count), request.pointee.out) == Int32($0.count)
            }
        }
    }
}

/// The libfcgi calls the host needs outside a request.
enum FastCGI {
    /// Initialises libfcgi once per process, before any thread accepts.
    static func initialise() { _ = FCGX_Init() }

    /// Opens a listening unix socket at `path`; -1 on failure.
    static func openSocket(path: String, backlog: Int32) -> Int32 { FCGX_OpenSocket(path, backlog) }

    /// True when this process was started as plain CGI rather than by a FastCGI server.
    static var isCGI: Bool { FCGX_IsCGI() != 0 }

    /// Asks the kernel to send this process SIGTERM when its parent dies.
    static func terminateWithParent() { fcgi_host_terminate_with_parent() }

    /// Makes every later (or interrupted) accept of this process fail at once, so accept threads return.
    static func stopAccepting() { FCGX_ShutdownPending() }
}
