/// Times a pass over a list of items several times and keeps the median, so one pass disturbed by other work on
/// the machine does not decide the figure.
struct MedianTimer {
    let rounds: Int

    /// Median over `rounds` of the mean microseconds per item.
    func microseconds<Item>(_ items: [Item], _ body: (Item) -> Void) -> Double {
        var means: [Double] = []
        for _ in 0..<max(rounds, 1) {
            let start = ContinuousClock.now
            for item in items { body(item) }
            let elapsed = ContinuousClock.now - start
            means.append(Double(elapsed.components.attoseconds) / 1e12 / Double(items.count)
                + Double(elapsed.components.seconds) * 1e6 / Double(items.count))
        }
        return means.sorted()[means.count / 2]
    }
}
