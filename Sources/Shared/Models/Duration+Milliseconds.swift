extension Duration {
    /// The duration in milliseconds, for latencies in logs, responses and `llm_calls`.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// The duration in seconds, for the database's intervals.
    public var seconds: Double { milliseconds / 1000 }
}
