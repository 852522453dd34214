import Shared

#if canImport(Glibc)
import Glibc
#endif

/// Plain CGI: one request from the environment and stdin, one response on stdout.
enum CGIRequest {
    static func serve(dispatcher: RequestDispatcher, database: DatabaseSession) {
        let parameters = currentEnvironment()
        let response = dispatcher.respond(parameters: parameters, readBody: readStandardInput, database: database)
        guard writeAll(Array(response.headerBlock.utf8) + response.body) else { return }
        response.stream?.produce(writeAll)
    }

    /// Writes every byte to stdout; false when it is closed.
    private static func writeAll(_ output: [UInt8]) -> Bool {
        var written = 0
        while written < output.count {
            let count = output.withUnsafeBytes { write(1, $0.baseAddress.map { $0 + written }, $0.count - written) }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    private static func readStandardInput(limit: Int) -> [UInt8] {
        var body = [UInt8](repeating: 0, count: limit)
        var total = 0
        while total < limit {
            let count = body.withUnsafeMutableBytes { read(0, $0.baseAddress.map { $0 + total }, limit - total) }
            guard count > 0 else { break }
            total += count
        }
        return Array(body.prefix(total))
    }
}
