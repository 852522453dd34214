import Foundation
import Shared
import Synchronization
import Testing

extension StackTests.DedupStoreTests {
    /// Two writers each check a batch of 300 samples at the same moment, every sample of one a near-duplicate
    /// of one of the other's (in another order), and hold their transactions open a little after: of each pair
    /// exactly one is recorded, though a batch is six times the old 50-sample cap.
    @Test func twoWritersOfLargeBatchesOfNearDuplicatesKeepExactlyOneOfEachPair() throws {
        let size = 300
        let originals = (0..<size).map { _ in Self.randomText(words: 100) }
        let texts = [
            originals.map { $0.joined(separator: " ") },
            originals.map { Self.nearDuplicate(of: $0).joined(separator: " ") }.reversed(),
        ]
        let scope = DedupScope.job(UUID())
        let arrived = Atomic<Int>(0)
        let verdicts = concurrently(2) { writer -> [DedupVerdict]? in
            guard let connection = try? TestStack.database() else { return nil }
            let samples = texts[writer].map { FingerprintedSample(id: UUID(), text: $0) }
            arrived.add(1, ordering: .sequentiallyConsistent)
            while arrived.load(ordering: .sequentiallyConsistent) < 2 { sched_yield() }
            return try? connection.transaction { connection in
                let verdicts = try DedupStore(connection).checkAndRecord(samples, scope: scope)
                usleep(2000)
                return verdicts
            }
        }
        let first = try #require(verdicts.first ?? nil), second = try #require(verdicts.last ?? nil)
        try #require(first.count == size && second.count == size)
        for index in 0..<size {
            let pair = [first[index], second[size - 1 - index]]
            #expect(pair.filter { $0 == .unique }.count == 1, "pair \(index): \(pair)")
        }
    }

    /// A batch of any size holds one advisory lock per bucket of band keys, 64 at most, until its transaction
    /// ends (one per key and hash took 17 a sample, and the lock table has room for 64 per connection).
    @Test func aLargeBatchHoldsAtMostSixtyFourLocks() throws {
        let connection = try TestStack.database()
        let samples = (0..<500).map { _ in FingerprintedSample(id: UUID(), text: Self.randomText(words: 40).joined(separator: " ")) }
        let held = try connection.transaction { connection in
            let verdicts = try DedupStore(connection).checkAndRecord(samples, scope: .job(UUID()))
            #expect(verdicts.allSatisfy { $0 == .unique })
            let rows = try connection.execute(
                Statement(
                    "advisory locks held",
                    "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"))
            return try #require(rows.first).decode("n", as: Int.self)
        }
        #expect(held > 0 && held <= 64, "\(held) locks")
    }

    /// The band keys stored are those sql/0011 stored (`dedup_scoped_band_key`), so samples recorded before
    /// sql/0014 are still found by the samples checked after it.
    @Test func storedBandKeysAreScopedAsBefore() throws {
        let connection = try TestStack.database()
        let scope = DedupScope.job(UUID())
        let sample = FingerprintedSample(id: UUID(), text: Self.randomText(words: 50).joined(separator: " "))
        #expect(try DedupStore(connection).checkAndRecord([sample], scope: scope) == [.unique])
        guard case .job(let jobID) = scope else { return }
        let rows = try connection.execute(
            Statement(
                "stored band keys",
                """
                SELECT s.band_keys = ARRAY(
                           SELECT dedup_scoped_band_key('job', $1, (k.n - 1)::integer, k.key)
                           FROM unnest($2::bigint[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n) AS same
                FROM dedup_shingles s
                WHERE s.scope_kind = 'job' AND s.scope_id = $1 AND s.sample_id = $3
                """),
            [jobID, sample.fingerprint.bandKeys.map { Int64(bitPattern: $0) }, sample.id])
        #expect(try #require(rows.first).decode("same", as: Bool.self))
    }
}
