import Foundation
import Synchronization

/// Runs `body` on `count` threads of its own at once and returns the results in index order.
///
/// Real threads, not Dispatch's pool: it would run only as many at once as the machine has cores.
func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let results = Mutex<[Int: T]>([:])
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            let value = body(index)
            results.withLock { $0[index] = value }
            group.leave()
        }
    }
    group.wait()
    return results.withLock { collected in (0..<count).compactMap { collected[$0] } }
}

/// Seconds `body` takes, with its result.
func timed<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
    let start = Date()
    let value = try body()
    return (Date().timeIntervalSince(start), value)
}
