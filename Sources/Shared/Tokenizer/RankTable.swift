/// The mergeable byte strings of an encoding and their ranks, in one flat hash table.
///
/// All token bytes live in one buffer and the table holds indices into it, so loading 200k tokens makes
/// a handful of arrays instead of 200k small ones, and a lookup takes a slice of the text's own bytes.
/// Immutable after `init`, so one table serves every thread.
struct RankTable: Sendable {
    /// The tokens' bytes, back to back; token `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let ranks: [Int32]
    /// Open addressing, linear probing. A slot holds the upper 32 bits of the key's hash and, below them,
    /// the token's index + 1 (0 is empty), so most probes that miss are told apart without comparing bytes.
    private let slots: [UInt64]
    /// The rank of each single byte (every byte is a token in a byte-level encoding), -1 where the file
    /// lacks one: `missingByte` tells, and the loader refuses such a file.
    let byteRanks: [Int]

    /// Builds the table from token `i` = `bytes[starts[i]..<starts[i + 1]]` with rank `ranks[i]`.
    init(bytes: [UInt8], starts: [Int32], ranks: [Int32]) {
        self.bytes = bytes
        self.starts = starts
        self.ranks = ranks
        let count = ranks.count
        var capacity = 1
        while capacity < count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var byteRanks = [Int](repeating: -1, count: 256)
        bytes.withUnsafeBufferPointer { buffer in
            for token in 0..<count {
                let start = Int(starts[token]), end = Int(starts[token + 1])
                if end - start == 1 { byteRanks[Int(buffer[start])] = Int(ranks[token]) }
                let hash = Self.hash(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(token + 1)
            }
        }
        self.slots = slots
        self.byteRanks = byteRanks
    }

    var count: Int { ranks.count }

    /// A byte that is not a token, or nil when all 256 are.
    var missingByte: Int? { byteRanks.firstIndex(of: -1) }

    /// The rank of a byte string, or nil when it is not a token.
    func rank(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let token = Int(entry & 0xFFFF_FFFF) - 1
                        let start = Int(starts[token]), end = Int(starts[token + 1])
                        if end - start == key.count {
                            var index = 0
                            while index < key.count && bytes[start + index] == key[index] { index += 1 }
                            if index == key.count { return Int(ranks[token]) }
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// FNV-1a over the bytes, then a final mix so the low bits used for the slot depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
