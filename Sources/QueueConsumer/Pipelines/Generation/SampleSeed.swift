import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Stable identities derived from (job, index): the same sample gets the same seed and id on every run,
/// so a resumed job regenerates exactly what a lost run would have written.
enum SampleSeed {
    /// FNV-1a over the job id's bytes and the index, finished with a SplitMix64 step to spread the bits.
    static func derive(jobID: UUID, index: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        withUnsafeBytes(of: jobID.uuid) { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        for shift in stride(from: 0, to: 64, by: 8) {
            hash = (hash ^ (UInt64(truncatingIfNeeded: index) >> UInt64(shift) & 0xff)) &* 0x0000_0100_0000_01b3
        }
        var z = hash &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A version-4-shaped UUID from the seed, so a sample's id is the same on a resumed run.
    static func sampleID(jobID: UUID, index: Int) -> UUID {
        let high = derive(jobID: jobID, index: index)
        let low = derive(jobID: jobID, index: ~index)
        var bytes = [UInt8](repeating: 0, count: 16)
        for offset in 0..<8 {
            bytes[offset] = UInt8(truncatingIfNeeded: high >> UInt64(offset * 8))
            bytes[offset + 8] = UInt8(truncatingIfNeeded: low >> UInt64(offset * 8))
        }
        bytes[6] = bytes[6] & 0x0f | 0x40
        bytes[8] = bytes[8] & 0x3f | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// A short non-cryptographic fingerprint of a prompt, to group identical prompts in `llm_calls`.
    static func hexDigest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
