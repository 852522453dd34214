/// A SplitMix64 pseudo-random generator whose every draw depends only on its seed.
///
/// It deliberately does not conform to `RandomNumberGenerator`: the standard library does not promise that
/// `random(in:using:)` or `shuffled(using:)` keep their algorithms across releases, and offline prose must stay
/// byte-identical for a seed, so every derived draw is implemented here.
struct SeededGenerator: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        // Seeds that differ by SplitMix's own increment would otherwise give the same stream shifted by one.
        state = Self.mix(seed ^ 0x6A09_E667_F3BC_C908)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `0..<bound`; `bound` must be positive.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// Shuffles in place (Fisher–Yates).
    mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }
}
