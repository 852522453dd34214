#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Provider {
    /// Prepares, sends and interprets one request on the calling thread, which it blocks until the answer.
    ///
    /// For single calls (`POST /api/test-llm`, the CLI); the consumer sends its calls concurrently through
    /// `HTTPMulti` instead. A local answer is returned after its simulated delay.
    public func completeBlocking(_ request: CompletionRequest, client: HTTPClient) throws(ProviderError)
        -> Completion
    {
        switch prepare(request) {
        case .local(let result, let delay):
            sleep(for: delay)
            return try result.get()
        case .http(let httpRequest):
            let response: HTTPResponse
            do {
                response = try client.send(httpRequest)
            } catch {
                throw ProviderErrors.transport(error, timeoutSeconds: httpRequest.timeoutSeconds)
            }
            return try interpret(response, for: request).get()
        }
    }
}

private func sleep(for delay: Duration) {
    guard delay > .zero else { return }
    let (seconds, attoseconds) = delay.components
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    var remaining = timespec()
    // A signal can cut the sleep short; keep sleeping for what is left.
    while nanosleep(&request, &remaining) == -1, errno == EINTR {
        request = remaining
    }
}
