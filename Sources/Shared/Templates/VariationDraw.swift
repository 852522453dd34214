/// The combination of pool entries for one sample: a seeded bijection of the index onto the mixed-radix
/// numbers below the product of the pool sizes, so distinct indices of a job get distinct combinations.
///
/// The seed picks an odd multiplier coprime to the total and an offset (`index * a + b mod total`), and
/// shuffles each pool's order, so two jobs see different sequences and one seed always the same.
struct VariationDraw: Equatable {
    /// One position per pool, in `DiversityPools.sizes` order.
    var digits: [Int]

    init(index: Int, seed: UInt64, sizes: [Int]) {
        let total = sizes.reduce(1, *)
        var state = Self.mix(seed)
        let multiplier = Self.coprime(to: total, from: state)
        state = Self.mix(state)
        let offset = Int(state % UInt64(max(total, 1)))
        let position = (index.modulo(total) * multiplier.modulo(total) + offset)
            .modulo(total)
        var rest = position
        var digits: [Int] = []
        for (pool, size) in sizes.enumerated() {
            let digit = rest % max(size, 1)
            rest /= max(size, 1)
            digits.append(Self.permutation(size: size, seed: Self.mix(seed &+ UInt64(pool) &+ 1))[digit])
        }
        self.digits = digits
    }

    /// SplitMix64's finaliser: spreads every bit of `value` over the result.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static func coprime(to total: Int, from state: UInt64) -> Int {
        guard total > 1 else { return 1 }
        var candidate = Int(state % UInt64(total)) | 1
        while gcd(candidate, total) != 1 { candidate = (candidate + 2) % total | 1 }
        return candidate
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// A Fisher–Yates shuffle of `0..<size` driven by `seed`.
    private static func permutation(size: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<max(size, 1))
        var state = seed
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            state = mix(state)
            order.swapAt(index, Int(state % UInt64(index + 1)))
        }
        return order
    }
}

extension Int {
    /// The non-negative remainder of division by `modulus` (0 for a modulus below 1).
    fileprivate func modulo(_ modulus: Int) -> Int {
        guard modulus > 0 else { return 0 }
        let remainder = self % modulus
        return remainder < 0 ? remainder + modulus : remainder
    }
}
