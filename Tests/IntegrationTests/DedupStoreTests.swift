import Foundation
import Shared
import Synchronization
import Testing

extension StackTests {
    /// The de-duplication index (sql/0011) as a pipeline stage calls it: one sample at a time, by id and scope.
    @Suite
    struct DedupStoreTests {
        let store: DedupStore

        init() throws {
            store = DedupStore(try TestStack.database())
        }

        /// `count` random words of a 2,000-word vocabulary: texts no other test (or run) writes.
        static func randomText(words count: Int) -> [String] {
            (0..<count).map { _ in "w\(Int.random(in: 0..<2000))" }
        }

        /// `words` with one word replaced: 100 words give exact Jaccard 95/101 ≈ 0.94.
        static func nearDuplicate(of words: [String]) -> [String] {
            var edited = words
            edited[words.count / 2] = "edited\(Int.random(in: 0..<1_000_000))"
            return edited
        }

        @Test func exactDuplicateNamesTheFirstSample() throws {
            let scope = DedupScope.job(UUID())
            let first = UUID()
            let words = Self.randomText(words: 30)
            #expect(try store.checkAndRecord(sampleID: first, scope: scope, text: words.joined(separator: " ")) == .unique)
            let variant = words.joined(separator: ",  ").uppercased() + "!"
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: scope, text: variant) == .exactDuplicate(of: first))
        }

        @Test func nearDuplicateNamesTheFirstSampleAndItsSimilarity() throws {
            let scope = DedupScope.job(UUID())
            let first = UUID()
            let text = Self.randomText(words: 100)
            let edited = Self.nearDuplicate(of: text)
            #expect(try store.checkAndRecord(sampleID: first, scope: scope, text: text.joined(separator: " ")) == .unique)
            let verdict = try store.checkAndRecord(sampleID: UUID(), scope: scope, text: edited.joined(separator: " "))
            guard case .nearDuplicate(let of, let jaccard) = verdict else {
                Issue.record("expected a near-duplicate, got \(verdict)")
                return
            }
            #expect(of == first)
            #expect(jaccard == Shingles(words: text).jaccard(Shingles(words: edited)), "the exact shingle similarity")
            #expect(jaccard >= 0.85 && jaccard < 1)
        }

        @Test func aBatchIsCheckedInOrderAgainstItsOwnEarlierSamples() throws {
            let scope = DedupScope.job(UUID())
            let text = Self.randomText(words: 100)
            let other = Self.randomText(words: 100)
            let samples = [text, other, Self.nearDuplicate(of: text), other].map {
                FingerprintedSample(id: UUID(), text: $0.joined(separator: " "))
            }
            let verdicts = try store.checkAndRecord(samples, scope: scope)
            #expect(verdicts.count == 4)
            #expect(verdicts[0] == .unique && verdicts[1] == .unique)
            guard case .nearDuplicate(let of, _) = verdicts[2] else {
                Issue.record("expected a near-duplicate, got \(verdicts[2])")
                return
            }
            #expect(of == samples[0].id)
            #expect(verdicts[3] == .exactDuplicate(of: samples[1].id))
        }

        @Test func moreThanOneStatementsWorthKeepsEveryVerdictInOrder() throws {
            let scope = DedupScope.job(UUID())
            let texts = (0..<(DedupStore.maxBatch + 10)).map { _ in Self.randomText(words: 30).joined(separator: " ") }
            let samples = (texts + texts).map { FingerprintedSample(id: UUID(), text: $0) }
            let verdicts = try store.checkAndRecord(samples, scope: scope)
            #expect(verdicts.prefix(texts.count).allSatisfy { $0 == .unique })
            for (offset, verdict) in verdicts.dropFirst(texts.count).enumerated() {
                #expect(verdict == .exactDuplicate(of: samples[offset].id))
            }
        }

        @Test func dissimilarTextsAreBothRecorded() throws {
            let scope = DedupScope.job(UUID())
            let words = Self.randomText(words: 60)
            var edited = words
            for index in stride(from: 0, to: 60, by: 3) { edited[index] = "other\(index)" }
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: scope, text: words.joined(separator: " ")) == .unique)
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: scope, text: edited.joined(separator: " ")) == .unique)
        }

        @Test func aHigherThresholdLetsANearDuplicateThrough() throws {
            let scope = DedupScope.job(UUID())
            let words = Self.randomText(words: 100)
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: scope, text: words.joined(separator: " ")) == .unique)
            let edited = Self.nearDuplicate(of: words)
            let answer = try #require(
                try store.answers([FingerprintedSample(id: UUID(), text: edited.joined(separator: " "))], scope: scope, threshold: 1)
                    .first)
            #expect(answer.verdict == .unique)
            #expect(answer.nearestJaccard == Shingles(words: words).jaccard(Shingles(words: edited)),
                    "a unique sample still reports how alike its nearest recorded one is")
            #expect(answer.uniqueness > 0 && answer.uniqueness < 0.15)
        }

        @Test func scopesAreSeparateButGlobalSeesEveryJob() throws {
            let text = Self.randomText(words: 40).joined(separator: " ")
            let (jobA, jobB) = (UUID(), UUID())
            let first = UUID()
            #expect(try store.checkAndRecord(sampleID: first, scope: .job(jobA), text: text) == .unique)
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: .job(jobB), text: text) == .unique)
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: .dataset(jobA), text: text) == .unique)
            #expect(try store.checkAndRecord(sampleID: first, scope: .global, text: text) == .unique)
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: .global, text: text) == .exactDuplicate(of: first))
        }

        @Test func checkingARecordedSampleAgainIsUniqueAndRecordsNothing() throws {
            let scope = DedupScope.job(UUID())
            let sample = UUID()
            let text = Self.randomText(words: 50).joined(separator: " ")
            #expect(try store.checkAndRecord(sampleID: sample, scope: scope, text: text) == .unique)
            #expect(try store.checkAndRecord(sampleID: sample, scope: scope, text: text) == .unique)
            #expect(try store.checkAndRecord(sampleID: UUID(), scope: scope, text: text) == .exactDuplicate(of: sample))
        }

        /// Each round, two connections on two threads check one of a pair of near-duplicates each at the same
        /// moment, and each holds its transaction open a little after checking (as a stage writing the sample
        /// would), so without the locks both would see an empty scope and both record.
        @Test func twoWritersOfNearDuplicatesAtOnceKeepExactlyOne() throws {
            let rounds = 40
            let pairs = (0..<rounds).map { _ in
                let words = Self.randomText(words: 100)
                return [words.joined(separator: " "), Self.nearDuplicate(of: words).joined(separator: " ")]
            }
            let scopes = (0..<rounds).map { _ in DedupScope.job(UUID()) }
            let arrived = Atomic<Int>(0)
            let verdicts = concurrently(2) { writer -> [DedupVerdict?] in
                guard let connection = try? TestStack.database() else { return [] }
                return (0..<rounds).map { round in
                    arrived.add(1, ordering: .sequentiallyConsistent)
                    while arrived.load(ordering: .sequentiallyConsistent) < 2 * (round + 1) { sched_yield() }
                    return try? connection.transaction { connection in
                        let verdict = try DedupStore(connection).checkAndRecord(
                            sampleID: UUID(), scope: scopes[round], text: pairs[round][writer])
                        usleep(2000)
                        return verdict
                    }
                }
            }
            try #require(verdicts.count == 2 && verdicts.allSatisfy { $0.count == rounds })
            for round in 0..<rounds {
                let pair = [verdicts[0][round], verdicts[1][round]]
                #expect(pair.allSatisfy { $0 != nil }, "round \(round): a writer failed")
                #expect(pair.filter { $0 == .unique }.count == 1, "round \(round): \(pair)")
            }
        }
    }
}
