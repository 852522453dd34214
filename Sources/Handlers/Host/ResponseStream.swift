/// A response body produced while it is sent: `produce` hands chunks to `write` as they are ready, so a large
/// body is never held in memory. `write` answers false once the client is gone; `produce` then stops early.
///
/// Unchecked: a stream is created by a handler and run by the same accept thread right after, with that
/// thread's database connection, and never crosses threads.
final class ResponseStream: @unchecked Sendable {
    let produce: (_ write: ([UInt8]) -> Bool) -> Void

    init(produce: @escaping (_ write: ([UInt8]) -> Bool) -> Void) {
        self.produce = produce
    }
}
