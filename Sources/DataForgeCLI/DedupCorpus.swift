import Shared

/// The de-duplication benchmark's samples: random texts over made-up words, with near-duplicates planted by
/// replacing a few words of an earlier original, the same on every run for a seed.
///
/// Originals are 40-80 words drawn uniformly from 5,000 words, so two of them share almost no shingles. A
/// planted sample copies an earlier original (never another planted one, so its source is always recorded)
/// and replaces 1-3 words (exact Jaccard about 0.86-0.97: should be found) or 8-12 words (about 0.45-0.7:
/// should not); the truth is each pair's exact Jaccard, not the intent.
struct DedupCorpus {
    /// A planted sample and the original it was made from.
    struct Plant {
        let sample: Int
        let source: Int
        let exactJaccard: Double
    }

    let texts: [String]
    let plants: [Plant]

    /// `count` samples, `nearShare` of them planted near-duplicates and `belowShare` planted pairs meant to
    /// fall below the threshold.
    init(count: Int, seed: UInt64, nearShare: Double = 0.03, belowShare: Double = 0.01) {
        var random = Random(state: seed)
        let vocabulary = (0..<5000).map { _ in
            String((0..<(3 + random.below(7))).map { _ in Character(Unicode.Scalar(UInt8(97 + random.below(26)))) })
        }
        var words: [[String]] = []
        var originals: [Int] = []
        var plants: [Plant] = []
        words.reserveCapacity(count)
        for index in 0..<count {
            let draw = Double(random.below(1_000_000)) / 1_000_000
            if !originals.isEmpty && draw < nearShare + belowShare {
                let source = originals[random.below(originals.count)]
                var edited = words[source]
                let edits = draw < nearShare ? 1 + random.below(3) : 8 + random.below(5)
                for _ in 0..<edits { edited[random.below(edited.count)] = vocabulary[random.below(vocabulary.count)] }
                let jaccard = Shingles(words: words[source]).jaccard(Shingles(words: edited))
                plants.append(Plant(sample: index, source: source, exactJaccard: jaccard))
                words.append(edited)
            } else {
                words.append((0..<(40 + random.below(41))).map { _ in vocabulary[random.below(vocabulary.count)] })
                originals.append(index)
            }
        }
        texts = words.map { $0.joined(separator: " ") }
        self.plants = plants
    }

    /// Recall and precision of `matches` (sample → the earlier sample it was judged a duplicate of) against
    /// exact Jaccard ≥ `threshold`: recall over the planted pairs at or above it, precision over every match.
    func score(_ matches: [Int: Int], threshold: Double) -> (recall: Double, precision: Double, positives: Int) {
        let positives = plants.filter { $0.exactJaccard >= threshold }
        let found = positives.filter { matches[$0.sample] != nil }.count
        let correct = matches.filter { sample, match in
            Shingles(text: texts[sample]).jaccard(Shingles(text: texts[match])) >= threshold
        }.count
        return (
            positives.isEmpty ? 1 : Double(found) / Double(positives.count),
            matches.isEmpty ? 1 : Double(correct) / Double(matches.count), positives.count
        )
    }

    /// SplitMix64: the corpus depends only on the seed.
    struct Random {
        var state: UInt64

        mutating func below(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
