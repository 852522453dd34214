import Shared
import Testing

/// MinHash signatures estimate the Jaccard similarity of word-shingle sets, the same way everywhere.
@Suite struct MinHashSignatureTests {
    private func signature(_ text: String) -> MinHashSignature {
        MinHashSignature(Shingles(text: text))
    }

    @Test func identicalAndTriviallyDifferentTextsHaveEqualSignatures() {
        let text = "The earbuds stay in during a run, and the battery lasts the whole day."
        #expect(signature(text) == signature(text))
        #expect(signature(text) == signature("the EARBUDS stay in during a run -- and the battery lasts the whole day!"))
        #expect(signature(text).values.count == 128)
    }

    /// With 128 functions the estimate is binomial around the exact value (σ up to 0.044 at J = 0.5), so
    /// ±0.08 is about 1.8σ there: an ideal estimator keeps ~97 % of such pairs within it, not all. The test
    /// promises that share, no pair beyond ±0.15 (3.4σ), and no bias.
    @Test func estimateIsWithinEightHundredthsOfExactJaccardForAlmostEveryPair() {
        var generator = TextGenerator(seed: 42)
        var errors: [Double] = []
        // 60-word texts with 0 to 30 words replaced: exact similarities from 1 down to about 0.1.
        for edits in [0, 1, 2, 3, 4, 6, 8, 12, 16, 20, 30] {
            for _ in 0..<40 {
                let original = generator.words(60)
                let edited = generator.edited(original, edits: edits)
                let (left, right) = (Shingles(words: original), Shingles(words: edited))
                let exact = left.jaccard(right)
                errors.append(MinHashSignature(left).jaccardEstimate(MinHashSignature(right)) - exact)
            }
        }
        let within = errors.filter { abs($0) <= 0.08 }.count
        let bias = errors.reduce(0, +) / Double(errors.count)
        #expect(Double(within) >= 0.95 * Double(errors.count), "\(within) of \(errors.count) within ±0.08")
        #expect(errors.allSatisfy { abs($0) <= 0.15 }, "largest error \(errors.map(abs).max() ?? 0)")
        #expect(abs(bias) < 0.01, "mean signed error \(bias)")
    }

    @Test func estimateNearTheThresholdIsWithinEightHundredths() {
        var generator = TextGenerator(seed: 850)
        var errors: [Double] = []
        // 100-word texts with 1 or 2 words replaced: exact similarity 0.92-0.97, where σ is under 0.024.
        for edits in [1, 2] {
            for _ in 0..<100 {
                let original = generator.words(100)
                let (left, right) = (Shingles(words: original), Shingles(words: generator.edited(original, edits: edits)))
                errors.append(abs(MinHashSignature(left).jaccardEstimate(MinHashSignature(right)) - left.jaccard(right)))
            }
        }
        #expect(errors.allSatisfy { $0 <= 0.08 }, "largest error \(errors.max() ?? 0)")
    }

    @Test func unrelatedTextsEstimateNearZero() {
        var generator = TextGenerator(seed: 7)
        for _ in 0..<50 {
            let estimate = MinHashSignature(Shingles(words: generator.words(50)))
                .jaccardEstimate(MinHashSignature(Shingles(words: generator.words(50))))
            #expect(estimate < 0.05)
        }
    }

    @Test func signaturesAreTheSameInEveryProcess() {
        // Hard-coded from one run: a change here invalidates every signature stored in PostgreSQL.
        let values = signature("The battery lasts all day and the case charges fast.").values
        #expect(Array(values.prefix(3)) == [1_327_738_575_511_351_523, 225_861_617_260_622_839, 85_249_405_015_672_634])
    }

    @Test func textsShorterThanAShingleAreOneShingle() {
        #expect(Shingles(text: "great sound").hashes.count == 1)
        #expect(Shingles(text: "").hashes.count == 1)
        #expect(Shingles(text: "great sound").hashes != Shingles(text: "great price").hashes)
        #expect(Shingles(text: "one two three four").hashes.count == 2)
    }

    @Test func exactJaccardCountsSharedShingles() {
        let left = Shingles(text: "a b c d e")  // abc bcd cde
        let right = Shingles(text: "a b c d x")  // abc bcd cdx
        #expect(left.jaccard(right) == 2.0 / 4.0)
        #expect(left.jaccard(left) == 1)
    }
}
