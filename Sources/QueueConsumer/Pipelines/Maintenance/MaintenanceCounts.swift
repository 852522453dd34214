import Shared

/// What a maintenance pass changed, as named counts for the log.
protocol MaintenanceCounts {
    /// Each count with its log name, in reading order.
    var changes: [(name: String, count: Int)] { get }
}

extension MaintenanceCounts {
    /// True when the pass changed nothing (nothing worth a log line).
    var isEmpty: Bool { changes.allSatisfy { $0.count == 0 } }
}

extension RescueCounts: MaintenanceCounts {
    var changes: [(name: String, count: Int)] { [("requeued", requeued), ("failed", failed)] }
}
