/// 64-bit hashes that are the same in every process and on every machine, for MinHash and LSH keys.
///
/// Swift's `Hasher` is seeded randomly per process, so signatures stored by one consumer would never match
/// another's; these are FNV-1a for bytes and the SplitMix64 finaliser for mixing, both fixed forever
/// (changing them invalidates every stored signature and band key).
enum StableHash {
    /// FNV-1a over `bytes`, finalised with `mix` so that short inputs spread over all 64 bits.
    static func bytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return mix(hash)
    }

    /// The SplitMix64 finaliser: a bijection on 64 bits whose every output bit depends on every input bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Folds `value` into a running hash `seed`, order-sensitively.
    @inline(__always)
    static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed &* 0x9e37_79b9_7f4a_7c15 ^ value)
    }
}
