import Shared
import Testing

/// LSH bands make near-duplicates candidates and leave dissimilar texts apart.
@Suite struct LSHBandsTests {
    @Test func sCurveMeetsTheDocumentedTargets() {
        let bands = LSHBands.standard
        #expect(bands.signatureCount <= MinHashSignature.defaultCount)
        #expect(bands.collisionProbability(atSimilarity: 0.85) >= 0.975)
        #expect(bands.collisionProbability(atSimilarity: 0.9) >= 0.998)
        #expect(bands.collisionProbability(atSimilarity: 0.5) < 0.05)
        #expect(bands.collisionProbability(atSimilarity: 0.3) < 0.001)
    }

    @Test func pairsAtOrAboveTheThresholdShareABand() {
        var generator = TextGenerator(seed: 85)
        var pairs = 0
        var collisions = 0
        for edits in 1...3 {
            for _ in 0..<100 {
                let original = generator.words(80)
                let edited = generator.edited(original, edits: edits)
                let (left, right) = (Shingles(words: original), Shingles(words: edited))
                guard left.jaccard(right) >= 0.85 else { continue }
                pairs += 1
                let leftKeys = DedupFingerprint(text: original.joined(separator: " ")).bandKeys
                let rightKeys = DedupFingerprint(text: edited.joined(separator: " ")).bandKeys
                if zip(leftKeys, rightKeys).contains(where: { $0 == $1 }) { collisions += 1 }
            }
        }
        #expect(pairs >= 200)
        #expect(Double(collisions) >= 0.97 * Double(pairs), "\(collisions) of \(pairs)")
    }

    @Test func dissimilarPairsRarelyShareABand() {
        var generator = TextGenerator(seed: 50)
        var collisions = 0
        for _ in 0..<300 {
            let original = generator.words(60)
            // 20 of 60 words replaced: exact Jaccard around 0.2-0.4.
            let edited = generator.edited(original, edits: 20)
            let leftKeys = LSHBands.standard.keys(of: MinHashSignature(Shingles(words: original)))
            let rightKeys = LSHBands.standard.keys(of: MinHashSignature(Shingles(words: edited)))
            if zip(leftKeys, rightKeys).contains(where: { $0 == $1 }) { collisions += 1 }
        }
        #expect(collisions < 10, "\(collisions) of 300")
    }

    @Test func equalValuesInDifferentBandsGiveDifferentKeys() {
        let signature = MinHashSignature(values: [UInt64](repeating: 7, count: 128))
        let keys = LSHBands.standard.keys(of: signature)
        #expect(keys.count == 12)
        #expect(Set(keys).count == 12)
    }

    @Test func theKeysAreThoseOfTheFirstBandsOfTheEarlierSixteen() {
        let shingles = Shingles(text: "the earlier format stored sixteen band keys for every sample it recorded")
        let earlier = LSHBands(bands: 16, rows: 8).keys(of: MinHashSignature(shingles))
        #expect(DedupFingerprint(text: "the earlier format stored sixteen band keys for every sample it recorded").bandKeys
            == Array(earlier.prefix(12)))
    }
}
